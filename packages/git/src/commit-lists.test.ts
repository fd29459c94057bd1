import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitError } from './errors.js';
import { createGit, type Git } from './git.js';
import { createTempRepo, type TempRepo } from './testing/temp-repo.js';

describe('Git.listChangedPaths and Git.listSymmetricDifference', () => {
  let repo: TempRepo;
  let git: Git;
  const sha: Record<string, string> = {};

  beforeAll(async () => {
    repo = await createTempRepo();
    git = createGit({ cwd: repo.dir, env: repo.env });
    sha.root = await repo.commit('chore: root\n', { 'a.txt': 'a\n', 'docs/guide.md': 'guide\n' });
    repo.git(['checkout', '--quiet', '-b', 'side']);
    sha.side = await repo.commit('fix: side (#7)\n\nA body line.\n', { 'b.txt': 'b\n' });
    repo.git(['checkout', '--quiet', 'main']);
    sha.spaced = await repo.commit('feat: a folder with spaces\n', {
      'my docs/read me.md': 'hello\n',
      'a.txt': 'A\n',
    });
    repo.git(['mv', 'docs/guide.md', 'docs/manual.md']);
    sha.renamed = await repo.commit('docs: rename the guide\n');
    sha.empty = await repo.commit('chore: nothing\n');
    repo.git(['merge', '--quiet', '--no-ff', '-m', 'Merge pull request #8 from x/side', 'side']);
    sha.merge = repo.git(['rev-parse', 'HEAD']);
  });
  afterAll(() => repo.cleanup());

  it('lists the paths each commit changes: both sides of a rename, none for an empty commit, no entry for a merge', async () => {
    const asked = [sha.root!, sha.spaced!, sha.renamed!, sha.empty!, sha.merge!];
    expect(await git.listChangedPaths(asked)).toEqual(
      new Map([
        [sha.root, ['a.txt', 'docs/guide.md']],
        [sha.spaced, ['a.txt', 'my docs/read me.md']],
        [sha.renamed, ['docs/guide.md', 'docs/manual.md']],
        [sha.empty, []],
      ]),
    );
    expect(await git.listChangedPaths([])).toEqual(new Map());
  });

  it('refuses a commit that is not a full sha before running git', async () => {
    const error = await git.listChangedPaths(['--all']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).kind).toBe('invalid-argument');
    expect((error as GitError).message).toContain('the commit "--all" is not a full sha');
  });

  it('walks both sides of a symmetric difference with the boundary and messages', async () => {
    const walked = await git.listSymmetricDifference('side', 'main');
    const shown = walked.map((c) => [c.side, c.sha, c.parents.length, c.subject]);
    // Only the merge is newer than the rest (same commit time): sort the others for a stable comparison.
    expect(shown[0]).toEqual(['right', sha.merge, 2, 'Merge pull request #8 from x/side']);
    expect(shown.slice(1).sort()).toEqual(
      [
        ['boundary', sha.side, 1, 'fix: side (#7)'],
        // The root is a parent of a right commit too: a boundary commit that is no merge base.
        ['boundary', sha.root, 0, 'chore: root'],
        ['right', sha.spaced, 1, 'feat: a folder with spaces'],
        ['right', sha.renamed, 1, 'docs: rename the guide'],
        ['right', sha.empty, 1, 'chore: nothing'],
      ].sort(),
    );
    // Only the right side's messages are kept: the left (a mainline's history) is read for its subjects.
    expect(walked.filter((c) => c.side !== 'right').map((c) => c.message)).toEqual([
      undefined,
      undefined,
    ]);
    const other = await git.listSymmetricDifference(sha.root!, 'side');
    expect(other.map((c) => [c.side, c.sha, c.message])).toEqual([
      ['right', sha.side, 'fix: side (#7)\n\nA body line.'],
      ['boundary', sha.root, undefined],
    ]);
    const left = await git.listSymmetricDifference('side', sha.root!);
    expect(left.map((c) => [c.side, c.sha, c.subject, c.message])).toEqual([
      ['left', sha.side, 'fix: side (#7)', undefined],
      ['boundary', sha.root, 'chore: root', undefined],
    ]);
  });

  it('lists the paths of the commits of a range that change given paths, each with all it changes', async () => {
    const range = { from: sha.root!, to: 'main' };
    expect(await git.listChangedPathsInRange(range, ['a.txt', 'docs/guide.md'])).toEqual(
      new Map([
        [sha.spaced, ['a.txt', 'my docs/read me.md']],
        [sha.renamed, ['docs/guide.md', 'docs/manual.md']],
      ]),
    );
    expect(await git.listChangedPathsInRange(range, ['my docs'])).toEqual(
      new Map([[sha.spaced, ['a.txt', 'my docs/read me.md']]]),
    );
    expect(await git.listChangedPathsInRange(range, [])).toEqual(new Map());
    expect((await git.listChangedPathsInRange(range)).get(sha.empty!)).toEqual([]);
  });

  it('keeps a right-side message verbatim but for its final line breaks, however many', async () => {
    // A message of 100,000 line breaks (git commit --cleanup=verbatim) trims in one pass.
    const message = `fix: verbatim\r\n\n  kept\t\n${'\n'.repeat(50_000)}${'\r\n'.repeat(50_000)}`;
    repo.git(['branch', 'verbatim', sha.root!]);
    repo.git(['checkout', '--quiet', 'verbatim']);
    repo.git(['commit', '--quiet', '--allow-empty', '--cleanup=verbatim', '-F', '-'], {
      input: message,
    });
    const tip = repo.git(['rev-parse', 'HEAD']);
    repo.git(['checkout', '--quiet', 'main']);
    const walked = await git.listSymmetricDifference(sha.root!, 'verbatim');
    expect(walked.map((c) => [c.side, c.sha, c.message])).toEqual([
      ['right', tip, 'fix: verbatim\r\n\n  kept\t'],
      ['boundary', sha.root, undefined],
    ]);
  });

  it('refuses a revision git would read as an option before running git', async () => {
    const error = await git.listSymmetricDifference('main', '--all').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).kind).toBe('invalid-argument');
  });
});
