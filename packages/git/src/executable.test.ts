import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findExecutable } from './executable.js';

describe('findExecutable', () => {
  let root: string;
  /** Folder name → its path under `root`; made in beforeAll. */
  const dirs: Record<string, string> = {};
  /** PATH of the named folders (or, for a name with a slash or none at all, the text itself). */
  const onPath = (...names: string[]) => ({
    PATH: names.map((name) => dirs[name] ?? name).join(':'),
  });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'release-policy-executable-'));
    for (const name of ['empty', 'plain', 'folder', 'found', 'later', 'linked', 'loop']) {
      dirs[name] = join(root, name);
      await mkdir(dirs[name]);
    }
    // Skipped by the child's search: a file it may not execute, and a directory of that name.
    await writeFile(join(root, 'plain', 'git'), 'not a program\n');
    await chmod(join(root, 'plain', 'git'), 0o644);
    await mkdir(join(root, 'folder', 'git'));
    for (const name of ['found', 'later']) {
      await writeFile(join(root, name, 'git'), '#!/bin/sh\n');
      await chmod(join(root, name, 'git'), 0o755);
    }
    // A link to an executable runs it; a link to itself stops the child's search (ELOOP).
    await symlink(join(root, 'later', 'git'), join(root, 'linked', 'git'));
    await symlink(join(root, 'loop', 'git'), join(root, 'loop', 'git'));
    // A PATH entry that is a file, not a folder (ENOTDIR): skipped.
    dirs.file = join(root, 'later', 'git');
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it.each([
    ['the first executable file', ['found', 'later'], ['found', 'git']],
    ['past a missing folder', [join('/nonexistent', 'bin'), 'found'], ['found', 'git']],
    ['past an empty folder', ['empty', 'found'], ['found', 'git']],
    ['past a file without execute permission', ['plain', 'found'], ['found', 'git']],
    ['past a directory named git', ['folder', 'found'], ['found', 'git']],
    ['past an entry that is a file', ['file', 'found'], ['found', 'git']],
    ['through a link, named as the link', ['linked', 'found'], ['linked', 'git']],
    ['with empty and relative entries after the hit', ['found', '', 'bin'], ['found', 'git']],
  ])('finds %s', (_case, path, [dir, file]) => {
    expect(findExecutable('git', onPath(...path), 'linux')).toBe(join(root, dir!, file!));
  });

  it.each([
    ['nothing on PATH is executable', 'git', ['empty', 'plain', 'folder']],
    ['an empty entry comes first', 'git', ['empty', '', 'found']],
    ['"." comes first', 'git', ['.', 'found']],
    ['a relative entry comes first', 'git', ['bin', 'found']],
    ['an error stops the search (a link loop)', 'git', ['loop', 'found']],
    ['the name has a slash', './git', ['found']],
  ])('keeps the name as given when %s', (_case, name, path) => {
    expect(findExecutable(name, onPath(...path), 'linux')).toBe(name);
  });

  it.each([
    ['there is no PATH', {}],
    ['PATH is empty', { PATH: '' }],
  ])('keeps the name as given when %s', (_case, env) => {
    expect(findExecutable('git', env, 'linux')).toBe('git');
  });

  it('keeps the name on Windows, whose lookup also tries extensions', () => {
    expect(findExecutable('git', onPath('found'), 'win32')).toBe('git');
  });
});
