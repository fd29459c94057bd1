/**
 * Where the policy comes from when the contents API answers 404, through the
 * bundles. A 404 is ambiguous on GitHub (no such file, or a token that
 * cannot see the repository or commit), so the actions ask for the commit
 * too: a visible commit means the file is absent and the default policy
 * applies, named with the commit it was looked for at; a commit the token
 * cannot see fails the run instead of silently checking against defaults.
 */
import { describe, expect, it } from '@jest/globals';
import { fakeSha, type Emulator } from '@release-policy/github-emulator';
import {
  BASE_SHA,
  buildPushPayload,
  failureMessage,
  findHygieneProblems,
  runCheck,
  seedPullRequest,
  seedPush,
  withEmulator,
  writesOf,
  type CheckId,
  type RunSpec,
} from './helpers.js';

const CONTENTS = 'repos/get-content';
const COMMIT = 'repos/get-commit';

/** How the commit stays out of the token's sight, and what GitHub answers for it. */
type Hiding = [label: string, hide: (emulator: Emulator) => void, status: 404 | 422];

const hidings: Hiding[] = [
  // An unknown commit: GitHub answers 422 "No commit found for SHA".
  ['the commit does not exist for the API (422)', () => {}, 422],
  // A private repository without contents: read answers 404 for the commit as for the file.
  [
    'the token cannot see the commit (404)',
    (emulator) => emulator.fault({ operationId: COMMIT, kind: 'not-found-once' }),
    404,
  ],
];

/** One row per action and per way of hiding the commit, on a pull request. */
const rows: [CheckId, ...Hiding][] = (['branch-name', 'version'] as const).flatMap((check) =>
  hidings.map((hiding): [CheckId, ...Hiding] => [check, ...hiding]),
);

/** The failure message for a policy that could not be read at `ref`. */
function notVisible(ref: string, status: number): RegExp {
  const escaped = ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `^The policy file "\\.github/release-policy\\.yml" could not be read at "${escaped}" in "octo-org/app": ` +
      'GitHub answered 404, and the commit itself is not visible to the token either ' +
      `\\(GET /repos/\\{owner\\}/\\{repo\\}/commits/\\{ref\\} answered ${status}\\)\\. ` +
      'The default policy is NOT used, .*permissions: \\{ contents: read \\}.*' +
      'Read more: https://github\\.com/release-policy/release-policy/blob/v0\\.1\\.0/docs/actions\\.md#policy-file$',
  );
}

describe('a policy file answered 404', () => {
  it.concurrent.each(rows)('%s fails on a pull request when %s', (check, _label, hide, status) =>
    withEmulator(async (emulator) => {
      const pr = seedPullRequest(emulator, {
        head: 'feature/CHG-1234-add-login',
        baseVisible: false,
      });
      hide(emulator);
      const run = await runCheck(emulator, check, pr);

      expect(run.exitCode).toBe(1);
      expect(run.requests.map((r) => [r.operationId, r.query.ref, r.status])).toEqual([
        [CONTENTS, BASE_SHA, 404],
        [COMMIT, undefined, status],
      ]);
      expect(run.requests[1]?.path).toBe(`/repos/octo-org/app/commits/${BASE_SHA}`);
      expect(failureMessage(run)).toMatch(notVisible(BASE_SHA, status));
      // Nothing was checked, so nothing is reported as if it had been.
      expect(run.outputs).toEqual({});
      expect(writesOf(run.requests)).toEqual([]);
      expect(findHygieneProblems(run)).toEqual([]);
    }),
  );

  it.concurrent('fails a push whose commit the token cannot see', () =>
    withEmulator(async (emulator) => {
      const sha = fakeSha('e2e:invisible-push');
      const run = await runCheck(emulator, 'branch-name', {
        eventName: 'push',
        payload: buildPushPayload('refs/heads/main', sha),
      });

      expect(run.exitCode).toBe(1);
      expect(run.requests.map((r) => [r.operationId, r.status])).toEqual([
        [CONTENTS, 404],
        [COMMIT, 422],
      ]);
      expect(failureMessage(run)).toMatch(notVisible(sha, 422));
      expect(findHygieneProblems(run)).toEqual([]);
    }),
  );

  it.concurrent.each([
    ['a pull request (the base commit)', 'pull'],
    ['a push (the pushed commit)', 'push'],
  ] as const)(
    'uses the default policy on %s when the commit is visible, naming where it looked',
    (_label, event) =>
      withEmulator(async (emulator) => {
        const spec: RunSpec =
          event === 'pull'
            ? seedPullRequest(emulator, { head: 'feature/CHG-1234-add-login' })
            : seedPush(emulator, 'refs/heads/main', fakeSha('e2e:visible-push'));
        const at = event === 'pull' ? BASE_SHA : fakeSha('e2e:visible-push');
        const run = await runCheck(emulator, 'branch-name', spec);

        expect(run.exitCode).toBe(0);
        const reads = run.requests.filter((r) => r.operationId !== 'issues/list-comments');
        expect(reads.map((r) => [r.operationId, r.status])).toEqual([
          [CONTENTS, 404],
          [COMMIT, 200],
        ]);
        expect(run.summary).toContain(
          `| policy | (default policy: no .github/release-policy.yml at ${at.slice(0, 7)}) |`,
        );
        expect(findHygieneProblems(run)).toEqual([]);
      }),
  );
});
