/** Where in the workspace an action works: its `working-directory` input, kept inside. */
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { quoteValue } from '@release-policy/core';
import { InputError } from './errors.js';
import { ACTIONS_DOCS } from './text.js';

function isInside(root: string, path: string): boolean {
  const inside = relative(root, path);
  return !(
    inside === '..' ||
    inside.startsWith('../') ||
    inside.startsWith('..\\') ||
    isAbsolute(inside)
  );
}

/**
 * The `working-directory` input of the action `action` resolved against the
 * workspace (`.` when empty). The folder must exist and stay inside the
 * workspace by its real path too: a symlink in the repository pointing
 * elsewhere is refused like `../..`.
 * @throws InputError when it leaves the workspace (`../../etc`, an absolute path elsewhere, a symlink
 *   out), or is not a folder, naming the action's inputs.
 */
export function resolveWorkingDirectory(
  workspace: string,
  input: string | undefined,
  action: string,
): string {
  const root = resolve(workspace);
  const cwd = resolve(root, input || '.');
  const readMore = `Read more: ${ACTIONS_DOCS}#${action}-inputs`;
  const leaves = new InputError(
    `The working-directory input ${quoteValue(input)} leaves the workspace. Give a folder inside the ` +
      `checked-out repository, relative to it, e.g. "packages/app". ${readMore}`,
  );
  if (!isInside(root, cwd)) throw leaves;
  let real: string;
  try {
    real = realpathSync(cwd);
  } catch {
    throw new InputError(
      `The working-directory input ${quoteValue(input)} names no folder in the workspace. Check the path ` +
        `(relative to the repository root) and that the checkout step ran before this one. ${readMore}`,
    );
  }
  if (!isInside(realpathSync(root), real)) throw leaves;
  if (!statSync(real).isDirectory()) {
    throw new InputError(
      `The working-directory input ${quoteValue(input)} is a file, not a folder. Give the folder that ` +
        `holds the project, e.g. "packages/app". ${readMore}`,
    );
  }
  return cwd;
}
