/**
 * Issue and pull-request comments (the sticky PR comment lives here).
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
import { sameRepo, type CommentRecord, type RepoRecord } from '../state.js';
import { authorAssociation } from './repos.js';

function isPull(ctx: HandlerContext, repo: RepoRecord, number: number): boolean {
  return ctx.state.pulls.some((p) => sameRepo(p.repo, repo.fullName) && p.number === number);
}

function requireIssue(ctx: HandlerContext, repo: RepoRecord, number: number): void {
  const isIssue = ctx.state.issues.some(
    (i) => sameRepo(i.repo, repo.fullName) && i.number === number,
  );
  if (!isIssue && !isPull(ctx, repo, number)) throw notFound();
}

/** Renders an `issue-comment`. */
export function renderComment(ctx: HandlerContext, repo: RepoRecord, comment: CommentRecord) {
  const api = repoApiUrl(ctx.urls, repo);
  const kind = isPull(ctx, repo, comment.issueNumber) ? 'pull' : 'issues';
  return {
    id: comment.id,
    node_id: nodeId('IC', comment.id),
    url: `${api}/issues/comments/${comment.id}`,
    html_url: `${repoWebUrl(ctx.urls, repo)}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    body: comment.body,
    user: renderUser(ctx.state, ctx.urls, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${api}/issues/${comment.issueNumber}`,
    author_association: authorAssociation(ctx, repo, comment.user),
    reactions: {
      url: `${api}/issues/comments/${comment.id}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      confused: 0,
      heart: 0,
      hooray: 0,
      eyes: 0,
      rocket: 0,
    },
  };
}

function requireComment(ctx: HandlerContext, req: EmulatorRequest) {
  const repo = requireRepo(ctx, req);
  const id = numberParam(req, 'comment_id');
  const comment = ctx.state.comments.find((c) => sameRepo(c.repo, repo.fullName) && c.id === id);
  if (!comment) throw notFound();
  return { repo, comment };
}

function readBody(req: EmulatorRequest): string {
  const body = (req.body as { body?: unknown } | undefined)?.body;
  if (typeof body !== 'string') throw unprocessable('Invalid request.\n\n"body" wasn\'t supplied.');
  if (body.length > 65536) {
    throw unprocessable('Validation Failed: body is too long (maximum is 65536 characters)');
  }
  return body;
}

const listComments: Handler = (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const number = numberParam(req, 'issue_number');
  requireIssue(ctx, repo, number);
  const since = req.query.since;
  const comments = ctx.state.comments
    .filter((c) => sameRepo(c.repo, repo.fullName) && c.issueNumber === number)
    .filter((c) => !since || c.updatedAt >= since)
    .sort((a, b) => a.id - b.id);
  return listResponse(
    ctx,
    req,
    comments.map((c) => renderComment(ctx, repo, c)),
  );
};

const listCommentsForRepo: Handler = (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const descending = req.query.direction === 'desc';
  const comments = ctx.state.comments
    .filter((c) => sameRepo(c.repo, repo.fullName))
    .sort((a, b) => (descending ? b.id - a.id : a.id - b.id));
  return listResponse(
    ctx,
    req,
    comments.map((c) => renderComment(ctx, repo, c)),
  );
};

const createComment: Handler = (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const number = numberParam(req, 'issue_number');
  requireIssue(ctx, repo, number);
  const comment = ctx.seed.comment({
    repo: repo.fullName,
    issueNumber: number,
    body: readBody(req),
    user: ctx.state.viewer,
  });
  const rendered = renderComment(ctx, repo, comment);
  return json(201, rendered, { location: rendered.url });
};

const getComment: Handler = (ctx, req) => {
  const { repo, comment } = requireComment(ctx, req);
  return json(200, renderComment(ctx, repo, comment));
};

const updateComment: Handler = (ctx, req) => {
  const { repo, comment } = requireComment(ctx, req);
  comment.body = readBody(req);
  comment.updatedAt = ctx.stamp();
  return json(200, renderComment(ctx, repo, comment));
};

const deleteComment: Handler = (ctx, req) => {
  const { comment } = requireComment(ctx, req);
  ctx.state.comments.splice(ctx.state.comments.indexOf(comment), 1);
  return { status: 204 };
};

export const issueHandlers: Record<string, Handler> = {
  'issues/list-comments': listComments,
  'issues/list-comments-for-repo': listCommentsForRepo,
  'issues/create-comment': createComment,
  'issues/get-comment': getComment,
  'issues/update-comment': updateComment,
  'issues/delete-comment': deleteComment,
};
