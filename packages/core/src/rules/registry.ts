import type { Rule } from './types.js';
import { branchName } from './branch-name.js';
import { branchTarget } from './branch-target.js';
import { versionFiles } from './version-files.js';
import { versionFormat } from './version-format.js';
import { versionAgree } from './version-agree.js';
import { versionLine } from './version-line.js';
import { versionIncrement } from './version-increment.js';
import { versionPrerelease } from './version-prerelease.js';
import { versionBump } from './version-bump.js';

/** Every rule, in the order findings are produced. Adding a rule = one file + one line here. */
export const RULES: readonly Rule[] = [
  // branch
  branchName,
  branchTarget,
  // version
  versionFiles,
  versionFormat,
  versionAgree,
  versionLine,
  versionIncrement,
  versionPrerelease,
  versionBump,
];

/** Looks a rule up by id. */
export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
