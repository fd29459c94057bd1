/**
 * Deployments and deployment statuses. Creating a deployment checks the
 * commit's statuses and check runs as GitHub does (`required_contexts`).
 */
import {
  GitHubError,
  errorBody,
  json,
  listResponse,
  notFound,
  numberParam,
  requireRepo,
  unprocessable,
  type EmulatorRequest,
  type Handler,
  type HandlerContext,
} from '../http.js';
import { nodeId, renderUser, repoApiUrl, repoWebUrl } from '../render.js';
import {
  sameRepo,
  type DeploymentRecord,
  type DeploymentState,
  type DeploymentStatusRecord,
  type RepoRecord,
} from '../state.js';
import { latestStatuses } from './checks.js';

/** Renders a `deployment`. */
export function renderDeployment(ctx: HandlerContext, repo: RepoRecord, d: DeploymentRecord) {
  const api = repoApiUrl(ctx.urls, repo);
  return {
    url: `${api}/deployments/${d.id}`,
    id: d.id,
    node_id: nodeId('DE', d.id),
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.originalEnvironment,
    environment: d.environment,
    description: d.description,
    creator: renderUser(ctx.state, ctx.urls, d.creator),
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    statuses_url: `${api}/deployments/${d.id}/statuses`,
    repository_url: api,
    transient_environment: d.transientEnvironment,
    production_environment: d.productionEnvironment,
  };
}

function renderDeploymentStatus(ctx: HandlerContext, repo: RepoRecord, s: DeploymentStatusRecord) {
  const api = repoApiUrl(ctx.urls, repo);
  // The description requires `target_url` to be a URI; with none given it
  // points at the repository's deployments page.
  const fallback = `${repoWebUrl(ctx.urls, repo)}/deployments`;
  return {
    url: `${api}/deployments/${s.deploymentId}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId('DES', s.id),
    state: s.state,
    creator: renderUser(ctx.state, ctx.urls, s.creator),
    description: s.description,
    environment: s.environment,
    target_url: s.targetUrl || fallback,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    deployment_url: `${api}/deployments/${s.deploymentId}`,
    repository_url: api,
    log_url: s.logUrl || fallback,
    ...(s.environmentUrl ? { environment_url: s.environmentUrl } : {}),
  };
}

interface DeploymentBody {
  ref: string;
  task?: string;
  auto_merge?: boolean;
  required_contexts?: string[];
  payload?: Record<string, unknown> | string;
  environment?: string;
  description?: string | null;
  transient_environment?: boolean;
  production_environment?: boolean;
}

/** Contexts on `sha` that are not green: latest commit statuses and check runs. */
function failingContexts(ctx: HandlerContext, repo: RepoRecord, sha: string, required?: string[]) {
  const statuses = latestStatuses(
    ctx.state.statuses
      .filter((s) => sameRepo(s.repo, repo.fullName) && s.sha === sha)
      .sort((a, b) => b.id - a.id),
  ).map((s) => ({ context: s.context, ok: s.state === 'success' }));
  const checks = ctx.state.checkRuns
    .filter((r) => sameRepo(r.repo, repo.fullName) && r.headSha === sha)
    .map((r) => ({
      context: r.name,
      ok:
        r.status === 'completed' && ['success', 'neutral', 'skipped'].includes(r.conclusion ?? ''),
    }));
  const all = [...statuses, ...checks];
  if (required === undefined) return all.filter((c) => !c.ok).map((c) => c.context);
  return required.filter((name) => !all.some((c) => c.context === name && c.ok));
}

const createDeployment: Handler = async (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const body = req.body as DeploymentBody;
  const sha = await ctx.git.resolveCommit(repo, body.ref);
  if (!sha) throw unprocessable(`No ref found for: ${body.ref}`);
  const failing = failingContexts(ctx, repo, sha, body.required_contexts);
  if (failing.length > 0) {
    throw new GitHubError(
      409,
      errorBody(409, `Conflict: Commit status checks failed for ${body.ref}.`, {
        errors: failing.map((context) => ({
          contexts: [{ context, state: 'failure' }],
          resource: 'Deployment',
          field: 'required_contexts',
          code: 'invalid',
        })),
      }),
    );
  }
  const environment = body.environment ?? 'production';
  const payload = body.payload ?? {};
  const deployment = ctx.seed.deployment({
    repo: repo.fullName,
    sha,
    ref: body.ref,
    task: body.task ?? 'deploy',
    environment,
    originalEnvironment: environment,
    description: body.description ?? null,
    payload,
    creator: ctx.state.viewer,
    transientEnvironment: body.transient_environment ?? false,
    productionEnvironment: body.production_environment ?? environment === 'production',
  });
  return json(201, renderDeployment(ctx, repo, deployment));
};

const listDeployments: Handler = (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const { sha, ref, task, environment } = req.query;
  const deployments = ctx.state.deployments
    .filter((d) => sameRepo(d.repo, repo.fullName))
    .filter((d) => !sha || d.sha === sha)
    .filter((d) => !ref || d.ref === ref)
    .filter((d) => !task || d.task === task)
    .filter((d) => !environment || d.environment === environment)
    .sort((a, b) => b.id - a.id);
  return listResponse(
    ctx,
    req,
    deployments.map((d) => renderDeployment(ctx, repo, d)),
  );
};

function requireDeployment(ctx: HandlerContext, req: EmulatorRequest) {
  const repo = requireRepo(ctx, req);
  const id = numberParam(req, 'deployment_id');
  const deployment = ctx.state.deployments.find(
    (d) => sameRepo(d.repo, repo.fullName) && d.id === id,
  );
  if (!deployment) throw notFound();
  return { repo, deployment };
}

const getDeployment: Handler = (ctx, req) => {
  const { repo, deployment } = requireDeployment(ctx, req);
  return json(200, renderDeployment(ctx, repo, deployment));
};

interface StatusBody {
  state: DeploymentState;
  target_url?: string;
  log_url?: string;
  description?: string;
  environment?: string;
  environment_url?: string;
  auto_inactive?: boolean;
}

function latestStatusOf(ctx: HandlerContext, deploymentId: number) {
  return ctx.state.deploymentStatuses
    .filter((s) => s.deploymentId === deploymentId)
    .sort((a, b) => b.id - a.id)[0];
}

const createDeploymentStatus: Handler = (ctx, req) => {
  const { repo, deployment } = requireDeployment(ctx, req);
  const body = req.body as StatusBody;
  if (body.environment !== undefined) deployment.environment = body.environment;
  const status = ctx.seed.deploymentStatus({
    repo: repo.fullName,
    deploymentId: deployment.id,
    state: body.state,
    description: body.description ?? '',
    environment: deployment.environment,
    targetUrl: body.target_url ?? body.log_url ?? '',
    logUrl: body.log_url ?? body.target_url ?? '',
    environmentUrl: body.environment_url ?? '',
    creator: ctx.state.viewer,
  });
  // auto_inactive (default true): older successful deployments to the same
  // non-transient environment become inactive.
  if (body.state === 'success' && body.auto_inactive !== false) {
    for (const other of ctx.state.deployments) {
      if (other.id === deployment.id || !sameRepo(other.repo, repo.fullName)) continue;
      if (other.environment !== deployment.environment || other.transientEnvironment) continue;
      if (latestStatusOf(ctx, other.id)?.state !== 'success') continue;
      ctx.seed.deploymentStatus({
        repo: repo.fullName,
        deploymentId: other.id,
        state: 'inactive',
        description: 'Superseded by a newer deployment',
        creator: ctx.state.viewer,
      });
    }
  }
  return json(201, renderDeploymentStatus(ctx, repo, status));
};

const listDeploymentStatuses: Handler = (ctx, req) => {
  const { repo, deployment } = requireDeployment(ctx, req);
  const statuses = ctx.state.deploymentStatuses
    .filter((s) => s.deploymentId === deployment.id)
    .sort((a, b) => b.id - a.id);
  return listResponse(
    ctx,
    req,
    statuses.map((s) => renderDeploymentStatus(ctx, repo, s)),
  );
};

export const deploymentHandlers: Record<string, Handler> = {
  'repos/create-deployment': createDeployment,
  'repos/list-deployments': listDeployments,
  'repos/get-deployment': getDeployment,
  'repos/create-deployment-status': createDeploymentStatus,
  'repos/list-deployment-statuses': listDeploymentStatuses,
};
