import { describe, it, expect } from '@jest/globals';
import { createClient } from '../client.js';
import { type Emulator } from '../server.js';
import { useEmulator } from '../testing.js';

/** Each test's emulators are checked for violations and closed after it. */
const startEmulator = useEmulator();
let emulator: Emulator | undefined;

interface Comment {
  id: number;
  body: string;
  user: { login: string };
  html_url: string;
  author_association: string;
  updated_at: string;
}

async function start() {
  let clock = Date.parse('2024-05-01T10:00:00Z');
  emulator = await startEmulator({ repos: ['octo-org/app'], now: () => new Date(clock) });
  const pull = emulator.seed.pull({ repo: 'octo-org/app' });
  const issue = emulator.seed.issue({ repo: 'octo-org/app', title: 'bug' });
  return {
    em: emulator,
    call: createClient(emulator.url),
    pull,
    issue,
    tick: () => (clock += 60_000),
  };
}

describe('issue comments', () => {
  it('creates, lists, updates and deletes a pull-request comment', async () => {
    const { em, call, pull, tick } = await start();
    const base = `/repos/octo-org/app/issues/${pull.number}/comments`;
    const created = await call<Comment>('POST', base, { body: '<!-- release-policy -->\nfirst' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(
      `${em.url}/repos/octo-org/app/issues/comments/${created.body.id}`,
    );
    expect(created.body).toMatchObject({
      body: '<!-- release-policy -->\nfirst',
      user: { login: 'github-actions[bot]' },
      author_association: 'NONE',
    });
    expect(created.body.html_url).toBe(
      `https://github.com/octo-org/app/pull/${pull.number}#issuecomment-${created.body.id}`,
    );

    tick();
    const updated = await call<Comment>(
      'PATCH',
      `/repos/octo-org/app/issues/comments/${created.body.id}`,
      {
        body: 'second',
      },
    );
    expect(updated.status).toBe(200);
    expect(updated.body.body).toBe('second');
    expect(updated.body.updated_at).toBe('2024-05-01T10:01:00Z');

    const listed = await call<Comment[]>('GET', base);
    expect(listed.body.map((c) => c.body)).toEqual(['second']);

    const got = await call<Comment>(
      'GET',
      `/repos/octo-org/app/issues/comments/${created.body.id}`,
    );
    expect(got.body.id).toBe(created.body.id);

    const deleted = await call('DELETE', `/repos/octo-org/app/issues/comments/${created.body.id}`);
    expect(deleted.status).toBe(204);
    expect(em.state.comments).toEqual([]);
    expect(
      (await call('GET', `/repos/octo-org/app/issues/comments/${created.body.id}`)).status,
    ).toBe(404);
  });

  it('uses the issues URL and author association for issue comments', async () => {
    const { em, call, issue } = await start();
    em.seed.collaborator({ repo: 'octo-org/app', username: 'mia', permission: 'write' });
    const seeded = em.seed.comment({
      repo: 'octo-org/app',
      issueNumber: issue.number,
      body: 'hi',
      user: 'mia',
    });
    const listed = await call<Comment[]>(
      'GET',
      `/repos/octo-org/app/issues/${issue.number}/comments`,
    );
    expect(listed.body).toEqual([
      expect.objectContaining({
        id: seeded.id,
        author_association: 'COLLABORATOR',
        html_url: `https://github.com/octo-org/app/issues/${issue.number}#issuecomment-${seeded.id}`,
      }),
    ]);
  });

  it('filters by since and lists comments of the whole repository', async () => {
    const { em, call, pull, issue, tick } = await start();
    em.seed.comment({ repo: 'octo-org/app', issueNumber: pull.number, body: 'old' });
    tick();
    em.seed.comment({ repo: 'octo-org/app', issueNumber: pull.number, body: 'new' });
    em.seed.comment({ repo: 'octo-org/app', issueNumber: issue.number, body: 'elsewhere' });
    const since = await call<Comment[]>(
      'GET',
      `/repos/octo-org/app/issues/${pull.number}/comments?since=2024-05-01T10:00:30Z`,
    );
    expect(since.body.map((c) => c.body)).toEqual(['new']);
    const all = await call<Comment[]>('GET', '/repos/octo-org/app/issues/comments?direction=desc');
    expect(all.body.map((c) => c.body)).toEqual(['elsewhere', 'new', 'old']);
  });

  it('answers 404 for an issue or comment that does not exist', async () => {
    const { call } = await start();
    expect(
      (await call('POST', '/repos/octo-org/app/issues/99/comments', { body: 'x' })).status,
    ).toBe(404);
    expect((await call('GET', '/repos/octo-org/app/issues/99/comments')).status).toBe(404);
    expect(
      (await call('PATCH', '/repos/octo-org/app/issues/comments/5', { body: 'x' })).status,
    ).toBe(404);
    expect((await call('DELETE', '/repos/octo-org/app/issues/comments/5')).status).toBe(404);
  });
});
