import { describe, it, expect } from '@jest/globals';
import { createClient } from '../client.js';
import { type Emulator } from '../server.js';
import { useEmulator } from '../testing.js';

/** Each test's emulators are checked for violations and closed after it. */
const startEmulator = useEmulator();
let emulator: Emulator | undefined;

const sha = 'f'.repeat(40);
const base = '/repos/octo-org/app/deployments';

async function start() {
  emulator = await startEmulator({ repos: ['octo-org/app'] });
  emulator.seed.ref({ repo: 'octo-org/app', ref: 'refs/heads/main', sha });
  return { em: emulator, call: createClient(emulator.url) };
}

interface Deployment {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  production_environment: boolean;
  payload: unknown;
}

describe('deployments', () => {
  it('creates a deployment for a ref and lists it with filters', async () => {
    const { call } = await start();
    const created = await call<Deployment>('POST', base, {
      ref: 'main',
      environment: 'staging',
      payload: { version: '1.2.3' },
      required_contexts: [],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      sha,
      ref: 'main',
      environment: 'staging',
      production_environment: false,
      payload: { version: '1.2.3' },
    });
    await call('POST', base, { ref: 'main', required_contexts: [] });
    const staging = await call<Deployment[]>('GET', `${base}?environment=staging`);
    expect(staging.body.map((d) => d.id)).toEqual([created.body.id]);
    const all = await call<Deployment[]>('GET', `${base}?sha=${sha}`);
    expect(all.body.map((d) => d.environment)).toEqual(['production', 'staging']);
  });

  it('refuses to deploy when statuses or check runs are not green (409)', async () => {
    const { em, call } = await start();
    em.seed.status({ repo: 'octo-org/app', sha, state: 'failure', context: 'ci' });
    em.seed.checkRun({
      repo: 'octo-org/app',
      name: 'policy',
      headSha: sha,
      status: 'completed',
      conclusion: 'success',
    });
    const blocked = await call('POST', base, { ref: 'main' });
    expect(blocked.status).toBe(409);
    expect(blocked.body).toMatchObject({
      message: 'Conflict: Commit status checks failed for main.',
    });
    expect((await call('POST', base, { ref: 'main', required_contexts: ['policy'] })).status).toBe(
      201,
    );
    expect((await call('POST', base, { ref: 'main', required_contexts: ['ci'] })).status).toBe(409);
    em.seed.status({ repo: 'octo-org/app', sha, state: 'success', context: 'ci' });
    expect((await call('POST', base, { ref: 'main' })).status).toBe(201);
  });

  it('answers 422 for a ref that does not exist', async () => {
    const { call } = await start();
    const res = await call('POST', base, { ref: 'nope' });
    expect([res.status, res.body]).toEqual([
      422,
      expect.objectContaining({ message: 'No ref found for: nope' }),
    ]);
  });

  it('records statuses and marks older successful deployments inactive', async () => {
    const { em, call } = await start();
    const first = await call<Deployment>('POST', base, { ref: 'main', required_contexts: [] });
    const second = await call<Deployment>('POST', base, { ref: 'main', required_contexts: [] });
    const statusPath = (d: Deployment) => `${base}/${d.id}/statuses`;
    expect(
      (
        await call('POST', statusPath(first.body), {
          state: 'success',
          environment_url: 'https://app.example',
        })
      ).status,
    ).toBe(201);
    await call('POST', statusPath(second.body), {
      state: 'in_progress',
      log_url: 'https://ci.example/1',
    });
    await call('POST', statusPath(second.body), { state: 'success' });
    const firstStatuses = await call<{ state: string }[]>('GET', statusPath(first.body));
    expect(firstStatuses.body.map((s) => s.state)).toEqual(['inactive', 'success']);
    const secondStatuses = await call<{ state: string; log_url: string }[]>(
      'GET',
      statusPath(second.body),
    );
    expect(secondStatuses.body.map((s) => s.state)).toEqual(['success', 'in_progress']);
    expect(secondStatuses.body[1]?.log_url).toBe('https://ci.example/1');
    expect(em.state.deploymentStatuses).toHaveLength(4);
    expect((await call('GET', `${base}/999/statuses`)).status).toBe(404);
  });
});
