import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { useEmulator } from '@release-policy/github-emulator/testing';
import { createTestRepo, type TestRepo } from '../testing/harness.js';

const TOKEN = 'ghp_CliHistoryToken0123456789abcdef';
const start = useEmulator({ repos: ['octo/service'], token: TOKEN });
const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);

let repo: TestRepo;
beforeAll(async () => {
  repo = await createTestRepo();
});
afterAll(async () => {
  await repo.cleanup();
});

/** Seeds a deployment to production with its statuses and evidence record. */
function seedDeployment(
  emulator: Awaited<ReturnType<typeof start>>,
  sha: string,
  record: Record<string, unknown>,
  states: ('in_progress' | 'success' | 'inactive')[],
  at: string,
) {
  const deployment = emulator.seed.deployment({
    repo: 'octo/service',
    sha,
    ref: sha,
    environment: 'production',
    payload: { 'release-policy': record },
    createdAt: at,
  });
  for (const state of states) {
    emulator.seed.deploymentStatus({
      repo: 'octo/service',
      deploymentId: deployment.id,
      state,
      createdAt: at,
    });
  }
  return deployment.id;
}

describe('release-policy history', () => {
  it('lists versions, states, approvers, canary steps and rollbacks, newest first, as text and JSON', async () => {
    const emulator = await start();
    const first = seedDeployment(
      emulator,
      SHA_A,
      { version: '1.4.0', approvals: [{ login: 'alice' }, { login: 'bob' }], run: { id: 7 } },
      ['in_progress', 'success', 'inactive'],
      '2026-06-03T10:00:00Z',
    );
    const second = seedDeployment(
      emulator,
      SHA_B,
      {
        version: '1.3.0',
        rollback: true,
        percent: 25,
        approvals: [{ login: 'alice' }],
        emergency: 'outage',
      },
      ['in_progress', 'success'],
      '2026-06-04T09:00:00Z',
    );
    const env = { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: emulator.url };
    const text = await repo.run(
      ['history', '--environment', 'production', '--repo', 'octo/service'],
      {
        extraEnv: env,
      },
    );
    expect([text.code, text.stderr]).toEqual([0, '']);
    expect(text.stdout).toBe(
      [
        'Deployments to "production", newest first:',
        `#${second} 2026-06-04T09:00:00Z success     "1.3.0" bbbbbbbbbbbb by github-actions[bot] approved by alice (canary 25%, rollback, emergency: "outage")`,
        `#${first} 2026-06-03T10:00:00Z inactive    "1.4.0" aaaaaaaaaaaa by github-actions[bot] approved by alice, bob`,
        '',
      ].join('\n'),
    );
    const json = await repo.run(
      ['history', '-e', 'production', '--repo', 'octo/service', '--json'],
      { extraEnv: env },
    );
    expect(JSON.parse(json.stdout)).toEqual({
      environment: 'production',
      deployments: [
        expect.objectContaining({
          id: second,
          version: '1.3.0',
          state: 'success',
          percent: 25,
          rollback: true,
        }),
        expect.objectContaining({
          id: first,
          version: '1.4.0',
          state: 'inactive',
          runId: 7,
          approvers: ['alice', 'bob'],
        }),
      ],
    });
  });

  it.each([
    [[], {}, 'history needs the environment: give --environment NAME'],
    [
      ['-e', 'production'],
      { GITHUB_TOKEN: '' },
      'history reads the Deployments API and has no GitHub token',
    ],
  ])('refuses %j with a usage error', async (extra, env, start) => {
    const run = await repo.run(['history', ...extra, '--repo', 'octo/service'], { extraEnv: env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(start);
  });
});
