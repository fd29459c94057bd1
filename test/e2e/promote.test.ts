/**
 * The promote action from its committed bundle: a version walks from dev to
 * production with the approvals the policy demands, each step leaving a
 * deployment with its evidence record; a rollback returns production to the
 * previous version in one step; refusals name the rule and the fix.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Emulator, RequestLogEntry } from '@release-policy/github-emulator';
import { failureMessage, readFindings, startE2eEmulator, writesOf } from './helpers.js';
import {
  deploymentStates,
  runPromote,
  seedJobDeployment,
  seedLiveDeployment,
  seedPromoteRepo,
  seedReview,
} from './promote-helpers.js';

/** The reads of one run, by operation. */
function countGets(requests: readonly RequestLogEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of requests.filter((q) => q.method === 'GET')) {
    const key = r.operationId ?? r.path;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/**
 * The reads of the production promotion below (1.3.0 live, 1.4.0 in dev, test
 * and staging, two reviewers): the policy, the commit, three deployment lists
 * and the reviews to judge it, with each deployment's statuses once; then the
 * run's own deployments and the environment's again, just before going live.
 */
const GETS_OF_A_PRODUCTION_PROMOTION = {
  'repos/get-content': 1,
  'repos/get-commit': 1,
  'repos/list-deployments': 5,
  'repos/list-deployment-statuses': 6,
  'actions/get-reviews-for-run': 1,
  'repos/get-collaborator-permission-level': 2,
  // The version's release, to attach the evidence to (1.4.0 has none here).
  'repos/get-release-by-tag': 1,
};

const REPOS = ['walk', 'order', 'soak', 'rollback-none'];
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startE2eEmulator({ repos: REPOS.map((name) => `octo-org/${name}`) });
});

afterAll(async () => {
  try {
    emulator.assertNoViolations();
  } finally {
    await emulator.close();
  }
});

const WALK_POLICY = `environments:
  - name: dev
    after: none
  - name: test
  - name: staging
  - name: production
    approvals: { required: 2 }
`;

// One after another, not concurrently: the file shares one emulator, and so one
// emulated run whose evidence artifact names (promotion-test-1.4.0-100) several
// tests here upload; real runs of different repositories never share them.
describe('promote action', () => {
  it('walks 1.4.0 from dev to production, then rolls production back in one step', async () => {
    const repo = seedPromoteRepo(emulator, 'walk', WALK_POLICY, ['1.3.0', '1.4.0']);
    for (const login of ['alice', 'bob']) {
      emulator.seed.collaborator({ repo: repo.fullName, username: login, permission: 'write' });
    }
    seedLiveDeployment(emulator, repo, 'production', '1.3.0', { hoursAgo: 48 });
    for (const environment of ['dev', 'test', 'staging']) {
      const run = await runPromote(emulator, repo, { inputs: { environment, version: '1.4.0' } });
      expect(failureMessage(run)).toBe('');
      expect(run.outputs).toMatchObject({ ok: 'true', percent: '100', 'previous-version': '' });
    }
    const refused = await runPromote(emulator, repo, {
      runId: 900,
      inputs: { environment: 'production', version: '1.4.0' },
    });
    expect(readFindings(refused).map((f) => f.message)).toEqual([
      '"production" needs 2 distinct approvals; 0 counted: none.',
    ]);
    seedReview(emulator, repo, 901, 'alice', ['production']);
    seedReview(emulator, repo, 901, 'bob', ['production-approval-2']);
    const live = await runPromote(emulator, repo, {
      runId: 901,
      inputs: { environment: 'production', version: '1.4.0' },
    });
    expect(failureMessage(live)).toBe('');
    expect(live.outputs).toMatchObject({ 'previous-version': '1.3.0', percent: '100' });
    expect(writesOf(live.requests)).toEqual([
      'repos/create-deployment',
      'repos/create-deployment-status',
      // The evidence record is stored before the deployment goes live: uploaded as an artifact of
      // the run (no release of 1.4.0 to attach it to).
      'results/ListArtifacts',
      'results/CreateArtifact',
      'blob/put-block',
      'blob/put-block-list',
      'results/FinalizeArtifact',
      // Then live (success), and the deployment it replaced inactive.
      'repos/create-deployment-status',
      'repos/create-deployment-status',
    ]);
    expect(countGets(live.requests)).toEqual(GETS_OF_A_PRODUCTION_PROMOTION);
    expect(deploymentStates(emulator, repo, 'production')).toEqual([
      'v1.3.0:inactive',
      `${repo.versions['1.4.0']!.slice(0, 7)}:success`,
    ]);
    expect(live.summary).toContain(
      'flowchart LR\n  e0["dev ✔"] --> e1["test ✔"] --> e2["staging ✔"] --> e3["production ✔"]',
    );
    const payload = emulator.state.deployments.find(
      (d) => d.id === Number(live.outputs['deployment-id']),
    )?.payload;
    expect(payload).toMatchObject({
      'release-policy': {
        environment: 'production',
        version: '1.4.0',
        previousVersion: '1.3.0',
        approvals: [
          { login: 'alice', environment: 'production' },
          { login: 'bob', environment: 'production-approval-2' },
        ],
        run: { id: 901, starter: 'carol' },
      },
    });
    // The job bound to "production" made GitHub's own deployment, which succeeds when the job
    // ends: it has the job's ref and no record, and is neither live nor the version before.
    const job = seedJobDeployment(emulator, repo, 'production', 901);
    emulator.seed.deploymentStatus({ repo: repo.fullName, deploymentId: job, state: 'success' });
    seedReview(emulator, repo, 902, 'alice', ['production']);
    seedReview(emulator, repo, 902, 'bob', ['production-approval-2']);
    const back = await runPromote(emulator, repo, {
      runId: 902,
      inputs: { environment: 'production', rollback: 'true' },
    });
    expect(failureMessage(back)).toBe('');
    expect(back.outputs).toMatchObject({ 'previous-version': '1.4.0' });
    expect(deploymentStates(emulator, repo, 'production').at(-1)).toMatch(/:success$/);
    const last = emulator.state.deployments.filter((d) => d.repo === repo.fullName).at(-1);
    expect(last?.payload).toMatchObject({
      'release-policy': { version: '1.3.0', rollback: true },
    });
  });

  it('refuses a rollback with no previous version', async () => {
    const repo = seedPromoteRepo(
      emulator,
      'rollback-none',
      WALK_POLICY.replace('required: 2', 'required: 0'),
    );
    seedLiveDeployment(emulator, repo, 'production', '1.4.0');
    const run = await runPromote(emulator, repo, {
      inputs: { environment: 'production', rollback: 'true' },
    });
    expect(readFindings(run).map((f) => `${f.rule}: ${f.message}`)).toEqual([
      'promote-rollback: "production" has nothing to roll back to: "1.4.0" is live and no other version went live there before it.',
    ]);
    expect(deploymentStates(emulator, repo, 'production')).toEqual(['v1.4.0:success']);
  });

  it('refuses a version the previous environment does not hold, naming what it holds', async () => {
    const repo = seedPromoteRepo(emulator, 'order', WALK_POLICY, ['1.3.0', '1.4.0']);
    seedLiveDeployment(emulator, repo, 'dev', '1.3.0');
    const run = await runPromote(emulator, repo, {
      inputs: { environment: 'test', version: '1.4.0' },
    });
    expect(run.exitCode).toBe(1);
    const sha = (v: string) => repo.versions[v]!.slice(0, 12);
    expect(readFindings(run).map((f) => `${f.rule}: ${f.message}`)).toEqual([
      `promote-order: "1.4.0" (commit ${sha('1.4.0')}) cannot go to "test": it must first be deployed in full to "dev", and "dev" holds "1.3.0" (commit ${sha('1.3.0')}) instead.`,
    ]);
    expect(deploymentStates(emulator, repo, 'test')).toEqual([]);
  });

  it('refuses a promotion before the soak time and lets it through after', async () => {
    const repo = seedPromoteRepo(
      emulator,
      'soak',
      'environments:\n  - name: test\n    after: none\n  - name: staging\n    soak: 1d\n',
      ['1.4.0', '1.5.0'],
    );
    seedLiveDeployment(emulator, repo, 'test', '1.4.0', { hoursAgo: 30 });
    seedLiveDeployment(emulator, repo, 'test', '1.5.0', { hoursAgo: 2 });
    const early = await runPromote(emulator, repo, {
      inputs: { environment: 'staging', version: '1.5.0' },
    });
    expect(readFindings(early).map((f) => f.rule)).toEqual(['promote-soak']);
    expect(readFindings(early)[0]?.message).toMatch(
      /^"1\.5\.0" has been live in "test" for (1h 59m|2h); "staging" needs a soak of 1d\.|^"1\.5\.0" has been live in "test" for .* \(since .*\); "staging" needs a soak of 1d\.$/,
    );
    const soaked = await runPromote(emulator, repo, {
      inputs: { environment: 'staging', version: '1.4.0' },
    });
    expect(failureMessage(soaked)).toBe('');
  });
});
