/**
 * The promote action from its source against the emulator: what the
 * environment is left with when storing the evidence fails, and that a
 * re-run of the job then ends as one clean run would.
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
    repos: ['octo-org/evidence-fails', 'octo-org/lost-create', 'octo-org/inactive-fails'],
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
  it('keeps the live deployment live when the evidence cannot be attached, and a re-run completes', async () => {
    const repo = seedPromoteRepo(emulator, 'evidence-fails', POLICY, ['1.3.0', '1.4.0']);
    emulator.seed.release({ repo: repo.fullName, tagName: 'v1.4.0' });
    seedLiveDeployment(emulator, repo, 'production', '1.3.0', { hoursAgo: 48 });
    // The token lacks contents: write, so the release asset upload is refused.
    emulator.fault({ operationId: 'repos/upload-release-asset', kind: 'forbidden' });
    const inputs = { environment: 'production', version: '1.4.0' };
    const broken = await runPromoteSource(emulator, repo, { runId: 61, inputs });
    const sha = repo.versions['1.4.0']!.slice(0, 7);
    expect([broken.exitCode, deploymentStates(emulator, repo, 'production')]).toEqual([
      1,
      ['v1.3.0:success', `${sha}:failure`],
    ]);
    expect(failureMessage(broken)).toMatch(
      /^POST \{upload_url\} \(upload a release asset\) answered 403 .* `permissions: \{ contents: write \}`/,
    );
    const again = await runPromoteSource(emulator, repo, { runId: 61, inputs });
    expect([failureMessage(again), deploymentStates(emulator, repo, 'production')]).toEqual([
      '',
      ['v1.3.0:inactive', `${sha}:success`],
    ]);
    expect(
      emulator.state.releaseAssets.filter((a) => a.repo === repo.fullName).map((a) => a.name),
    ).toEqual(['promotion-production-1.4.0-100.json']);
  });

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

  it('never marks a live deployment failed when what follows going live fails', async () => {
    const repo = seedPromoteRepo(emulator, 'inactive-fails', POLICY, ['1.3.0', '1.4.0']);
    const old = seedLiveDeployment(emulator, repo, 'production', '1.3.0', { hoursAgo: 48 });
    emulator.fault({
      method: 'POST',
      path: `/repos/${repo.fullName}/deployments/${old}/statuses`,
      kind: 'forbidden',
    });
    const inputs = { environment: 'production', version: '1.4.0' };
    const broken = await runPromoteSource(emulator, repo, { runId: 63, inputs });
    const sha = repo.versions['1.4.0']!.slice(0, 7);
    // The emulator's auto_inactive already retired 1.3.0; the explicit inactive status is what failed.
    expect([broken.exitCode, deploymentStates(emulator, repo, 'production')]).toEqual([
      1,
      ['v1.3.0:inactive', `${sha}:success`],
    ]);
    expect(failureMessage(broken)).toMatch(
      /^POST \/repos\/\{owner\}\/\{repo\}\/deployments\/\{deployment_id\}\/statuses answered 403 /,
    );
    const again = await runPromoteSource(emulator, repo, { runId: 63, inputs });
    expect([failureMessage(again), deploymentStates(emulator, repo, 'production')]).toEqual([
      '',
      ['v1.3.0:inactive', `${sha}:success`],
    ]);
  });
});
