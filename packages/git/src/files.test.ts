import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  checkRelativePath,
  FileAccessError,
  MAX_VERSION_FILE_BYTES,
  readFileInside,
} from './files.js';
import { createTempRepo, type TempRepo } from './testing/temp-repo.js';

const DOT_DOT = 'contains "..", so it could read a file outside the repository';
const ABSOLUTE = 'is absolute, so it could read a file outside the repository';

describe('checkRelativePath', () => {
  it.each([
    'package.json',
    'packages/app/package.json',
    './VERSION',
    'a..b/version.txt',
    '..version',
  ])('accepts %j', (path) => {
    expect(checkRelativePath(path)).toBeUndefined();
  });

  it.each([
    ['../outside/package.json', DOT_DOT],
    ['packages/../../etc/passwd', DOT_DOT],
    ['packages\\..\\..\\secret', DOT_DOT],
    ['..', DOT_DOT],
    ['/etc/passwd', ABSOLUTE],
    ['\\\\server\\share\\x', ABSOLUTE],
    ['C:\\Windows\\win.ini', ABSOLUTE],
    ['C:relative', ABSOLUTE],
    ['a\0b', 'contains a NUL character'],
  ])('refuses %j: it %s', (path, why) => {
    expect(checkRelativePath(path)).toBe(
      `The version file path ${JSON.stringify(path)} ${why}; expected a path relative to the ` +
        'repository root, e.g. "package.json" or "packages/app/package.json". ' +
        'See docs/policy.md#versioning',
    );
  });
});

describe('readFileInside', () => {
  let repo: TempRepo;
  let outside: string;

  beforeAll(async () => {
    repo = await createTempRepo({ init: false });
    outside = await repo.makeDir();
    await writeFile(join(outside, 'secret.txt'), 'TOKEN=abc\n');
    await repo.write('package.json', '{ "version": "1.2.3" }\n');
    await repo.write('nested/VERSION', '2.0.0\n');
    await mkdir(join(repo.dir, 'adir'));
    await symlink(join(outside, 'secret.txt'), join(repo.dir, 'leak.txt'));
    await symlink(outside, join(repo.dir, 'linked-dir'));
    await symlink('nested/VERSION', join(repo.dir, 'VERSION'));
    await symlink('does-not-exist', join(repo.dir, 'dangling'));
    await repo.write(
      '.git/config',
      '[core]\n\tbare = false\n[http]\n\textraheader = AUTHORIZATION: basic TOKEN\n',
    );
    await symlink('.git/config', join(repo.dir, 'git-config.json'));
    await symlink('.git', join(repo.dir, 'gitdir'));
    await writeFile(join(repo.dir, 'big.json'), Buffer.alloc(MAX_VERSION_FILE_BYTES + 1, 0x20));
  });
  afterAll(() => repo.cleanup());

  it('reads files inside the tree, following links that stay inside', async () => {
    expect(await readFileInside(repo.dir, 'package.json')).toBe('{ "version": "1.2.3" }\n');
    expect(await readFileInside(repo.dir, 'VERSION')).toBe('2.0.0\n');
  });

  it.each(['missing.json', 'nested/missing', 'package.json/child', 'dangling'])(
    'returns undefined for %j, which does not exist',
    async (path) => {
      expect(await readFileInside(repo.dir, path)).toBeUndefined();
    },
  );

  it.each([
    ['leak.txt', 'leads outside the working tree or into .git'],
    ['linked-dir/secret.txt', 'leads outside the working tree or into .git'],
    ['git-config.json', 'leads outside the working tree or into .git'],
    ['gitdir/config', 'leads outside the working tree or into .git'],
    ['.git/config', 'leads outside the working tree or into .git'],
    ['adir', 'not a regular file'],
    ['big.json', 'limit'],
  ])('refuses %j', async (path, why) => {
    const error = await readFileInside(repo.dir, path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileAccessError);
    expect((error as FileAccessError).file).toBe(path);
    expect((error as FileAccessError).message).toContain(why);
    expect((error as FileAccessError).message).not.toMatch(/TOKEN|\[core\]/);
  });
});
