import { afterEach, describe, expect, it } from '@jest/globals';
import { ReleasePolicyError } from '@release-policy/core';
import type { Emulator } from '@release-policy/github-emulator';
import { toGitHubApiError } from './errors.js';
import { ACTIONS_DOCS } from './text.js';
import { createOctokit, resolveApiUrl, type CreateOctokitOptions } from './octokit.js';
import { captureStdout, findCommandLines, muteStdout } from './testing/actions-env.js';
import { OWNER, REPO, FULL_NAME, useEmulator } from './testing/emulator.js';

const TOKEN = 'ghs_SecretToken0123456789abcdef';
const LIST = 'issues/list-comments';
const savedApiUrl = process.env.GITHUB_API_URL;

// Served like GitHub Enterprise Server, under /api/v3, unless a test says otherwise.
const start = useEmulator({ token: TOKEN, pathPrefix: '/api/v3' });

afterEach(() => {
  if (savedApiUrl === undefined) delete process.env.GITHUB_API_URL;
  else process.env.GITHUB_API_URL = savedApiUrl;
});

/** An emulator with pull request #1 to list the comments of. */
async function startWithPull(options: Parameters<typeof start>[0] = {}): Promise<Emulator> {
  const emulator = await start(options);
  emulator.seed.pull({ repo: FULL_NAME, number: 1 });
  return emulator;
}

function make(emulator: Emulator, options: Partial<CreateOctokitOptions> = {}) {
  return muteStdout(() =>
    createOctokit({ token: TOKEN, baseUrl: emulator.url, retryAfterBaseMs: 1, ...options }),
  );
}

async function listComments(octokit: ReturnType<typeof make>, issueNumber = 1) {
  return octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: issueNumber });
}

describe('createOctokit', () => {
  it.each([
    ['the public API (no prefix)', ''],
    ['GitHub Enterprise Server (/api/v3)', '/api/v3'],
  ])(
    'reads GITHUB_API_URL for %s when it is called, not when the module was loaded',
    async (_label, pathPrefix) => {
      const emulator = await startWithPull({ pathPrefix });
      expect(new URL(emulator.url).pathname).toBe(pathPrefix || '/');
      process.env.GITHUB_API_URL = emulator.url;
      const { result: octokit, stdout } = await captureStdout(() =>
        createOctokit({ token: TOKEN }),
      );
      expect(stdout).toBe(`::add-mask::${TOKEN}\n`);
      const response = await listComments(octokit);
      expect(response.status).toBe(200);
      // The emulator logs paths below its prefix; a request outside it would be a violation.
      expect(emulator.requests.map((r) => [r.method, r.path, r.operationId])).toEqual([
        ['GET', `/repos/${FULL_NAME}/issues/1/comments`, LIST],
      ]);
      expect(emulator.requests[0]?.requestHeaders.authorization).toBe(`token ${TOKEN}`);
    },
  );

  it('prefers an explicit baseUrl over GITHUB_API_URL', () => {
    expect(
      resolveApiUrl('https://ghe.example.com/api/v3/', { GITHUB_API_URL: 'https://other.test' }),
    ).toBe('https://ghe.example.com/api/v3');
    expect(resolveApiUrl(undefined, { GITHUB_API_URL: 'https://ghe.example.com/api/v3' })).toBe(
      'https://ghe.example.com/api/v3',
    );
    expect(resolveApiUrl(undefined, {})).toBe('https://api.github.com');
  });

  it.each([
    ['not a url', /is not a URL.*e\.g\. "https:\/\/api\.github\.com"/],
    ['ftp://ghe.example.com', /must use https/],
  ])('rejects GITHUB_API_URL %j with a teaching message', (value, message) => {
    expect(() => resolveApiUrl(undefined, { GITHUB_API_URL: value })).toThrow(ReleasePolicyError);
    expect(() => resolveApiUrl(undefined, { GITHUB_API_URL: value })).toThrow(message);
  });

  it('refuses an empty token with a message that says how to pass one', () => {
    expect(() => createOctokit({ token: ' ' })).toThrow(/No GitHub token was given.*github\.token/);
  });

  it('masks the token and never prints it otherwise, even when calls fail', async () => {
    const emulator = await startWithPull();
    emulator.fault({ operationId: LIST, kind: 'status', status: 500, times: 10 });
    const { stdout } = await captureStdout(async () => {
      const octokit = createOctokit({
        token: TOKEN,
        baseUrl: emulator.url,
        retryAfterBaseMs: 1,
        retries: 1,
      });
      await listComments(octokit).catch((error: unknown) => {
        process.stdout.write(`${toGitHubApiError(error, 'GET /x').message}\n`);
      });
      const bad = createOctokit({ token: 'wrong-token', baseUrl: emulator.url });
      await listComments(bad).catch((error: unknown) => {
        process.stdout.write(`${toGitHubApiError(error, 'GET /x').message}\n`);
      });
    });
    expect(emulator.requests.map((r) => r.status)).toEqual([500, 500, 401]);
    const lines = stdout.split('\n').filter((l) => l.includes(TOKEN));
    expect(lines).toEqual([`::add-mask::${TOKEN}`]);
    expect(stdout).toContain('::add-mask::wrong-token');
  });
});

describe('retries are bounded', () => {
  it.each([
    [0, 1],
    [1, 2],
    [3, 4],
  ])('with retries=%i a failing call is sent %i times', async (retries, sent) => {
    const emulator = await startWithPull();
    emulator.fault({ operationId: LIST, kind: 'status', status: 500, times: Infinity });
    const error = await listComments(make(emulator, { retries })).catch((e: unknown) => e);
    expect(emulator.requests).toHaveLength(sent);
    expect(emulator.requests.every((r) => r.fault === 'status')).toBe(true);
    expect(toGitHubApiError(error, 'GET /x').kind).toBe('server');
  });

  it('defaults to three retries', async () => {
    const emulator = await startWithPull();
    emulator.fault({ operationId: LIST, kind: 'status', status: 502, times: Infinity });
    await expect(listComments(make(emulator))).rejects.toMatchObject({ status: 502 });
    expect(emulator.requests).toHaveLength(4);
  });

  it('succeeds when a retry gets through', async () => {
    const emulator = await startWithPull();
    emulator.seed.comment({ repo: FULL_NAME, issueNumber: 1, body: 'hello' });
    emulator.fault({ operationId: LIST, kind: 'status', status: 503, times: 2 });
    const response = await listComments(make(emulator));
    expect(response.status).toBe(200);
    expect(response.data.map((c) => c.body)).toEqual(['hello']);
    expect(emulator.requests.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  // Real answers of the emulator, no faults: each is final and sent once.
  it.each([
    [401, 'a wrong token', (em: Emulator) => listComments(make(em, { token: 'ghs_wrong' }))],
    [
      403,
      'GET /user with an installation token',
      (em: Emulator) => make(em).rest.users.getAuthenticated(),
    ],
    [404, 'a pull request that does not exist', (em: Emulator) => listComments(make(em), 404)],
    [
      422,
      'a comment body over 65536 characters',
      (em: Emulator) =>
        make(em).rest.issues.createComment({
          owner: OWNER,
          repo: REPO,
          issue_number: 1,
          body: 'x'.repeat(65537),
        }),
    ],
  ])('does not retry %i (%s)', async (status, _label, call) => {
    const emulator = await startWithPull();
    await expect(call(emulator)).rejects.toMatchObject({ status });
    expect(emulator.requests.map((r) => r.status)).toEqual([status]);
    expect(emulator.state.comments).toEqual([]);
  });
});

describe('an API that accepts the connection and never answers', () => {
  const ROUTE = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments';

  /** The call's error message and the statuses the emulator logged (0: never answered). */
  async function callHanging(emulator: Emulator, options: Partial<CreateOctokitOptions>) {
    const message = await listComments(make(emulator, options)).then(
      () => 'answered',
      (error: Error) => `${error.constructor.name}: ${error.message}`,
    );
    return { message, statuses: emulator.requests.map((r) => [r.status, r.fault]) };
  }

  it('gives each attempt its own timeout, retries a bounded number of times, then names the host and the operation', async () => {
    const emulator = await startWithPull();
    emulator.fault({ operationId: LIST, kind: 'hang', times: Infinity });
    const host = new URL(emulator.url).host;
    expect(await callHanging(emulator, { requestTimeoutMs: 100, callDeadlineMs: 30_000 })).toEqual({
      message:
        `GitHubApiError: ${ROUTE} on ${host} got no answer: 4 attempts, each given 0.1 s, within the call's limit of 30 s. ` +
        'The server (or a proxy in front of it) accepted the connection and sent nothing. ' +
        `Check that ${host} is up (for github.com: https://www.githubstatus.com) and that the runner ` +
        `can reach it, then re-run the job. Read more: ${ACTIONS_DOCS}#retries`,
      statuses: [
        [0, 'hang'],
        [0, 'hang'],
        [0, 'hang'],
        [0, 'hang'],
      ],
    });
  });

  it('ends the call at its deadline, whatever the attempts have left', async () => {
    const emulator = await startWithPull();
    emulator.fault({ operationId: LIST, kind: 'hang', times: Infinity });
    const host = new URL(emulator.url).host;
    const { message, statuses } = await callHanging(emulator, {
      requestTimeoutMs: 20_000,
      callDeadlineMs: 200,
    });
    expect([message.slice(0, message.indexOf(' The server')), statuses]).toEqual([
      `GitHubApiError: ${ROUTE} on ${host} got no answer: 1 attempt, each given 20 s, within the call's limit of 0.2 s.`,
      [[0, 'hang']],
    ]);
  });

  it('succeeds when a retry after a silent attempt gets through', async () => {
    const emulator = await startWithPull();
    emulator.fault({ operationId: LIST, kind: 'hang' });
    const response = await listComments(make(emulator, { requestTimeoutMs: 100 }));
    expect([response.status, emulator.requests.map((r) => r.status)]).toEqual([200, [0, 200]]);
  });
});

describe('rate limits', () => {
  it('waits out a secondary rate limit (Retry-After: 1) and logs it safely', async () => {
    const emulator = await startWithPull();
    emulator.fault({ operationId: LIST, kind: 'secondary-rate-limit', retryAfter: 1 });
    const { result, stdout } = await captureStdout(() => listComments(make(emulator)));
    expect(result.status).toBe(200);
    expect(emulator.requests.map((r) => r.status)).toEqual([403, 200]);
    expect(stdout).toMatch(/secondary rate limit on GET .*retrying in 1s \(retry 1 of 2\)/);
    expect(findCommandLines(stdout)).toEqual([]);
  });

  it('retries a rate limit at most twice, then fails with a rate-limit error', async () => {
    const emulator = await startWithPull();
    emulator.fault({
      operationId: LIST,
      kind: 'secondary-rate-limit',
      retryAfter: 1,
      times: Infinity,
    });
    const { result: error } = await captureStdout(() =>
      listComments(make(emulator)).catch((e: unknown) => e),
    );
    expect(emulator.requests).toHaveLength(3);
    const apiError = toGitHubApiError(
      error,
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    );
    expect(apiError.kind).toBe('rate-limited');
    expect(apiError.message).toMatch(/rate limit was exceeded and the retries ran out/);
  });

  it.each([429, 403] as const)(
    'handles a primary rate limit (%i, remaining 0) only in the throttling plugin',
    async (status) => {
      const emulator = await startWithPull();
      emulator.fault({
        operationId: LIST,
        kind: 'rate-limit',
        status,
        resetInSeconds: 0,
        times: Infinity,
      });
      const { result: error, stdout } = await captureStdout(() =>
        listComments(make(emulator, { rateLimitRetries: 1 })).catch((e: unknown) => e),
      );
      expect(emulator.requests.map((r) => r.status)).toEqual([status, status]);
      expect(stdout).toMatch(/GitHub rate limit on GET .*retrying in \d+s \(retry 1 of 1\)/);
      expect(toGitHubApiError(error, 'GET /x').kind).toBe('rate-limited');
    },
  );

  it('waits out rate limits longer than the call deadline: the deadline bounds network time only', async () => {
    const emulator = await startWithPull();
    emulator.seed.comment({ repo: FULL_NAME, issueNumber: 1, body: 'hello' });
    const octokit = make(emulator, { retryAfterBaseMs: 50, callDeadlineMs: 400 });
    await listComments(octokit); // The emulator's first answer compiles its schemas: not this test's subject.
    emulator.fault({ operationId: LIST, kind: 'secondary-rate-limit', retryAfter: 10, times: 2 });
    // Scaled: a second is 50 ms, so each wait (500 ms) is longer than the whole deadline (400 ms).
    const { result, stdout } = await captureStdout(() => listComments(octokit));
    expect([result.status, result.data.map((c) => c.body)]).toEqual([200, ['hello']]);
    expect(emulator.requests.map((r) => r.status)).toEqual([200, 403, 403, 200]);
    expect(stdout.match(/retrying in \d+s \(retry \d of 2\)/g)).toEqual([
      'retrying in 10s (retry 1 of 2)',
      'retrying in 10s (retry 2 of 2)',
    ]);
  });

  it('counts only network time against the deadline, and says how long it waited for rate limits', async () => {
    const emulator = await startWithPull();
    const octokit = make(emulator, { retryAfterBaseMs: 50, callDeadlineMs: 400 });
    await listComments(octokit);
    emulator.fault({ operationId: LIST, kind: 'secondary-rate-limit', retryAfter: 10 });
    emulator.fault({ operationId: LIST, kind: 'hang', times: Infinity });
    const { result: message } = await captureStdout(() =>
      listComments(octokit).then(
        () => 'answered',
        (error: Error) => error.message,
      ),
    );
    const host = new URL(emulator.url).host;
    expect(message.slice(0, message.indexOf(' The server'))).toBe(
      `GET /repos/{owner}/{repo}/issues/{issue_number}/comments on ${host} got no answer: 2 attempts, ` +
        "each given 20 s, within the call's limit of 0.4 s (not counting 0.5 s of rate-limit waits).",
    );
    expect(emulator.requests.map((r) => [r.status, r.fault])).toEqual([
      [200, undefined],
      [403, 'secondary-rate-limit'],
      [0, 'hang'],
    ]);
  });

  it('gives up at once when asked to wait longer than allowed, saying how long GitHub asks to wait', async () => {
    const emulator = await startWithPull();
    emulator.fault({
      operationId: LIST,
      kind: 'secondary-rate-limit',
      retryAfter: 3600,
      times: Infinity,
    });
    const { result: error, stdout } = await captureStdout(() =>
      listComments(make(emulator)).catch((e: unknown) => e),
    );
    expect(emulator.requests).toHaveLength(1);
    expect(stdout).toMatch(/asks to wait 3600s, longer than 120s; giving up/);
    const message = toGitHubApiError(error, 'GET /x').message;
    expect(message.slice(message.indexOf("GitHub's API"))).toBe(
      "GitHub's API rate limit was exceeded and the retries ran out. GitHub asks to wait 3600 s before the next request. " +
        'Re-run the job later, or space out the workflows that share this token. ' +
        `Read more: ${ACTIONS_DOCS}#rate-limits`,
    );
  });

  it('gives up at once on a primary limit that resets later than it may wait, saying when it resets', async () => {
    // The emulator's clock runs in 2030, so the reset is far beyond any wait allowed.
    const emulator = await startWithPull({ now: () => new Date('2030-01-01T00:00:00Z') });
    emulator.fault({ operationId: LIST, kind: 'rate-limit', resetInSeconds: 3600 });
    const { result: error } = await captureStdout(() =>
      listComments(make(emulator)).catch((e: unknown) => e),
    );
    const message = toGitHubApiError(error, 'GET /x').message;
    expect([emulator.requests.length, message.slice(message.indexOf("GitHub's API"))]).toEqual([
      1,
      "GitHub's API rate limit was exceeded and the retries ran out. The limit resets at 2030-01-01T01:00:00.000Z. " +
        'Re-run the job later, or space out the workflows that share this token. ' +
        `Read more: ${ACTIONS_DOCS}#rate-limits`,
    ]);
  });
});
