import { describe, expect, it } from '@jest/globals';
import { ReleasePolicyError } from '@release-policy/core';
import { GitHubApiError, describeRequiredPermission, toGitHubApiError } from './errors.js';

const COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';

function requestError(status: number, message: string, headers: Record<string, string> = {}) {
  return Object.assign(new Error(message), {
    name: 'HttpError',
    status,
    response: { headers: { 'x-github-request-id': 'ABCD:1234', ...headers }, data: { message } },
  });
}

describe('toGitHubApiError', () => {
  it.each([
    [401, 'Bad credentials', {}, 'unauthorized', /invalid or expired/],
    [
      403,
      'Resource not accessible by integration',
      {},
      'forbidden',
      /`permissions: \{ pull-requests: write \}`/,
    ],
    [
      403,
      'API rate limit exceeded',
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000000' },
      'rate-limited',
      /resets at 2023-11-14T22:13:20.000Z/,
    ],
    [
      403,
      'You have exceeded a secondary rate limit',
      {},
      'rate-limited',
      /rate limit was exceeded/,
    ],
    [
      403,
      'You have exceeded a secondary rate limit',
      { 'retry-after': '600', 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': '1700000000' },
      'rate-limited',
      /retries ran out\. GitHub asks to wait 600 s before the next request\. Re-run the job later/,
    ],
    [429, 'Too many requests', {}, 'rate-limited', /Re-run the job later/],
    [404, 'Not Found', {}, 'not-found', /does not exist, or the token cannot see it/],
    [422, 'Validation Failed', {}, 'invalid', /rejected the request/],
    [502, 'Bad Gateway', {}, 'server', /githubstatus/],
  ] as const)('%i %s -> %s', (status, message, headers, kind, advice) => {
    const cause = requestError(status, message, headers);
    const error = toGitHubApiError(cause, COMMENT);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).toBeInstanceOf(ReleasePolicyError);
    expect(error.name).toBe('GitHubApiError');
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.operation).toBe(COMMENT);
    expect(error.requestId).toBe('ABCD:1234');
    expect(error.cause).toBe(cause);
    expect(error.message).toContain(
      `${COMMENT} answered ${status} ${JSON.stringify(message)} (request id ABCD:1234).`,
    );
    expect(error.message).toMatch(advice);
    expect(error.message).toMatch(/Read more: docs\/actions\.md#/);
  });

  it('converts once: a GitHubApiError passes through unchanged', () => {
    const first = toGitHubApiError(requestError(500, 'x'), 'GET /a');
    expect(toGitHubApiError(first, 'GET /b')).toBe(first);
  });

  it('treats a failure without response as a network problem that points at GITHUB_API_URL', () => {
    const error = toGitHubApiError(
      Object.assign(new Error('fetch failed'), { status: 500 }),
      'GET /repos/{owner}/{repo}',
    );
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/GITHUB_API_URL/);
    const plain = toGitHubApiError(new TypeError('boom'), 'GET /x');
    expect(plain.status).toBe(0);
    expect(plain.message).toContain('GET /x failed before GitHub answered: "boom".');
  });

  it('truncates a long API message', () => {
    const error = toGitHubApiError(requestError(422, 'y'.repeat(1000)), 'GET /x');
    expect(error.message.length).toBeLessThan(800);
    expect(error.message).toContain(` "${'y'.repeat(298)}… `);
  });
});

describe('describeRequiredPermission', () => {
  it.each([
    [COMMENT, 'pull-requests: write'],
    ['GET /repos/{owner}/{repo}/issues/{issue_number}/comments', 'pull-requests: read'],
    ['PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', 'pull-requests: write'],
    ['GET /repos/{owner}/{repo}/contents/{path}', 'contents: read'],
    ['POST /repos/{owner}/{repo}/issues', 'issues: write'],
  ])('%s needs %s', (operation, permission) => {
    expect(describeRequiredPermission(operation)).toBe(permission);
  });
});
