/**
 * The promote action's rules through its committed bundle, each passing and
 * failing: approvals (author, starter, read-only, a [bot] look-alike, team
 * member and non-member), a freeze and the emergency path, canary steps in
 * and out of order, a re-run after a partial failure, two promotions at
 * once, and the inputs it refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Emulator } from '@release-policy/github-emulator';
import { failureMessage, readFindings, startE2eEmulator } from './helpers.js';
import {
  deploymentStates,
  runPromote,
  seedLiveDeployment,
  seedPromoteRepo,
  seedJobDeployment,
  seedReview,
  type PromoteRepo,
} from './promote-helpers.js';

const REPOS = ['approvals', 'freeze', 'canary', 'rerun', 'race', 'busy', 'inputs'];
const ALONE = 'environments:\n  - name: production\n    after: none\n';
let emulator: Emulator;
let inputsRepo: PromoteRepo;

beforeAll(async () => {
  emulator = await startE2eEmulator({ repos: REPOS.map((name) => `octo-org/${name}`) });
  inputsRepo = seedPromoteRepo(emulator, 'inputs', ALONE);
});

afterAll(async () => {
  try {
    emulator.assertNoViolations();
  } finally {
    await emulator.close();
  }
});

// One after another, not concurrently: the file shares one emulator, and so one
// emulated run whose artifact names (promotion-production-1.4.0-100) every test
// here would upload at once; real runs of different repositories never share them.
describe('promote action rules', () => {
  it('counts only approvals that meet the policy, and names why each other did not', async () => {
    const policy = `environments:
  - name: staging
    after: none
  - name: production
    approvals: { required: 1, from: [octo-org/release] }
`;
    const repo = seedPromoteRepo(emulator, 'approvals', policy);
    seedLiveDeployment(emulator, repo, 'staging', '1.4.0');
    emulator.seed.user('deploy[bot]', 'User');
    for (const [username, permission] of [
      ['dave', 'write'],
      ['carol', 'admin'],
      ['erin', 'read'],
      ['deploy[bot]', 'write'],
      ['frank', 'maintain'],
      ['gina', 'write'],
    ] as const) {
      emulator.seed.collaborator({ repo: repo.fullName, username, permission });
    }
    for (const username of ['dave', 'carol', 'frank'])
      emulator.seed.teamMember('octo-org', 'release', { username });
    for (const login of ['dave', 'carol', 'erin', 'deploy[bot]', 'gina'])
      seedReview(emulator, repo, 11, login, ['production']);
    const refused = await runPromote(emulator, repo, {
      runId: 11,
      inputs: { environment: 'production', version: '1.4.0' },
    });
    expect(readFindings(refused).map((f) => f.message)).toEqual([
      '"production" needs 1 distinct approval; 0 counted: none; not counted: "dave" (the commit\'s author), ' +
        '"carol" (started the run), "erin" (has less than write permission), "deploy[bot]" (a bot account), ' +
        '"gina" (not in approvals.from (neither listed nor a member of a listed team)).',
    ]);
    seedReview(emulator, repo, 12, 'frank', ['production']);
    const approved = await runPromote(emulator, repo, {
      runId: 12,
      inputs: { environment: 'production', version: '1.4.0' },
    });
    expect(failureMessage(approved)).toBe('');
    expect(deploymentStates(emulator, repo, 'production')).toHaveLength(1);
  });

  it('refuses a promotion in a freeze; an emergency needs one more approval and is recorded', async () => {
    const policy = `environments:
  - name: production
    after: none
    timezone: Asia/Shanghai
    freeze: [{ from: 2000-01-01, to: 2100-01-01, reason: moratorium }]
`;
    const repo = seedPromoteRepo(emulator, 'freeze', policy);
    emulator.seed.collaborator({ repo: repo.fullName, username: 'alice', permission: 'write' });
    const frozen = await runPromote(emulator, repo, {
      inputs: { environment: 'production', version: '1.4.0' },
    });
    expect(readFindings(frozen).map((f) => f.message.replace(/at \S+Z:/, 'at NOW:'))).toEqual([
      'Nothing may be promoted to "production" at NOW: it is frozen from 2000-01-01T00:00 to 2100-01-01T00:00 (Asia/Shanghai): "moratorium".',
    ]);
    const unapproved = await runPromote(emulator, repo, {
      runId: 21,
      inputs: { environment: 'production', version: '1.4.0', emergency: 'database outage' },
    });
    expect(readFindings(unapproved).map((f) => `${f.rule}:${f.severity}`)).toEqual([
      'promote-approvals:error',
      'promote-window:notice',
    ]);
    seedReview(emulator, repo, 22, 'alice', ['production']);
    const emergency = await runPromote(emulator, repo, {
      runId: 22,
      inputs: { environment: 'production', version: '1.4.0', emergency: 'database outage' },
    });
    expect(failureMessage(emergency)).toBe('');
    const deployment = emulator.state.deployments.find((d) => d.repo === repo.fullName);
    expect(deployment?.payload).toMatchObject({
      'release-policy': { emergency: 'database outage', approvals: [{ login: 'alice' }] },
    });
  });

  it('takes canary steps in order and refuses them out of order', async () => {
    const policy = `${ALONE}    canary: { steps: [5, 25, 100], hold: 0s }\n`;
    const repo = seedPromoteRepo(emulator, 'canary', policy);
    const inputs = { environment: 'production', version: '1.4.0' };
    const skipped = await runPromote(emulator, repo, { inputs: { ...inputs, step: '25' } });
    expect(readFindings(skipped).map((f) => f.message)).toEqual([
      `The canary step 25% of commit ${repo.versions['1.4.0']!.slice(0, 12)} must follow its 5% step, and "production" has nothing live.`,
    ]);
    const first = await runPromote(emulator, repo, { runId: 31, inputs });
    expect(first.outputs.percent).toBe('5');
    const jump = await runPromote(emulator, repo, {
      runId: 32,
      inputs: { ...inputs, step: '100' },
    });
    expect(readFindings(jump).map((f) => f.rule)).toEqual(['promote-canary']);
    const second = await runPromote(emulator, repo, { runId: 33, inputs });
    expect([failureMessage(second), second.outputs.percent]).toEqual(['', '25']);
    const sha = repo.versions['1.4.0']!.slice(0, 7);
    expect(deploymentStates(emulator, repo, 'production')).toEqual([
      `${sha}:inactive`,
      `${sha}:success`,
    ]);
  });

  it('ends with one live deployment when a run is re-run after a partial failure', async () => {
    const repo = seedPromoteRepo(emulator, 'rerun', ALONE);
    emulator.fault({
      operationId: 'repos/create-deployment-status',
      kind: 'forbidden',
      times: 1,
    });
    const broken = await runPromote(emulator, repo, {
      runId: 41,
      inputs: { environment: 'production', version: '1.4.0' },
    });
    expect(broken.exitCode).toBe(1);
    const sha = repo.versions['1.4.0']!.slice(0, 7);
    expect(deploymentStates(emulator, repo, 'production')).toEqual([`${sha}:failure`]);
    const again = await runPromote(emulator, repo, {
      runId: 41,
      inputs: { environment: 'production', version: '1.4.0' },
    });
    expect(failureMessage(again)).toBe('');
    expect(deploymentStates(emulator, repo, 'production')).toEqual([`${sha}:success`]);
  });

  it('refuses a promotion while another run deploys the same environment, not for its own job', async () => {
    const repo = seedPromoteRepo(emulator, 'busy', ALONE, ['1.4.0', '1.5.0']);
    // GitHub's own deployment for this run's job (environment: production) is not a rival.
    seedJobDeployment(emulator, repo, 'production', 4242);
    const other = seedLiveDeployment(emulator, repo, 'production', '1.5.0', {
      state: 'in_progress',
      runId: 5,
    });
    const run = await runPromote(emulator, repo, {
      inputs: { environment: 'production', version: '1.4.0' },
    });
    expect(readFindings(run).map((f) => f.message.replace(/created \S+\./, 'created T.'))).toEqual([
      `Another promotion of "production" is in progress: deployment #${other} of "1.5.0" by run 5, created T.`,
    ]);
  });

  it('lets only one of two promotions at once go live', async () => {
    const repo = seedPromoteRepo(emulator, 'race', ALONE, ['1.4.0', '1.5.0']);
    const runs = await Promise.all([
      runPromote(emulator, repo, {
        runId: 51,
        inputs: { environment: 'production', version: '1.4.0' },
      }),
      runPromote(emulator, repo, {
        runId: 52,
        inputs: { environment: 'production', version: '1.5.0' },
      }),
    ]);
    expect(runs.map((r) => r.exitCode).sort()).toEqual([0, 1]);
    const loser = runs.find((r) => r.exitCode === 1)!;
    expect(failureMessage(loser)).toMatch(
      /Another promotion of "production" (started at the same time|is in progress)|policy error/,
    );
    const states = deploymentStates(emulator, repo, 'production');
    expect(states.filter((s) => s.endsWith(':success'))).toHaveLength(1);
  });

  it.each([
    [{ step: 'half' }, 'The input "step" is "half", which is not a whole percent from 1 to 100.'],
    [{ rollback: 'yes' }, 'The input "rollback" is "yes", which is neither true nor false.'],
    [{ artifact: 'app' }, 'This run has no artifact named "app"'],
    [{ environment: '' }, 'The input "environment" is empty.'],
  ])('refuses the inputs %j with a message that teaches', async (inputs, start) => {
    const repo = inputsRepo;
    const run = await runPromote(emulator, repo, {
      inputs: { environment: 'production', version: '1.4.0', ...inputs },
    });
    expect(run.exitCode).toBe(1);
    expect(failureMessage(run)).toContain(start);
    expect(deploymentStates(emulator, repo, 'production')).toEqual([]);
  });
});
