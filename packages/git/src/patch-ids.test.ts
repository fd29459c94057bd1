import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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

describe('Git.patchIdPairs on patches whose context lines and settings matter', () => {
  let repo: TempRepo;
  let git: Git;
  const commits: Record<string, string> = {};
  /**
   * git's own id of one commit with git's default diff settings, bytes piped as they are:
   * `git show --full-index [-U0] <sha> | git patch-id --stable` (a binary file's id hashes its
   * index line: full blob ids, as the adapter reads them, never abbreviations that grow with the
   * repository). The repository's own settings below must not change the adapter's ids.
   */
  const gitPatchId = (sha: string, zeroContext: boolean): string | undefined => {
    const run = (args: string[], input?: Buffer): Buffer =>
      execFileSync('git', args, { cwd: repo.dir, env: repo.env, input, maxBuffer: 1 << 30 });
    const defaults = ['diff.suppressBlankEmpty=false', 'diff.context=3', 'diff.interHunkContext=0'];
    const patch = run([
      ...defaults.flatMap((setting) => ['-c', setting]),
      'show',
      '--format=%H',
      '--full-index',
      '--submodule=short',
      ...(zeroContext ? ['-U0'] : []),
      sha,
    ]);
    const line = run(['patch-id', '--stable'], patch).toString('latin1').trim();
    return line === '' ? undefined : line.split(' ')[0];
  };
  const lines = (count: number, changes: Record<number, string> = {}, end = '\n'): string =>
    Array.from({ length: count }, (_, i) => changes[i + 1] ?? `line ${i + 1}`).join('\n') + end;

  beforeAll(async () => {
    repo = await createTempRepo();
    git = createGit({ cwd: repo.dir, env: repo.env });
    const write = (path: string, content: string | Buffer) =>
      writeFile(join(repo.dir, path), content);
    await repo.commit('chore: base\n', {
      'a.txt': lines(30),
      'tail.txt': lines(8, {}, ''),
      'crlf.txt': lines(10).replaceAll('\n', '\r\n'),
      'blank.txt': 'one\n\ntwo\n\nthree\n\nfour\n',
      'old.txt': 'old\n',
      'script.sh': 'echo hi\n',
    });
    await write('latin1.txt', Buffer.from('caf\xe9\nna\xefve\nline 3\n', 'latin1'));
    await write('image.bin', Buffer.from([0, 1, 2, 3, 255, 0, 7]));
    repo.git(['add', 'latin1.txt', 'image.bin']);
    repo.git(['commit', '--quiet', '-m', 'chore: binary and latin-1']);
    // One hunk with three context lines around two changes four lines apart; two without.
    commits.near = await repo.commit('fix: near\n', {
      'a.txt': lines(30, { 10: 'ten', 14: 'fourteen' }),
    });
    // Changes at the end of a file without a final line break, and next to its unchanged last line.
    commits.tail = await repo.commit('fix: tail\n', { 'tail.txt': lines(8, { 8: 'eight' }, '') });
    commits.nearTail = await repo.commit('fix: near the tail\n', {
      'tail.txt': lines(8, { 6: 'six', 8: 'eight' }, ''),
    });
    commits.crlf = await repo.commit('fix: crlf\n', {
      'crlf.txt': lines(10, { 5: 'five' }).replaceAll('\n', '\r\n'),
    });
    await write('latin1.txt', Buffer.from('caf\xe9\nna\xefve \xa7\nline 3\n', 'latin1'));
    repo.git(['add', 'latin1.txt']);
    repo.git(['commit', '--quiet', '-m', 'fix: latin-1']);
    commits.latin1 = repo.git(['rev-parse', 'HEAD']);
    await write('image.bin', Buffer.from([0, 1, 2, 4, 255, 0, 7]));
    repo.git(['add', 'image.bin']);
    repo.git(['rm', '--quiet', 'old.txt']);
    repo.git(['update-index', '--chmod=+x', 'script.sh']);
    await write('new.txt', 'new\nfile\n');
    repo.git(['add', 'new.txt']);
    repo.git(['commit', '--quiet', '-m', 'chore: binary, deleted, mode, new']);
    commits.headers = repo.git(['rev-parse', 'HEAD']);
    repo.git(['mv', 'a.txt', 'renamed.txt']);
    await write('renamed.txt', lines(30, { 10: 'ten', 14: 'fourteen', 29: 'twenty-nine' }));
    repo.git(['add', 'renamed.txt']);
    repo.git(['commit', '--quiet', '-m', 'refactor: rename and change']);
    commits.rename = repo.git(['rev-parse', 'HEAD']);
    // Blank context lines in two hunks, and a second file after them.
    commits.blank = await repo.commit('fix: blank context\n', {
      'blank.txt': lines(30, { 3: '', 5: 'five', 20: 'twenty', 22: '' }),
      'crlf.txt': lines(10, { 5: 'five', 9: 'nine' }).replaceAll('\n', '\r\n'),
    });
    // A submodule's commit moved (a gitlink, no submodule checked out) beside a file change.
    const gitlink = (sha: string) => ['update-index', '--add', '--cacheinfo', `160000,${sha},sub`];
    repo.git(gitlink(commits.near!));
    repo.git(['commit', '--quiet', '-m', 'chore: submodule']);
    repo.git(gitlink(commits.tail!));
    await repo.commit('fix: submodule and file\n', { 'new.txt': 'new\nfile\nagain\n' });
    commits.submodule = repo.git(['rev-parse', 'HEAD']);
    // More changed lines than a call's arguments may hold.
    commits.large = await repo.commit('chore: large\n', {
      'large.txt': Array.from({ length: 300_000 }, (_, i) => `row ${i}`).join('\n') + '\n',
    });
    // Settings of the user's that change the patch text; the ids must not change with them.
    for (const [key, value] of [
      ['diff.suppressBlankEmpty', 'true'],
      ['diff.context', '5'],
      ['diff.interHunkContext', '3'],
      ['diff.submodule', 'log'],
    ]) {
      repo.git(['config', key!, value!]);
    }
  });
  afterAll(() => repo.cleanup());

  it('gives each commit the ids git gives it with its default settings, with and without context', async () => {
    const shas = Object.values(commits);
    const ids = await git.patchIdPairs({ commits: shas, zeroContextCommits: shas });
    const expected = (zeroContext: boolean) =>
      new Map(shas.map((sha) => [sha, gitPatchId(sha, zeroContext)]));
    expect({ full: ids.full, zero: ids.zero }).toEqual({
      full: expected(false),
      zero: expected(true),
    });
    // The near changes are one hunk with context and two without: the ids differ by kind.
    expect(ids.full.get(commits.near!)).not.toBe(ids.zero.get(commits.near!));
  });

  it('gives the ids git gives to random edits: changed, inserted and deleted lines, near and far apart', async () => {
    // A fixed seed: the same forty commits on every run.
    let seed = 7;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    const text = Array.from({ length: 60 }, (_, i) => (i % 7 === 3 ? '' : `row ${i}`));
    const shas: string[] = [];
    for (let n = 0; n < 40; n += 1) {
      for (let edit = random(6) + 1; edit > 0; edit -= 1) {
        const at = random(text.length + 1);
        const kind = random(3);
        if (kind === 0) text.splice(at, 0, `inserted ${n}.${edit}`);
        else if (kind === 1 && text.length > 10) text.splice(at, 1 + random(3));
        else text[Math.min(at, text.length - 1)] = `changed ${n}.${edit}`;
      }
      shas.push(await repo.commit(`chore: edit ${n}\n`, { 'random.txt': text.join('\n') + '\n' }));
    }
    const ids = await git.patchIdPairs({ commits: shas, zeroContextCommits: shas });
    expect(ids.zero).toEqual(new Map(shas.map((sha) => [sha, gitPatchId(sha, true)])));
    expect(ids.full).toEqual(new Map(shas.map((sha) => [sha, gitPatchId(sha, false)])));
  });
});
