import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locateExecutable } from './locate.js';

describe('locateExecutable', () => {
  let root: string;
  let empty: string;
  let plain: string;
  let folder: string;
  let found: string;
  let later: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'release-policy-locate-'));
    const makeFolder = async (name: string) => {
      const dir = join(root, name);
      await mkdir(dir);
      return dir;
    };
    empty = await makeFolder('empty');
    plain = await makeFolder('plain');
    folder = await makeFolder('folder');
    found = await makeFolder('found');
    later = await makeFolder('later');
    // A file the process may not execute, and a directory of that name: the child's search skips both.
    await writeFile(join(plain, 'git'), 'not a program\n');
    await chmod(join(plain, 'git'), 0o644);
    await mkdir(join(folder, 'git'));
    for (const dir of [found, later]) {
      await writeFile(join(dir, 'git'), '#!/bin/sh\n');
      await chmod(join(dir, 'git'), 0o755);
    }
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const onPath = (...dirs: string[]) => ({ PATH: dirs.join(':') });

  it('finds the first executable file on PATH, past missing, plain and directory entries', () => {
    expect(
      locateExecutable(
        'git',
        onPath(join(root, 'missing'), empty, plain, folder, found, later),
        'linux',
      ),
    ).toBe(join(found, 'git'));
  });

  it('keeps the bare name when nothing on PATH is executable, so the spawn error stays the same', () => {
    expect(locateExecutable('git', onPath(empty, plain, folder), 'linux')).toBe('git');
  });

  it('keeps the bare name when an entry before the hit names the working directory', () => {
    // An empty entry, "." or a relative folder is resolved by the child in its own working directory.
    expect(locateExecutable('git', { PATH: `${empty}::${found}` }, 'linux')).toBe('git');
    expect(locateExecutable('git', onPath('.', found), 'linux')).toBe('git');
    expect(locateExecutable('git', onPath('bin', found), 'linux')).toBe('git');
    // After the hit they do not matter.
    expect(locateExecutable('git', onPath(found, '', 'bin'), 'linux')).toBe(join(found, 'git'));
  });

  it('keeps names with a slash, an absent PATH and Windows as they are', () => {
    expect(locateExecutable('./git', onPath(found), 'linux')).toBe('./git');
    expect(locateExecutable(join(later, 'git'), onPath(found), 'linux')).toBe(join(later, 'git'));
    expect(locateExecutable('git', {}, 'linux')).toBe('git');
    expect(locateExecutable('git', { PATH: '' }, 'linux')).toBe('git');
    expect(locateExecutable('git', onPath(found), 'win32')).toBe('git');
  });
});
