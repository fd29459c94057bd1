import { CommentMarkerError, GitHubApiError, toGitHubApiError } from './errors.js';
import type { Octokit } from './octokit.js';
import { sanitizeOutgoingText } from './secrets.js';

/** What happened to the sticky comment. */
export type CommentStatus =
  'created' | 'updated' | 'resolved' | 'unchanged' | 'skipped' | 'forbidden';

/** The outcome of {@link upsertStickyComment}. */
export interface CommentResult {
  status: CommentStatus;
  /** Why nothing was written (`skipped`, `forbidden`); teaches what to change. */
  reason?: string;
  /** The comment that remains, when there is one. */
  id?: number;
  url?: string;
  /** Duplicates removed on the way. */
  deleted: number;
}

/** A comment as the list API returns it (only the fields used here). */
export interface IssueComment {
  id: number;
  body?: string | null;
  user?: { login?: string | null } | null;
  html_url?: string;
}

/** Options of {@link upsertStickyComment}. */
export interface StickyCommentOptions {
  octokit: Octokit;
  owner: string;
  repo: string;
  issueNumber: number;
  /** The hidden marker, e.g. `<!-- release-policy:branch-name -->`. */
  marker: string;
  /** Only comments by this login count as ours (default `github-actions[bot]`). */
  botLogin?: string;
  /** The body when the check fails; must contain the marker. */
  body: string;
  /** The short body when the check passes; must contain the marker. */
  resolvedBody: string;
  /** True when the check passes. */
  passing: boolean;
}

/** The login of the token that Actions provides. */
export const DEFAULT_BOT_LOGIN = 'github-actions[bot]';

const LIST = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments';
const CREATE = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
const UPDATE = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}';
const DELETE = 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}';

/**
 * True when a comment is this check's sticky comment: written by `botLogin`
 * (compared without case, as GitHub logins are) AND carrying the marker. A
 * user who pastes the marker does not make the comment ours.
 */
export function isStickyComment(comment: IssueComment, marker: string, botLogin: string): boolean {
  const login = comment.user?.login ?? '';
  return login.toLowerCase() === botLogin.toLowerCase() && (comment.body ?? '').includes(marker);
}

function sameBody(a: string | null | undefined, b: string): boolean {
  const norm = (s: string) => s.replace(/\r\n/g, '\n').trimEnd();
  return norm(a ?? '') === norm(b);
}

/** Raised inside the algorithm and turned into a `forbidden` result. */
class Forbidden extends Error {
  constructor(readonly error: GitHubApiError) {
    super(error.message);
  }
}

async function call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const apiError = toGitHubApiError(error, operation);
    // Only a missing permission; a 403 rate limit that outlasted the retries is a failure.
    if (apiError.kind === 'forbidden') throw new Forbidden(apiError);
    throw apiError;
  }
}

/**
 * Keeps exactly one sticky comment per check on a pull request:
 * 1. list every comment (all pages) and keep ours, oldest id first;
 * 2. none and failing: create one, then list again and remove duplicates
 *    (a retried POST after a 502, or a concurrent run, may have made two):
 *    the lowest id stays and gets the newest body;
 * 3. none and passing: write nothing;
 * 4. some: update the lowest id (the resolved body when passing) and delete
 *    the rest.
 * Every run converges on the lowest id, so two concurrent runs still end
 * with one comment. A 403 for a missing permission (e.g. a fork's read-only
 * token) gives `forbidden` and never throws; other API failures, a rate limit
 * that outlasted its retries included, throw a {@link GitHubApiError}.
 * Both bodies are redacted of the run's secrets and escaped before they are
 * written ({@link sanitizeOutgoingText}).
 */
export async function upsertStickyComment(options: StickyCommentOptions): Promise<CommentResult> {
  try {
    return await upsert({
      ...options,
      body: sanitizeOutgoingText(options.body),
      resolvedBody: sanitizeOutgoingText(options.resolvedBody),
    });
  } catch (error) {
    if (error instanceof Forbidden) {
      return { status: 'forbidden', reason: error.error.message, deleted: 0 };
    }
    throw error;
  }
}

async function listOurs(options: StickyCommentOptions, botLogin: string): Promise<IssueComment[]> {
  const { octokit, owner, repo, issueNumber } = options;
  const all = await call(LIST, () =>
    octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issueNumber,
      per_page: 100,
    }),
  );
  return (all as IssueComment[])
    .filter((c) => isStickyComment(c, options.marker, botLogin))
    .sort((a, b) => a.id - b.id);
}

async function deleteComments(
  options: StickyCommentOptions,
  comments: readonly IssueComment[],
): Promise<number> {
  const { octokit, owner, repo } = options;
  let deleted = 0;
  for (const comment of comments) {
    try {
      await call(DELETE, () =>
        octokit.rest.issues.deleteComment({ owner, repo, comment_id: comment.id }),
      );
      deleted += 1;
    } catch (error) {
      // Another run deleted it first: the goal (one comment) holds.
      if (error instanceof GitHubApiError && error.status === 404) continue;
      throw error;
    }
  }
  return deleted;
}

async function updateComment(
  options: StickyCommentOptions,
  id: number,
  body: string,
): Promise<IssueComment> {
  const { octokit, owner, repo } = options;
  const response = await call(UPDATE, () =>
    octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body }),
  );
  return response.data as IssueComment;
}

async function upsert(options: StickyCommentOptions): Promise<CommentResult> {
  const botLogin = options.botLogin || DEFAULT_BOT_LOGIN;
  for (const body of [options.body, options.resolvedBody]) {
    if (!body.includes(options.marker)) {
      throw new CommentMarkerError(
        `The sticky comment body must contain its marker ${JSON.stringify(options.marker)}, or later runs cannot find it. ` +
          'Render bodies with renderCommentBody, which adds it.',
      );
    }
  }
  const ours = await listOurs(options, botLogin);
  const [oldest, ...rest] = ours;

  if (!oldest) {
    if (options.passing) {
      return {
        status: 'skipped',
        reason: 'The check passes and no earlier comment exists.',
        deleted: 0,
      };
    }
    const { octokit, owner, repo, issueNumber } = options;
    const created = await call(CREATE, () =>
      octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: issueNumber,
        body: options.body,
      }),
    );
    const createdComment = created.data as IssueComment;
    // Dedupe: a retried POST or a concurrent run may have created more than one.
    const again = await listOurs(options, botLogin);
    if (!again.some((c) => c.id === createdComment.id)) again.push(createdComment);
    again.sort((a, b) => a.id - b.id);
    const [keep, ...extra] = again as [IssueComment, ...IssueComment[]];
    let kept = keep;
    if (!sameBody(keep.body, options.body))
      kept = await updateComment(options, keep.id, options.body);
    const deleted = await deleteComments(options, extra);
    return {
      status: 'created',
      id: kept.id,
      url: kept.html_url ?? createdComment.html_url,
      deleted,
    };
  }

  const target = options.passing ? options.resolvedBody : options.body;
  let status: CommentStatus = 'unchanged';
  let kept = oldest;
  if (!sameBody(oldest.body, target)) {
    kept = await updateComment(options, oldest.id, target);
    status = options.passing ? 'resolved' : 'updated';
  }
  const deleted = await deleteComments(options, rest);
  return { status, id: oldest.id, url: kept.html_url ?? oldest.html_url, deleted };
}
