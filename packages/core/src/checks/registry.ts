/**
 * Every check, in the order `check` runs them. Adding a check is one folder
 * beside this file and one line here: the CLI command, `check`'s list, the
 * JSON output, the action outputs, the policy sections and the docs tables
 * follow from the definitions.
 */
import { auditCheck } from './audit/index.js';
import { branchCheck } from './branch/index.js';
import { docsCheck } from './docs/index.js';
import { changelogCheck } from './changelog/index.js';
import { patchesCheck } from './patches/index.js';
import { promoteCheck } from './promote/index.js';
import type { CheckDefinition } from './types.js';
import { versionCheck } from './version/index.js';

/** Every check. */
export const CHECKS = [
  branchCheck,
  versionCheck,
  docsCheck,
  patchesCheck,
  changelogCheck,
  promoteCheck,
  auditCheck,
] as const;

/** The name of a check: `branch`, `version`, … */
export type CheckName = (typeof CHECKS)[number]['name'];

/** True when `name` is the name of a check. */
export function isCheckName(name: string): name is CheckName {
  return CHECKS.some((check) => check.name === name);
}

/** The definitions of the named checks, in registry order. */
export function selectChecks(names: readonly string[]): CheckDefinition[] {
  return CHECKS.filter((check) => names.includes(check.name));
}
