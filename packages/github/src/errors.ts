import { quoteValue, ReleasePolicyError } from '@release-policy/core';
import { ACTIONS_DOCS } from './text.js';

/** What kind of failure a GitHub API error is; decides the advice in its message. */
export type GitHubApiErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'rate-limited'
  | 'not-found'
  | 'invalid'
  | 'server'
  | 'network'
  | 'other';

/** Fields of a {@link GitHubApiError}. */
export interface GitHubApiErrorDetails {
  /** HTTP status; 0 when no response arrived. */
  status: number;
  /** The route, e.g. `POST /repos/{owner}/{repo}/issues/{issue_number}/comments`. */
  operation: string;
  kind: GitHubApiErrorKind;
  /** `x-github-request-id` of the failed response, for GitHub support. */
  requestId?: string;
  /** The message GitHub answered with, when any. */
  apiMessage?: string;
}

/**
 * A GitHub REST call failed. Made once, at the boundary, by
 * {@link toGitHubApiError}; the original error is the `cause`.
 */
export class GitHubApiError extends ReleasePolicyError {
  /** Printed as `error.type` and `name`; see {@link ReleasePolicyError.type}. */
  static override readonly type = 'GitHubApiError';
  readonly status: number;
  readonly operation: string;
  readonly kind: GitHubApiErrorKind;
  readonly requestId?: string;
  readonly apiMessage?: string;
  constructor(message: string, details: GitHubApiErrorDetails, options?: { cause?: unknown }) {
    super(message, options);
    this.status = details.status;
    this.operation = details.operation;
    this.kind = details.kind;
    this.requestId = details.requestId;
    this.apiMessage = details.apiMessage;
  }
}

/** What an Octokit `RequestError` looks like; matched by shape, not class. */
interface RequestErrorLike {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

function isRequestErrorLike(error: unknown): error is RequestErrorLike {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { status?: unknown }).status === 'number' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

function readApiMessage(error: RequestErrorLike): string | undefined {
  const data = error.response?.data;
  if (typeof data === 'object' && data !== null) {
    const message = (data as { message?: unknown }).message;
    if (typeof message === 'string' && message) return message;
  }
  if (typeof data === 'string' && data) return data;
  return error.message || undefined;
}

function header(error: RequestErrorLike, name: string): string | undefined {
  const value = error.response?.headers?.[name];
  return value === undefined ? undefined : String(value);
}

/** The permission an operation needs, from its route. */
export function describeRequiredPermission(operation: string): string {
  const [method = 'GET', route = ''] = operation.split(' ');
  const write = method !== 'GET' && method !== 'HEAD';
  if (/\/issues\/(\{issue_number\}\/)?comments/.test(route) || /\/pulls\b/.test(route)) {
    return write ? 'pull-requests: write' : 'pull-requests: read';
  }
  if (/\/issues\b/.test(route)) return write ? 'issues: write' : 'issues: read';
  if (/\/(contents|git|commits|branches|tags)\b/.test(route)) {
    return write ? 'contents: write' : 'contents: read';
  }
  if (/\/statuses\b|\/check-runs\b/.test(route)) return write ? 'checks: write' : 'checks: read';
  return write ? 'contents: write' : 'contents: read';
}

function classify(error: RequestErrorLike, apiMessage: string | undefined): GitHubApiErrorKind {
  const { status } = error;
  const limited =
    header(error, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(apiMessage ?? '');
  if (status === 429 || (status === 403 && limited)) return 'rate-limited';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 422 || status === 400) return 'invalid';
  if (status >= 500) return isNetworkFailure(error) ? 'network' : 'server';
  if (status === 0) return 'network';
  return 'other';
}

function isNetworkFailure(error: RequestErrorLike): boolean {
  // Octokit reports a failed fetch (no response at all) as status 500 without a response.
  return error.response === undefined;
}

function advice(kind: GitHubApiErrorKind, operation: string, error: RequestErrorLike): string {
  const permission = describeRequiredPermission(operation);
  switch (kind) {
    case 'unauthorized':
      return (
        'The token is invalid or expired. Pass a valid token, for example ' +
        '`token: ${{ github.token }}`, or a fresh personal access token. ' +
        `Read more: ${ACTIONS_DOCS}#token-and-permissions`
      );
    case 'forbidden':
      return (
        `The token lacks a permission: the workflow needs \`permissions: { ${permission} }\`. ` +
        'On pull requests from forks the token is read-only; the findings stay in the job summary. ' +
        `Read more: ${ACTIONS_DOCS}#token-and-permissions`
      );
    case 'rate-limited': {
      const retryAfter = Number(header(error, 'retry-after'));
      const reset = Number(header(error, 'x-ratelimit-reset'));
      // A secondary limit says how long to wait (Retry-After); a spent primary limit when it
      // resets. The reset of a primary limit that is not spent says nothing about this one.
      const when =
        Number.isInteger(retryAfter) && retryAfter > 0
          ? ` GitHub asks to wait ${retryAfter} s before the next request.`
          : header(error, 'x-ratelimit-remaining') === '0' && Number.isFinite(reset) && reset > 0
            ? ` The limit resets at ${new Date(reset * 1000).toISOString()}.`
            : '';
      return (
        `GitHub's API rate limit was exceeded and the retries ran out.${when} ` +
        'Re-run the job later, or space out the workflows that share this token. ' +
        `Read more: ${ACTIONS_DOCS}#rate-limits`
      );
    }
    case 'not-found':
      return (
        'The repository, ref or path does not exist, or the token cannot see it ' +
        `(a private repository needs \`${permission}\`). ` +
        `Read more: ${ACTIONS_DOCS}#token-and-permissions`
      );
    case 'invalid':
      return `GitHub rejected the request as invalid. Read more: ${ACTIONS_DOCS}#troubleshooting`;
    case 'server':
      return (
        'GitHub answered with a server error, also after retrying. Check https://www.githubstatus.com ' +
        `and re-run the job. Read more: ${ACTIONS_DOCS}#troubleshooting`
      );
    case 'network':
      return (
        'No answer came from the API. Check that GITHUB_API_URL points at the API ' +
        '(e.g. "https://api.github.com", or "https://HOST/api/v3" on GitHub Enterprise Server). ' +
        `Read more: ${ACTIONS_DOCS}#github-enterprise-server`
      );
    default:
      return `Read more: ${ACTIONS_DOCS}#troubleshooting`;
  }
}

/**
 * Converts whatever an Octokit call threw into a {@link GitHubApiError}
 * whose message says what failed, GitHub's answer, and what to do.
 * An error that already is a `GitHubApiError` is returned unchanged, so
 * converting twice is harmless.
 */
export function toGitHubApiError(error: unknown, operation: string): GitHubApiError {
  if (error instanceof GitHubApiError) return error;
  if (!isRequestErrorLike(error)) {
    const text = error instanceof Error ? error.message : String(error);
    return new GitHubApiError(
      `${operation} failed before GitHub answered: ${quoteValue(text, 300)}. ${advice('network', operation, { status: 0, message: text })}`,
      { status: 0, operation, kind: 'network' },
      { cause: error },
    );
  }
  const apiMessage = readApiMessage(error);
  const kind = classify(error, apiMessage);
  const requestId = header(error, 'x-github-request-id');
  const answer = apiMessage ? ` ${quoteValue(apiMessage, 300)}` : '';
  const id = requestId ? ` (request id ${requestId})` : '';
  const status = error.status === 0 ? 'no status' : String(error.status);
  return new GitHubApiError(
    `${operation} answered ${status}${answer}${id}. ${advice(kind, operation, error)}`,
    { status: error.status, operation, kind, requestId, apiMessage },
    { cause: error },
  );
}

/**
 * An action input cannot be used: a boolean that is neither true nor false,
 * a policy path that leaves the repository, a token that is missing where one
 * is needed. The message names the input, its value and the expected form.
 */
export class InputError extends ReleasePolicyError {
  /** Printed as `error.type` and `name`; see {@link ReleasePolicyError.type}. */
  static override readonly type = 'InputError';
}

/**
 * The run's environment cannot be used, e.g. a `GITHUB_API_URL` that is not
 * an http(s) URL. The message names the variable's value and the expected form.
 */
export class RunContextError extends ReleasePolicyError {
  /** Printed as `error.type` and `name`; see {@link ReleasePolicyError.type}. */
  static override readonly type = 'RunContextError';
}

/**
 * The policy file exists but cannot be read as a file: a directory, a
 * symlink or submodule, or a file the runner may not read. (A file that
 * reads but does not parse is a `ConfigError`.)
 */
export class PolicyFileError extends ReleasePolicyError {
  /** Printed as `error.type` and `name`; see {@link ReleasePolicyError.type}. */
  static override readonly type = 'PolicyFileError';
}

/** An action output was given a name the runner does not accept. */
export class OutputNameError extends ReleasePolicyError {
  /** Printed as `error.type` and `name`; see {@link ReleasePolicyError.type}. */
  static override readonly type = 'OutputNameError';
}

/**
 * A sticky comment body lacks its marker, so later runs could not find the
 * comment. A caller's mistake: bodies from `renderCommentBody` carry it.
 */
export class CommentMarkerError extends ReleasePolicyError {
  /** Printed as `error.type` and `name`; see {@link ReleasePolicyError.type}. */
  static override readonly type = 'CommentMarkerError';
}

/** Runs one API call, converting what it throws once, here, into a {@link GitHubApiError}. */
export async function callGitHubApi<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toGitHubApiError(error, operation);
  }
}

/**
 * Two promotions of the same environment ran at once and this one yielded,
 * or a promotion cannot go on with what it found (no commit for the ref).
 */
export class PromotionError extends ReleasePolicyError {
  /** Printed as `error.type` and `name`; see {@link ReleasePolicyError.type}. */
  static override readonly type = 'PromotionError';
}
