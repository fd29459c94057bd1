import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitError } from './errors.js';
import { createGit, type Git } from './git.js';
import { createTempRepo, type TempRepo } from './testing/temp-repo.js';

/** Ten numbered lines; `changes` replaces some of them (1-based). */
function numberedLines(changes: Record<number, string> = {}): string {
  return Array.from({ length: 10 }, (_, i) => changes[i + 1] ?? `line ${i + 1}`).join('\n') + '\n';
}

describe('Git.patchIdPairs', () => {
  let repo: TempRepo;
  let git: Git;
  const sha: Record<string, string> = {};
  /** The patch id of one commit, asked of git for that commit alone (`git show | git patch-id`). */
  const patchIdOf = (commit: string, zeroContext = false): string =>
    repo
      .git(['patch-id', '--stable'], {
        input: repo.git(['show', ...(zeroContext ? ['-U0'] : []), `${commit}`]) + '\n',
      })
      .split(' ')[0]!;

  beforeAll(async () => {
    repo = await createTempRepo();
    git = createGit({ cwd: repo.dir, env: repo.env });
    sha.base = await repo.commit('chore: base\n', {
      'a.txt': numberedLines(),
      'b.txt': 'x=1\n',
    });
    repo.git(['tag', 'base']);
    // main: a change, the same change with other surroundings, a whitespace variant, an empty commit.
    sha.original = await repo.commit('fix: five\n', { 'a.txt': numberedLines({ 5: 'five' }) });
    repo.git(['checkout', '--quiet', '-b', 'other', 'base']);
    sha.context = await repo.commit('chore: three\n', { 'a.txt': numberedLines({ 3: 'three' }) });
    sha.moved = await repo.commit('fix: five elsewhere\n', {
      'a.txt': numberedLines({ 3: 'three', 5: 'five' }),
    });
    sha.spaced = await repo.commit('fix: spaced\n', { 'b.txt': 'x=1\n  y  =  2\n' });
    sha.added = await repo.commit('feat: c\n', { 'c.txt': 'c\n' });
    sha.empty = await repo.commit('chore: empty\n');
    repo.git(['checkout', '--quiet', 'main']);
    sha.tight = await repo.commit('fix: tight\n', { 'b.txt': 'x=1\ny=2\n' });
    repo.git(['cherry-pick', sha.added]);
    sha.picked = repo.git(['rev-parse', 'HEAD']);
    repo.git(['merge', '--quiet', '--strategy=ours', '-m', 'Merge other', 'other']);
    sha.merge = repo.git(['rev-parse', 'HEAD']);
  });
  afterAll(() => repo.cleanup());

  const all = () =>
    [
      'base',
      'original',
      'context',
      'moved',
      'spaced',
      'added',
      'empty',
      'tight',
      'picked',
      'merge',
    ].map((name) => sha[name]!);

  it('gives every non-empty, non-merge commit its git patch ids, the root included', async () => {
    const ids = await git.patchIdPairs({ commits: all(), zeroContextCommits: all() });
    const named = ['base', 'original', 'context', 'moved', 'spaced', 'added', 'tight', 'picked'];
    expect(ids).toEqual({
      full: new Map(named.map((name) => [sha[name], patchIdOf(sha[name]!)])),
      zero: new Map(named.map((name) => [sha[name], patchIdOf(sha[name]!, true)])),
    });
    // An empty commit and a merge have no patch: no id of either kind.
    expect([ids.full.has(sha.empty!), ids.zero.has(sha.merge!)]).toEqual([false, false]);
  });

  it.each([
    ['a cherry-pick and its original', 'picked', 'added', true, true],
    ['the same change with other surrounding lines', 'original', 'moved', false, true],
    ['changes that differ only in whitespace', 'tight', 'spaced', true, true],
    ['different changes', 'original', 'tight', false, false],
  ])('compares %s', async (_name, a, b, sameDefault, sameZero) => {
    const { full, zero } = await git.patchIdPairs({ commits: all(), zeroContextCommits: all() });
    expect([
      full.get(sha[a]!) === full.get(sha[b]!),
      zero.get(sha[a]!) === zero.get(sha[b]!),
    ]).toEqual([sameDefault, sameZero]);
  });

  it('reads both kinds of ids through one patch-id, each for the commits asked, as git gives them alone', async () => {
    const full = ['moved', 'original', 'merge', 'empty'].map((name) => sha[name]!);
    const zero = ['original', 'moved', 'spaced'].map((name) => sha[name]!);
    const ids = await git.patchIdPairs({ commits: full, zeroContextCommits: zero });
    expect(ids).toEqual({
      full: new Map(['moved', 'original'].map((n) => [sha[n], patchIdOf(sha[n]!)])),
      zero: new Map(['original', 'moved', 'spaced'].map((n) => [sha[n], patchIdOf(sha[n]!, true)])),
    });
    // The same change with other context lines: only the zero-context ids are equal.
    expect(ids.full.get(sha.moved!)).not.toBe(ids.full.get(sha.original!));
    expect(ids.zero.get(sha.moved!)).toBe(ids.zero.get(sha.original!));
  });

  it.each([
    ['no commit of either kind', [], []],
    ['only zero-context commits', [], ['spaced']],
    ['only commits with context', ['spaced'], []],
  ])('reads pairs with %s', async (_name, full, zero) => {
    const shas = (names: string[]) => names.map((name) => sha[name]!);
    const ids = await git.patchIdPairs({ commits: shas(full), zeroContextCommits: shas(zero) });
    expect(ids).toEqual({
      full: new Map(shas(full).map((c) => [c, patchIdOf(c)])),
      zero: new Map(shas(zero).map((c) => [c, patchIdOf(c, true)])),
    });
  });

  it('refuses a pair list with a commit that is not a full sha before running git', async () => {
    const error = await git
      .patchIdPairs({ commits: [sha.original!], zeroContextCommits: ['HEAD'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).kind).toBe('invalid-argument');
    expect((error as GitError).message).toContain('the commit "HEAD" is not a full sha');
  });
});
