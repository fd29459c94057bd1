/**
 * Issues themselves (create, get, update, list for a repository). Pull
 * requests share the numbers and appear in the repository's issue list with a
 * `pull_request` member, as on GitHub.
 */
import {
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
import { sameRepo, type IssueRecord, type PullRecord, type RepoRecord } from '../state.js';
import { authorAssociation } from './repos.js';

/** The fields issues and pull requests share in the issue list. */
type IssueLike = Pick<IssueRecord, 'id' | 'number' | 'title' | 'body' | 'state' | 'user'> & {
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  labels: string[];
};

function fromIssue(issue: IssueRecord): IssueLike {
  return {
    ...issue,
    updatedAt: issue.updatedAt ?? issue.createdAt,
    closedAt: issue.closedAt ?? null,
    labels: issue.labels ?? [],
  };
}

/** Renders an `issue`; `pull` adds the `pull_request` member. */
export function renderIssue(
  ctx: HandlerContext,
  repo: RepoRecord,
  issue: IssueLike,
  pull?: PullRecord,
) {
  const api = repoApiUrl(ctx.urls, repo);
  const web = repoWebUrl(ctx.urls, repo);
  const url = `${api}/issues/${issue.number}`;
  const comments = ctx.state.comments.filter(
    (c) => sameRepo(c.repo, repo.fullName) && c.issueNumber === issue.number,
  ).length;
  return {
    id: issue.id,
    node_id: nodeId('I', issue.id),
    url,
    repository_url: api,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${web}/${pull ? 'pull' : 'issues'}/${issue.number}`,
    number: issue.number,
    state: issue.state,
    title: issue.title,
    body: issue.body,
    user: renderUser(ctx.state, ctx.urls, issue.user),
    labels: issue.labels.map((name, index) => ({
      id: issue.id * 100 + index,
      node_id: nodeId('LA', issue.id * 100 + index),
      url: `${api}/labels/${encodeURIComponent(name)}`,
      name,
      description: null,
      color: 'ededed',
      default: false,
    })),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    comments,
    ...(pull
      ? {
          pull_request: {
            url: `${api}/pulls/${pull.number}`,
            html_url: `${web}/pull/${pull.number}`,
            diff_url: `${web}/pull/${pull.number}.diff`,
            patch_url: `${web}/pull/${pull.number}.patch`,
            merged_at: pull.mergedAt,
          },
        }
      : {}),
    closed_at: issue.closedAt,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    author_association: authorAssociation(ctx, repo, issue.user),
  };
}

function requireIssueRecord(ctx: HandlerContext, req: EmulatorRequest) {
  const repo = requireRepo(ctx, req);
  const number = numberParam(req, 'issue_number');
  const issue = ctx.state.issues.find(
    (i) => sameRepo(i.repo, repo.fullName) && i.number === number,
  );
  return { repo, number, issue };
}

interface IssueBody {
  title?: string | number | null;
  body?: string | null;
  state?: 'open' | 'closed';
  labels?: (string | { name?: string })[];
}

function readLabels(body: IssueBody): string[] | undefined {
  return body.labels?.map((l) => (typeof l === 'string' ? l : (l.name ?? '')));
}

function checkBodyLength(text: string | null | undefined): void {
  if (typeof text === 'string' && text.length > 65536) {
    throw unprocessable('Validation Failed: body is too long (maximum is 65536 characters)');
  }
}

const createIssue: Handler = (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const body = (req.body ?? {}) as IssueBody;
  if (body.title === undefined || body.title === null || String(body.title).trim() === '') {
    throw unprocessable("Validation Failed: title can't be blank");
  }
  checkBodyLength(body.body);
  const issue = ctx.seed.issue({
    repo: repo.fullName,
    title: String(body.title),
    body: body.body ?? null,
    user: ctx.state.viewer,
    labels: readLabels(body) ?? [],
  });
  const rendered = renderIssue(ctx, repo, fromIssue(issue));
  return json(201, rendered, { location: rendered.url });
};

const getIssue: Handler = (ctx, req) => {
  const { repo, number, issue } = requireIssueRecord(ctx, req);
  if (issue) return json(200, renderIssue(ctx, repo, fromIssue(issue)));
  const pull = ctx.state.pulls.find((p) => sameRepo(p.repo, repo.fullName) && p.number === number);
  if (!pull) throw notFound();
  return json(200, renderIssue(ctx, repo, pullAsIssue(pull), pull));
};

const updateIssue: Handler = (ctx, req) => {
  const { repo, issue } = requireIssueRecord(ctx, req);
  if (!issue) throw notFound();
  const body = (req.body ?? {}) as IssueBody;
  checkBodyLength(body.body);
  if (body.title !== undefined && body.title !== null) issue.title = String(body.title);
  if (body.body !== undefined) issue.body = body.body;
  const labels = readLabels(body);
  if (labels) issue.labels = labels;
  if (body.state && body.state !== issue.state) {
    issue.state = body.state;
    issue.closedAt = body.state === 'closed' ? ctx.stamp() : null;
  }
  issue.updatedAt = ctx.stamp();
  return json(200, renderIssue(ctx, repo, fromIssue(issue)));
};

function pullAsIssue(pull: PullRecord): IssueLike {
  return { ...pull, closedAt: pull.closedAt, labels: pull.labels };
}

// Filters by state (open by default), creator and labels; sorts by created
// or updated time, newest first by default.
const listIssues: Handler = (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const state = req.query.state ?? 'open';
  const labels = (req.query.labels ?? '').split(',').filter((l) => l !== '');
  const creator = req.query.creator?.toLowerCase();
  const entries: { issue: IssueLike; pull?: PullRecord }[] = [
    ...ctx.state.issues
      .filter((i) => sameRepo(i.repo, repo.fullName))
      .map((i) => ({ issue: fromIssue(i) })),
    ...ctx.state.pulls
      .filter((p) => sameRepo(p.repo, repo.fullName))
      .map((p) => ({ issue: pullAsIssue(p), pull: p })),
  ];
  const key = req.query.sort === 'updated' ? 'updatedAt' : 'createdAt';
  const ascending = req.query.direction === 'asc';
  const selected = entries
    .filter(({ issue }) => state === 'all' || issue.state === state)
    .filter(({ issue }) => !creator || issue.user.toLowerCase() === creator)
    .filter(({ issue }) => labels.every((l) => issue.labels.includes(l)))
    .sort((a, b) => {
      const order = a.issue[key].localeCompare(b.issue[key]) || a.issue.id - b.issue.id;
      return ascending ? order : -order;
    });
  return listResponse(
    ctx,
    req,
    selected.map(({ issue, pull }) => renderIssue(ctx, repo, issue, pull)),
  );
};

export const issueRecordHandlers: Record<string, Handler> = {
  'issues/create': createIssue,
  'issues/get': getIssue,
  'issues/update': updateIssue,
  'issues/list-for-repo': listIssues,
};
