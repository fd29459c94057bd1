import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ReleasePolicyError } from '@release-policy/core';
import { toGitHubApiError } from './errors.js';
import { createOctokit, resolveApiUrl, type CreateOctokitOptions } from './octokit.js';
import { captureStdout, findCommandLines, muteStdout } from './testing/actions-env.js';
import { startFakeGitHub, type FakeGitHub } from './testing/fake-github.js';

const TOKEN = 'ghs_SecretToken0123456789abcdef';
let gh: FakeGitHub;
const savedApiUrl = process.env.GITHUB_API_URL;

beforeAll(async () => {
  gh = await startFakeGitHub({ prefix: '/api/v3', tokens: { [TOKEN]: 'github-actions[bot]' } });
});
afterAll(async () => {
  await gh.close();
});
afterEach(() => {
  gh.faults.length = 0;
  gh.requests.length = 0;
  if (savedApiUrl === undefined) delete process.env.GITHUB_API_URL;
  else process.env.GITHUB_API_URL = savedApiUrl;
});

const LIST = /^\/repos\/octo\/service\/issues\/1\/comments$/;

function make(options: Partial<CreateOctokitOptions> = {}) {
  return muteStdout(() =>
    createOctokit({ token: TOKEN, baseUrl: gh.url, retryAfterBaseMs: 1, ...options }),
  );
}

async function listComments(octokit: ReturnType<typeof make>) {
  return octokit.rest.issues.listComments({ owner: 'octo', repo: 'service', issue_number: 1 });
}

describe('createOctokit', () => {
  it('reads GITHUB_API_URL when it is called, not when the module was loaded', async () => {
    process.env.GITHUB_API_URL = gh.url;
    const { result: octokit, stdout } = await captureStdout(() => createOctokit({ token: TOKEN }));
    expect(stdout).toBe(`::add-mask::${TOKEN}\n`);
    const response = await listComments(octokit);
    expect(response.status).toBe(200);
    expect(gh.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/octo/service/issues/1/comments',
    ]);
    expect(gh.requests[0]?.authorization).toBe(`token ${TOKEN}`);
  });

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
    gh.faults.push({ path: LIST, status: 500, times: 10 });
    const { stdout } = await captureStdout(async () => {
      const octokit = createOctokit({
        token: TOKEN,
        baseUrl: gh.url,
        retryAfterBaseMs: 1,
        retries: 1,
      });
      await listComments(octokit).catch((error: unknown) => {
        process.stdout.write(`${toGitHubApiError(error, 'GET /x').message}\n`);
      });
      const bad = createOctokit({ token: 'wrong-token', baseUrl: gh.url, retryAfterBaseMs: 1 });
      await listComments(bad).catch(() => undefined);
    });
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
    gh.faults.push({ path: LIST, status: 500, times: 100 });
    const error = await listComments(make({ retries })).catch((e: unknown) => e);
    expect(gh.requests).toHaveLength(sent);
    expect(toGitHubApiError(error, 'GET /x').kind).toBe('server');
  });

  it('defaults to three retries', async () => {
    gh.faults.push({ path: LIST, status: 502, times: 100 });
    await expect(listComments(make())).rejects.toMatchObject({ status: 502 });
    expect(gh.requests).toHaveLength(4);
  });

  it('succeeds when a retry gets through', async () => {
    gh.faults.push({ path: LIST, status: 503, times: 2 });
    const response = await listComments(make());
    expect(response.status).toBe(200);
    expect(gh.requests).toHaveLength(3);
  });

  it.each([401, 403, 404, 422])('does not retry %i', async (status) => {
    gh.faults.push({ path: LIST, status, times: 100 });
    await expect(listComments(make())).rejects.toMatchObject({ status });
    expect(gh.requests).toHaveLength(1);
  });
});

describe('rate limits', () => {
  const secondary = {
    path: LIST,
    status: 403,
    body: {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    },
    headers: { 'retry-after': '1' },
  };

  it('waits out a secondary rate limit (Retry-After: 1) and logs it safely', async () => {
    gh.faults.push({ ...secondary, times: 1 });
    const { result, stdout } = await captureStdout(() => listComments(make()));
    expect(result.status).toBe(200);
    expect(gh.requests).toHaveLength(2);
    expect(stdout).toMatch(/secondary rate limit on GET .*retrying in 1s \(retry 1 of 2\)/);
    expect(findCommandLines(stdout)).toEqual([]);
  });

  it('retries a rate limit at most twice, then fails with a rate-limit error', async () => {
    gh.faults.push({ ...secondary, times: 100 });
    const { result: error } = await captureStdout(() =>
      listComments(make()).catch((e: unknown) => e),
    );
    expect(gh.requests).toHaveLength(3);
    const apiError = toGitHubApiError(
      error,
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    );
    expect(apiError.kind).toBe('rate-limited');
    expect(apiError.message).toMatch(/rate limit was exceeded and the retries ran out/);
  });

  it('handles a primary rate limit (429) only in the throttling plugin', async () => {
    const reset = String(Math.floor(Date.now() / 1000));
    gh.faults.push({
      path: LIST,
      status: 429,
      times: 100,
      body: { message: 'API rate limit exceeded' },
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
    });
    await captureStdout(() => listComments(make({ rateLimitRetries: 1 })).catch(() => undefined));
    expect(gh.requests).toHaveLength(2);
  });

  it('gives up at once when asked to wait longer than allowed', async () => {
    gh.faults.push({ ...secondary, headers: { 'retry-after': '3600' }, times: 100 });
    const { stdout } = await captureStdout(() => listComments(make()).catch(() => undefined));
    expect(gh.requests).toHaveLength(1);
    expect(stdout).toMatch(/asks to wait 3600s, longer than 120s; giving up/);
  });
});
