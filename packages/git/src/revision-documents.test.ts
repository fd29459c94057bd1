import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { createGit } from './git.js';
import { readDocumentAt } from './revision-documents.js';
import { createTempRepo, type TempRepo } from './testing/temp-repo.js';

let repo: TempRepo;
beforeEach(async () => {
  repo = await createTempRepo();
  await repo.commit('docs: templates', {
    'docs/t.md': '# Template\n',
    'docs/bin.md': 'a\0b',
    'docs/sub/x.md': 'x\n',
  });
  await symlink('t.md', join(repo.dir, 'docs/inside.md'));
  await symlink('../../outside.md', join(repo.dir, 'docs/out.md'));
  await symlink('../.git/config', join(repo.dir, 'docs/git.md'));
  await symlink('gone.md', join(repo.dir, 'docs/dangling.md'));
  repo.git(['add', '-A']);
  await repo.commit('docs: links');
  repo.git(['tag', 'base']);
  // The working tree changes after the base: what is read is the base's.
  await repo.commit('docs: edit', { 'docs/t.md': '# Edited\n' });
});
afterEach(() => repo.cleanup());

describe('readDocumentAt', () => {
  it.each([
    ['docs/t.md', { path: 'docs/t.md', size: 11, text: '# Template\n' }],
    ['docs/inside.md', { path: 'docs/inside.md', size: 11, text: '# Template\n' }],
    ['docs/out.md', { path: 'docs/out.md', outside: true }],
    ['docs/git.md', { path: 'docs/git.md', outside: true }],
    [
      'docs/dangling.md',
      {
        path: 'docs/dangling.md',
        size: 0,
        problem: 'unreadable',
        detail: 'a symbolic link to a file that does not exist',
      },
    ],
    ['docs/bin.md', { path: 'docs/bin.md', size: 3, problem: 'binary' }],
    ['docs/sub', { path: 'docs/sub', size: 0, problem: 'not-file' }],
    ['docs/none.md', undefined],
    ['nowhere/none.md', undefined],
  ])('reads %j as of the base as the working tree would: %j', async (path, expected) => {
    const git = createGit({ cwd: repo.dir, env: repo.env });
    expect(await readDocumentAt(git, 'base', path)).toEqual(expected);
  });

  it.each(['docs/t.md', './docs/t.md'])(
    'reads %j from the top directory when git runs in a subfolder',
    async (path) => {
      // From docs/sub, ls-tree lists only that folder's entries and git reads `rev:./path` from it.
      const git = createGit({ cwd: join(repo.dir, 'docs/sub'), env: repo.env });
      expect(await readDocumentAt(git, 'base', path)).toEqual({
        path,
        size: 11,
        text: '# Template\n',
      });
    },
  );
});
