/**
 * The reporting flow end to end: one sticky comment per check and pull
 * request, whatever happens (re-runs, a write answered 502 after it was
 * done, two runs at once, a fork's read-only token), bounded retries, and
 * a token that is never printed.
 */
import { describe, expect, it } from '@jest/globals';
import { fakeSha } from '@release-policy/github-emulator';
import {
  BASE_SHA,
  buildPullPayload,
  countOf,
  failureMessage,
  findHygieneProblems,
  runCheck,
  seedPullRequest,
  stickyComments,
  withEmulator,
  writesOf,
} from './helpers.js';

const FAILING = 'bad_branch';
const PASSING = 'feature/CHG-1234-add-login';

describe('sticky comment', () => {
  it.concurrent(
    're-running keeps one comment: unchanged on a pure re-run, edited in place on a new push',
    () =>
      withEmulator(async (emulator) => {
        const pr = seedPullRequest(emulator, { head: FAILING });
        const first = await runCheck(emulator, 'branch-name', pr);
        // A copy: the emulator edits its records in place.
        const created = { ...stickyComments(emulator, 'branch-name')[0] };
        expect(first.exitCode).toBe(1);
        expect(created.id).toBeDefined();

        // The same run again: the same end state, and nothing is written.
        const again = await runCheck(emulator, 'branch-name', pr);
        expect(again.exitCode).toBe(1);
        expect(writesOf(again.requests)).toEqual([]);
        expect(stickyComments(emulator, 'branch-name')).toEqual([created]);

        // A new push (another commit): the one comment is edited, never a second one.
        const pushed = buildPullPayload({
          head: FAILING,
          action: 'synchronize',
          headSha: fakeSha('e2e:head:2'),
        });
        const third = await runCheck(emulator, 'branch-name', {
          eventName: 'pull_request',
          payload: pushed,
        });
        expect(third.exitCode).toBe(1);
        expect(writesOf(third.requests)).toEqual(['issues/update-comment']);
        const after = stickyComments(emulator, 'branch-name');
        expect(after.map((c) => c.id)).toEqual([created?.id]);
        expect(after[0]?.body).not.toBe(created?.body);
        expect(after[0]?.body).toContain('### ❌ Branch name: 1 error');
        for (const run of [first, again, third]) expect(findHygieneProblems(run)).toEqual([]);
      }),
  );

  it.concurrent('a passing re-run edits the comment to "resolved"', () =>
    withEmulator(async (emulator) => {
      // A feature branch aimed at a release branch fails; retargeting it to main fixes it.
      const pr = seedPullRequest(emulator, { head: PASSING, base: 'release/1.4' });
      const failing = await runCheck(emulator, 'branch-name', pr);
      expect(failing.exitCode).toBe(1);
      const [comment] = stickyComments(emulator, 'branch-name');

      const edited = buildPullPayload({
        head: PASSING,
        base: 'main',
        action: 'edited',
        changes: { base: { ref: { from: 'release/1.4' }, sha: { from: BASE_SHA } } },
      });
      const passing = await runCheck(emulator, 'branch-name', {
        eventName: 'pull_request',
        payload: edited,
      });
      expect(passing.exitCode).toBe(0);
      expect(writesOf(passing.requests)).toEqual(['issues/update-comment']);
      const after = stickyComments(emulator, 'branch-name');
      expect(after.map((c) => c.id)).toEqual([comment?.id]);
      expect(after[0]?.body).toContain('✅ Branch name: resolved');
      expect(after[0]?.body).not.toContain('branch-target');
      expect(findHygieneProblems(passing)).toEqual([]);
    }),
  );

  it.concurrent(
    'leaves exactly one comment after the create is answered 502 once it was done',
    () =>
      withEmulator(async (emulator) => {
        const pr = seedPullRequest(emulator, { head: FAILING });
        const fault = emulator.fault({ operationId: 'issues/create-comment', kind: 'after-write' });
        const run = await runCheck(emulator, 'branch-name', pr);

        expect(fault.hits).toBe(1);
        expect(run.exitCode).toBe(1);
        expect(failureMessage(run)).toBe(
          'Branch name: 1 policy error; see the annotations and the job summary.',
        );
        // The retried POST made a duplicate; the run removed it and kept the oldest.
        expect(writesOf(run.requests)).toEqual([
          'issues/create-comment',
          'issues/create-comment',
          'issues/delete-comment',
        ]);
        const comments = stickyComments(emulator, 'branch-name');
        expect(comments).toHaveLength(1);
        const deleted = run.requests.find((r) => r.operationId === 'issues/delete-comment');
        const deletedId = Number(/\/comments\/(\d+)$/.exec(deleted?.path ?? '')?.[1]);
        expect(comments[0]?.id).toBeLessThan(deletedId);
        expect(findHygieneProblems(run)).toEqual([]);
      }),
  );

  it.concurrent('leaves exactly one comment when two runs on the same pull request race', () =>
    withEmulator(async (emulator) => {
      const pr = seedPullRequest(emulator, { head: FAILING });
      const runs = await Promise.all([
        runCheck(emulator, 'branch-name', pr),
        runCheck(emulator, 'branch-name', pr),
      ]);

      for (const run of runs) {
        expect(run.exitCode).toBe(1);
        expect(findHygieneProblems(run)).toEqual([]);
      }
      expect(stickyComments(emulator, 'branch-name')).toHaveLength(1);
      // Both runs' requests: each run's own log overlaps the other's while they race.
      const all = emulator.requests;
      const created = all.filter(
        (r) => r.operationId === 'issues/create-comment' && r.status === 201,
      );
      const deleted = all.filter(
        (r) => r.operationId === 'issues/delete-comment' && r.status === 204,
      );
      expect(created.length).toBeGreaterThanOrEqual(1);
      expect(created.length - deleted.length).toBe(1);
    }),
  );

  it.concurrent('a fork pull request answered 403 falls back to the summary and still fails', () =>
    withEmulator(async (emulator) => {
      const pr = seedPullRequest(emulator, { head: FAILING, fork: true });
      emulator.fault({ operationId: 'issues/create-comment', kind: 'forbidden', times: Infinity });
      const run = await runCheck(emulator, 'branch-name', pr);

      expect(run.exitCode).toBe(1);
      expect(failureMessage(run)).toBe(
        'Branch name: 1 policy error; see the annotations and the job summary (the pull-request comment could not be written).',
      );
      // 403 is not retried.
      expect(countOf(run.requests, 'issues/create-comment')).toBe(1);
      expect(run.summary).toContain('### ❌ Branch name: 1 error');
      expect(run.summary).toContain('No comment could be written on pull request #7');
      expect(run.summary).toContain('the check still fails');
      expect(run.outputs.ok).toBe('false');
      expect(emulator.state.comments).toEqual([]);
      expect(findHygieneProblems(run)).toEqual([]);
    }),
  );

  it.concurrent('gives up on a persistent 502 after 3 retries, with the summary written', () =>
    withEmulator(async (emulator) => {
      const pr = seedPullRequest(emulator, { head: FAILING });
      emulator.fault({
        operationId: 'issues/create-comment',
        kind: 'status',
        status: 502,
        times: Infinity,
      });
      const run = await runCheck(emulator, 'branch-name', pr);

      expect(run.exitCode).toBe(1);
      expect(countOf(run.requests, 'issues/create-comment')).toBe(4);
      expect(failureMessage(run)).toMatch(
        /^POST \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments answered 502 .*also after retrying/,
      );
      expect(run.summary).toContain('### ❌ Branch name: 1 error');
      expect(run.summary).toContain('No comment could be written on pull request #7');
      expect(emulator.state.comments).toEqual([]);
      expect(findHygieneProblems(run)).toEqual([]);
    }),
  );

  it.concurrent('gives up on a persistent secondary rate limit after 2 waits', () =>
    withEmulator(async (emulator) => {
      const pr = seedPullRequest(emulator, { head: PASSING });
      emulator.fault({
        operationId: 'issues/list-comments',
        kind: 'secondary-rate-limit',
        retryAfter: 1,
        times: Infinity,
      });
      const run = await runCheck(emulator, 'branch-name', pr);

      // Even a passing check fails when it cannot tell whether an old comment needs resolving.
      expect(run.exitCode).toBe(1);
      expect(countOf(run.requests, 'issues/list-comments')).toBe(3);
      expect(failureMessage(run)).toMatch(
        /answered 403 .*rate limit was exceeded and the retries ran out/,
      );
      expect(run.stdout).toContain('retrying in 1s (retry 2 of 2)');
      expect(findHygieneProblems(run)).toEqual([]);
    }),
  );

  it.concurrent(
    'a bad token (401) fails at once with a teaching message and never shows the token',
    () =>
      withEmulator(async (emulator) => {
        const pr = seedPullRequest(emulator, { head: PASSING });
        const wrong = 'ghs_wrongTokenValue9876543210zyxwvutsrq';
        const run = await runCheck(emulator, 'branch-name', { ...pr, token: wrong });

        expect(run.exitCode).toBe(1);
        expect(run.requests.map((r) => [r.operationId, r.status])).toEqual([
          ['repos/get-content', 401],
        ]);
        expect(failureMessage(run)).toMatch(
          /^GET \/repos\/\{owner\}\/\{repo\}\/contents\/\{path\} answered 401 "Bad credentials".*The token is invalid or expired.*Read more: https:\/\/github\.com\/release-policy\/release-policy\/blob\/v0\.1\.0\/docs\/actions\.md#token-and-permissions$/,
        );
        expect(run.masked).toEqual([wrong]);
        expect(findHygieneProblems(run, wrong)).toEqual([]);
      }),
  );
});
