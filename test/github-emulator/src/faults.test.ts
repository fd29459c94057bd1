import { describe, it, expect } from '@jest/globals';
import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { createClient } from './client.js';
import { htmlErrorPage, secondaryRateLimitMessage } from './faults.js';
import { type Emulator } from './server.js';
import { useEmulator } from './testing.js';

/** Each test's emulators are checked for violations and closed after it. */
const startEmulator = useEmulator();
let emulator: Emulator | undefined;

async function start() {
  emulator = await startEmulator({
    repos: ['octo-org/app'],
    now: () => new Date('2024-05-01T10:00:00Z'),
  });
  emulator.seed.issue({ repo: 'octo-org/app', title: 'x' });
  return { em: emulator, call: createClient(emulator.url) };
}

const repoPath = '/repos/octo-org/app';
const commentsPath = '/repos/octo-org/app/issues/1/comments';
const resetAt = String(Date.parse('2024-05-01T10:00:00Z') / 1000 + 60);

describe('fault kinds', () => {
  it.each([500, 502, 503] as const)(
    'status %i fails `times` requests, then answers normally',
    async (status) => {
      const { em, call } = await start();
      const handle = em.fault({ operationId: 'repos/get', kind: 'status', status, times: 2 });
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await call('GET', repoPath)).status);
      expect(statuses).toEqual([status, status, 200]);
      expect(handle.hits).toBe(2);
      expect(handle.remaining).toBe(0);
      expect(em.requests.map((r) => r.fault)).toEqual(['status', 'status', undefined]);
    },
  );

  it.each([
    [30, '30'],
    [undefined, null],
  ])('secondary rate limit with retryAfter %s', async (retryAfter, header) => {
    const { em, call } = await start();
    em.fault({ kind: 'secondary-rate-limit', retryAfter });
    const res = await call('GET', repoPath);
    expect(res.status).toBe(403);
    expect(res.headers.get('retry-after')).toBe(header);
    expect(res.body).toMatchObject({ message: secondaryRateLimitMessage });
    expect(secondaryRateLimitMessage).toMatch(/\bsecondary rate\b/i);
  });

  it.each([429, 403] as const)(
    'primary rate limit answers %i with remaining 0 and a reset',
    async (status) => {
      const { em, call } = await start();
      em.fault({ kind: 'rate-limit', status });
      const res = await call('GET', repoPath);
      expect(res.status).toBe(status);
      expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(res.headers.get('x-ratelimit-reset')).toBe(resetAt);
      expect(res.body).toMatchObject({ message: expect.stringContaining('rate limit exceeded') });
    },
  );

  it('unauthorized answers 401 Bad credentials', async () => {
    const { em, call } = await start();
    em.fault({ kind: 'unauthorized' });
    const res = await call('GET', repoPath);
    expect([res.status, res.body]).toEqual([
      401,
      expect.objectContaining({ message: 'Bad credentials' }),
    ]);
  });

  it.each([
    [undefined, 'Resource not accessible by integration'],
    ['Must have admin rights to Repository.', 'Must have admin rights to Repository.'],
  ])('forbidden (message %j) answers 403 and writes nothing', async (message, expected) => {
    const { em, call } = await start();
    em.fault({ operationId: 'issues/create-comment', kind: 'forbidden', message });
    const res = await call('POST', commentsPath, { body: 'refused' });
    expect([res.status, res.body]).toEqual([403, expect.objectContaining({ message: expected })]);
    expect(res.headers.get('retry-after')).toBeNull();
    expect(em.state.comments).toEqual([]);
    expect(em.requests[0]).toMatchObject({ status: 403, fault: 'forbidden' });
    expect((await call('POST', commentsPath, { body: 'allowed' })).status).toBe(201);
  });

  it('reset destroys the connection without an answer', async () => {
    const { em, call } = await start();
    em.fault({ kind: 'reset' });
    await expect(call('GET', repoPath)).rejects.toThrow();
    expect(em.requests[0]).toMatchObject({ status: 0, fault: 'reset', operationId: 'repos/get' });
    expect((await call('GET', repoPath)).status).toBe(200);
  });

  it('hang accepts the request and never answers, until the client gives up', async () => {
    const { em, call } = await start();
    em.fault({ kind: 'hang' });
    const given = await fetch(`${em.url}${repoPath}`, { signal: AbortSignal.timeout(200) }).then(
      () => 'answered',
      (error: Error) => error.name,
    );
    expect(given).toBe('TimeoutError');
    expect(em.requests[0]).toMatchObject({ status: 0, fault: 'hang', operationId: 'repos/get' });
    expect((await call('GET', repoPath)).status).toBe(200);
  });

  it('truncated-json answers 200 with a body that does not parse', async () => {
    const { em, call } = await start();
    em.fault({ kind: 'truncated-json' });
    const res = await call('GET', repoPath);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(() => JSON.parse(res.text)).toThrow(SyntaxError);
  });

  it('html answers 502 with an HTML error page', async () => {
    const { em, call } = await start();
    em.fault({ kind: 'html' });
    const res = await call('GET', repoPath);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toBe(htmlErrorPage);
  });

  it('after-write performs the write, then answers 502', async () => {
    const { em, call } = await start();
    em.fault({
      method: 'POST',
      path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      kind: 'after-write',
    });
    const res = await call('POST', commentsPath, { body: 'written anyway' });
    expect(res.status).toBe(502);
    expect(em.state.comments.map((c) => c.body)).toEqual(['written anyway']);
    const list = await call<{ body: string }[]>('GET', commentsPath);
    expect(list.body.map((c) => c.body)).toEqual(['written anyway']);
  });

  it('not-found-once hides a new release from one read', async () => {
    const { em, call } = await start();
    em.fault({ operationId: 'repos/get-release-by-tag', kind: 'not-found-once' });
    expect(
      (
        await call('POST', `${repoPath}/releases`, {
          tag_name: 'v1.0.0',
          target_commitish: 'a'.repeat(40),
        })
      ).status,
    ).toBe(201);
    const reads = [];
    for (let i = 0; i < 2; i += 1)
      reads.push((await call('GET', `${repoPath}/releases/tags/v1.0.0`)).status);
    expect(reads).toEqual([404, 200]);
  });
});

describe('fault matching', () => {
  it('matches by method and template, by concrete path, or by operationId; others pass', async () => {
    const { em, call } = await start();
    em.fault({
      method: 'POST',
      path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      kind: 'status',
      status: 503,
    });
    em.fault({ path: repoPath, kind: 'status', status: 500 });
    expect((await call('GET', commentsPath)).status).toBe(200);
    expect((await call('POST', commentsPath, { body: 'x' })).status).toBe(503);
    expect((await call('GET', `${repoPath}/pulls`)).status).toBe(200);
    expect((await call('GET', repoPath)).status).toBe(500);
    expect((await call('GET', repoPath)).status).toBe(200);
  });

  it('fires an unlimited fault every time and can be cleared', async () => {
    const { em, call } = await start();
    em.fault({ operationId: 'repos/get', kind: 'status', status: 502, times: Infinity });
    expect((await call('GET', repoPath)).status).toBe(502);
    expect((await call('GET', repoPath)).status).toBe(502);
    em.clearFaults();
    expect((await call('GET', repoPath)).status).toBe(200);
  });

  it('refuses a fault that can never fire', async () => {
    const { em } = await start();
    expect(() => em.fault({ kind: 'unauthorized', times: 0 })).toThrow(/times >= 1, got 0/);
  });
});

describe('with Octokit retry and throttling', () => {
  function octokit(url: string) {
    const Client = Octokit.plugin(retry, throttling);
    return new Client({
      baseUrl: url,
      retry: { retryAfterBaseValue: 1 },
      throttle: {
        retryAfterBaseValue: 1,
        onRateLimit: () => true,
        onSecondaryRateLimit: () => true,
      },
    });
  }

  it('retries through a 502 and a secondary rate limit to the answer', async () => {
    const { em } = await start();
    em.fault({ operationId: 'repos/get', kind: 'status', status: 502 });
    em.fault({ operationId: 'repos/get', kind: 'secondary-rate-limit', retryAfter: 1 });
    const res = await octokit(em.url).request('GET /repos/{owner}/{repo}', {
      owner: 'octo-org',
      repo: 'app',
    });
    expect(res.data.full_name).toBe('octo-org/app');
    expect(em.requestsFor('repos/get').map((r) => r.status)).toEqual([502, 403, 200]);
  });
});
