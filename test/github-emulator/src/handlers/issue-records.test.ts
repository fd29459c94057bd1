import { describe, expect, it } from '@jest/globals';
import { createClient } from '../client.js';
import { useEmulator } from '../testing.js';

const startEmulator = useEmulator({ repos: ['octo-org/app'] });

interface Issue {
  number: number;
  title: string;
  body: string | null;
  state: string;
  user: { login: string };
  pull_request?: unknown;
}

describe('issues', () => {
  it('creates, reads, updates and lists an issue', async () => {
    const em = await startEmulator();
    em.seed.pull({ repo: 'octo-org/app', number: 1 });
    const call = createClient(em.url);
    const created = await call<Issue>('POST', '/repos/octo-org/app/issues', {
      title: 'Release status',
      body: '<!-- marker -->\nfirst',
    });
    expect(created.status).toBe(201);
    expect([created.body.number, created.body.user.login]).toEqual([2, 'github-actions[bot]']);
    const updated = await call<Issue>('PATCH', '/repos/octo-org/app/issues/2', { body: 'second' });
    expect([updated.status, updated.body.body, updated.body.title]).toEqual([
      200,
      'second',
      'Release status',
    ]);
    const got = await call<Issue>('GET', '/repos/octo-org/app/issues/2');
    expect(got.body.body).toBe('second');
    const listed = await call<Issue[]>('GET', '/repos/octo-org/app/issues?state=all');
    expect(listed.body.map((i) => [i.number, i.pull_request !== undefined])).toEqual([
      [2, false],
      [1, true],
    ]);
  });

  it('filters by state and creator, and refuses a blank title', async () => {
    const em = await startEmulator();
    em.seed.issue({ repo: 'octo-org/app', title: 'old', state: 'closed' });
    em.seed.issue({ repo: 'octo-org/app', title: 'mine', user: 'mia' });
    const call = createClient(em.url);
    const open = await call<Issue[]>('GET', '/repos/octo-org/app/issues');
    expect(open.body.map((i) => i.title)).toEqual(['mine']);
    const byOcto = await call<Issue[]>(
      'GET',
      '/repos/octo-org/app/issues?state=all&creator=octocat',
    );
    expect(byOcto.body.map((i) => i.title)).toEqual(['old']);
    expect((await call('POST', '/repos/octo-org/app/issues', { title: ' ' })).status).toBe(422);
    expect((await call('GET', '/repos/octo-org/app/issues/99')).status).toBe(404);
  });
});
