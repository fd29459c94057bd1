import { describe, it, expect, afterEach } from '@jest/globals';
import { createClient } from './client.js';
import { startEmulator, type Emulator } from './server.js';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(pathPrefix: string) {
  emulator = await startEmulator({ repos: ['octo-org/app'], pathPrefix });
  emulator.seed.issue({ repo: 'octo-org/app', title: 'x' });
  return emulator;
}

describe('pathPrefix (GitHub Enterprise Server style)', () => {
  it.each(['/api/v3', '/api/v3/'])(
    'serves the API under %j, with the prefix in url, rendered links and Link headers',
    async (prefix) => {
      const em = await start(prefix);
      expect(em.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
      const call = createClient(em.url);
      const repo = await call<{ url: string }>('GET', '/repos/octo-org/app');
      expect(repo.status).toBe(200);
      expect(repo.body.url).toBe(`${em.url}/repos/octo-org/app`);
      for (let i = 0; i < 3; i += 1) {
        await call('POST', '/repos/octo-org/app/issues/1/comments', { body: `c${i}` });
      }
      const page = await call('GET', '/repos/octo-org/app/issues/1/comments?per_page=2');
      expect(page.headers.get('link')).toContain(
        `<${em.url}/repos/octo-org/app/issues/1/comments?per_page=2&page=2>; rel="next"`,
      );
      expect(em.requests.map((r) => [r.path, r.operationId])).toEqual([
        ['/repos/octo-org/app', 'repos/get'],
        ['/repos/octo-org/app/issues/1/comments', 'issues/create-comment'],
        ['/repos/octo-org/app/issues/1/comments', 'issues/create-comment'],
        ['/repos/octo-org/app/issues/1/comments', 'issues/create-comment'],
        ['/repos/octo-org/app/issues/1/comments', 'issues/list-comments'],
      ]);
      em.assertNoViolations();
    },
  );

  it.each(['/repos/octo-org/app', '/api/v3x/repos/octo-org/app', '/api/repos/octo-org/app'])(
    'answers 404 to %j outside the prefix and records an unknown route',
    async (path) => {
      const em = await start('/api/v3');
      const origin = new URL(em.url).origin;
      const res = await createClient(origin)('GET', path);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ message: 'Not Found' });
      expect(em.state.comments).toEqual([]);
      expect(em.violations).toEqual([
        {
          kind: 'unknown-route',
          method: 'GET',
          path,
          message: 'the API is served under the path prefix "/api/v3", which this request lacks',
        },
      ]);
    },
  );

  it.each(['', '/'])(
    'routes the prefix followed by %j to the API root (meta/root)',
    async (rest) => {
      const em = await start('/api/v3');
      await createClient(em.url)('GET', rest);
      expect(em.requests.map((r) => [r.path, r.operationId])).toEqual([['/', 'meta/root']]);
      expect(em.violations.map((v) => v.kind)).toEqual(['unimplemented']);
    },
  );

  it.each(['api/v3', '/api?x', '/api v3'])('refuses the prefix %j', async (prefix) => {
    await expect(startEmulator({ pathPrefix: prefix })).rejects.toThrow(
      `A path prefix is a plain absolute path, got ${JSON.stringify(prefix)}; e.g. "/api/v3".`,
    );
  });
});
