/**
 * Both actions under the failures GitHub (or the network in front of it)
 * really produces: a 5xx once, a secondary rate limit with Retry-After, a
 * primary rate limit (429, or 403 with `x-ratelimit-remaining: 0`, faulted or
 * from a spent quota), a connection reset, an HTML error page, a JSON body
 * cut short, a 404 for the policy file, a bad token and a comment written but
 * answered 502. Transient faults are retried and the run ends as it would
 * without them; the others fail with a message that says what happened and
 * what to do. A secondary rate limit WITHOUT Retry-After makes Octokit wait
 * its 60 s fallback, which the action cannot shorten: its bounds are checked
 * on the Octokit the actions use, in rate-limit-fallback.test.ts.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import type { ActionRun, Emulator, FaultSpec } from '@release-policy/github-emulator';
import { createRepo, packageJson, type TempRepo } from './git-repo.js';
import {
  BASE_SHA,
  countOf,
  failureMessage,
  findHygieneProblems,
  runCheck,
  seedPullRequest,
  stickyComments,
  withEmulator,
  writesOf,
  type CheckId,
  type RunSpec,
} from './helpers.js';

const STRICT_POLICY = `branches:
  ticket-keys: [OPS]
  kinds:
    feature:
      patterns: ['feature/{ticket}-{slug}']
      into: [mainline]
`;

/** What a scenario expects after the fault. */
interface Expected {
  exitCode: 0 | 1;
  /** The failure message, when the fault ends the run. */
  failure?: RegExp;
  /** Requests of this operation, fault included. */
  count?: [operationId: string, times: number];
  /** Sticky comments at the end. */
  comments?: number;
  /** Extra checks on the run. */
  check?: (run: ActionRun, emulator: Emulator) => void;
}

/** A fault to inject, or a change to the emulator's state made before the run. */
type Injection = FaultSpec | ((emulator: Emulator) => void);

type Scenario = [label: string, passing: boolean, fault: Injection, expected: Expected];

const CONTENTS = 'repos/get-content';
const LIST = 'issues/list-comments';
const CREATE = 'issues/create-comment';

const noPolicyAnnotations = (run: ActionRun) =>
  expect(run.annotations.filter((a) => a.file !== undefined)).toEqual([]);

/** The statuses `operationId` was answered with during `run`, in order. */
const statusesOf = (run: ActionRun, operationId: string) =>
  run.requests.filter((r) => r.operationId === operationId).map((r) => r.status);

/**
 * The installation's quota is spent for the next hour: every request is
 * answered 403 "API rate limit exceeded" with `x-ratelimit-remaining: 0` and
 * the reset time, as GitHub does. (A reset a second ahead would race the
 * action's start; the faults above cover a short wait.)
 */
const spendQuota = (emulator: Emulator) => {
  const reset = Math.floor(Date.now() / 1000) + 3600;
  emulator.state.rateLimit = { limit: 5000, remaining: 0, reset };
};

/** Faults both actions are run under; more per action below and in sticky-comment.test.ts. */
const commonScenarios: Scenario[] = [
  [
    'a 503 once on the policy read is retried and the run passes',
    true,
    { operationId: CONTENTS, kind: 'status', status: 503 },
    { exitCode: 0, count: [CONTENTS, 2], comments: 0 },
  ],
  [
    'a secondary rate limit with Retry-After is waited out and the comment is written',
    false,
    { operationId: LIST, kind: 'secondary-rate-limit', retryAfter: 1 },
    {
      exitCode: 1,
      failure: /: \d policy errors?; see the annotations and the job summary\.$/,
      count: [CREATE, 1],
      comments: 1,
      check: (run) => expect(run.stdout).toContain('retrying in 1s (retry 1 of 2)'),
    },
  ],
  [
    'a primary rate limit answered 429 is waited out until its reset and the comment is written',
    false,
    { operationId: LIST, kind: 'rate-limit', status: 429, resetInSeconds: 0 },
    {
      exitCode: 1,
      failure: /: \d policy errors?; see the annotations and the job summary\.$/,
      count: [CREATE, 1],
      comments: 1,
      check: (run) => {
        // The first list was refused; the retry and the list after the create got through.
        expect(statusesOf(run, LIST)).toEqual([429, 200, 200]);
        expect(run.stdout).toMatch(
          /GitHub rate limit on GET \S+: retrying in [0-2]s \(retry 1 of 2\)/,
        );
      },
    },
  ],
  [
    'a 403 with x-ratelimit-remaining: 0 on the policy read is waited out and the run passes',
    true,
    { operationId: CONTENTS, kind: 'rate-limit', status: 403, resetInSeconds: 0 },
    {
      exitCode: 0,
      count: [CONTENTS, 2],
      comments: 0,
      check: (run) => {
        // The retry reaches the repository, which has no policy file: the default applies.
        expect(statusesOf(run, CONTENTS)).toEqual([403, 404]);
        expect(run.stdout).toMatch(
          /GitHub rate limit on GET \S+: retrying in [0-2]s \(retry 1 of 2\)/,
        );
      },
    },
  ],
  [
    'a spent quota (403, x-ratelimit-remaining: 0) resetting in an hour fails at once, saying when',
    true,
    spendQuota,
    {
      exitCode: 1,
      failure:
        /^GET \/repos\/\{owner\}\/\{repo\}\/contents\/\{path\} answered 403 "API rate limit exceeded for installation\..*" \(request id [\dA-F:]+\)\. GitHub's API rate limit was exceeded and the retries ran out\. The limit resets at .*Read more: https:\/\/github\.com\/release-policy\/release-policy\/blob\/v0\.1\.0\/docs\/actions\.md#rate-limits$/,
      count: [CONTENTS, 1],
      comments: 0,
      check: (run, emulator) => {
        expect(run.requests.map((r) => [r.operationId, r.status])).toEqual([[CONTENTS, 403]]);
        const reset = new Date(emulator.state.rateLimit.reset * 1000).toISOString();
        expect(failureMessage(run)).toContain(`The limit resets at ${reset}. Re-run the job later`);
        expect(run.stdout).toMatch(
          /GitHub rate limit on GET \S+: it asks to wait \d+s, longer than 120s; giving up\./,
        );
        expect(run.outputs).toEqual({});
      },
    },
  ],
  [
    'a JSON body cut short on the policy read fails clearly, not as a malformed policy',
    true,
    { operationId: CONTENTS, kind: 'truncated-json' },
    {
      exitCode: 1,
      failure:
        /^GET \/repos\/\{owner\}\/\{repo\}\/contents\/\{path\} answered 200 with a JSON body that does not parse \(cut short\?\): "\{\\"message\\":\\"This bod".*Nothing was read from it\..*re-run the job.*Read more: https:\/\/github\.com\/release-policy\/release-policy\/blob\/v0\.1\.0\/docs\/actions\.md#troubleshooting$/,
      count: [CONTENTS, 1],
      comments: 0,
      check: noPolicyAnnotations,
    },
  ],
];

/** Runs one fault scenario of `check` and checks what every scenario must hold. */
async function runScenario(
  check: CheckId,
  build: (emulator: Emulator, passing: boolean) => Promise<RunSpec>,
  [, passing, fault, expected]: Scenario,
): Promise<void> {
  await withEmulator(async (emulator) => {
    const spec = await build(emulator, passing);
    const handle = typeof fault === 'function' ? fault(emulator) : emulator.fault(fault);
    const run = await runCheck(emulator, check, spec);

    if (handle) expect(handle.hits).toBeGreaterThanOrEqual(1);
    expect(run.exitCode).toBe(expected.exitCode);
    if (expected.failure) expect(failureMessage(run)).toMatch(expected.failure);
    else expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    if (expected.count) {
      const [operationId, times] = expected.count;
      expect(countOf(run.requests, operationId)).toBe(times);
    }
    if (expected.comments !== undefined) {
      expect(stickyComments(emulator, check)).toHaveLength(expected.comments);
    }
    expect(run.timedOut).toBe(false);
    expected.check?.(run, emulator);
    expect(findHygieneProblems(run)).toEqual([]);
  });
}

describe('branch-name action under faults', () => {
  const build = async (emulator: Emulator, passing: boolean): Promise<RunSpec> =>
    seedPullRequest(emulator, { head: passing ? 'feature/CHG-1234-add-login' : 'bad_branch' });

  const scenarios: Scenario[] = [
    ...commonScenarios,
    [
      'an HTML page answered 200 on the comment list fails clearly after the summary',
      false,
      { operationId: LIST, kind: 'html', status: 200 },
      {
        exitCode: 1,
        failure:
          /^GET \/repos\/octo-org\/app\/issues\/7\/comments answered 200 with an HTML page instead of API data \(request id [\dA-F:]+\)\. Nothing was read from it\./,
        count: [LIST, 1],
        comments: 0,
        check: (run) => {
          expect(run.summary).toContain('### ❌ Branch name: 1 error');
          expect(run.summary).toContain('No comment could be written on pull request #7');
        },
      },
    ],
  ];

  it.concurrent.each(scenarios)('%s', (...scenario) => runScenario('branch-name', build, scenario));

  it.concurrent(
    'a 404 for the policy file means the default policy, even with a strict base policy',
    () =>
      withEmulator(async (emulator) => {
        // The strict policy would refuse the CHG ticket key; the 404 makes the default apply.
        const pr = seedPullRequest(emulator, {
          head: 'feature/CHG-1234-add-login',
          basePolicy: STRICT_POLICY,
        });
        emulator.fault({ operationId: CONTENTS, kind: 'not-found-once' });
        const run = await runCheck(emulator, 'branch-name', pr);

        expect(run.exitCode).toBe(0);
        // The 404 is confirmed with the base commit, which is visible: the file is absent there.
        expect(run.summary).toContain(
          `| policy | (default policy: no .github/release-policy.yml at ${BASE_SHA.slice(0, 7)}) |`,
        );
        expect(countOf(run.requests, CONTENTS)).toBe(1);
        expect(countOf(run.requests, 'repos/get-commit')).toBe(1);
        expect(writesOf(run.requests)).toEqual([]);
        expect(findHygieneProblems(run)).toEqual([]);
      }),
  );
});

describe('version action under faults', () => {
  let repo: Promise<TempRepo> | undefined;
  /** One repository for every scenario: v1.0.0, then feat and fix commits, package.json 1.1.0. */
  const useRepo = () =>
    (repo ??= createRepo([
      { message: 'chore: init', files: { 'package.json': packageJson('1.0.0') }, tags: ['v1.0.0'] },
      { message: 'feat: add login' },
      { message: 'fix: keep the session' },
      { message: 'chore(release): 1.1.0', files: { 'package.json': packageJson('1.1.0') } },
    ]));
  afterAll(async () => {
    await (await repo)?.remove();
  });

  const build = async (emulator: Emulator, passing: boolean): Promise<RunSpec> => {
    const { dir, git } = await useRepo();
    const pr = seedPullRequest(emulator, {
      head: 'feature/CHG-1234-add-login',
      headSha: await git('rev-parse', 'HEAD'),
    });
    // Failing: the version input disagrees with package.json.
    return { ...pr, cwd: dir, inputs: passing ? {} : { version: '1.0.1' } };
  };

  const scenarios: Scenario[] = [
    ...commonScenarios,
    [
      'a connection reset on the policy read is retried and the run passes',
      true,
      { operationId: CONTENTS, kind: 'reset' },
      { exitCode: 0, count: [CONTENTS, 2], comments: 0 },
    ],
    [
      'an HTML error page (502) on the comment list is retried and the comment is written',
      false,
      { operationId: LIST, kind: 'html' },
      { exitCode: 1, failure: /: \d policy errors?;/, count: [LIST, 3], comments: 1 },
    ],
    [
      'a 502 after the comment was created leaves exactly one comment',
      false,
      { operationId: CREATE, kind: 'after-write' },
      { exitCode: 1, failure: /: \d policy errors?;/, count: [CREATE, 2], comments: 1 },
    ],
    [
      'a bad token (401) fails at once with a teaching message',
      true,
      { kind: 'unauthorized', times: Infinity },
      {
        exitCode: 1,
        failure: /answered 401 "Bad credentials".*The token is invalid or expired/,
        count: [CONTENTS, 1],
        comments: 0,
        check: (run) => expect(run.outputs).toEqual({}),
      },
    ],
    [
      'a JSON body cut short on the comment list fails clearly after the summary',
      false,
      { operationId: LIST, kind: 'truncated-json' },
      {
        exitCode: 1,
        failure:
          /^GET \/repos\/octo-org\/app\/issues\/7\/comments answered 200 with a JSON body that does not parse/,
        count: [CREATE, 0],
        comments: 0,
        check: (run) => {
          expect(run.outputs.ok).toBe('false');
          expect(run.summary).toMatch(/### ❌ Version: \d errors?/);
        },
      },
    ],
  ];

  it.concurrent.each(scenarios)('%s', (...scenario) => runScenario('version', build, scenario));
});
