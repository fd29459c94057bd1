import { describe, it, expect } from '@jest/globals';
import { createClient } from '../client.js';
import { type Emulator } from '../server.js';
import { useEmulator } from '../testing.js';

/** Each test's emulators are checked for violations and closed after it. */
const startEmulator = useEmulator();
let emulator: Emulator | undefined;

async function start() {
  let clock = Date.parse('2024-05-01T10:00:00Z');
  emulator = await startEmulator({ repos: ['octo-org/app'], now: () => new Date((clock += 1000)) });
  return { em: emulator, call: createClient(emulator.url) };
}

interface Pull {
  number: number;
  title: string;
  state: string;
  draft: boolean;
  head: { ref: string; sha: string; label: string };
  base: { ref: string };
  commits: number;
  changed_files: number;
  additions: number;
  labels: { name: string }[];
}

describe('pulls', () => {
  it('gets a pull request with head, base, labels and counts', async () => {
    const { em, call } = await start();
    const pull = em.seed.pull({
      repo: 'octo-org/app',
      title: 'feat: CHG-1 add gate',
      head: { ref: 'feature/CHG-1-gate', sha: 'b'.repeat(40) },
      labels: ['release'],
      draft: true,
      files: [
        { filename: 'src/a.ts', status: 'modified', additions: 3, deletions: 1 },
        { filename: 'src/b.ts', status: 'added', additions: 10, deletions: 0 },
      ],
    });
    const res = await call<Pull>('GET', `/repos/octo-org/app/pulls/${pull.number}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      number: 1,
      title: 'feat: CHG-1 add gate',
      state: 'open',
      draft: true,
      head: {
        ref: 'feature/CHG-1-gate',
        sha: 'b'.repeat(40),
        label: 'octo-org:feature/CHG-1-gate',
      },
      base: { ref: 'main' },
      changed_files: 2,
      additions: 13,
      labels: [{ name: 'release' }],
    });
    expect((await call('GET', '/repos/octo-org/app/pulls/2')).status).toBe(404);
  });

  it('lists by state, base and head, newest first', async () => {
    const { em, call } = await start();
    em.seed.pull({ repo: 'octo-org/app', title: 'one', head: { ref: 'a', sha: '1'.repeat(40) } });
    em.seed.pull({ repo: 'octo-org/app', title: 'two', state: 'closed' });
    em.seed.pull({
      repo: 'octo-org/app',
      title: 'three',
      base: { ref: 'release/1.x', sha: '2'.repeat(40) },
    });
    const titles = async (query: string) =>
      (await call<Pull[]>('GET', `/repos/octo-org/app/pulls${query}`)).body.map((p) => p.title);
    expect(await titles('')).toEqual(['three', 'one']);
    expect(await titles('?state=all&direction=asc')).toEqual(['one', 'two', 'three']);
    expect(await titles('?state=closed')).toEqual(['two']);
    expect(await titles('?base=release/1.x')).toEqual(['three']);
    expect(await titles('?head=octo-org:a')).toEqual(['one']);
  });

  it('lists files with patches and renames', async () => {
    const { em, call } = await start();
    em.seed.pull({
      repo: 'octo-org/app',
      files: [
        {
          filename: 'package.json',
          status: 'modified',
          additions: 1,
          deletions: 1,
          patch: '@@ -1 +1 @@',
        },
        {
          filename: 'new.ts',
          status: 'renamed',
          additions: 0,
          deletions: 0,
          previousFilename: 'old.ts',
        },
      ],
    });
    const res = await call<Record<string, unknown>[]>('GET', '/repos/octo-org/app/pulls/1/files');
    expect(res.body).toEqual([
      expect.objectContaining({ filename: 'package.json', changes: 2, patch: '@@ -1 +1 @@' }),
      expect.objectContaining({
        filename: 'new.ts',
        status: 'renamed',
        previous_filename: 'old.ts',
      }),
    ]);
  });

  it('lists the seeded commits of a pull request, oldest first', async () => {
    const { em, call } = await start();
    const first = em.seed.commit({ repo: 'octo-org/app', message: 'feat: one\n\nbody' });
    const second = em.seed.commit({
      repo: 'octo-org/app',
      message: 'fix: two',
      parents: [first.sha],
    });
    em.seed.pull({ repo: 'octo-org/app', commits: [first.sha, second.sha] });
    const res = await call<{ sha: string; commit: { message: string } }[]>(
      'GET',
      '/repos/octo-org/app/pulls/1/commits',
    );
    expect(res.body.map((c) => [c.sha, c.commit.message])).toEqual([
      [first.sha, 'feat: one\n\nbody'],
      [second.sha, 'fix: two'],
    ]);
  });

  it('derives the commits from history when none are listed', async () => {
    const { em, call } = await start();
    const base = em.seed.commit({ repo: 'octo-org/app', message: 'chore: base' });
    const a = em.seed.commit({ repo: 'octo-org/app', message: 'feat: a', parents: [base.sha] });
    const b = em.seed.commit({ repo: 'octo-org/app', message: 'feat: b', parents: [a.sha] });
    em.seed.pull({
      repo: 'octo-org/app',
      head: { ref: 'f', sha: b.sha },
      base: { ref: 'main', sha: base.sha },
    });
    const res = await call<{ sha: string }[]>('GET', '/repos/octo-org/app/pulls/1/commits');
    expect(res.body.map((c) => c.sha)).toEqual([a.sha, b.sha]);
  });

  it('lists reviews in order with state and author', async () => {
    const { em, call } = await start();
    em.seed.pull({ repo: 'octo-org/app' });
    em.seed.review({
      repo: 'octo-org/app',
      pullNumber: 1,
      user: 'mia',
      state: 'CHANGES_REQUESTED',
    });
    em.seed.review({
      repo: 'octo-org/app',
      pullNumber: 1,
      user: 'mia',
      state: 'APPROVED',
      commitId: 'c'.repeat(40),
    });
    const res = await call<{ state: string; user: { login: string }; commit_id: string | null }[]>(
      'GET',
      '/repos/octo-org/app/pulls/1/reviews',
    );
    expect(res.body.map((r) => [r.user.login, r.state, r.commit_id])).toEqual([
      ['mia', 'CHANGES_REQUESTED', null],
      ['mia', 'APPROVED', 'c'.repeat(40)],
    ]);
  });
});

describe('pulls: create and update', () => {
  async function startWithBranches() {
    const started = await start();
    started.em.seed.ref({ repo: 'octo-org/app', ref: 'refs/heads/main', sha: 'a'.repeat(40) });
    started.em.seed.ref({
      repo: 'octo-org/app',
      ref: 'refs/heads/port/3.5.x',
      sha: 'b'.repeat(40),
    });
    return started;
  }

  it('opens a pull request from a branch, found again by its head', async () => {
    const { call } = await startWithBranches();
    const created = await call<Pull & { body: string; user: { login: string } }>(
      'POST',
      '/repos/octo-org/app/pulls',
      { title: 'Forward-port 3.5.x', head: 'port/3.5.x', base: 'main', body: 'picks' },
    );
    expect([created.status, created.body.number, created.body.title, created.body.body]).toEqual([
      201,
      1,
      'Forward-port 3.5.x',
      'picks',
    ]);
    expect([created.body.head.sha, created.body.head.ref, created.body.user.login]).toEqual([
      'b'.repeat(40),
      'port/3.5.x',
      'github-actions[bot]',
    ]);
    const listed = await call<Pull[]>(
      'GET',
      '/repos/octo-org/app/pulls?head=octo-org:port/3.5.x&state=open',
    );
    expect(listed.body.map((p) => p.number)).toEqual([1]);
  });

  it.each([
    [
      { title: 't', head: 'port/3.5.x', base: 'main' },
      'A pull request already exists for octo-org:port/3.5.x.',
    ],
    [{ title: 't', head: 'main', base: 'main' }, 'No commits between main and main'],
  ])('refuses %j with 422 %j', async (request, message) => {
    const { call } = await startWithBranches();
    await call('POST', '/repos/octo-org/app/pulls', {
      title: 't',
      head: 'port/3.5.x',
      base: 'main',
    });
    const refused = await call<{ errors: { message: string }[] }>(
      'POST',
      '/repos/octo-org/app/pulls',
      request,
    );
    expect([refused.status, refused.body.errors[0]?.message]).toEqual([422, message]);
  });

  it('refuses a head branch that does not exist with 422', async () => {
    const { call } = await startWithBranches();
    const refused = await call<{ errors: { field: string }[] }>(
      'POST',
      '/repos/octo-org/app/pulls',
      {
        title: 't',
        head: 'nowhere',
        base: 'main',
      },
    );
    expect([refused.status, refused.body.errors[0]?.field]).toEqual([422, 'head']);
  });

  it('updates the title and body, keeping the number', async () => {
    const { call } = await startWithBranches();
    await call('POST', '/repos/octo-org/app/pulls', {
      title: 't',
      head: 'port/3.5.x',
      base: 'main',
    });
    const updated = await call<Pull & { body: string }>('PATCH', '/repos/octo-org/app/pulls/1', {
      title: 'new title',
      body: 'new body',
    });
    expect([updated.status, updated.body.number, updated.body.title, updated.body.body]).toEqual([
      200,
      1,
      'new title',
      'new body',
    ]);
    const missing = await call('PATCH', '/repos/octo-org/app/pulls/9', { body: 'x' });
    expect(missing.status).toBe(404);
  });
});
