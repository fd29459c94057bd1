import { describe, expect, it } from '@jest/globals';
import { createClient } from '../client.js';
import { useEmulator } from '../testing.js';

const startEmulator = useEmulator();

describe('organisation repositories', () => {
  it('pages through 300 repositories, 100 at a time, with Link headers', async () => {
    const em = await startEmulator({
      repos: Array.from({ length: 300 }, (_, i) => `octo-org/app-${String(i).padStart(3, '0')}`),
    });
    const call = createClient(em.url);
    const names: string[] = [];
    let path: string | undefined = '/orgs/octo-org/repos?per_page=100&sort=full_name';
    let pages = 0;
    while (path) {
      const res: { body: { full_name: string }[]; headers: Headers } = await call<
        { full_name: string }[]
      >('GET', path);
      names.push(...res.body.map((r) => r.full_name));
      pages += 1;
      const next = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
      path = next ? next.slice(em.url.length) : undefined;
    }
    expect(pages).toBe(3);
    expect(names).toHaveLength(300);
    expect(names[0]).toBe('octo-org/app-000');
    expect(names[299]).toBe('octo-org/app-299');
  });

  it('lists topics and answers 404 for an unknown organisation', async () => {
    const em = await startEmulator({
      repos: [{ owner: 'octo-org', name: 'svc', topics: ['release-policy'] }, 'octo-org/lib'],
    });
    const call = createClient(em.url);
    const res = await call<{ name: string; topics: string[] }[]>(
      'GET',
      '/orgs/octo-org/repos?sort=full_name',
    );
    expect(res.body.map((r) => [r.name, r.topics])).toEqual([
      ['lib', []],
      ['svc', ['release-policy']],
    ]);
    expect((await call('GET', '/orgs/nobody/repos')).status).toBe(404);
  });
});
