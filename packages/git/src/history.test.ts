import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it, expect } from '@jest/globals';
import { defaultPolicy } from '@release-policy/core';
import { gatherVersionFacts } from './facts.js';
import { createGit } from './git.js';
import { IncompleteHistoryError } from './history.js';
import { withTempRepo } from './testing/temp-repo.js';

describe('Git.completeHistory', () => {
  it('leaves a full clone alone', async () => {
    await withTempRepo(async (repo) => {
      await repo.commit('feat: one\n');
      const git = createGit({ cwd: repo.dir, env: repo.env });
      expect(await git.completeHistory({ advice: 'cli' })).toEqual({ status: 'complete' });
    });
  });

  it('fetches the whole history and every tag into a depth-1 clone', async () => {
    await withTempRepo(async (origin) => {
      await origin.commit('feat: one\n');
      origin.git(['tag', 'v0.1.0']);
      await origin.commit('fix: two\n');
      origin.git(['tag', 'v0.1.1']);
      await origin.commit('fix: three\n');
      const cwd = await origin.cloneShallow();
      const trace = join(await origin.makeDir(), 'trace');
      const git = createGit({ cwd, env: { ...origin.env, GIT_TRACE: trace } });
      expect([await git.isShallow(), await git.listTags()]).toEqual([true, []]);
      // Tags preloaded before the fetch are not what a call after it gets.
      git.preloadRefs();
      // Two gatherers asking at once share one fetch and its answer.
      const fetched = { status: 'fetched', remote: 'origin' };
      expect(
        await Promise.all([
          git.completeHistory({ advice: 'action' }),
          git.completeHistory({ advice: 'action' }),
        ]),
      ).toEqual([fetched, fetched]);
      expect([await git.isShallow(), await git.listTags()]).toEqual([false, ['v0.1.0', 'v0.1.1']]);
      // Once done, a later call asks git again and finds nothing to fetch.
      expect(await git.completeHistory({ advice: 'action' })).toEqual({ status: 'complete' });
      const traced = await readFile(trace, 'utf8');
      expect(traced.match(/trace: built-in: git fetch /g)).toHaveLength(1);
    });
  });

  it.each([
    // No fetch is suggested: with no remote, none can work.
    [
      'cli',
      "Add the remote the clone came from (git remote add 'up;stream' URL) and run the check again, which then fetches the rest itself; " +
        'or clone the repository again with its whole history (git clone URL, without --depth). See docs/git.md#shallow-clone',
    ],
    [
      'action',
      'Check out the whole history and the tags: actions/checkout with "fetch-depth: 0", ' +
        "or keep the remote 'up;stream' it sets up so that the action fetches the rest itself. See docs/git.md#shallow-clone",
    ],
  ] as const)(
    'stops a shallow clone without that remote with the exact fix for the %s',
    async (advice, fix) => {
      await withTempRepo(async (origin) => {
        await origin.commit('feat: one\n');
        await origin.commit('fix: two\n');
        const cwd = await origin.cloneShallow();
        const git = createGit({ cwd, env: origin.env });
        const error = await git.completeHistory({ advice, remote: 'up;stream' }).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(error).toBeInstanceOf(IncompleteHistoryError);
        expect((error as Error).message).toBe(
          'The clone is shallow (its history is cut off), so release tags and commits since the last release may be missing and the version check could pass where it should fail. ' +
            `It has no remote 'up;stream' to fetch the rest from. ${fix}`,
        );
      });
    },
  );

  it('says why fetching failed when the remote is gone', async () => {
    await withTempRepo(async (origin) => {
      await origin.commit('feat: one\n');
      await origin.commit('fix: two\n');
      const cwd = await origin.cloneShallow();
      const git = createGit({ cwd, env: origin.env });
      origin.git(['remote', 'set-url', 'origin', `file://${cwd}-gone`], { cwd });
      const error = await git.completeHistory({ advice: 'cli' }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(IncompleteHistoryError);
      expect((error as Error).message).toMatch(
        /Fetching the rest from origin failed: git exited with 128 \(fatal: '.*-gone' does not appear to be a git repository\)\. Fetch it, then run the check again: git fetch --unshallow --tags origin\./,
      );
    });
  });
});

describe('gatherVersionFacts with complete', () => {
  it('completes a depth-1 clone and says in the history where it was fetched from', async () => {
    await withTempRepo(async (origin) => {
      await origin.commit('feat: one\n');
      origin.git(['tag', 'v0.1.0']);
      await origin.commit('fix: two\n');
      const cwd = await origin.cloneShallow();
      const git = createGit({ cwd, env: origin.env });
      const facts = await gatherVersionFacts({
        git,
        cwd,
        policy: defaultPolicy(),
        complete: 'cli',
      });
      expect([facts.previousTag, facts.shallow, facts.history]).toEqual([
        'v0.1.0',
        false,
        { fetchedFrom: 'origin' },
      ]);
    });
  });
});
