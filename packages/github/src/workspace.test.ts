import { afterAll, beforeAll, describe, it, expect } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from './errors.js';
import { resolveWorkingDirectory } from './workspace.js';

let ws: string;
let outside: string;

beforeAll(() => {
  outside = mkdtempSync(join(tmpdir(), 'rp-outside-'));
  ws = mkdtempSync(join(tmpdir(), 'rp-ws-'));
  mkdirSync(join(ws, 'app'));
  mkdirSync(join(ws, 'packages/lib'), { recursive: true });
  writeFileSync(join(ws, 'README.md'), '# app\n');
  symlinkSync(outside, join(ws, 'escape'));
  symlinkSync(join(ws, 'app'), join(ws, 'alias'));
});

afterAll(() => {
  rmSync(ws, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

function messageOf(input: string): string {
  try {
    resolveWorkingDirectory(ws, input, 'changelog');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error(`expected ${input} to be refused`);
}

describe('resolveWorkingDirectory', () => {
  it.each([
    ['', ''],
    ['.', ''],
    ['app', '/app'],
    ['packages/app/../lib', '/packages/lib'],
    ['alias', '/alias'],
  ])('resolves %j inside the workspace', (input, suffix) => {
    expect(resolveWorkingDirectory(ws, input, 'version')).toBe(ws + suffix);
  });

  it.each(['../../../../etc', '/etc', '..', 'escape'])(
    'refuses %j as leaving the workspace, linking the action inputs',
    (input) => {
      expect(messageOf(input)).toBe(
        `The working-directory input ${JSON.stringify(input)} leaves the workspace. Give a folder inside the ` +
          'checked-out repository, relative to it, e.g. "packages/app". Read more: docs/actions.md#changelog-inputs',
      );
    },
  );

  it('says a missing folder names nothing, and a file is not a folder', () => {
    expect(messageOf('pakages/app')).toBe(
      'The working-directory input "pakages/app" names no folder in the workspace. Check the path (relative ' +
        'to the repository root) and that the checkout step ran before this one. Read more: ' +
        'docs/actions.md#changelog-inputs',
    );
    expect(messageOf('README.md')).toBe(
      'The working-directory input "README.md" is a file, not a folder. Give the folder that holds the ' +
        'project, e.g. "packages/app". Read more: docs/actions.md#changelog-inputs',
    );
  });
});
