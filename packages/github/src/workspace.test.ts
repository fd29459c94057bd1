import { describe, it, expect } from '@jest/globals';
import { InputError } from './errors.js';
import { resolveWorkingDirectory } from './workspace.js';

describe('resolveWorkingDirectory', () => {
  it.each([
    ['', '/ws'],
    ['.', '/ws'],
    ['app', '/ws/app'],
    ['packages/app/../lib', '/ws/packages/lib'],
  ])('resolves %j inside the workspace', (input, expected) => {
    expect(resolveWorkingDirectory('/ws', input, 'version')).toBe(expected);
  });

  it.each(['../../../../etc', '/etc', '..'])(
    'refuses %j as leaving the workspace, linking the action inputs',
    (input) => {
      let thrown: unknown;
      try {
        resolveWorkingDirectory('/ws', input, 'changelog');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InputError);
      expect((thrown as Error).message).toBe(
        `The working-directory input ${JSON.stringify(input)} leaves the workspace. Give a folder inside the ` +
          'checked-out repository, relative to it, e.g. "packages/app". Read more: docs/actions.md#changelog-inputs',
      );
    },
  );
});
