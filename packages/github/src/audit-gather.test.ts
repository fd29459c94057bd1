import { describe, expect, it } from '@jest/globals';
import { computeReleaseStatus, defaultPolicy } from '@release-policy/core';
import { fakeSha } from '@release-policy/github-emulator';
import { gatherAuditFacts } from './audit-gather.js';
import { createOctokit } from './octokit.js';
import { deploy, seedCompliantRepo } from './testing/audit-repos.js';
import { useEmulator } from './testing/emulator.js';

const startEmulator = useEmulator();
const now = new Date('2026-06-01T12:00:00Z');

async function gather(
  name: string,
  spoil: (emulator: Awaited<ReturnType<typeof startEmulator>>, repo: string) => void = () => {},
) {
  const emulator = await startEmulator();
  const repo = seedCompliantRepo(emulator, name);
  spoil(emulator, repo);
  const octokit = createOctokit({
    token: 't',
    baseUrl: emulator.url,
    retries: 0,
    maskToken: false,
  });
  const [owner = '', short = ''] = repo.split('/');
  const before = emulator.requests.length;
  const audit = await gatherAuditFacts({
    octokit,
    repo: { owner, repo: short },
    policy: defaultPolicy(),
  });
  const statusReads = emulator.requests
    .slice(before)
    .filter((r) => r.operationId === 'repos/list-deployment-statuses').length;
  return { audit, statusReads, emulator, repo };
}

describe('gatherAuditFacts: what is deployed', () => {
  it("reads each environment down to its live promotion, past GitHub's own job deployment", async () => {
    const { audit, statusReads } = await gather('live');
    expect(
      audit.deployments?.map((d) => [d.environment, d.version, d.unrecorded === true, d.state]),
    ).toEqual([
      ['staging', 'main', true, 'success'],
      ['staging', '1.4.0', false, 'success'],
      ['production', 'main', true, 'success'],
      ['production', '1.3.0', false, 'success'],
    ]);
    // One status list per deployment read; nothing older than the live promotion.
    expect(statusReads).toBe(4);
    const status = computeReleaseStatus({ audit }, defaultPolicy(), now);
    expect(
      status?.lines.map((l) => [l.line, l.deployed.map((d) => d.deployment?.version ?? '-')]),
    ).toEqual([
      ['1.4', ['-', '-', 'v1.4.0', '-']],
      ['1.3', ['-', '-', '-', 'v1.3.0']],
    ]);
  });

  it('stops at the newest live promotion and leaves the statuses of older ones unread', async () => {
    const { audit, statusReads } = await gather('older', (emulator, repo) => {
      deploy(emulator, repo, 'production', '1.4.0');
    });
    const production = audit.deployments?.filter((d) => d.environment === 'production');
    expect(production?.map((d) => [d.version, d.sha])).toEqual([
      ['main', fakeSha('octo-org/older:main')],
      ['1.4.0', fakeSha('octo-org/older:v1.4.0')],
    ]);
    expect(statusReads).toBe(4);
  });

  it('goes past a failed promotion to the one live before it', async () => {
    const { audit } = await gather('failed', (emulator, repo) => {
      const sha = fakeSha(`${repo}:v1.4.0`);
      const failed = emulator.seed.deployment({
        repo,
        ref: sha,
        sha,
        environment: 'production',
        payload: { 'release-policy': { version: '1.4.0' } },
      });
      emulator.seed.deploymentStatus({ repo, deploymentId: failed.id, state: 'failure' });
    });
    const status = computeReleaseStatus({ audit }, defaultPolicy(), now);
    expect(status?.lines.map((l) => [l.line, l.deployed.at(-1)?.deployment?.version])).toEqual([
      ['1.4', undefined],
      ['1.3', 'v1.3.0'],
    ]);
  });
});
