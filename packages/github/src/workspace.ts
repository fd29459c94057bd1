/** Where in the workspace an action works: its `working-directory` input, kept inside. */
import { isAbsolute, relative, resolve } from 'node:path';
import { quoteValue } from '@release-policy/core';
import { InputError } from './errors.js';
import { ACTIONS_DOCS } from './text.js';

/**
 * The `working-directory` input of the action `action` resolved against the
 * workspace (`.` when empty).
 * @throws InputError when it leaves the workspace (`../../etc`, an absolute path elsewhere), naming the action's inputs.
 */
export function resolveWorkingDirectory(
  workspace: string,
  input: string | undefined,
  action: string,
): string {
  const cwd = resolve(workspace, input || '.');
  const inside = relative(resolve(workspace), cwd);
  if (
    inside === '..' ||
    inside.startsWith('../') ||
    inside.startsWith('..\\') ||
    isAbsolute(inside)
  ) {
    throw new InputError(
      `The working-directory input ${quoteValue(input)} leaves the workspace. Give a folder inside the ` +
        `checked-out repository, relative to it, e.g. "packages/app". Read more: ${ACTIONS_DOCS}#${action}-inputs`,
    );
  }
  return cwd;
}
