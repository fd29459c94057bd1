/**
 * Check runs and commit statuses.
 */
import {
  json,
  listResponse,
  notFound,
  numberParam,
  paginate,
  requireRepo,
  unprocessable,
  type EmulatorRequest,
  type Handler,
  type HandlerContext,
} from '../http.js';
import { nodeId, renderRepo, renderUser, repoApiUrl, repoWebUrl } from '../render.js';
import { sameRepo, type CheckRunRecord, type RepoRecord, type StatusRecord } from '../state.js';

/** The GitHub Actions app, as it appears on check runs. */
function renderActionsApp(ctx: HandlerContext) {
  return {
    id: 15368,
    slug: 'github-actions',
    client_id: 'Iv1.05c79e9ad1f6bdfa',
    node_id: nodeId('A', 15368),
    owner: renderUser(ctx.state, ctx.urls, 'github'),
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: `${ctx.urls.web}/apps/github-actions`,
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2024-04-10T20:33:16Z',
    permissions: { checks: 'write', contents: 'write', metadata: 'read', statuses: 'write' },
    events: ['check_run', 'check_suite', 'pull_request', 'push'],
  };
}

/** Renders a `check-run`. */
export function renderCheckRun(ctx: HandlerContext, repo: RepoRecord, run: CheckRunRecord) {
  const api = repoApiUrl(ctx.urls, repo);
  const minimalRepo = (r: RepoRecord) => ({ id: r.id, url: repoApiUrl(ctx.urls, r), name: r.name });
  const pulls = ctx.state.pulls.filter(
    (p) => sameRepo(p.repo, repo.fullName) && p.head.sha === run.headSha && p.state === 'open',
  );
  return {
    id: run.id,
    head_sha: run.headSha,
    node_id: nodeId('CR', run.id),
    external_id: run.externalId,
    url: `${api}/check-runs/${run.id}`,
    html_url: `${repoWebUrl(ctx.urls, repo)}/runs/${run.id}`,
    details_url: run.detailsUrl ?? `${repoWebUrl(ctx.urls, repo)}/runs/${run.id}`,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.output.annotations.length,
      annotations_url: `${api}/check-runs/${run.id}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.id + 500000 },
    app: renderActionsApp(ctx),
    pull_requests: pulls.map((p) => ({
      id: p.id,
      number: p.number,
      url: `${api}/pulls/${p.number}`,
      head: { ref: p.head.ref, sha: p.head.sha, repo: minimalRepo(repo) },
      base: { ref: p.base.ref, sha: p.base.sha, repo: minimalRepo(repo) },
    })),
  };
}

interface CheckRunBody {
  name?: string;
  head_sha?: string;
  details_url?: string;
  external_id?: string;
  status?: CheckRunRecord['status'];
  conclusion?: string;
  started_at?: string;
  completed_at?: string;
  output?: {
    title?: string;
    summary?: string;
    text?: string;
    annotations?: Record<string, unknown>[];
  };
}

/** Applies a create/update body to a check run, enforcing GitHub's rules; all or nothing. */
function applyCheckRunBody(ctx: HandlerContext, target: CheckRunRecord, body: CheckRunBody): void {
  const run = structuredClone(target);
  const annotations = body.output?.annotations ?? [];
  if (annotations.length > 50) {
    throw unprocessable(
      `Validation Failed: at most 50 annotations per request, got ${annotations.length}; send the rest with further updates.`,
    );
  }
  if (body.name !== undefined) run.name = body.name;
  if (body.details_url !== undefined) run.detailsUrl = body.details_url;
  if (body.external_id !== undefined) run.externalId = body.external_id;
  if (body.started_at !== undefined) run.startedAt = body.started_at;
  if (body.status !== undefined) run.status = body.status;
  if (body.conclusion !== undefined) {
    run.conclusion = body.conclusion;
    run.status = 'completed';
  }
  if (body.completed_at !== undefined) run.completedAt = body.completed_at;
  if (run.status === 'completed') {
    if (run.conclusion === null) {
      throw unprocessable(
        'Invalid request.\n\n"conclusion" is required when "status" is "completed".',
      );
    }
    run.completedAt ??= ctx.stamp();
  }
  if (body.output) {
    run.output.title = body.output.title ?? run.output.title;
    run.output.summary = body.output.summary ?? run.output.summary;
    run.output.text = body.output.text ?? run.output.text;
    run.output.annotations.push(...annotations);
  }
  Object.assign(target, run);
}

const createCheckRun: Handler = (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const body = req.body as CheckRunBody;
  const run = ctx.seed.checkRun({
    repo: repo.fullName,
    name: body.name ?? '',
    headSha: body.head_sha ?? '',
  });
  try {
    applyCheckRunBody(ctx, run, body);
  } catch (error) {
    ctx.state.checkRuns.splice(ctx.state.checkRuns.indexOf(run), 1);
    throw error;
  }
  return json(201, renderCheckRun(ctx, repo, run));
};

function requireCheckRun(ctx: HandlerContext, req: EmulatorRequest) {
  const repo = requireRepo(ctx, req);
  const id = numberParam(req, 'check_run_id');
  const run = ctx.state.checkRuns.find((r) => sameRepo(r.repo, repo.fullName) && r.id === id);
  if (!run) throw notFound();
  return { repo, run };
}

const updateCheckRun: Handler = (ctx, req) => {
  const { repo, run } = requireCheckRun(ctx, req);
  applyCheckRunBody(ctx, run, req.body as CheckRunBody);
  return json(200, renderCheckRun(ctx, repo, run));
};

const getCheckRun: Handler = (ctx, req) => {
  const { repo, run } = requireCheckRun(ctx, req);
  return json(200, renderCheckRun(ctx, repo, run));
};

const listCheckRunsForRef: Handler = async (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const sha = await ctx.git.resolveCommit(repo, req.params.ref ?? '');
  const runs = ctx.state.checkRuns
    .filter((r) => sameRepo(r.repo, repo.fullName) && r.headSha === sha)
    .filter((r) => !req.query.check_name || r.name === req.query.check_name)
    .filter((r) => !req.query.status || r.status === req.query.status)
    .sort((a, b) => b.id - a.id);
  const { items, headers } = paginate(ctx, req, runs);
  return json(
    200,
    { total_count: runs.length, check_runs: items.map((r) => renderCheckRun(ctx, repo, r)) },
    headers,
  );
};

/** Renders a `status` (creator included). */
function renderStatus(ctx: HandlerContext, repo: RepoRecord, status: StatusRecord) {
  return {
    url: `${repoApiUrl(ctx.urls, repo)}/statuses/${status.sha}`,
    avatar_url: `https://avatars.githubusercontent.com/in/15368?v=4`,
    id: status.id,
    node_id: nodeId('SC', status.id),
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
    context: status.context,
    created_at: status.createdAt,
    updated_at: status.updatedAt,
    creator: renderUser(ctx.state, ctx.urls, status.creator),
  };
}

const createStatus: Handler = async (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const sha = req.params.sha ?? '';
  const resolved = await ctx.git.resolveCommit(repo, sha);
  if (!resolved || !/^[0-9a-f]{40}$/.test(sha)) {
    throw unprocessable(`No commit found for SHA: ${sha}`);
  }
  const body = req.body as {
    state: StatusRecord['state'];
    target_url?: string | null;
    description?: string | null;
    context?: string;
  };
  const status = ctx.seed.status({
    repo: repo.fullName,
    sha: resolved,
    state: body.state,
    context: body.context ?? 'default',
    description: body.description ?? null,
    targetUrl: body.target_url ?? null,
    creator: ctx.state.viewer,
  });
  const rendered = renderStatus(ctx, repo, status);
  return json(201, rendered, { location: rendered.url });
};

async function statusesFor(ctx: HandlerContext, repo: RepoRecord, ref: string) {
  const sha = await ctx.git.resolveCommit(repo, ref);
  if (!sha) throw notFound();
  const statuses = ctx.state.statuses
    .filter((s) => sameRepo(s.repo, repo.fullName) && s.sha === sha)
    .sort((a, b) => b.id - a.id);
  return { sha, statuses };
}

const listStatuses: Handler = async (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const { statuses } = await statusesFor(ctx, repo, req.params.ref ?? '');
  return listResponse(
    ctx,
    req,
    statuses.map((s) => renderStatus(ctx, repo, s)),
  );
};

/** The latest status per context for a commit, newest first. */
export function latestStatuses(statuses: readonly StatusRecord[]): StatusRecord[] {
  const seen = new Set<string>();
  return statuses.filter((s) => !seen.has(s.context) && seen.add(s.context));
}

const getCombinedStatus: Handler = async (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const { sha, statuses } = await statusesFor(ctx, repo, req.params.ref ?? '');
  const latest = latestStatuses(statuses);
  const state = latest.some((s) => s.state === 'error' || s.state === 'failure')
    ? 'failure'
    : latest.length === 0 || latest.some((s) => s.state === 'pending')
      ? 'pending'
      : 'success';
  const { items, headers } = paginate(ctx, req, latest);
  const api = repoApiUrl(ctx.urls, repo);
  return json(
    200,
    {
      state,
      statuses: items.map((s) => {
        const { creator: _creator, ...simple } = renderStatus(ctx, repo, s);
        return simple;
      }),
      sha,
      total_count: latest.length,
      repository: renderRepo(ctx.state, ctx.urls, repo),
      commit_url: `${api}/commits/${sha}`,
      url: `${api}/commits/${sha}/status`,
    },
    headers,
  );
};

export const checkHandlers: Record<string, Handler> = {
  'checks/create': createCheckRun,
  'checks/update': updateCheckRun,
  'checks/get': getCheckRun,
  'checks/list-for-ref': listCheckRunsForRef,
  'repos/create-commit-status': createStatus,
  'repos/list-commit-statuses-for-ref': listStatuses,
  'repos/get-combined-status-for-ref': getCombinedStatus,
};
