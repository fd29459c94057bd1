import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitError } from './errors.js';
import { createGit, type Git } from './git.js';
import { createTempRepo, type TempRepo } from './testing/temp-repo.js';

/** Ten numbered lines; `changes` replaces some of them (1-based). */
function numberedLines(changes: Record<number, string> = {}): string {
  return Array.from({ length: 10 }, (_, i) => changes[i + 1] ?? `line ${i + 1}`).join('\n') + '\n';
}

describe('Git.patchIds', () => {
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

  it.each([
    ['the default context', false],
    ['zero context', true],
  ])('gives every non-empty, non-merge commit its git patch id, with %s', async (_name, zero) => {
    const ids = await git.patchIds({ from: 'base', zeroContext: zero });
    const commits = ['original', 'context', 'moved', 'spaced', 'added', 'tight', 'picked'];
    expect(ids).toEqual(new Map(commits.map((name) => [sha[name], patchIdOf(sha[name]!, zero)])));
  });

  it.each([
    ['a cherry-pick and its original', 'picked', 'added', true, true],
    ['the same change with other surrounding lines', 'original', 'moved', false, true],
    ['changes that differ only in whitespace', 'tight', 'spaced', true, true],
    ['different changes', 'original', 'tight', false, false],
  ])('compares %s', async (_name, a, b, sameDefault, sameZero) => {
    const ids = await git.patchIds({ from: 'base' });
    const zero = await git.patchIds({ from: 'base', zeroContext: true });
    expect([
      ids.get(sha[a]!) === ids.get(sha[b]!),
      zero.get(sha[a]!) === zero.get(sha[b]!),
    ]).toEqual([sameDefault, sameZero]);
  });

  it('gives an empty commit and a merge no patch id', async () => {
    const ids = await git.patchIds({ from: 'base' });
    expect([ids.has(sha.empty!), ids.has(sha.merge!)]).toEqual([false, false]);
  });

  it('reads a range ending elsewhere than HEAD, and the root commit', async () => {
    expect(await git.patchIds({ from: 'main~1', to: 'other' })).toEqual(
      new Map([
        [sha.context, patchIdOf(sha.context!)],
        [sha.moved, patchIdOf(sha.moved!)],
        [sha.spaced, patchIdOf(sha.spaced!)],
        [sha.added, patchIdOf(sha.added!)],
      ]),
    );
    expect(await git.patchIds({ to: 'base' })).toEqual(new Map([[sha.base, patchIdOf(sha.base!)]]));
  });

  it('reads only the commits asked for, without a walk, and gives a merge among them no id', async () => {
    const asked = [sha.moved!, sha.picked!, sha.merge!, sha.empty!];
    expect(await git.patchIds({ commits: asked })).toEqual(
      new Map([
        [sha.moved, patchIdOf(sha.moved!)],
        [sha.picked, patchIdOf(sha.picked!)],
      ]),
    );
    expect(await git.patchIds({ commits: [sha.moved!], zeroContext: true })).toEqual(
      new Map([[sha.moved, patchIdOf(sha.moved!, true)]]),
    );
    expect(await git.patchIds({ commits: [] })).toEqual(new Map());
  });

  it('limits a range to the commits that change the paths, each with the id of its whole patch', async () => {
    // "added" (c.txt) on the other branch, "picked" (c.txt) on main; "spaced" changes b.txt.
    expect(await git.patchIds({ from: 'base', to: 'main', paths: ['c.txt'] })).toEqual(
      new Map([
        [sha.added, patchIdOf(sha.added!)],
        [sha.picked, patchIdOf(sha.picked!)],
      ]),
    );
    expect(
      await git.patchIds({
        commits: [sha.moved!, sha.spaced!],
        paths: ['b.txt'],
        zeroContext: true,
      }),
    ).toEqual(new Map([[sha.spaced, patchIdOf(sha.spaced!, true)]]));
    expect(await git.patchIds({ from: 'base', paths: [] })).toEqual(new Map());
  });

  it.each([
    [
      'a commit that is not a full sha',
      { commits: ['main'] },
      'the commit "main" is not a full sha',
    ],
    [
      'a path with a line break',
      { paths: ['a.txt\n--all'] },
      'the path "a.txt\\n--all" is empty or holds a line break',
    ],
  ])('refuses %s before running git', async (_name, options, reason) => {
    const error = await git.patchIds({ from: 'base', ...options }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).kind).toBe('invalid-argument');
    expect((error as GitError).message).toContain(reason);
  });

  it('fails an unknown revision with a GitError that names the log command', async () => {
    const error = await git.patchIds({ from: 'v9.9.9' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).kind).toBe('unknown-revision');
    expect((error as GitError).args.slice(0, 4)).toEqual([
      '-c',
      'log.showSignature=false',
      'log',
      '-p',
    ]);
    expect((error as GitError).args.slice(-3)).toEqual(['--end-of-options', 'v9.9.9..HEAD', '--']);
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
