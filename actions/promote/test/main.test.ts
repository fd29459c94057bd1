/**
 * The promote action from its source against the emulator: what the
 * environment is left with when a call fails on the way.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Emulator } from '@release-policy/github-emulator';
import { failureMessage, startE2eEmulator } from '../../../test/e2e/helpers.js';
import {
  deploymentStates,
  seedLiveDeployment,
  seedPromoteRepo,
} from '../../../test/e2e/promote-helpers.js';
import { runPromoteSource } from './run-source.js';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startE2eEmulator({
    repos: ['octo-org/lost-create'],
  });
});

afterAll(async () => {
  try {
    emulator.assertNoViolations();
  } finally {
    await emulator.close();
  }
});

const POLICY = 'environments:\n  - name: production\n    after: none\n';

describe('promote action (source)', () => {
  it('makes one deployment when the answer to its create is lost', async () => {
    const repo = seedPromoteRepo(emulator, 'lost-create', POLICY, ['1.3.0', '1.4.0']);
    seedLiveDeployment(emulator, repo, 'production', '1.3.0', { hoursAgo: 48 });
    emulator.fault({ operationId: 'repos/create-deployment', kind: 'after-write', status: 502 });
    const run = await runPromoteSource(emulator, repo, {
      runId: 62,
      inputs: { environment: 'production', version: '1.4.0' },
    });
    const sha = repo.versions['1.4.0']!.slice(0, 7);
    expect([failureMessage(run), deploymentStates(emulator, repo, 'production')]).toEqual([
      '',
      ['v1.3.0:inactive', `${sha}:success`],
    ]);
    expect(run.requests.filter((r) => r.operationId === 'repos/create-deployment')).toHaveLength(1);
  });
});
