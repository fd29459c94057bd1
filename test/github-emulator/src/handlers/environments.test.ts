import { describe, it, expect } from '@jest/globals';
import { createClient } from '../client.js';
import { type Emulator } from '../server.js';
import { useEmulator } from '../testing.js';

/** Each test's emulators are checked for violations and closed after it. */
const startEmulator = useEmulator();
let emulator: Emulator | undefined;

async function start() {
  emulator = await startEmulator({ repos: ['octo-org/app'], viewer: 'mia' });
  const em = emulator;
  em.seed.teamMember('octo-org', 'release-managers', { username: 'tim' });
  const production = em.seed.environment({
    repo: 'octo-org/app',
    name: 'production',
    waitTimer: 10,
    reviewers: [
      { type: 'User', login: 'mia' },
      { type: 'Team', slug: 'release-managers' },
    ],
    deploymentBranchPolicy: { protectedBranches: true, customBranchPolicies: false },
  });
  const staging = em.seed.environment({ repo: 'octo-org/app', name: 'staging' });
  return { em, call: createClient(em.url), production, staging };
}

interface Environment {
  name: string;
  protection_rules: {
    type: string;
    wait_timer?: number;
    reviewers?: { type: string; reviewer: { login?: string; slug?: string } }[];
  }[];
  deployment_branch_policy: unknown;
}

describe('environments', () => {
  it('answers an environment with its protection rules', async () => {
    const { call } = await start();
    const res = await call<Environment>('GET', '/repos/octo-org/app/environments/production');
    expect(res.body.protection_rules.map((r) => r.type)).toEqual([
      'wait_timer',
      'required_reviewers',
      'branch_policy',
    ]);
    expect(
      res.body.protection_rules[1]?.reviewers?.map((r) => [
        r.type,
        r.reviewer.login ?? r.reviewer.slug,
      ]),
    ).toEqual([
      ['User', 'mia'],
      ['Team', 'release-managers'],
    ]);
    expect(res.body.deployment_branch_policy).toEqual({
      protected_branches: true,
      custom_branch_policies: false,
    });
    expect((await call('GET', '/repos/octo-org/app/environments/nope')).status).toBe(404);
    const all = await call<{ total_count: number }>('GET', '/repos/octo-org/app/environments');
    expect(all.body.total_count).toBe(2);
  });

  it('creates and updates an environment with reviewers by id', async () => {
    const { em, call } = await start();
    const tim = em.state.users.find((u) => u.login === 'tim');
    const team = em.state.teams[0];
    const res = await call<Environment>('PUT', '/repos/octo-org/app/environments/canary', {
      wait_timer: 5,
      reviewers: [
        { type: 'User', id: tim?.id },
        { type: 'Team', id: team?.id },
      ],
      deployment_branch_policy: null,
    });
    expect(res.status).toBe(200);
    expect(em.state.environments.find((e) => e.name === 'canary')).toMatchObject({
      waitTimer: 5,
      reviewers: [
        { type: 'User', login: 'tim' },
        { type: 'Team', slug: 'release-managers' },
      ],
      deploymentBranchPolicy: null,
    });
    const bad = await call('PUT', '/repos/octo-org/app/environments/canary', {
      reviewers: [{ type: 'User', id: 424242 }],
    });
    expect(bad.status).toBe(422);
  });
});

describe('workflow-run approvals', () => {
  it('lists pending deployments, approves one, and logs the review', async () => {
    const { em, call, production, staging } = await start();
    em.seed.pendingDeployment({
      repo: 'octo-org/app',
      runId: 77,
      environment: 'production',
      sha: 'a'.repeat(40),
      ref: 'v1.2.3',
    });
    em.seed.pendingDeployment({ repo: 'octo-org/app', runId: 77, environment: 'staging' });
    const pending = await call<
      { environment: { id: number; name: string }; wait_timer: number; reviewers: unknown[] }[]
    >('GET', '/repos/octo-org/app/actions/runs/77/pending_deployments');
    expect(pending.body.map((p) => [p.environment.name, p.wait_timer, p.reviewers.length])).toEqual(
      [
        ['production', 10, 2],
        ['staging', 0, 0],
      ],
    );
    const approved = await call<{ environment: string; sha: string; ref: string }[]>(
      'POST',
      '/repos/octo-org/app/actions/runs/77/pending_deployments',
      { environment_ids: [production.id], state: 'approved', comment: 'Ship it' },
    );
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual([
      expect.objectContaining({ environment: 'production', sha: 'a'.repeat(40), ref: 'v1.2.3' }),
    ]);
    expect(em.state.pendingDeployments.map((p) => p.environment)).toEqual(['staging']);
    const rejected = await call('POST', '/repos/octo-org/app/actions/runs/77/pending_deployments', {
      environment_ids: [staging.id],
      state: 'rejected',
      comment: 'Not today',
    });
    expect(rejected.body).toEqual([]);
    const reviews = await call<
      {
        state: string;
        comment: string;
        user: { login: string };
        environments: { name: string }[];
      }[]
    >('GET', '/repos/octo-org/app/actions/runs/77/approvals');
    expect(
      reviews.body.map((r) => [
        r.state,
        r.comment,
        r.user.login,
        r.environments.map((e) => e.name),
      ]),
    ).toEqual([
      ['approved', 'Ship it', 'mia', ['production']],
      ['rejected', 'Not today', 'mia', ['staging']],
    ]);
  });

  it('refuses to review an environment that is not waiting, or that the viewer may not approve', async () => {
    const { em, call, production } = await start();
    const none = await call('POST', '/repos/octo-org/app/actions/runs/5/pending_deployments', {
      environment_ids: [production.id],
      state: 'approved',
      comment: '',
    });
    expect(none.status).toBe(422);
    em.seed.pendingDeployment({
      repo: 'octo-org/app',
      runId: 6,
      environment: 'production',
      currentUserCanApprove: false,
    });
    const denied = await call('POST', '/repos/octo-org/app/actions/runs/6/pending_deployments', {
      environment_ids: [production.id],
      state: 'approved',
      comment: '',
    });
    expect(denied.status).toBe(422);
    expect(em.state.pendingDeployments).toHaveLength(1);
    expect(em.state.approvals).toEqual([]);
  });
});

describe('deployment branch policies', () => {
  it('lists the custom branch and tag patterns of an environment', async () => {
    const em = await startEmulator({ repos: ['octo-org/app'] });
    em.seed.environment({
      repo: 'octo-org/app',
      name: 'production',
      deploymentBranchPolicy: { protectedBranches: false, customBranchPolicies: true },
      branchPolicies: [
        { name: 'main', type: 'branch' },
        { name: 'v*', type: 'tag' },
      ],
    });
    const call = createClient(em.url);
    const res = await call<{
      total_count: number;
      branch_policies: { name: string; type: string }[];
    }>('GET', '/repos/octo-org/app/environments/production/deployment-branch-policies');
    expect(res.body.total_count).toBe(2);
    expect(res.body.branch_policies.map((p) => [p.name, p.type])).toEqual([
      ['main', 'branch'],
      ['v*', 'tag'],
    ]);
  });
});
