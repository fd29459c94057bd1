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

/** Issues by the bot (open and closed) read at most when looking for the status issue. */
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
  closed_at?: string | null;
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

/** The status issues by `botLogin`, open and closed, oldest first. */
async function listStatusIssues(input: StatusIssueInput): Promise<IssueData[]> {
  const found: IssueData[] = [];
  let scanned = 0;
  const pages = input.octokit.paginate.iterator(input.octokit.rest.issues.listForRepo, {
    ...input.repo,
    state: 'all',
    creator: input.botLogin,
    sort: 'created',
    direction: 'asc',
    per_page: 100,
  });
  await call(LIST, async () => {
    for await (const page of pages) {
      for (const issue of page.data as IssueData[]) {
        scanned += 1;
        if (issue.pull_request !== undefined) continue;
        const ours = issue.user?.login.toLowerCase() === input.botLogin.toLowerCase();
        if (ours && (issue.body ?? '').startsWith(STATUS_ISSUE_MARKER)) found.push(issue);
      }
      if (scanned >= MAX_ISSUES_SCANNED) return;
    }
  });
  return found.sort((a, b) => a.number - b.number);
}

/** The body as written: marker first, redacted of the run's secrets, cut to GitHub's limit. */
export function renderStatusIssueBody(body: string): string {
  const text = sanitizeOutgoingText(`${STATUS_ISSUE_MARKER}\n${body}`);
  if (text.length <= MAX_ISSUE_BODY_CHARS) return text;
  const note = '\n\n_(cut: the full report is in the run’s JSON report)_\n';
  return `${text.slice(0, MAX_ISSUE_BODY_CHARS - note.length)}${note}`;
}

/**
 * The status issue among those found: the oldest open one; when every one
 * is closed, the one closed last (duplicates this module closed were closed
 * before whoever closed the status issue itself).
 */
function selectStatusIssue(found: readonly IssueData[]): IssueData | undefined {
  const open = found.find((issue) => issue.state === 'open');
  if (open) return open;
  return [...found].sort(
    (a, b) => (b.closed_at ?? '').localeCompare(a.closed_at ?? '') || b.number - a.number,
  )[0];
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
 * oldest open one, else the one closed last, reopened. A second open one
 * left by an earlier retried create is closed as a duplicate.
 *
 * @throws GitHubApiError when a call fails (e.g. 403 without `issues: write`).
 */
export async function upsertStatusIssue(input: StatusIssueInput): Promise<StatusIssueResult> {
  const body = renderStatusIssueBody(input.body);
  const title = sanitizeOutgoingText(input.title, { singleLine: true });
  const found = await listStatusIssues(input);
  const existing = selectStatusIssue(found);
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
  const after = await listStatusIssues(input);
  const oldest = selectStatusIssue(after);
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
