/**
 * A secondary rate limit answered WITHOUT Retry-After. Octokit's throttling
 * plugin then waits its fallback of 60 s per retry, and neither action lets
 * a workflow shorten that wait (no input or variable reaches
 * `retryAfterBaseMs`), so a run through the bundles would take two minutes.
 * The bounds are checked here instead, on the very Octokit the actions build
 * (`createOctokit`, read from GITHUB_API_URL as the actions do), with one
 * second scaled down to one millisecond: how long it asks to wait, how often
 * it retries, and that it gives up with a teaching rate-limit error.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { Emulator } from '@release-policy/github-emulator';
import {
  createOctokit,
  DEFAULT_MAX_RETRY_AFTER,
  DEFAULT_RATE_LIMIT_RETRIES,
  toGitHubApiError,
  type CreateOctokitOptions,
  type OctokitLog,
} from '@release-policy/github';
import { NAME, OWNER, REPO, TOKEN, withEmulator } from './helpers.js';

const LIST = 'issues/list-comments';
const OPERATION = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments';
/** The wait Octokit's throttling plugin assumes when a secondary rate limit names none. */
const FALLBACK_SECONDS = 60;

/** A log that keeps the warnings, where the waits are announced. */
function captureLog(): { log: OctokitLog; warnings: string[] } {
  const warnings: string[] = [];
  const keep = (message: unknown) => {
    warnings.push(String(message));
  };
  return { log: { debug: () => {}, info: () => {}, warn: keep, error: keep }, warnings };
}

/** The waits, in (unscaled) seconds, that the warnings announced. */
function readWaits(warnings: readonly string[]): number[] {
  return warnings.flatMap((w) => {
    const match = /retrying in (\d+)s/.exec(w);
    return match ? [Number(match[1])] : [];
  });
}

/** An Octokit made as the actions make it, for the emulator, with seconds scaled to 1 ms. */
function makeOctokit(emulator: Emulator, log: OctokitLog, options: Partial<CreateOctokitOptions>) {
  return createOctokit({
    token: TOKEN,
    env: { GITHUB_API_URL: emulator.url },
    retryAfterBaseMs: 1,
    log,
    ...options,
  });
}

/** Lists the comments of pull request #7 and returns the error it ended with, if any. */
async function listComments(
  emulator: Emulator,
  options: Partial<CreateOctokitOptions> = {},
): Promise<{ error: unknown; warnings: string[] }> {
  const { log, warnings } = captureLog();
  const octokit = makeOctokit(emulator, log, options);
  const error = await octokit.rest.issues
    .listComments({ owner: OWNER, repo: NAME, issue_number: 7 })
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  return { error, warnings };
}

const withPull = (body: (emulator: Emulator) => Promise<void>) =>
  withEmulator(async (emulator) => {
    emulator.seed.pull({ repo: REPO, number: 7 });
    emulator.seed.comment({ repo: REPO, issueNumber: 7, body: 'hello' });
    await body(emulator);
  });

const withoutRetryAfter = { operationId: LIST, kind: 'secondary-rate-limit' } as const;

describe('a secondary rate limit without Retry-After', () => {
  // createOctokit masks the token through a workflow command on stdout; keep the test output clean.
  beforeEach(() => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('is waited out once with the 60 s fallback, then the call succeeds', () =>
    withPull(async (emulator) => {
      const fault = emulator.fault(withoutRetryAfter);
      const { error, warnings } = await listComments(emulator);

      expect(error).toBeUndefined();
      expect(fault.hits).toBe(1);
      expect(emulator.requests.map((r) => [r.operationId, r.status])).toEqual([
        [LIST, 403],
        [LIST, 200],
      ]);
      expect(emulator.requests[1]?.responseBody).toEqual([
        expect.objectContaining({ body: 'hello' }),
      ]);
      expect(warnings).toEqual([
        `GitHub secondary rate limit on ${OPERATION}: retrying in 60s (retry 1 of 2).`,
      ]);
    }));

  it('is retried at most twice (two minutes at most in a real run), then fails teaching what to do', () =>
    withPull(async (emulator) => {
      emulator.fault({ ...withoutRetryAfter, times: Infinity });
      const { error, warnings } = await listComments(emulator);

      expect(emulator.requests.map((r) => r.status)).toEqual([403, 403, 403]);
      const waits = readWaits(warnings);
      expect(waits).toEqual(Array(DEFAULT_RATE_LIMIT_RETRIES).fill(FALLBACK_SECONDS));
      // The longest a run can be held up by it, at the real one second per second.
      expect(waits.reduce((a, b) => a + b, 0)).toBe(120);
      expect(warnings.at(-1)).toMatch(/giving up after 2 retries\.$/);

      const apiError = toGitHubApiError(error, OPERATION);
      expect(apiError.kind).toBe('rate-limited');
      expect(apiError.status).toBe(403);
      expect(apiError.message).toMatch(
        /^GET \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments answered 403 "You have exceeded a secondary rate limit\..*rate limit was exceeded and the retries ran out\. .*Read more: docs\/actions\.md#rate-limits$/,
      );
    }));

  it.each([
    [30, 1, true],
    [FALLBACK_SECONDS - 1, 1, true],
    [FALLBACK_SECONDS, 2, false],
    [DEFAULT_MAX_RETRY_AFTER, 2, false],
  ])(
    'with maxRetryAfterSeconds=%i it sends %i request(s) (gives up at once: %s)',
    (maxRetryAfterSeconds, sent, givesUp) =>
      withPull(async (emulator) => {
        emulator.fault(withoutRetryAfter);
        const { error, warnings } = await listComments(emulator, { maxRetryAfterSeconds });

        expect(emulator.requests).toHaveLength(sent);
        if (givesUp) {
          expect(toGitHubApiError(error, OPERATION).kind).toBe('rate-limited');
          expect(warnings).toEqual([
            expect.stringContaining(
              `it asks to wait 60s, longer than ${maxRetryAfterSeconds}s; giving up.`,
            ),
          ]);
        } else {
          expect(error).toBeUndefined();
          expect(readWaits(warnings)).toEqual([FALLBACK_SECONDS]);
        }
      }),
  );

  it('gives up at once when rate-limit retries are turned off', () =>
    withPull(async (emulator) => {
      emulator.fault(withoutRetryAfter);
      const { error, warnings } = await listComments(emulator, { rateLimitRetries: 0 });

      expect(emulator.requests).toHaveLength(1);
      expect(toGitHubApiError(error, OPERATION).kind).toBe('rate-limited');
      expect(warnings).toEqual([expect.stringMatching(/giving up after 0 retries\.$/)]);
    }));
});
