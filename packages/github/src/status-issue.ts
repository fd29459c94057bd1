/**
 * The one status issue of a repository: found by a hidden marker in its
 * body (and its author, so a pasted marker does not make an issue ours),
 * created once, then updated in place by every run; when someone closed
 * it, reopened and updated, never created again. Re-run safe: a retried
 * or concurrent create that made a second issue closes the newer ones as
 * duplicates, keeping the oldest.
 */
import { toGitHubApiError } from './errors.js';
import type { Octokit } from './octokit.js';
import type { RepositoryRef } from './repository-ref.js';
import { sanitizeOutgoingText } from './secrets.js';

/** The hidden marker the status issue's body starts with. */
export const STATUS_ISSUE_MARKER = '<!-- release-policy:status -->';

/** Issues longer than this are cut (GitHub refuses bodies over 65,536 characters). */
export const MAX_ISSUE_BODY_CHARS = 60_000;

/**
 * Issues by the bot read at most per listing (open, then closed) when looking
 * for the status issue; pull requests, which GitHub lists with issues, do not count.
 */
export const MAX_ISSUES_SCANNED = 1000;

const LIST = 'GET /repos/{owner}/{repo}/issues';
const CREATE = 'POST /repos/{owner}/{repo}/issues';
const UPDATE = 'PATCH /repos/{owner}/{repo}/issues/{issue_number}';

/** What {@link upsertStatusIssue} needs. */
export interface StatusIssueInput {
  octokit: Octokit;
  repo: RepositoryRef;
  title: string;
  /** The Markdown body; the marker is added in front. */
  body: string;
  /** The login the token belongs to (`github-actions[bot]`, `my-app[bot]`). */
  botLogin: string;
}

/** What was done. */
export interface StatusIssueResult {
  /** `reopened`: it had been closed, and was reopened and updated. */
  status: 'created' | 'updated' | 'reopened';
  number: number;
  url: string;
  /** Duplicates closed (a retried or concurrent create). */
  closed: number[];
}

interface IssueData {
  number: number;
  html_url: string;
  state: string;
  body?: string | null;
  user: { login: string } | null;
  pull_request?: unknown;
}

async function call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toGitHubApiError(error, operation);
  }
}

function isStatusIssue(input: StatusIssueInput, issue: IssueData): boolean {
  const ours = issue.user?.login.toLowerCase() === input.botLogin.toLowerCase();
  return ours && (issue.body ?? '').startsWith(STATUS_ISSUE_MARKER);
}

/**
 * Reads the bot's issues in the given state and order, page by page, until
 * `stop` says enough or {@link MAX_ISSUES_SCANNED} issues (pull requests not
 * counted) were read; returns those carrying the marker.
 */
async function scanStatusIssues(
  input: StatusIssueInput,
  order: { state: 'open' | 'closed'; sort: 'created' | 'updated'; direction: 'asc' | 'desc' },
  stop: (found: readonly IssueData[]) => boolean,
): Promise<IssueData[]> {
  const found: IssueData[] = [];
  let scanned = 0;
  const pages = input.octokit.paginate.iterator(input.octokit.rest.issues.listForRepo, {
    ...input.repo,
    ...order,
    creator: input.botLogin,
    per_page: 100,
  });
  await call(LIST, async () => {
    for await (const page of pages) {
      for (const issue of page.data as IssueData[]) {
        if (issue.pull_request !== undefined) continue;
        scanned += 1;
        if (isStatusIssue(input, issue)) found.push(issue);
        if (stop(found) || scanned >= MAX_ISSUES_SCANNED) return;
      }
    }
  });
  return found;
}

/** The open status issues by `botLogin`, oldest first. */
async function listOpenStatusIssues(input: StatusIssueInput): Promise<IssueData[]> {
  const order = { state: 'open', sort: 'created', direction: 'asc' } as const;
  const found = await scanStatusIssues(input, order, () => false);
  return found.sort((a, b) => a.number - b.number);
}

/**
 * The closed status issue updated last (the status issue someone closed;
 * duplicates this module closed were closed before it), or none.
 */
async function findClosedStatusIssue(input: StatusIssueInput): Promise<IssueData | undefined> {
  const order = { state: 'closed', sort: 'updated', direction: 'desc' } as const;
  const found = await scanStatusIssues(input, order, (marked) => marked.length > 0);
  return found[0];
}

/** The body as written: marker first, redacted of the run's secrets, cut to GitHub's limit. */
export function renderStatusIssueBody(body: string): string {
  const text = sanitizeOutgoingText(`${STATUS_ISSUE_MARKER}\n${body}`);
  if (text.length <= MAX_ISSUE_BODY_CHARS) return text;
  const note = '\n\n_(cut: the full report is in the run’s JSON report)_\n';
  return `${text.slice(0, MAX_ISSUE_BODY_CHARS - note.length)}${note}`;
}

async function closeDuplicates(
  input: StatusIssueInput,
  keep: number,
  found: readonly IssueData[],
): Promise<number[]> {
  const closed: number[] = [];
  for (const issue of found) {
    if (issue.number === keep || issue.state !== 'open') continue;
    await call(UPDATE, () =>
      input.octokit.rest.issues.update({
        ...input.repo,
        issue_number: issue.number,
        state: 'closed',
        state_reason: 'duplicate',
      }),
    );
    closed.push(issue.number);
  }
  return closed;
}

/**
 * Creates the status issue, or updates it in place (title and body): the
 * oldest open one, else the closed one updated last, reopened. A second open one
 * left by an earlier retried create is closed as a duplicate.
 *
 * @throws GitHubApiError when a call fails (e.g. 403 without `issues: write`).
 */
export async function upsertStatusIssue(input: StatusIssueInput): Promise<StatusIssueResult> {
  const body = renderStatusIssueBody(input.body);
  const title = sanitizeOutgoingText(input.title, { singleLine: true });
  const found = await listOpenStatusIssues(input);
  // Closed ones are read only when none is open: the usual path is one short listing.
  const existing = found[0] ?? (await findClosedStatusIssue(input));
  if (existing) {
    const reopen = existing.state !== 'open';
    const { data } = await call(UPDATE, () =>
      input.octokit.rest.issues.update({
        ...input.repo,
        issue_number: existing.number,
        title,
        body,
        ...(reopen ? { state: 'open' as const } : {}),
      }),
    );
    // The listing already holds any duplicate: no second listing on the usual path.
    const closed = await closeDuplicates(input, existing.number, found);
    const status = reopen ? 'reopened' : 'updated';
    return { status, number: data.number, url: data.html_url, closed };
  }
  const { data } = await call(CREATE, () =>
    input.octokit.rest.issues.create({ ...input.repo, title, body }),
  );
  // A retried POST or a concurrent run may have made another: keep the oldest.
  const after = await listOpenStatusIssues(input);
  const oldest = after[0];
  if (!oldest || oldest.number === data.number) {
    const closed = await closeDuplicates(input, data.number, after);
    return { status: 'created', number: data.number, url: data.html_url, closed };
  }
  // An earlier create (a retried POST whose answer was lost, or another run) made one
  // first: it is the status issue, and the one this call made is the duplicate.
  await call(UPDATE, () =>
    input.octokit.rest.issues.update({ ...input.repo, issue_number: oldest.number, title, body }),
  );
  const closed = await closeDuplicates(input, oldest.number, after);
  return { status: 'updated', number: oldest.number, url: oldest.html_url, closed };
}
