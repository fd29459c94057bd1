/**
 * Pull requests: get, list, create, update, their commits, files and reviews.
 */
import {
  json,
  listResponse,
  notFound,
  numberParam,
  requireRepo,
  unprocessable,
  validationFailed,
  type EmulatorRequest,
  type Handler,
  type HandlerContext,
} from '../http.js';
import { nodeId, renderRepo, renderUser, repoApiUrl, repoWebUrl } from '../render.js';
import { renderCommit } from '../render-git.js';
import { fakeSha } from '../seed.js';
import { sameRepo, type PullRecord, type RepoRecord, type ReviewRecord } from '../state.js';
import { authorAssociation } from './repos.js';

function requirePull(ctx: HandlerContext, req: EmulatorRequest) {
  const repo = requireRepo(ctx, req);
  const number = numberParam(req, 'pull_number');
  const pull = ctx.state.pulls.find((p) => sameRepo(p.repo, repo.fullName) && p.number === number);
  if (!pull) throw notFound();
  return { repo, pull };
}

function link(href: string) {
  return { href };
}

/** Renders a `pull-request` (a superset of `pull-request-simple`). */
export function renderPull(ctx: HandlerContext, repo: RepoRecord, pull: PullRecord) {
  const api = repoApiUrl(ctx.urls, repo);
  const web = `${repoWebUrl(ctx.urls, repo)}/pull/${pull.number}`;
  const self = `${api}/pulls/${pull.number}`;
  const renderedRepo = renderRepo(ctx.state, ctx.urls, repo);
  const user = renderUser(ctx.state, ctx.urls, pull.user);
  const owner = renderUser(ctx.state, ctx.urls, repo.owner);
  const side = (ref: { ref: string; sha: string }) => ({
    label: `${repo.owner}:${ref.ref}`,
    ref: ref.ref,
    sha: ref.sha,
    user: owner,
    repo: renderedRepo,
  });
  const comments = ctx.state.comments.filter(
    (c) => sameRepo(c.repo, repo.fullName) && c.issueNumber === pull.number,
  ).length;
  const additions = pull.files.reduce((n, f) => n + f.additions, 0);
  const deletions = pull.files.reduce((n, f) => n + f.deletions, 0);
  return {
    url: self,
    id: pull.id,
    node_id: nodeId('PR', pull.id),
    html_url: web,
    diff_url: `${web}.diff`,
    patch_url: `${web}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    commits_url: `${self}/commits`,
    review_comments_url: `${self}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${pull.head.sha}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user,
    body: pull.body,
    labels: pull.labels.map((name, i) => ({
      id: i + 1,
      node_id: nodeId('LA', `${repo.id}:${name}`),
      url: `${api}/labels/${encodeURIComponent(name)}`,
      name,
      description: '',
      color: 'ededed',
      default: false,
    })),
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(pull.head),
    base: side(pull.base),
    _links: {
      self: link(self),
      html: link(web),
      issue: link(`${api}/issues/${pull.number}`),
      comments: link(`${api}/issues/${pull.number}/comments`),
      review_comments: link(`${self}/comments`),
      review_comment: link(`${api}/pulls/comments{/number}`),
      commits: link(`${self}/commits`),
      statuses: link(`${api}/statuses/${pull.head.sha}`),
    },
    author_association: authorAssociation(ctx, repo, pull.user),
    auto_merge: null,
    draft: pull.draft,
    merged: pull.merged,
    mergeable: pull.state === 'open' ? true : null,
    rebaseable: pull.state === 'open' ? true : null,
    mergeable_state: pull.state === 'open' ? 'clean' : 'unknown',
    merged_by: pull.merged ? owner : null,
    comments,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: pull.commits.length,
    additions,
    deletions,
    changed_files: pull.files.length,
  };
}

const getPull: Handler = (ctx, req) => {
  const { repo, pull } = requirePull(ctx, req);
  return json(200, renderPull(ctx, repo, pull));
};

const listPulls: Handler = (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const state = req.query.state ?? 'open';
  const head = req.query.head;
  const base = req.query.base;
  const sort = req.query.sort ?? 'created';
  // GitHub: `desc` by default when sorting by creation, `asc` otherwise.
  const ascending = (req.query.direction ?? (sort === 'created' ? 'desc' : 'asc')) === 'asc';
  const pulls = ctx.state.pulls
    .filter((p) => sameRepo(p.repo, repo.fullName))
    .filter((p) => state === 'all' || p.state === state)
    .filter((p) => !base || p.base.ref === base)
    .filter((p) => !head || `${repo.owner}:${p.head.ref}` === head || p.head.ref === head)
    .sort((a, b) => {
      const key = sort === 'updated' ? 'updatedAt' : 'createdAt';
      const order = a[key].localeCompare(b[key]) || a.number - b.number;
      return ascending ? order : -order;
    });
  return listResponse(
    ctx,
    req,
    pulls.map((p) => renderPull(ctx, repo, p)),
  );
};

const listPullCommits: Handler = async (ctx, req) => {
  const { repo, pull } = requirePull(ctx, req);
  let commits;
  if (pull.commits.length > 0) {
    commits = [];
    for (const sha of pull.commits) {
      const commit = await ctx.git.getCommit(repo, sha);
      if (!commit) {
        throw new Error(
          `pull request #${pull.number} lists commit ${JSON.stringify(sha)} but no such commit exists; seed it with seed.commit({ repo: ${JSON.stringify(repo.fullName)}, sha: ${JSON.stringify(sha)}, message: "..." })`,
        );
      }
      commits.push(commit);
    }
  } else {
    commits = (
      await ctx.git.listCommits(repo, pull.head.sha, { exclude: pull.base.sha })
    ).reverse();
  }
  return listResponse(
    ctx,
    req,
    commits.slice(0, 250).map((c) => renderCommit(ctx.state, ctx.urls, repo, c)),
  );
};

const listPullFiles: Handler = (ctx, req) => {
  const { repo, pull } = requirePull(ctx, req);
  const api = repoApiUrl(ctx.urls, repo);
  const web = repoWebUrl(ctx.urls, repo);
  const files = pull.files.slice(0, 3000).map((f) => ({
    sha: fakeSha(`${pull.head.sha}:${f.filename}`),
    filename: f.filename,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    changes: f.additions + f.deletions,
    blob_url: `${web}/blob/${pull.head.sha}/${f.filename}`,
    raw_url: `${web}/raw/${pull.head.sha}/${f.filename}`,
    contents_url: `${api}/contents/${f.filename}?ref=${pull.head.sha}`,
    ...(f.patch !== undefined ? { patch: f.patch } : {}),
    ...(f.previousFilename !== undefined ? { previous_filename: f.previousFilename } : {}),
  }));
  return listResponse(ctx, req, files);
};

/** Renders a `pull-request-review`. */
export function renderReview(ctx: HandlerContext, repo: RepoRecord, review: ReviewRecord) {
  const api = repoApiUrl(ctx.urls, repo);
  const web = `${repoWebUrl(ctx.urls, repo)}/pull/${review.pullNumber}`;
  return {
    id: review.id,
    node_id: nodeId('PRR', review.id),
    user: renderUser(ctx.state, ctx.urls, review.user),
    body: review.body,
    state: review.state,
    html_url: `${web}#pullrequestreview-${review.id}`,
    pull_request_url: `${api}/pulls/${review.pullNumber}`,
    _links: {
      html: { href: `${web}#pullrequestreview-${review.id}` },
      pull_request: { href: `${api}/pulls/${review.pullNumber}` },
    },
    ...(review.submittedAt ? { submitted_at: review.submittedAt } : {}),
    commit_id: review.commitId,
    author_association: authorAssociation(ctx, repo, review.user),
  };
}

const listReviews: Handler = (ctx, req) => {
  const { repo, pull } = requirePull(ctx, req);
  const reviews = ctx.state.reviews
    .filter((r) => sameRepo(r.repo, repo.fullName) && r.pullNumber === pull.number)
    .sort((a, b) => a.id - b.id);
  return listResponse(
    ctx,
    req,
    reviews.map((r) => renderReview(ctx, repo, r)),
  );
};

/** A string field of the request body; undefined when absent; 422 when of another type. */
function readStringField(req: EmulatorRequest, field: string): string | undefined {
  const value = (req.body as Record<string, unknown> | undefined)?.[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw unprocessable(
      `Invalid request.\n\nFor 'properties/${field}', ${JSON.stringify(value)} is not a string.`,
    );
  }
  if (value.length > 65536) {
    throw unprocessable(`Validation Failed: ${field} is too long (maximum is 65536 characters)`);
  }
  return value;
}

/** The branch name of a `head` (`owner:branch` or `branch`) in this repository; 422 for another owner. */
function readHeadBranch(repo: RepoRecord, head: string): string {
  const colon = head.indexOf(':');
  if (colon < 0) return head;
  if (!sameRepo(`${head.slice(0, colon)}/${repo.name}`, repo.fullName)) {
    // Pull requests from forks are not emulated.
    throw validationFailed({ resource: 'PullRequest', field: 'head', code: 'invalid' });
  }
  return head.slice(colon + 1);
}

/**
 * Opens a pull request as GitHub does: head and base must be branches of
 * the repository, head must have commits base lacks, and only one open pull
 * request may exist per head and base.
 */
const createPull: Handler = async (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const title = readStringField(req, 'title');
  const headName = readStringField(req, 'head');
  const baseName = readStringField(req, 'base');
  if (headName === undefined || baseName === undefined || title === undefined) {
    const missing = [
      ['title', title],
      ['head', headName],
      ['base', baseName],
    ].find(([, v]) => v === undefined)?.[0];
    throw unprocessable(`Invalid request.\n\n"${missing ?? 'head'}" wasn't supplied.`);
  }
  const head = readHeadBranch(repo, headName);
  const headSha = await ctx.git.resolveCommit(repo, `refs/heads/${head}`);
  if (headSha === undefined) {
    throw validationFailed({ resource: 'PullRequest', field: 'head', code: 'invalid' });
  }
  const baseSha = await ctx.git.resolveCommit(repo, `refs/heads/${baseName}`);
  if (baseSha === undefined) {
    throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' });
  }
  const duplicate = ctx.state.pulls.some(
    (p) =>
      sameRepo(p.repo, repo.fullName) &&
      p.state === 'open' &&
      p.head.ref === head &&
      p.base.ref === baseName,
  );
  if (duplicate) {
    throw validationFailed({
      resource: 'PullRequest',
      code: 'custom',
      message: `A pull request already exists for ${repo.owner}:${head}.`,
    });
  }
  if (headSha === baseSha) {
    throw validationFailed({
      resource: 'PullRequest',
      code: 'custom',
      message: `No commits between ${baseName} and ${head}`,
    });
  }
  const pull = ctx.seed.pull({
    repo: repo.fullName,
    title,
    body: readStringField(req, 'body') ?? null,
    draft: (req.body as { draft?: unknown } | undefined)?.draft === true,
    user: ctx.state.viewer,
    head: { ref: head, sha: headSha },
    base: { ref: baseName, sha: baseSha },
  });
  const rendered = renderPull(ctx, repo, pull);
  return json(201, rendered, { location: rendered.url });
};

/** Changes a pull request's title, body, state or base; the head is refreshed from its branch. */
const updatePull: Handler = async (ctx, req) => {
  const { repo, pull } = requirePull(ctx, req);
  const title = readStringField(req, 'title');
  const body = readStringField(req, 'body');
  const state = readStringField(req, 'state');
  if (state !== undefined && state !== 'open' && state !== 'closed') {
    throw validationFailed({ resource: 'PullRequest', field: 'state', code: 'invalid' });
  }
  if (title !== undefined) pull.title = title;
  if (body !== undefined) pull.body = body;
  if (state !== undefined && state !== pull.state) {
    pull.state = state;
    pull.closedAt = state === 'closed' ? ctx.stamp() : null;
  }
  // A push to the head branch moves the pull request's head, as on GitHub.
  const headSha = await ctx.git.resolveCommit(repo, `refs/heads/${pull.head.ref}`);
  if (headSha !== undefined && repo.gitDir) pull.head = { ref: pull.head.ref, sha: headSha };
  pull.updatedAt = ctx.stamp();
  return json(200, renderPull(ctx, repo, pull));
};

export const pullHandlers: Record<string, Handler> = {
  'pulls/get': getPull,
  'pulls/list': listPulls,
  'pulls/create': createPull,
  'pulls/update': updatePull,
  'pulls/list-commits': listPullCommits,
  'pulls/list-files': listPullFiles,
  'pulls/list-reviews': listReviews,
};
