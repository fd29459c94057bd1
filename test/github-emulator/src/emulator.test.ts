import { describe, it, expect, afterEach } from '@jest/globals';
import { createClient } from './client.js';
import { EmulatorViolationError } from './log.js';
import { startEmulator, type Emulator } from './server.js';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: Parameters<typeof startEmulator>[0] = {}) {
  emulator = await startEmulator({ repos: ['octo-org/app'], ...options });
  return emulator;
}

describe('startEmulator', () => {
  it('listens on 127.0.0.1 with a random port', async () => {
    const em = await start();
    expect(em.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const other = await startEmulator();
    try {
      expect(other.url).not.toBe(em.url);
    } finally {
      await other.close();
    }
  });

  it('refuses a malformed repository name, showing the expected form', async () => {
    await expect(startEmulator({ repos: ['no-slash'] })).rejects.toThrow(
      'A repository is written "owner/name", got "no-slash"; e.g. "octo-org/app".',
    );
  });
});

describe('authentication', () => {
  it.each([
    ['token secret', 200],
    ['Bearer secret', 200],
    ['token wrong', 401],
    [undefined, 401],
  ])('Authorization %s -> %i', async (header, status) => {
    const em = await start({ token: 'secret' });
    const call = createClient(em.url);
    const res = await call(
      'GET',
      '/repos/octo-org/app',
      undefined,
      header ? { authorization: header } : {},
    );
    expect(res.status).toBe(status);
    if (status === 401) expect(res.body).toMatchObject({ message: 'Bad credentials' });
    em.assertNoViolations();
  });

  it('accepts anything when no token is configured', async () => {
    const em = await start();
    expect((await createClient(em.url)('GET', '/repos/octo-org/app')).status).toBe(200);
  });
});

describe('request validation', () => {
  it('refuses a comment without body (strict), naming the operation', async () => {
    const em = await start();
    em.seed.issue({ repo: 'octo-org/app', title: 'x' });
    const res = await createClient(em.url)('POST', '/repos/octo-org/app/issues/1/comments', {});
    expect(res.status).toBe(422);
    expect(em.state.comments).toHaveLength(0);
    expect(em.violations).toEqual([
      {
        kind: 'request',
        method: 'POST',
        path: '/repos/octo-org/app/issues/1/comments',
        operationId: 'issues/create-comment',
        message: "request body at (root): must have required property 'body' (body)",
      },
    ]);
    expect(() => em.assertNoViolations()).toThrow(EmulatorViolationError);
    expect(() => em.assertNoViolations()).toThrow(
      /\[request\] POST \/repos\/octo-org\/app\/issues\/1\/comments \(issues\/create-comment\): request body at \(root\): must have required property 'body'/,
    );
  });

  it('records but lets the request through when not strict', async () => {
    const em = await start({ strict: false });
    em.seed.issue({ repo: 'octo-org/app', title: 'x' });
    const res = await createClient(em.url)('POST', '/repos/octo-org/app/issues/1/comments', {
      body: 'hi',
      extra: 1,
    });
    expect(res.status).toBe(201);
    expect(em.violations.map((v) => v.message)).toEqual([
      'request body property "extra" is not described (known: body)',
    ]);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const em = await start();
    const res = await createClient(em.url)(
      'POST',
      '/repos/octo-org/app/issues/1/comments',
      '{oops',
      {
        'content-type': 'application/json',
      },
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ message: 'Problems parsing JSON' });
    expect(em.violations[0]?.message).toContain('request body is not JSON: "{oops"');
  });

  it('answers 404 and records an unknown route', async () => {
    const em = await start();
    const call = createClient(em.url);
    expect((await call('GET', '/repos/octo-org/app/bogus')).status).toBe(404);
    expect((await call('DELETE', '/repos/octo-org/app/issues/1/comments')).status).toBe(404);
    expect(em.violations.map((v) => [v.kind, v.message])).toEqual([
      [
        'unknown-route',
        'no operation of GitHub\'s REST description matches "/repos/octo-org/app/bogus"',
      ],
      ['unknown-route', 'the description allows GET, POST on this path, not DELETE'],
    ]);
  });

  it('records operations the emulator does not implement', async () => {
    const em = await start();
    const res = await createClient(em.url)('GET', '/repos/octo-org/app/forks');
    expect(res.status).toBe(501);
    expect(em.violations[0]).toMatchObject({
      kind: 'unimplemented',
      operationId: 'repos/list-forks',
    });
  });

  it('records GraphQL queries, none being emulated', async () => {
    const em = await start();
    const res = await createClient(em.url)('POST', '/graphql', { query: '{ viewer { login } }' });
    expect(res.body).toMatchObject({ errors: [{ message: expect.any(String) }] });
    expect(em.violations[0]?.kind).toBe('graphql');
  });

  it('reports a handler failure as an emulator error that teaches what to seed', async () => {
    const em = await start();
    em.seed.pull({ repo: 'octo-org/app', commits: ['a'.repeat(40)] });
    const res = await createClient(em.url)('GET', '/repos/octo-org/app/pulls/1/commits');
    expect(res.status).toBe(500);
    expect(em.violations[0]?.kind).toBe('emulator-error');
    expect(em.violations[0]?.message).toContain('seed it with seed.commit(');
  });
});

describe('request log and headers', () => {
  it('logs method, path, operation, status and bodies', async () => {
    const em = await start();
    em.seed.issue({ repo: 'octo-org/app', title: 'x' });
    const call = createClient(em.url);
    await call('POST', '/repos/octo-org/app/issues/1/comments', { body: 'hello' });
    await call('GET', '/repos/octo-org/app/issues/1/comments?per_page=5');
    expect(em.requests.map((r) => [r.seq, r.method, r.operationId, r.status])).toEqual([
      [1, 'POST', 'issues/create-comment', 201],
      [2, 'GET', 'issues/list-comments', 200],
    ]);
    expect(em.requests[0]?.requestBody).toEqual({ body: 'hello' });
    expect(em.requests[0]?.responseBody).toMatchObject({ body: 'hello' });
    expect(em.requests[1]?.query).toEqual({ per_page: '5' });
    expect(em.requestsFor('issues/create-comment')).toHaveLength(1);
    em.assertNoViolations();
  });

  it('sends rate-limit headers on every response and counts down', async () => {
    const em = await start();
    const call = createClient(em.url);
    const first = await call('GET', '/repos/octo-org/app');
    const second = await call('GET', '/repos/octo-org/nope');
    expect(first.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('4999');
    expect(second.headers.get('x-ratelimit-remaining')).toBe('4998');
    expect(second.headers.get('x-ratelimit-used')).toBe('2');
    expect(second.headers.get('x-ratelimit-resource')).toBe('core');
    expect(Number(second.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(first.headers.get('x-github-request-id')).toMatch(/^[0-9A-F]{4}(:[0-9A-F]{4}){3}$/);
  });

  it('answers 403 once the primary rate limit is spent, and resets with the window', async () => {
    let now = new Date('2024-05-01T10:00:00Z');
    const em = await start({ now: () => now });
    em.state.rateLimit.remaining = 1;
    const call = createClient(em.url);
    expect((await call('GET', '/repos/octo-org/app')).status).toBe(200);
    const limited = await call('GET', '/repos/octo-org/app');
    expect(limited.status).toBe(403);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.body).toMatchObject({
      message: expect.stringContaining('API rate limit exceeded'),
    });
    now = new Date('2024-05-01T11:00:01Z');
    expect((await call('GET', '/repos/octo-org/app')).status).toBe(200);
    em.assertNoViolations();
  });
});
