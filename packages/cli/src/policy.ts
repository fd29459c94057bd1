import { readFile } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import {
  defaultPolicy,
  loadPolicy,
  POLICY_PATH,
  UsageError,
  type Policy,
} from '@release-policy/core';

/**
 * Reads the policy: the explicit file when given (it must exist), else
 * `.github/release-policy.yml` under `cwd` when present, else the embedded
 * default policy. Throws `ConfigError` for a malformed file.
 */
export async function readPolicy(cwd: string, explicit?: string): Promise<Policy> {
  const path = explicit
    ? isAbsolute(explicit)
      ? explicit
      : join(cwd, explicit)
    : join(cwd, POLICY_PATH);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!explicit && code === 'ENOENT') return defaultPolicy();
    throw new UsageError(
      `Cannot read the policy file ${JSON.stringify(explicit ?? POLICY_PATH)} (${code ?? 'error'}). ` +
        `Give an existing file, e.g. --policy ${POLICY_PATH}, or run "release-policy init" to write one. ` +
        'See docs/policy.md',
      { cause: error },
    );
  }
  const shown = explicit && isAbsolute(explicit) ? explicit : relative(cwd, path) || path;
  return loadPolicy(text, shown);
}
