import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { useEmulator } from '@release-policy/github-emulator/testing';
import { createTestRepo, type TestRepo } from '../testing/harness.js';

const TOKEN = 'ghp_CliPromoteToken0123456789abcdef';
const start = useEmulator({ repos: ['octo/service'], token: TOKEN });
const SHA = 'a'.repeat(40);

let repo: TestRepo;
beforeAll(async () => {
  repo = await createTestRepo();
  await repo.write(
    '.github/release-policy.yml',
    'environments:\n  - name: staging\n    after: none\n  - name: production\n    approvals: { required: 2 }\n',
  );
});
afterAll(async () => {
  await repo.cleanup();
});

describe('release-policy promote (a dry run)', () => {
  it.each([
    [false, 1, ['promote-order']],
    [true, 0, []],
  ])('judges order without approvals (staging holds the commit: %s)', async (held, code, rules) => {
    const emulator = await start();
    emulator.seed.commit({ repo: 'octo/service', sha: SHA, message: 'feat: x' });
    emulator.seed.ref({ repo: 'octo/service', ref: 'refs/tags/v1.4.0', sha: SHA });
    if (held) {
      const d = emulator.seed.deployment({
        repo: 'octo/service',
        sha: SHA,
        ref: 'v1.4.0',
        environment: 'staging',
        // A promotion carries its evidence record; a deployment without one does not count.
        payload: {
          'release-policy': {
            format: 'release-policy/evidence@1',
            environment: 'staging',
            version: '1.4.0',
            commit: SHA,
            percent: 100,
          },
        },
      });
      emulator.seed.deploymentStatus({
        repo: 'octo/service',
        deploymentId: d.id,
        state: 'success',
      });
    }
    const run = await repo.run(
      ['promote', '1.4.0', '-e', 'production', '--repo', 'octo/service', '--json'],
      { extraEnv: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: emulator.url } },
    );
    const json = run.json() as unknown as {
      findings: { rule: string }[];
      promote: Record<string, unknown>;
    };
    expect([run.code, json.findings.map((f) => f.rule)]).toEqual([code, rules]);
    expect(json.promote).toEqual({ percent: 100 });
  });

  it('needs --environment', async () => {
    const emulator = await start();
    const run = await repo.run(['promote', '--repo', 'octo/service'], {
      extraEnv: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: emulator.url },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('promote needs the environment to check: give --environment NAME');
  });

  it.each([
    [
      ['promote'],
      'promote needs the environment to check: give --environment NAME. ' +
        "Give one of the policy's environments (staging, production), e.g. --environment production.",
    ],
    [
      ['promote', '-e', 'nope'],
      '--environment "nope" is not one of the policy\'s environments. ' +
        "Give one of the policy's environments (staging, production), e.g. --environment production.",
    ],
    [
      ['promote', '--environment', 'prodution', '1.4.0'],
      '--environment "prodution" is not one of the policy\'s environments. Did you mean "production"? ' +
        "Give one of the policy's environments (staging, production), e.g. --environment production.",
    ],
  ])('refuses %j with exit 2 also without a token', async (argv, message) => {
    const run = await repo.run(argv, { extraEnv: { GITHUB_TOKEN: '', GH_TOKEN: '' } });
    expect([run.code, run.stdout, run.stderr]).toEqual([
      2,
      '',
      `release-policy: ${message} See https://github.com/release-policy/release-policy/blob/v0.1.0/docs/policy.md#environments\n`,
    ]);
  });
});
