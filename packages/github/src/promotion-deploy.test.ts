import { describe, expect, it } from '@jest/globals';
import type { EvidenceRecord } from '@release-policy/core';
import type { Emulator } from '@release-policy/github-emulator';
import { useEmulator } from '@release-policy/github-emulator/testing';
import { GitHubApiError, PromotionError } from './errors.js';
import { createOctokit } from './octokit.js';
import { deployPromotion, failPromotion, type DeployPromotionInput } from './promotion-deploy.js';
import { setKnownSecrets } from './secrets.js';
import { muteStdout } from './testing/actions-env.js';

const TOKEN = 'ghs_DeployToken0123456789abcdefABCDEF';
const FULL_NAME = 'octo-org/app';
const REPO = { owner: 'octo-org', repo: 'app' };
const RUN_ID = 77;
const start = useEmulator({ repos: [FULL_NAME], token: TOKEN });

const record: EvidenceRecord = {
  format: 'release-policy/evidence@1',
  environment: 'production',
  version: '1.4.0',
  commit: 'a'.repeat(40),
  percent: 100,
  rollback: false,
  approvals: [],
  window: 'open: no windows or freezes apply',
  checks: { passed: [], findings: [] },
  run: { id: RUN_ID },
  at: '2026-06-03T10:00:00.000Z',
};

/** A deployment of production another promotion left, `success` unless said otherwise, recorded as run `runId`. */
function seedDeployment(
  emulator: Emulator,
  options: { runId: number; version?: string; sha?: string; state?: 'success' | 'in_progress' },
): number {
  const version = options.version ?? '1.3.0';
  const deployment = emulator.seed.deployment({
    repo: FULL_NAME,
    sha: options.sha ?? 'b'.repeat(40),
    ref: `v${version}`,
    environment: 'production',
    payload: { 'release-policy': { ...record, version, run: { id: options.runId } } },
  });
  emulator.seed.deploymentStatus({
    repo: FULL_NAME,
    deploymentId: deployment.id,
    state: options.state ?? 'success',
  });
  return deployment.id;
}

/** One promotion as the promote action runs it: its own Octokit, with the default retries. */
function deploy(emulator: Emulator, overrides: Partial<DeployPromotionInput> = {}) {
  const octokit = muteStdout(() =>
    createOctokit({ token: TOKEN, baseUrl: emulator.url, retryAfterBaseMs: 1 }),
  );
  return deployPromotion({
    octokit,
    repo: REPO,
    record,
    runId: RUN_ID,
    seenUpTo: Math.max(0, ...emulator.state.deployments.map((d) => d.id)),
    production: true,
    ...overrides,
  });
}

/** The latest state of each deployment of production, oldest first, as `ref:state` (`new`: this promotion's). */
function readStates(emulator: Emulator): string[] {
  return emulator.state.deployments
    .filter((d) => d.repo === FULL_NAME && d.environment === 'production')
    .sort((a, b) => a.id - b.id)
    .map((d) => {
      const latest = emulator.state.deploymentStatuses
        .filter((s) => s.deploymentId === d.id)
        .sort((a, b) => b.id - a.id)[0];
      return `${d.ref === record.commit ? 'new' : d.ref}:${latest?.state ?? 'none'}`;
    });
}

describe('deployPromotion', () => {
  it.each([
    ['a 502 after writing', { kind: 'after-write', status: 502 }],
    ['a 500 after writing', { kind: 'after-write', status: 500 }],
  ] as const)(
    'sends the create once and goes on with the deployment it made when the answer is lost (%s)',
    async (_name, fault) => {
      const emulator = await start();
      const old = seedDeployment(emulator, { runId: 5 });
      emulator.fault({ operationId: 'repos/create-deployment', ...fault });
      const deployed = await deploy(emulator);
      const created = emulator.state.deployments.at(-1)?.id;
      expect([emulator.requestsFor('repos/create-deployment').length, deployed]).toEqual([
        1,
        { id: created, replaced: [old] },
      ]);
      expect(readStates(emulator)).toEqual(['v1.3.0:inactive', 'new:success']);
    },
  );

  it('sends the create again once the look-up shows a 503 made no deployment', async () => {
    const emulator = await start();
    emulator.fault({ operationId: 'repos/create-deployment', kind: 'status', status: 503 });
    const deployed = await deploy(emulator);
    expect([
      emulator.requestsFor('repos/create-deployment').length,
      deployed.id,
      readStates(emulator),
    ]).toEqual([2, emulator.state.deployments.at(-1)?.id, ['new:success']]);
  });

  it('fails with the API error when two creates in a row made no deployment', async () => {
    const emulator = await start();
    emulator.fault({ operationId: 'repos/create-deployment', kind: 'status', status: 503 });
    emulator.fault({ operationId: 'repos/create-deployment', kind: 'status', status: 503 });
    const error: unknown = await deploy(emulator).catch((e: unknown) => e);
    expect([
      error instanceof GitHubApiError ? [error.kind, error.status] : error,
      emulator.requestsFor('repos/create-deployment').length,
      readStates(emulator),
    ]).toEqual([['server', 503], 2, []]);
  });

  it('never takes a deployment recorded with its own run id for a rival', async () => {
    const emulator = await start();
    // An earlier attempt of this run (another commit, so not taken over), made after the facts were read.
    const earlier = seedDeployment(emulator, {
      runId: RUN_ID,
      version: '1.4.0',
      sha: 'c'.repeat(40),
      state: 'in_progress',
    });
    await deploy(emulator, { seenUpTo: earlier - 1 });
    expect(readStates(emulator)).toEqual(['v1.4.0:in_progress', 'new:success']);
  });

  it("yields to another run's deployment made after the facts were read", async () => {
    const emulator = await start();
    const rival = seedDeployment(emulator, { runId: 6, version: '1.5.0', state: 'in_progress' });
    const error: unknown = await deploy(emulator, { seenUpTo: rival - 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PromotionError);
    expect(readStates(emulator)).toEqual(['v1.5.0:in_progress', 'new:failure']);
  });

  it('stores the evidence after the rival check and before going live', async () => {
    const emulator = await start();
    seedDeployment(emulator, { runId: 5 });
    const seen: string[][] = [];
    const live: number[] = [];
    const deployed = await deploy(emulator, {
      storeEvidence: () => {
        seen.push(readStates(emulator));
        return Promise.resolve();
      },
      wentLive: (id) => live.push(id),
    });
    expect([seen, live]).toEqual([[['v1.3.0:success', 'new:in_progress']], [deployed.id]]);
  });

  it('leaves what was live live when storing the evidence fails', async () => {
    const emulator = await start();
    seedDeployment(emulator, { runId: 5 });
    const live: number[] = [];
    const error: unknown = await deploy(emulator, {
      storeEvidence: () => Promise.reject(new Error('artifact service down')),
      wentLive: (id) => live.push(id),
    }).catch((e: unknown) => e);
    expect([error instanceof Error ? error.message : error, live]).toEqual([
      'artifact service down',
      [],
    ]);
    expect(readStates(emulator)).toEqual(['v1.3.0:success', 'new:in_progress']);
  });
});

describe('deployPromotion on a re-run after going live', () => {
  it('leaves its live deployment live and only finishes what it replaced, whatever storing would do', async () => {
    const emulator = await start();
    const old = seedDeployment(emulator, { runId: 5 });
    // The earlier attempt went live; marking 1.3.0 inactive failed, so both are still success.
    const earlier = seedDeployment(emulator, {
      runId: RUN_ID,
      version: '1.4.0',
      sha: record.commit,
    });
    const live: number[] = [];
    const deployed = await deploy(emulator, {
      storeEvidence: () => Promise.reject(new Error('artifact service down')),
      wentLive: (id) => live.push(id),
    });
    expect([deployed, live]).toEqual([{ id: earlier, replaced: [old] }, [earlier]]);
    expect(emulator.requestsFor('repos/create-deployment')).toHaveLength(0);
    expect(readStates(emulator)).toEqual(['v1.3.0:inactive', 'v1.4.0:success']);
  });
});

describe('failPromotion', () => {
  it('posts the reason redacted of secrets and with control characters escaped', async () => {
    const emulator = await start();
    const id = seedDeployment(emulator, { runId: RUN_ID, state: 'in_progress' });
    const octokit = muteStdout(() =>
      createOctokit({ token: TOKEN, baseUrl: emulator.url, retryAfterBaseMs: 1 }),
    );
    setKnownSecrets(['s3cret-Value-0123456789']);
    try {
      await failPromotion(
        octokit,
        REPO,
        id,
        'upload to s3cret-Value-0123456789 failed\u202e\nagain',
      );
    } finally {
      setKnownSecrets([]);
    }
    const statuses = emulator.state.deploymentStatuses.filter((s) => s.deploymentId === id);
    expect(statuses.map((s) => [s.state, s.description])).toEqual([
      ['in_progress', ''],
      ['failure', 'upload to *** failed\\u202e\\nagain'],
    ]);
  });
});
