import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ReleasePolicyError } from '@release-policy/core';
import { GitError } from './errors.js';
import { createGit, type Git } from './git.js';
import {
  buildExpectedCommit,
  createTempRepo,
  readTracedRefListings,
  withTempRepo,
  type TempRepo,
} from './testing/temp-repo.js';

/** A branch name full of shell syntax; git accepts it, so it must travel as plain data. */
const HOSTILE_BRANCH = "x;touch$IFS'pwned';#";

describe('createGit on a real repository', () => {
  let repo: TempRepo;
  let git: Git;
  const sha: Record<string, string> = {};

  beforeAll(async () => {
    repo = await createTempRepo();
    git = createGit({ cwd: repo.dir, env: repo.env });
    sha.first = await repo.commit('feat: first\n', { 'package.json': '{ "version": "1.0.0" }\n' });
    repo.git(['tag', '-a', 'v1.0.0', '-m', 'release 1.0.0']);
    sha.second = await repo.commit('fix: second\n', { 'docs/readme.md': 'hello\n' });
    repo.git(['tag', 'lightweight']);
    repo.git(['tag', '-a', 'annotated-too', '-m', 'same commit']);
    sha.third = await repo.commit('chore: third\n', { 'package.json': '{ "version": "1.1.0" }\n' });
    repo.git(['branch', 'side', sha.second!]);
    repo.git(['checkout', '--quiet', 'side']);
    sha.side = await repo.commit('feat: side\n');
    repo.git(['checkout', '--quiet', 'main']);
  });
  afterAll(() => repo.cleanup());

  it('finds the top directory, also from a sub directory', async () => {
    expect(await git.root()).toBe(repo.dir);
    expect(await createGit({ cwd: join(repo.dir, 'docs'), env: repo.env }).root()).toBe(repo.dir);
  });

  it('keeps spaces and unicode in the top directory path', async () => {
    const parent = await repo.makeDir();
    const dir = join(parent, 'my répo ');
    repo.git(['init', '--quiet', '-b', 'main', dir], { cwd: parent });
    expect(await createGit({ cwd: dir, env: repo.env }).root()).toBe(dir);
  });

  it('reads HEAD and the current branch', async () => {
    expect(await git.revParse('HEAD')).toBe(sha.third);
    expect(await git.currentBranch()).toBe('main');
  });

  it('resolves revisions to commit shas, peeling annotated tags', async () => {
    expect(await git.revParse('v1.0.0')).toBe(sha.first);
    expect(await git.revParse('main~1')).toBe(sha.second);
    expect(await git.revParse(sha.side!.slice(0, 12))).toBe(sha.side);
  });

  it('rejects an unknown revision with a teaching GitError', async () => {
    const error = await git.revParse('no-such-branch').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect(error).toBeInstanceOf(ReleasePolicyError);
    const gitError = error as GitError;
    expect(gitError.kind).toBe('unknown-revision');
    expect(gitError.exitCode).toBe(128);
    expect(gitError.args).toEqual([
      'rev-parse',
      '--verify',
      '--end-of-options',
      'no-such-branch^{commit}',
    ]);
    expect(gitError.message).toContain(
      'git ["rev-parse","--verify","--end-of-options","no-such-branch^{commit}"]',
    );
    expect(gitError.message).toContain('git said: fatal: Needed a single revision');
    expect(gitError.message).toContain('fetch-depth: 0');
    expect(gitError.message).toContain('docs/git.md#unknown-revision');
  });

  it.each([['--output=pwned.txt'], ['-n'], ['--all'], [''], ['main\0--all']])(
    'refuses the revision %j before running git',
    async (rev) => {
      const attempts: Array<() => Promise<unknown>> = [
        () => git.revParse(rev),
        () => git.readFileAt(rev, 'package.json'),
        () => git.patchIdPairs({ commits: [rev], zeroContextCommits: [] }),
        () => git.patchIdPairs({ commits: [], zeroContextCommits: [rev] }),
        async () => {
          for await (const _ of git.log({ from: rev })) break;
        },
        async () => {
          for await (const _ of git.log({ to: rev })) break;
        },
      ];
      for (const attempt of attempts) {
        const error = await attempt().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(GitError);
        expect((error as GitError).kind).toBe('invalid-argument');
        expect((error as GitError).exitCode).toBeNull();
        expect((error as GitError).message).toContain('was not run');
      }
      expect(existsSync(join(repo.dir, 'pwned.txt'))).toBe(false);
    },
  );

  it('refuses a file path starting with "-"', async () => {
    const error = await git.readFileAt('main', '--output=x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).message).toContain('the path "--output=x" starts with "-"');
  });

  it('detects that the clone is not shallow', async () => {
    expect(await git.isShallow()).toBe(false);
  });

  it('reads the URL of a remote, and undefined for a remote that is not there', async () => {
    repo.git(['remote', 'add', 'origin', 'git@github.example.com:octo/service.git']);
    try {
      expect([await git.readRemoteUrl('origin'), await git.readRemoteUrl('upstream')]).toEqual([
        'git@github.example.com:octo/service.git',
        undefined,
      ]);
    } finally {
      repo.git(['remote', 'remove', 'origin']);
    }
  });

  it('lists local and remote-tracking branches, without the remote HEAD', async () => {
    repo.git(['branch', 'release/1.4']);
    repo.git(['update-ref', 'refs/remotes/origin/1.4.x', 'HEAD']);
    repo.git(['symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/1.4.x']);
    try {
      const branches = await git.listBranches();
      expect(branches.filter((b) => b === 'release/1.4' || b.startsWith('origin/'))).toEqual([
        'origin/1.4.x',
        'release/1.4',
      ]);
      expect(branches).toContain(repo.git(['branch', '--show-current']).trim());
    } finally {
      repo.git(['update-ref', '-d', 'refs/remotes/origin/HEAD']);
      repo.git(['update-ref', '-d', 'refs/remotes/origin/1.4.x']);
      repo.git(['branch', '-D', 'release/1.4']);
    }
  });

  /** A Git over the repository whose commands git traces, and the ref listings traced so far. */
  const createTracedGit = async () => {
    const trace = join(await repo.makeDir(), 'trace');
    return {
      traced: createGit({ cwd: repo.dir, env: { ...repo.env, GIT_TRACE: trace } }),
      readListings: () => readTracedRefListings(trace),
    };
  };

  it('lists every tag', async () => {
    expect(await git.listTags()).toEqual(['annotated-too', 'lightweight', 'v1.0.0']);
  });

  it('answers tags and branches asked at once with one for-each-ref, never older than the call', async () => {
    const { traced, readListings } = await createTracedGit();
    const [tags, branches] = await Promise.all([traced.listTags(), traced.listBranches()]);
    expect({ tags, branches }).toEqual({
      tags: ['annotated-too', 'lightweight', 'v1.0.0'],
      branches: ['main', 'side'],
    });
    // A call made once a read has started gets a read of its own: a tag made in between is seen.
    const first = traced.listTags();
    await new Promise((resolve) => setImmediate(resolve));
    repo.git(['tag', 'v1.1.0']);
    try {
      expect(await Promise.all([first, traced.listTags()])).toEqual([
        ['annotated-too', 'lightweight', 'v1.0.0'],
        ['annotated-too', 'lightweight', 'v1.0.0', 'v1.1.0'],
      ]);
    } finally {
      repo.git(['tag', '-d', 'v1.1.0']);
    }
    const reads = await readListings();
    expect(reads).toEqual([
      "for-each-ref '--format=%(refname)%00' refs/heads refs/remotes refs/tags",
      "for-each-ref '--format=%(refname)%00' refs/tags",
      "for-each-ref '--format=%(refname)%00' refs/tags",
    ]);
  });

  it('preloads tags and branches in one for-each-ref, taken once by the next call of each kind', async () => {
    const { traced, readListings } = await createTracedGit();
    traced.preloadRefs();
    // Made after the preload started: the preloaded answers do not have it, the next reads do.
    repo.git(['tag', 'v1.2.0']);
    try {
      expect(await Promise.all([traced.listTags(), traced.listBranches()])).toEqual([
        ['annotated-too', 'lightweight', 'v1.0.0'],
        ['main', 'side'],
      ]);
      expect(await traced.listTags()).toEqual(['annotated-too', 'lightweight', 'v1.0.0', 'v1.2.0']);
      expect(await traced.listTags({ mergedInto: 'main' })).toEqual([
        'annotated-too',
        'lightweight',
        'v1.0.0',
        'v1.2.0',
      ]);
    } finally {
      repo.git(['tag', '-d', 'v1.2.0']);
    }
    const reads = await readListings();
    expect(reads).toEqual([
      "for-each-ref '--format=%(refname)%00' refs/heads refs/remotes refs/tags",
      "for-each-ref '--format=%(refname)%00' refs/tags",
      "for-each-ref '--format=%(refname)%00' --merged=main refs/tags",
    ]);
  });

  it('keeps the listing already started when preloadRefs is called again before it is taken', async () => {
    const { traced, readListings } = await createTracedGit();
    traced.preloadRefs();
    traced.preloadRefs();
    expect(await traced.listBranches()).toEqual(['main', 'side']);
    // Only the branches were taken: a preload now starts a new listing, whose tags the next call takes.
    traced.preloadRefs();
    expect(await traced.listTags()).toEqual(['annotated-too', 'lightweight', 'v1.0.0']);
    expect(await traced.listBranches()).toEqual(['main', 'side']);
    const reads = await readListings();
    expect(reads).toEqual([
      "for-each-ref '--format=%(refname)%00' refs/heads refs/remotes refs/tags",
      "for-each-ref '--format=%(refname)%00' refs/heads refs/remotes refs/tags",
    ]);
  });

  it('reports a failed preload to the call that takes it, and never as an unhandled rejection', async () => {
    const outside = await repo.makeDir();
    const lost = createGit({ cwd: outside, env: repo.env });
    lost.preloadRefs();
    // Nobody takes this one.
    createGit({ cwd: outside, env: repo.env }).preloadRefs();
    await expect(lost.listTags()).rejects.toBeInstanceOf(GitError);
    // Jest fails a test during which a rejection goes unhandled: give the untaken one time to settle.
    await new Promise((resolve) => setTimeout(resolve, 200));
  });

  it('logs a range newest first, and honours maxCount', async () => {
    const all = [];
    for await (const c of git.log()) all.push(c);
    expect(all).toEqual([
      buildExpectedCommit(repo, sha.third!, { message: 'chore: third', subject: 'chore: third' }),
      buildExpectedCommit(repo, sha.second!, { message: 'fix: second', subject: 'fix: second' }),
      buildExpectedCommit(repo, sha.first!, { message: 'feat: first', subject: 'feat: first' }),
    ]);
    const since = [];
    for await (const c of git.log({ from: 'v1.0.0' })) since.push(c.sha);
    expect(since).toEqual([sha.third, sha.second]);
    const side = [];
    for await (const c of git.log({ from: 'main', to: 'side' })) side.push(c.sha);
    expect(side).toEqual([sha.side]);
    const limited = [];
    for await (const c of git.log({ maxCount: 1 })) limited.push(c.sha);
    expect(limited).toEqual([sha.third]);
  });

  it('refuses a maxCount that is not a non-negative integer', async () => {
    for (const maxCount of [-1, 1.5, Number.NaN]) {
      const error = await (async () => {
        for await (const _ of git.log({ maxCount })) break;
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GitError);
      expect((error as GitError).kind).toBe('invalid-argument');
    }
  });

  it('fails a log of an unknown revision with a GitError', async () => {
    const error = await (async () => {
      for await (const _ of git.log({ from: 'v9.9.9' })) break;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).kind).toBe('unknown-revision');
    expect((error as GitError).stderr).toContain("bad revision 'v9.9.9..HEAD'");
  });

  it('lists the commits of a range in one rev-list, and finds merge bases', async () => {
    expect(await git.listCommits({ from: sha.first, to: sha.third })).toEqual([
      sha.third,
      sha.second,
    ]);
    expect(await git.mergeBases(sha.first ?? '', sha.third ?? '')).toEqual([sha.first]);
    expect(await git.mergeBases(sha.third ?? '', sha.second ?? '')).toEqual([sha.second]);
  });

  it('tells whether a revision is an ancestor of another (itself included), and fails on a missing one', async () => {
    const first = sha.first ?? '';
    const third = sha.third ?? '';
    expect([
      await git.isAncestor(first, third),
      await git.isAncestor(third, first),
      await git.isAncestor(third, third),
    ]).toEqual([true, false, true]);
    await expect(git.isAncestor('refs/tags/v9.9.9', third)).rejects.toBeInstanceOf(GitError);
  });

  it('reads files at a revision', async () => {
    expect(await git.readFileAt('main', 'package.json')).toBe('{ "version": "1.1.0" }\n');
    expect(await git.readFileAt('v1.0.0', 'package.json')).toBe('{ "version": "1.0.0" }\n');
    expect(await git.readFileAt('v1.0.0', 'docs/readme.md')).toBeUndefined();
    expect(await git.readFileAt('main', 'missing.txt')).toBeUndefined();
    expect(await git.readFileAt('main', 'docs')).toBeUndefined();
    const error = await git.readFileAt('nope', 'package.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).kind).toBe('unknown-revision');
  });
});

describe('createGit edge cases', () => {
  it('reports a detached HEAD as no branch', async () => {
    await withTempRepo(async (repo) => {
      const first = await repo.commit('one\n');
      await repo.commit('two\n');
      repo.git(['checkout', '--quiet', '--detach', first]);
      const git = createGit({ cwd: repo.dir, env: repo.env });
      expect(await git.currentBranch()).toBeUndefined();
      expect(await git.revParse('HEAD')).toBe(first);
    });
  });

  it('treats a branch named with shell syntax, and odd tag names, as data', async () => {
    await withTempRepo(async (repo) => {
      repo.git(['check-ref-format', '--branch', HOSTILE_BRANCH]);
      const base = await repo.commit('base\n');
      repo.git(['checkout', '--quiet', '-b', HOSTILE_BRANCH]);
      const top = await repo.commit('on the odd branch\n');
      const tags = ['a;b$c', `x'"q`, 'ünï/cödé', 'v1.0.0+build.1', '(x)&|<>', 'tag#1'];
      for (const tag of tags) repo.git(['tag', tag, base]);
      const git = createGit({ cwd: repo.dir, env: repo.env });
      expect(await git.currentBranch()).toBe(HOSTILE_BRANCH);
      expect(await git.revParse(HOSTILE_BRANCH)).toBe(top);
      const log = [];
      for await (const c of git.log({ from: 'main', to: HOSTILE_BRANCH })) log.push(c.sha);
      expect(log).toEqual([top]);
      expect(await git.listTags()).toEqual(
        [...tags].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1)),
      );
      expect(existsSync(join(repo.dir, 'pwned'))).toBe(false);
    });
  });

  it('explains "not a git repository"', async () => {
    await withTempRepo(
      async (dir) => {
        const git = createGit({
          cwd: dir.dir,
          env: { ...dir.env, GIT_CEILING_DIRECTORIES: dir.dir },
        });
        const error = await git.revParse('HEAD').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(GitError);
        const gitError = error as GitError;
        expect(gitError.kind).toBe('not-a-repository');
        expect(gitError.exitCode).toBe(128);
        expect(gitError.stderr).toMatch(/^fatal: not a git repository/);
        expect(gitError.message).toContain(
          'git ["rev-parse","--verify","--end-of-options","HEAD^{commit}"] exited with code 128.',
        );
        expect(gitError.message).toContain('actions/checkout');
        expect(gitError.message).toContain('docs/git.md#not-a-repository');
        await expect(git.listTags()).rejects.toBeInstanceOf(GitError);
      },
      { init: false },
    );
  });

  it('explains a repository without commits', async () => {
    await withTempRepo(async (repo) => {
      const git = createGit({ cwd: repo.dir, env: repo.env });
      expect(await git.currentBranch()).toBe('main');
      const error = await (async () => {
        for await (const _ of git.log()) break;
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GitError);
      expect((error as GitError).kind).toBe('no-commits');
      expect((error as GitError).message).toContain('git commit --allow-empty');
      const headError = await git.revParse('HEAD').catch((e: unknown) => e);
      expect((headError as GitError).kind).toBe('no-commits');
    });
  });

  it('explains a missing git binary', async () => {
    await withTempRepo(
      async (repo) => {
        const git = createGit({
          cwd: repo.dir,
          env: repo.env,
          gitBinary: join(repo.dir, 'no-such-git'),
        });
        const error = await git.root().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(GitError);
        expect((error as GitError).kind).toBe('git-not-found');
        expect((error as GitError).exitCode).toBeNull();
        expect((error as GitError).cause).toMatchObject({ code: 'ENOENT' });
        expect((error as GitError).message).toContain('no-such-git');
        const logError = await (async () => {
          for await (const _ of git.log()) break;
        })().catch((e: unknown) => e);
        expect((logError as GitError).kind).toBe('git-not-found');
      },
      { init: false },
    );
  });

  it('starts the git PATH names, and searches PATH again once that file is gone', async () => {
    await withTempRepo(async (repo) => {
      // Two wrappers that say which one ran, then run the real git.
      const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
      const [first, second] = [await repo.makeDir(), await repo.makeDir()];
      for (const [dir, name] of [
        [first, 'first'],
        [second, 'second'],
      ] as const) {
        await writeFile(
          join(dir, 'git'),
          `#!/bin/sh\necho ${name} >> "${join(dir, '..', `${name}.log`)}"\nexec "${real}" "$@"\n`,
        );
        await chmod(join(dir, 'git'), 0o755);
      }
      // A commit, so each root() is the one probe (before it, a second command answers).
      await repo.commit('first\n');
      const env = { ...repo.env, PATH: `${first}:${second}:${repo.env.PATH ?? ''}` };
      const git = createGit({ cwd: repo.dir, env });
      expect(await git.root()).toBe(repo.dir);
      await rm(join(first, 'git'));
      // The file found is gone: this start fails as git not found, and forgets it.
      const error = await git.root().catch((e: unknown) => e);
      expect((error as GitError).kind).toBe('git-not-found');
      expect(await git.root()).toBe(repo.dir);
      const ran = async (name: string) =>
        (await readFile(join(first, '..', `${name}.log`), 'utf8').catch(() => '')).split('\n');
      expect([await ran('first'), await ran('second')]).toEqual([
        ['first', ''],
        ['second', ''],
      ]);
    });
  });

  it('names the branch of a shallow clone and still says it is shallow afterwards', async () => {
    await withTempRepo(async (origin) => {
      await origin.commit('one\n');
      await origin.commit('two\n');
      const clone = await origin.cloneShallow(['--no-tags']);
      const git = createGit({ cwd: clone, env: origin.env });
      expect(await git.currentBranch()).toBe('main');
      expect(await git.isShallow()).toBe(true);
    });
  });

  it('names an orphan branch before its first commit, and the branch HEAD moved to since', async () => {
    await withTempRepo(async (repo) => {
      await repo.commit('one\n');
      const git = createGit({ cwd: repo.dir, env: repo.env });
      expect(await git.currentBranch()).toBe('main');
      expect(await git.isShallow()).toBe(false);
      repo.git(['checkout', '--quiet', '--orphan', 'fresh/start']);
      expect(await git.currentBranch()).toBe('fresh/start');
      repo.git(['checkout', '--quiet', 'main']);
      expect(await git.currentBranch()).toBe('main');
    });
  });

  it('reads the branch when a file in the working tree is named HEAD', async () => {
    await withTempRepo(async (repo) => {
      await repo.commit('one\n', { HEAD: 'not a revision\n' });
      const git = createGit({ cwd: repo.dir, env: repo.env });
      expect(await git.currentBranch()).toBe('main');
    });
  });

  it('detects a shallow clone and gives its hint for missing revisions', async () => {
    await withTempRepo(async (origin) => {
      await origin.commit('one\n');
      origin.git(['tag', 'v0.1.0']);
      await origin.commit('two\n');
      await origin.commit('three\n');
      const clone = await origin.cloneShallow(['--no-tags']);
      const git = createGit({ cwd: clone, env: origin.env });
      expect(await git.isShallow()).toBe(true);
      const commits = [];
      for await (const c of git.log()) commits.push(c.message);
      expect(commits).toEqual(['three']);
      const error = await git.revParse('HEAD~2').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GitError);
      expect((error as GitError).kind).toBe('shallow');
      expect((error as GitError).message).toContain('This is a shallow clone');
      expect((error as GitError).message).toContain('fetch-depth: 0');
      expect((error as GitError).message).toContain('docs/git.md#shallow-clone');
    });
  });
});
