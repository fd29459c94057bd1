import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { GitError } from './errors.js';
import { createGit } from './git.js';
import {
  HEAD_PROBE_ARGS,
  REF_LISTING_ARGS,
  startGitHeadStart,
  type GitHeadStart,
} from './head-start.js';
import type { GitProcessConfig } from './spawn.js';
import { createTempRepo, readTracedCommands, type TempRepo } from './testing/temp-repo.js';

const EARLY = [REF_LISTING_ARGS, HEAD_PROBE_ARGS];
// As GIT_TRACE quotes them: the listing preloadRefs runs, and the probe.
const LISTING = "for-each-ref '--format=%(refname)%00' refs/heads refs/remotes refs/tags";
const PROBE = HEAD_PROBE_ARGS.join(' ');

describe('a Git made with a head start', () => {
  let repo: TempRepo;
  beforeAll(async () => {
    repo = await createTempRepo();
    await repo.commit('feat: first\n');
    repo.git(['tag', 'v1.0.0']);
    repo.git(['branch', '1.0.x']);
    repo.git(['checkout', '--quiet', '-b', 'feature/CHG-1-x']);
  });
  afterAll(() => repo.cleanup());

  /** A config whose git writes a trace; the head start and the Git share it (the same env object). */
  const makeTracedConfig = async (
    cwd = repo.dir,
  ): Promise<GitProcessConfig & { trace: string }> => {
    const trace = join(await repo.makeDir(), 'trace');
    return { cwd, gitBinary: 'git', env: { ...repo.env, GIT_TRACE: trace }, trace };
  };

  /** What a Git answers for the listing and the probe's questions. */
  const askAll = async (headStart?: GitHeadStart, config?: GitProcessConfig) => {
    const git = createGit({
      cwd: config?.cwd ?? repo.dir,
      env: config?.env ?? repo.env,
      ...(headStart ? { headStart } : {}),
    });
    git.preloadRefs();
    const [tags, branches, branch] = await Promise.all([
      git.listTags(),
      git.listBranches(),
      git.currentBranch(),
    ]);
    return { tags, branches, branch, shallow: await git.isShallow() };
  };

  it('takes the early listing and probe: the same answers, no git process of its own', async () => {
    const config = await makeTracedConfig();
    const headStart = startGitHeadStart(config, EARLY);
    const answers = await askAll(headStart, config);
    expect(answers).toEqual({
      tags: ['v1.0.0'],
      branches: ['1.0.x', 'feature/CHG-1-x', 'main'],
      branch: 'feature/CHG-1-x',
      shallow: false,
    });
    expect(answers).toEqual(await askAll());
    // One listing and one probe in all: the early ones; isShallow was answered by the probe.
    // (Sorted: the two start together, and either may write its trace line first.)
    expect((await readTracedCommands(config.trace)).sort()).toEqual([LISTING, PROBE]);
    expect(headStart.has(config, REF_LISTING_ARGS) || headStart.has(config, HEAD_PROBE_ARGS)).toBe(
      false,
    );
  });

  it('answers isShallow from the early probe when the branch is never asked', async () => {
    const config = await makeTracedConfig();
    const headStart = startGitHeadStart(config, [HEAD_PROBE_ARGS]);
    const git = createGit({ cwd: config.cwd, env: config.env, headStart });
    expect(await git.isShallow()).toBe(false);
    expect(await readTracedCommands(config.trace)).toEqual([PROBE]);
  });

  it('takes each early run once: a second question runs git itself, and sees what changed since', async () => {
    const config = await makeTracedConfig();
    const headStart = startGitHeadStart(config, EARLY);
    const git = createGit({ cwd: config.cwd, env: config.env, headStart });
    expect(await git.currentBranch()).toBe('feature/CHG-1-x');
    repo.git(['checkout', '--quiet', 'main']);
    try {
      expect(await git.currentBranch()).toBe('main');
    } finally {
      repo.git(['checkout', '--quiet', 'feature/CHG-1-x']);
    }
    // The listing was never asked for: waited for here, so its trace line is written.
    expect(await headStart.take(config, REF_LISTING_ARGS)).toMatchObject({ exitCode: 0 });
    expect((await readTracedCommands(config.trace)).sort()).toEqual([LISTING, PROBE, PROBE]);
  });

  it('is left alone by a Git with other settings (directory, environment object, git name)', async () => {
    const config = await makeTracedConfig();
    const headStart = startGitHeadStart(config, EARLY);
    for (const other of [
      { ...config, cwd: join(config.cwd, '.') + '/' },
      { ...config, env: { ...config.env } },
      { ...config, gitBinary: '/usr/bin/env' },
    ]) {
      expect(headStart.take(other, REF_LISTING_ARGS)).toBeUndefined();
    }
    expect(headStart.take(config, ['for-each-ref', 'refs/tags'])).toBeUndefined();
    expect(headStart.has(config, REF_LISTING_ARGS)).toBe(true);
    // A Git with a copy of the environment runs its own listing beside the early one.
    const git = createGit({ cwd: config.cwd, env: { ...config.env }, headStart });
    expect(await git.listTags()).toEqual(['v1.0.0']);
    expect(await headStart.take(config, REF_LISTING_ARGS)).toMatchObject({ exitCode: 0 });
    const listings = (await readTracedCommands(config.trace)).filter((c) => c.startsWith('for-'));
    expect(listings.sort()).toEqual([LISTING, "for-each-ref '--format=%(refname)%00' refs/tags"]);
  });

  it('fails as git would have failed: outside a repository, and with no git to start', async () => {
    const outside = await repo.makeDir();
    const failures = async (env: NodeJS.ProcessEnv) => {
      const config: GitProcessConfig = { cwd: outside, gitBinary: 'git', env };
      const headStart = startGitHeadStart(config, EARLY);
      const early = createGit({ cwd: outside, env, headStart });
      const plain = createGit({ cwd: outside, env });
      early.preloadRefs();
      plain.preloadRefs();
      const caught = await Promise.all(
        [early.listTags(), plain.listTags()].map((p) =>
          p.then(
            () => undefined,
            (e) => e,
          ),
        ),
      );
      return caught.map((error: unknown) => {
        expect(error).toBeInstanceOf(GitError);
        const { message, kind, exitCode } = error as GitError;
        return { message, kind, exitCode };
      });
    };
    const [early, plain] = await failures(repo.env);
    expect(early).toEqual(plain);
    expect(early?.message).toContain('not a git repository');
    const [earlyMissing, plainMissing] = await failures({ ...repo.env, PATH: '' });
    expect(earlyMissing).toEqual(plainMissing);
    expect(earlyMissing?.kind).toBe('git-not-found');
  });

  it('stops what nobody took, and hands nothing out afterwards', async () => {
    const config = await makeTracedConfig();
    const headStart = startGitHeadStart(config, EARLY);
    headStart.stop();
    expect(headStart.take(config, REF_LISTING_ARGS)).toBeUndefined();
    expect(headStart.has(config, HEAD_PROBE_ARGS)).toBe(false);
    const git = createGit({ cwd: config.cwd, env: config.env, headStart });
    expect(await git.currentBranch()).toBe('feature/CHG-1-x');
  });

  it('is not taken after a fetch: what was started before it is stale', async () => {
    const origin = await createTempRepo();
    try {
      await origin.commit('feat: first\n');
      origin.git(['tag', 'v1.0.0']);
      await origin.commit('fix: second\n');
      const clone = await origin.cloneShallow();
      const config: GitProcessConfig = { cwd: clone, gitBinary: 'git', env: origin.env };
      const headStart = startGitHeadStart(config, EARLY);
      // Never preloaded: the first listing asked for (tags and branches at once) is the early
      // one's command, but it comes after the fetch that brings v1.0.0.
      const git = createGit({ cwd: clone, env: origin.env, headStart });
      expect(await git.completeHistory({ advice: 'cli' })).toMatchObject({ status: 'fetched' });
      expect(headStart.has(config, REF_LISTING_ARGS)).toBe(false);
      const [tags, branches] = await Promise.all([git.listTags(), git.listBranches()]);
      expect({ tags, branches }).toEqual({ tags: ['v1.0.0'], branches: ['main', 'origin/main'] });
    } finally {
      await origin.cleanup();
    }
  });
});
