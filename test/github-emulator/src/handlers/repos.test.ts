import { describe, it, expect } from '@jest/globals';
import { createClient } from '../client.js';
import { type Emulator, type EmulatorOptions } from '../server.js';
import { useEmulator } from '../testing.js';

/** Each test's emulators are checked for violations and closed after it. */
const startEmulator = useEmulator();
let emulator: Emulator | undefined;

async function start(options: EmulatorOptions = {}) {
  emulator = await startEmulator({
    repos: [
      'octo-org/app',
      { owner: 'octo-org', name: 'secret', private: true, defaultBranch: 'trunk' },
    ],
    ...options,
  });
  return { em: emulator, call: createClient(emulator.url) };
}

describe('repos/get', () => {
  it('answers the repository, case-insensitively', async () => {
    const { call } = await start();
    const res = await call<Record<string, unknown>>('GET', '/repos/Octo-Org/SECRET');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      full_name: 'octo-org/secret',
      private: true,
      default_branch: 'trunk',
      owner: { login: 'octo-org' },
    });
  });

  it('answers 404 for an unknown repository', async () => {
    const { call } = await start();
    expect((await call('GET', '/repos/octo-org/missing')).status).toBe(404);
  });
});

describe('users/get-authenticated', () => {
  it.each([
    [403, 'Resource not accessible by integration'],
    [401, 'Requires authentication'],
  ] as const)('answers %i as configured', async (viewerStatus, message) => {
    const { call } = await start({ viewerStatus });
    const res = await call('GET', '/user');
    expect(res.status).toBe(viewerStatus);
    expect(res.body).toMatchObject({ message });
  });

  it('answers the viewer when the token is a user token', async () => {
    const { call } = await start({ viewerStatus: 200, viewer: 'release-bot' });
    const res = await call('GET', '/user');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ login: 'release-bot', type: 'User' });
  });
});

describe('rate-limit/get', () => {
  it('reports the core limit without spending it', async () => {
    const { em, call } = await start();
    await call('GET', '/repos/octo-org/app');
    const first = await call<{ rate: Record<string, number>; resources: { core: object } }>(
      'GET',
      '/rate_limit',
    );
    const second = await call<{ rate: Record<string, number> }>('GET', '/rate_limit');
    expect(first.body.rate).toMatchObject({ limit: 5000, remaining: 4999, used: 1 });
    expect(second.body.rate.remaining).toBe(4999);
    expect(first.body.resources.core).toEqual(first.body.rate);
    expect(em.state.rateLimit.remaining).toBe(4999);
  });
});

describe('repos/get-collaborator-permission-level', () => {
  const path = (repo: string, user: string) =>
    `/repos/octo-org/${repo}/collaborators/${user}/permission`;

  it.each([
    ['app', 'mia', 'write', 'maintain'],
    ['app', 'tim', 'read', 'triage'],
    ['app', 'octo-org', 'admin', 'admin'],
    ['app', 'outsider', 'read', 'read'],
    ['secret', 'outsider', 'none', 'none'],
  ])('%s / %s -> %s (role %s)', async (repo, user, permission, role) => {
    const { em, call } = await start();
    em.seed.collaborator({ repo: 'octo-org/app', username: 'mia', permission: 'maintain' });
    em.seed.collaborator({ repo: 'octo-org/app', username: 'tim', permission: 'triage' });
    em.seed.user('outsider');
    const res = await call('GET', path(repo, user));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ permission, role_name: role, user: { login: user } });
  });

  it('answers 404 for a user GitHub does not know', async () => {
    const { call } = await start();
    expect((await call('GET', path('app', 'nobody'))).status).toBe(404);
  });
});

describe('teams/get-membership-for-user-in-org', () => {
  it('answers the role and state of a member, 404 otherwise', async () => {
    const { em, call } = await start();
    em.seed.teamMember('octo-org', 'release-managers', { username: 'mia', role: 'maintainer' });
    const member = await call('GET', '/orgs/octo-org/teams/release-managers/memberships/mia');
    expect(member.status).toBe(200);
    expect(member.body).toMatchObject({ role: 'maintainer', state: 'active' });
    expect(
      (await call('GET', '/orgs/octo-org/teams/release-managers/memberships/tim')).status,
    ).toBe(404);
    expect((await call('GET', '/orgs/octo-org/teams/nobody/memberships/mia')).status).toBe(404);
  });
});
