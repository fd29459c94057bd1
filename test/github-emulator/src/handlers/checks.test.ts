import { describe, it, expect } from '@jest/globals';
import { createClient } from '../client.js';
import { startEmulator as startUncheckedEmulator, type Emulator } from '../server.js';
import { useEmulator } from '../testing.js';

/** Each test's emulators are checked for violations and closed after it. */
const startEmulator = useEmulator();
let emulator: Emulator | undefined;

const sha = 'd'.repeat(40);

async function start() {
  emulator = await startEmulator({
    repos: ['octo-org/app'],
    now: () => new Date('2024-05-01T10:00:00Z'),
  });
  emulator.seed.ref({ repo: 'octo-org/app', ref: 'refs/heads/main', sha });
  return { em: emulator, call: createClient(emulator.url) };
}

interface CheckRun {
  id: number;
  name: string;
  status: string;
  conclusion: string | null;
  completed_at: string | null;
  output: { title: string | null; summary: string | null; annotations_count: number };
  pull_requests: { number: number }[];
}

describe('check runs', () => {
  it('creates a run in progress and completes it with annotations', async () => {
    const { em, call } = await start();
    em.seed.pull({ repo: 'octo-org/app', head: { ref: 'feature', sha } });
    const created = await call<CheckRun>('POST', '/repos/octo-org/app/check-runs', {
      name: 'release-policy / branch',
      head_sha: sha,
      status: 'in_progress',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'in_progress',
      conclusion: null,
      pull_requests: [{ number: 1 }],
    });
    const annotation = {
      path: 'package.json',
      start_line: 3,
      end_line: 3,
      annotation_level: 'failure',
      message: 'bad version',
    };
    const updated = await call<CheckRun>(
      'PATCH',
      `/repos/octo-org/app/check-runs/${created.body.id}`,
      {
        conclusion: 'failure',
        output: { title: '1 error', summary: 'Version mismatch', annotations: [annotation] },
      },
    );
    expect(updated.body).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      completed_at: '2024-05-01T10:00:00Z',
      output: { title: '1 error', summary: 'Version mismatch', annotations_count: 1 },
    });
    expect(em.state.checkRuns[0]?.output.annotations).toEqual([annotation]);
    const got = await call<CheckRun>('GET', `/repos/octo-org/app/check-runs/${created.body.id}`);
    expect(got.body.conclusion).toBe('failure');
  });

  it.each([true, false])(
    'refuses more than 50 annotations and a completed run without conclusion (strict: %s)',
    async (strict) => {
      // Both break the description, so they are violations; the handler refuses them too.
      // Violations are the point here: an emulator outside the per-test check.
      const em = await startUncheckedEmulator({ repos: ['octo-org/app'], strict });
      try {
        const call = createClient(em.url);
        const annotations = Array.from({ length: 51 }, (_, i) => ({
          path: 'a.ts',
          start_line: i + 1,
          end_line: i + 1,
          annotation_level: 'warning',
          message: `w${i}`,
        }));
        const many = await call('POST', '/repos/octo-org/app/check-runs', {
          name: 'x',
          head_sha: sha,
          output: { title: 't', summary: 's', annotations },
        });
        expect(many.status).toBe(422);
        expect(em.state.checkRuns).toEqual([]);
        const created = await call<CheckRun>('POST', '/repos/octo-org/app/check-runs', {
          name: 'x',
          head_sha: sha,
        });
        const incomplete = await call(
          'PATCH',
          `/repos/octo-org/app/check-runs/${created.body.id}`,
          {
            status: 'completed',
          },
        );
        expect(incomplete.status).toBe(422);
        expect(em.state.checkRuns[0]?.status).toBe('queued');
        expect(em.violations.map((v) => v.operationId)).toEqual(['checks/create', 'checks/update']);
      } finally {
        await em.close();
      }
    },
  );

  it('lists the runs of a ref, filtered by name', async () => {
    const { call } = await start();
    await call('POST', '/repos/octo-org/app/check-runs', { name: 'a', head_sha: sha });
    await call('POST', '/repos/octo-org/app/check-runs', { name: 'b', head_sha: sha });
    const all = await call<{ total_count: number; check_runs: CheckRun[] }>(
      'GET',
      '/repos/octo-org/app/commits/main/check-runs',
    );
    expect(all.body.total_count).toBe(2);
    const one = await call<{ check_runs: CheckRun[] }>(
      'GET',
      `/repos/octo-org/app/commits/${sha}/check-runs?check_name=b`,
    );
    expect(one.body.check_runs.map((r) => r.name)).toEqual(['b']);
  });
});

describe('commit statuses', () => {
  it('creates statuses and combines the latest per context', async () => {
    const { call } = await start();
    const post = (state: string, context: string) =>
      call('POST', `/repos/octo-org/app/statuses/${sha}`, {
        state,
        context,
        description: `${context} ${state}`,
      });
    expect((await post('pending', 'ci')).status).toBe(201);
    await post('failure', 'lint');
    let combined = await call<{ state: string; total_count: number }>(
      'GET',
      '/repos/octo-org/app/commits/main/status',
    );
    expect(combined.body).toMatchObject({ state: 'failure', total_count: 2 });
    await post('success', 'lint');
    combined = await call<{ state: string; total_count: number }>(
      'GET',
      '/repos/octo-org/app/commits/main/status',
    );
    expect(combined.body.state).toBe('pending');
    await post('success', 'ci');
    combined = await call<{ state: string; total_count: number }>(
      'GET',
      `/repos/octo-org/app/commits/${sha}/status`,
    );
    expect(combined.body.state).toBe('success');
    const list = await call<{ context: string; state: string }[]>(
      'GET',
      `/repos/octo-org/app/commits/${sha}/statuses`,
    );
    expect(list.body.map((s) => `${s.context}:${s.state}`)).toEqual([
      'ci:success',
      'lint:success',
      'lint:failure',
      'ci:pending',
    ]);
  });

  it('reports pending with no statuses, and 422 for a sha that is not a commit', async () => {
    const { call } = await start();
    const combined = await call<{ state: string; total_count: number }>(
      'GET',
      '/repos/octo-org/app/commits/main/status',
    );
    expect(combined.body).toMatchObject({ state: 'pending', total_count: 0 });
    const bad = await call('POST', '/repos/octo-org/app/statuses/main', { state: 'success' });
    expect([bad.status, bad.body]).toEqual([
      422,
      expect.objectContaining({ message: 'No commit found for SHA: main' }),
    ]);
  });
});
