/**
 * Environments with their protection rules, and the approval of workflow runs
 * waiting on them (pending deployments, reviews).
 */
import {
  json,
  listResponse,
  notFound,
  numberParam,
  requireRepo,
  unprocessable,
  type Handler,
  type HandlerContext,
} from '../http.js';
import { nodeId, renderTeam, renderUser, repoApiUrl, repoWebUrl } from '../render.js';
import { sameRepo, type EnvironmentRecord, type RepoRecord, type ReviewerRef } from '../state.js';
import { renderDeployment } from './deployments.js';

function renderReviewer(ctx: HandlerContext, repo: RepoRecord, reviewer: ReviewerRef) {
  if (reviewer.type === 'User') {
    return { type: 'User' as const, reviewer: renderUser(ctx.state, ctx.urls, reviewer.login) };
  }
  const team = ctx.state.teams.find(
    (t) => t.org.toLowerCase() === repo.owner.toLowerCase() && t.slug === reviewer.slug,
  );
  if (!team) {
    throw new Error(
      `environment reviewer team ${JSON.stringify(reviewer.slug)} does not exist in ${JSON.stringify(repo.owner)}; seed it with seed.teamMember(${JSON.stringify(repo.owner)}, ${JSON.stringify(reviewer.slug)}, { username: "..." })`,
    );
  }
  return { type: 'Team' as const, reviewer: renderTeam(ctx.urls, team) };
}

/** The short form of an environment used inside pending deployments and approvals. */
function environmentSummary(ctx: HandlerContext, repo: RepoRecord, env: EnvironmentRecord) {
  return {
    id: env.id,
    node_id: nodeId('EN', env.id),
    name: env.name,
    url: `${repoApiUrl(ctx.urls, repo)}/environments/${encodeURIComponent(env.name)}`,
    html_url: `${repoWebUrl(ctx.urls, repo)}/deployments/activity_log?environments_filter=${encodeURIComponent(env.name)}`,
  };
}

/** Renders an `environment` with its protection rules. */
export function renderEnvironment(ctx: HandlerContext, repo: RepoRecord, env: EnvironmentRecord) {
  const rules: Record<string, unknown>[] = [];
  const ruleId = (n: number) => env.id * 10 + n;
  if (env.waitTimer > 0) {
    rules.push({
      id: ruleId(1),
      node_id: nodeId('GA', ruleId(1)),
      type: 'wait_timer',
      wait_timer: env.waitTimer,
    });
  }
  if (env.reviewers.length > 0) {
    rules.push({
      id: ruleId(2),
      node_id: nodeId('GA', ruleId(2)),
      prevent_self_review: env.preventSelfReview,
      type: 'required_reviewers',
      reviewers: env.reviewers.map((r) => renderReviewer(ctx, repo, r)),
    });
  }
  if (env.deploymentBranchPolicy) {
    rules.push({ id: ruleId(3), node_id: nodeId('GA', ruleId(3)), type: 'branch_policy' });
  }
  return {
    ...environmentSummary(ctx, repo, env),
    created_at: env.createdAt,
    updated_at: env.updatedAt,
    can_admins_bypass: env.canAdminsBypass,
    protection_rules: rules,
    deployment_branch_policy: env.deploymentBranchPolicy
      ? {
          protected_branches: env.deploymentBranchPolicy.protectedBranches,
          custom_branch_policies: env.deploymentBranchPolicy.customBranchPolicies,
        }
      : null,
  };
}

function findEnvironment(ctx: HandlerContext, repo: RepoRecord, name: string) {
  return ctx.state.environments.find(
    (e) => sameRepo(e.repo, repo.fullName) && e.name.toLowerCase() === name.toLowerCase(),
  );
}

const getEnvironment: Handler = (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const env = findEnvironment(ctx, repo, req.params.environment_name ?? '');
  if (!env) throw notFound();
  return json(200, renderEnvironment(ctx, repo, env));
};

const listEnvironments: Handler = (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const envs = ctx.state.environments.filter((e) => sameRepo(e.repo, repo.fullName));
  return json(200, {
    total_count: envs.length,
    environments: envs.map((e) => renderEnvironment(ctx, repo, e)),
  });
};

interface EnvironmentBody {
  wait_timer?: number;
  prevent_self_review?: boolean;
  reviewers?: { type?: 'User' | 'Team'; id?: number }[] | null;
  deployment_branch_policy?: {
    protected_branches: boolean;
    custom_branch_policies: boolean;
  } | null;
}

function readReviewers(ctx: HandlerContext, body: EnvironmentBody): ReviewerRef[] | undefined {
  if (body.reviewers === undefined) return undefined;
  return (body.reviewers ?? []).map((r) => {
    if (r.type === 'Team') {
      const team = ctx.state.teams.find((t) => t.id === r.id);
      if (!team)
        throw unprocessable(`Validation Failed: team id ${JSON.stringify(r.id)} does not exist`);
      return { type: 'Team', slug: team.slug };
    }
    const user = ctx.state.users.find((u) => u.id === r.id);
    if (!user)
      throw unprocessable(`Validation Failed: user id ${JSON.stringify(r.id)} does not exist`);
    return { type: 'User', login: user.login };
  });
}

const createOrUpdateEnvironment: Handler = (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const name = req.params.environment_name ?? '';
  const body = (req.body ?? {}) as EnvironmentBody;
  const policy = body.deployment_branch_policy;
  if (policy && policy.protected_branches === policy.custom_branch_policies) {
    throw unprocessable(
      'Validation Failed: exactly one of protected_branches and custom_branch_policies must be true',
    );
  }
  const reviewers = readReviewers(ctx, body);
  let env = findEnvironment(ctx, repo, name);
  env ??= ctx.seed.environment({ repo: repo.fullName, name });
  if (body.wait_timer !== undefined) env.waitTimer = body.wait_timer;
  if (body.prevent_self_review !== undefined) env.preventSelfReview = body.prevent_self_review;
  if (reviewers) env.reviewers = reviewers;
  if (policy !== undefined) {
    env.deploymentBranchPolicy = policy
      ? {
          protectedBranches: policy.protected_branches,
          customBranchPolicies: policy.custom_branch_policies,
        }
      : null;
  }
  env.updatedAt = ctx.stamp();
  return json(200, renderEnvironment(ctx, repo, env));
};

function pendingFor(ctx: HandlerContext, repo: RepoRecord, runId: number) {
  return ctx.state.pendingDeployments.filter(
    (p) => sameRepo(p.repo, repo.fullName) && p.runId === runId,
  );
}

function requireEnvironment(ctx: HandlerContext, repo: RepoRecord, name: string) {
  const env = findEnvironment(ctx, repo, name);
  if (!env) {
    throw new Error(
      `a pending deployment names environment ${JSON.stringify(name)}, which does not exist; seed it with seed.environment({ repo: ${JSON.stringify(repo.fullName)}, name: ${JSON.stringify(name)} })`,
    );
  }
  return env;
}

const getPendingDeployments: Handler = (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const runId = numberParam(req, 'run_id');
  return json(
    200,
    pendingFor(ctx, repo, runId).map((p) => ({
      environment: environmentSummary(ctx, repo, requireEnvironment(ctx, repo, p.environment)),
      wait_timer: p.waitTimer,
      wait_timer_started_at: p.waitTimerStartedAt,
      current_user_can_approve: p.currentUserCanApprove,
      reviewers: p.reviewers.map((r) => renderReviewer(ctx, repo, r)),
    })),
  );
};

const reviewPendingDeployments: Handler = (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const runId = numberParam(req, 'run_id');
  const body = req.body as {
    environment_ids: number[];
    state: 'approved' | 'rejected';
    comment: string;
  };
  const pending = pendingFor(ctx, repo, runId);
  const chosen = body.environment_ids.map((id) => {
    const hit = pending.find((p) => requireEnvironment(ctx, repo, p.environment).id === id);
    if (!hit) {
      throw unprocessable(
        `No pending deployment requests to approve or reject for environment id ${id} in run ${runId}`,
      );
    }
    if (!hit.currentUserCanApprove) {
      throw unprocessable(`${ctx.state.viewer} cannot approve deployments to ${hit.environment}`);
    }
    return hit;
  });
  ctx.state.approvals.push({
    repo: repo.fullName,
    runId,
    environments: chosen.map((p) => p.environment),
    state: body.state,
    comment: body.comment,
    user: ctx.state.viewer,
    createdAt: ctx.stamp(),
  });
  for (const p of chosen)
    ctx.state.pendingDeployments.splice(ctx.state.pendingDeployments.indexOf(p), 1);
  if (body.state === 'rejected') return json(200, []);
  const deployments = chosen.map((p) =>
    ctx.seed.deployment({
      repo: repo.fullName,
      sha: p.sha,
      ref: p.ref,
      environment: p.environment,
      creator: ctx.state.viewer,
    }),
  );
  return json(
    200,
    deployments.map((d) => renderDeployment(ctx, repo, d)),
  );
};

const getReviewsForRun: Handler = (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const runId = numberParam(req, 'run_id');
  const approvals = ctx.state.approvals.filter(
    (a) => sameRepo(a.repo, repo.fullName) && a.runId === runId,
  );
  return json(
    200,
    approvals.map((a) => ({
      environments: a.environments.map((name) => {
        const env = requireEnvironment(ctx, repo, name);
        return {
          ...environmentSummary(ctx, repo, env),
          created_at: env.createdAt,
          updated_at: env.updatedAt,
        };
      }),
      state: a.state,
      user: renderUser(ctx.state, ctx.urls, a.user),
      comment: a.comment,
    })),
  );
};

// The custom branch and tag name patterns an environment accepts deployments
// from; ids are stable per environment and position.
const listDeploymentBranchPolicies: Handler = (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const env = findEnvironment(ctx, repo, req.params.environment_name ?? '');
  if (!env) throw notFound();
  const policies = (env.branchPolicies ?? []).map((p, index) => ({
    id: env.id * 100 + index,
    node_id: nodeId('DBP', env.id * 100 + index),
    name: p.name,
    type: p.type,
  }));
  const page = listResponse(ctx, req, policies);
  return { ...page, body: { total_count: policies.length, branch_policies: page.body } };
};

export const environmentHandlers: Record<string, Handler> = {
  'repos/list-deployment-branch-policies': listDeploymentBranchPolicies,
  'repos/get-environment': getEnvironment,
  'repos/get-all-environments': listEnvironments,
  'repos/create-or-update-environment': createOrUpdateEnvironment,
  'actions/get-pending-deployments-for-run': getPendingDeployments,
  'actions/review-pending-deployments-for-run': reviewPendingDeployments,
  'actions/get-reviews-for-run': getReviewsForRun,
};
