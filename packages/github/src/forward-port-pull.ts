/**
 * The forward-port pull request of a maintenance line: found by its head
 * branch, created once, then updated in place by every run, so a re-run never
 * opens a second one. Its body lists the picks, and each pick left for a
 * person (a conflict) with the commands that do it.
 */
import {
  quoteBranchName,
  quoteShellArgument,
  truncateText,
  type ForwardPortCommit,
} from '@release-policy/core';
import { GitHubApiError, toGitHubApiError } from './errors.js';
import { escapeMarkdownCell, escapeMarkdownText } from './markdown.js';
import type { Octokit } from './octokit.js';
import type { RepositoryRef } from './repository-ref.js';
import { sanitizeOutgoingText } from './secrets.js';
import { ACTIONS_DOCS } from './text.js';

const LIST = 'GET /repos/{owner}/{repo}/pulls';
const CREATE = 'POST /repos/{owner}/{repo}/pulls';
const UPDATE = 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}';

/** Bodies longer than this are cut (GitHub refuses bodies over 65,536 characters). */
export const MAX_PULL_BODY_CHARS = 60_000;

/** A commit left out of the branch, and why. */
export interface ForwardPortSkip extends ForwardPortCommit {
  reason: 'conflict' | 'empty' | 'already-on-branch';
}

/** What a forward-port pull request says. */
export interface ForwardPortBodyInput {
  line: string;
  mainline: string;
  branch: string;
  /** Picked by this run, oldest first. */
  picked: readonly ForwardPortCommit[];
  skipped: readonly ForwardPortSkip[];
  /** The remote a person fetches the branch from; `origin` when absent. */
  remote?: string;
}

/** What {@link upsertForwardPortPull} needs. */
export interface ForwardPortPullInput {
  octokit: Octokit;
  repo: RepositoryRef;
  /** The branch the pull request merges into (mainline). */
  base: string;
  /** The forward-port branch, in the same repository. */
  head: string;
  title: string;
  /** The Markdown body ({@link renderForwardPortBody}). */
  body: string;
}

/** What was done. */
export interface ForwardPortPullResult {
  status: 'created' | 'updated';
  number: number;
  url: string;
}

interface PullData {
  number: number;
  html_url: string;
  head: { ref: string };
}

async function call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toGitHubApiError(error, operation);
  }
}

/** How many times the create is sent in all when GitHub opened nothing (a server error or no answer). */
const CREATE_ATTEMPTS = 2;

/**
 * Updates the open pull request whose head is `head` in this repository
 * (title and body), or creates it. A create is never retried blindly: when
 * it answers 422 "already exists" (another run opened it, or a lost answer
 * hid that ours went through), a server error or no answer, the open pull
 * requests are listed again and the one found is updated; when none is
 * found after a server error or no answer, the create is sent again, at most
 * {@link CREATE_ATTEMPTS} times in all.
 *
 * @throws GitHubApiError when a call fails (e.g. 403 without `pull-requests: write`),
 *   or GitHub says the pull request exists and the look-up finds none.
 */
export async function upsertForwardPortPull(
  input: ForwardPortPullInput,
): Promise<ForwardPortPullResult> {
  const content = {
    title: sanitizeOutgoingText(input.title, { singleLine: true }),
    body: cutBody(sanitizeOutgoingText(input.body)),
  };
  const existing = await findOpenPull(input);
  if (existing) return updatePull(input, existing, content);
  for (let attempt = 1; ; attempt += 1) {
    try {
      const { data } = await call(CREATE, () =>
        input.octokit.rest.pulls.create({
          ...input.repo,
          base: input.base,
          head: input.head,
          ...content,
          // Never retried blindly: a create that went through is found by the look-up below.
          request: { retries: 0 },
        }),
      );
      return { status: 'created', number: data.number, url: data.html_url };
    } catch (error) {
      if (!isWorthLookingAgain(error)) throw error;
      // Another run opened it, or ours went through before the answer was lost.
      const again = await findOpenPull(input);
      if (again) return updatePull(input, again, content);
      if (error instanceof GitHubApiError && isAlreadyOpen(error)) {
        throw describeMissingPull(input, error);
      }
      // A server error or no answer, and no pull request: ours was not opened; sent again, once.
      if (attempt >= CREATE_ATTEMPTS) throw error;
    }
  }
}

/** The open pull request from `head` into `base`; the oldest when there are several. */
async function findOpenPull(input: ForwardPortPullInput): Promise<PullData | undefined> {
  const { data: open } = await call(LIST, () =>
    input.octokit.rest.pulls.list({
      ...input.repo,
      head: `${input.repo.owner}:${input.head}`,
      base: input.base,
      state: 'open',
      per_page: 100,
    }),
  );
  // Matched again by name: the `head` filter is GitHub's, the decision is ours.
  return (open as PullData[])
    .filter((pull) => pull.head.ref === input.head)
    .sort((a, b) => a.number - b.number)[0];
}

async function updatePull(
  input: ForwardPortPullInput,
  existing: PullData,
  content: { title: string; body: string },
): Promise<ForwardPortPullResult> {
  const { data } = await call(UPDATE, () =>
    input.octokit.rest.pulls.update({
      ...input.repo,
      pull_number: existing.number,
      ...content,
    }),
  );
  return { status: 'updated', number: data.number, url: data.html_url };
}

/** True when a failed create may have happened anyway, or lost a race: look again. */
function isWorthLookingAgain(error: unknown): boolean {
  if (!(error instanceof GitHubApiError)) return false;
  return isAlreadyOpen(error) || error.kind === 'server' || error.kind === 'network';
}

/**
 * True for GitHub's 422 "A pull request already exists for owner:branch.",
 * which it sends in `errors[].message` under "Validation Failed".
 */
function isAlreadyOpen(error: GitHubApiError): boolean {
  if (error.status !== 422) return false;
  const texts = [error.apiMessage ?? '', ...readValidationMessages(error.cause)];
  return texts.some((text) => text.toLowerCase().includes('already exists'));
}

/** The `errors[].message` texts of a failed request's answer (the error Octokit threw). */
function readValidationMessages(cause: unknown): string[] {
  const response = readField(cause, 'response');
  const errors = readField(readField(response, 'data'), 'errors');
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((entry: unknown) => {
    const message = readField(entry, 'message');
    return typeof message === 'string' ? [message] : [];
  });
}

function readField(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** GitHub says the pull request exists, yet listing the open ones finds none: what to do. */
function describeMissingPull(input: ForwardPortPullInput, cause: GitHubApiError): GitHubApiError {
  const head = quoteBranchName(input.head);
  const base = quoteBranchName(input.base);
  return new GitHubApiError(
    `${CREATE} answered 422: a pull request from ${head} into ${base} already exists, ` +
      `but listing the open pull requests with head ${head} found none. This can happen right after it ` +
      'was opened, before GitHub lists it: re-run the job, which finds it and updates it. If it fails again, ' +
      `close the open pull request from ${head} into ${base} in the repository so that a re-run opens a new one. ` +
      `Read more: ${ACTIONS_DOCS}#forward-ports`,
    { status: 422, operation: CREATE, kind: 'invalid', apiMessage: cause.apiMessage },
    { cause },
  );
}

function cutBody(text: string): string {
  if (text.length <= MAX_PULL_BODY_CHARS) return text;
  const note = '\n\n_(cut: the full list is in the run’s forward-ports output)_\n';
  return `${text.slice(0, MAX_PULL_BODY_CHARS - note.length)}${note}`;
}

/** The title of a line's forward-port pull request, e.g. `Forward-port 3.5.x into main`. */
export function formatForwardPortTitle(line: string, mainline: string): string {
  return `Forward-port ${truncateText(line, 100)} into ${truncateText(mainline, 100)}`;
}

const REASONS: Record<ForwardPortSkip['reason'], string> = {
  conflict: 'conflicts with mainline: pick it by hand',
  empty: 'already applied (the pick came out empty)',
  'already-on-branch': 'already picked on this branch',
};

function renderCommitRow(commit: ForwardPortCommit, note?: string): string {
  const cells = [`\`${commit.sha.slice(0, 12)}\``, escapeMarkdownCell(commit.subject, 200)];
  if (note !== undefined) cells.push(note);
  return `| ${cells.join(' | ')} |`;
}

/**
 * The pull request's Markdown body: what the branch picks, what was left
 * out and why, and for each conflicting pick the commands a person runs on
 * the branch (the branch name shell-quoted; shas are hex). Untrusted text
 * (the line's name, subjects) is escaped.
 */
export function renderForwardPortBody(input: ForwardPortBodyInput): string {
  const remote = input.remote ?? 'origin';
  const conflicts = input.skipped.filter((s) => s.reason === 'conflict');
  const parts = [
    `Commits shipped on the maintenance line **${escapeMarkdownText(input.line, 200)}** that ` +
      `**${escapeMarkdownText(input.mainline, 200)}** lacks, cherry-picked with \`git cherry-pick -x\` ` +
      'by release-policy (patch-merge, open-forward-ports). A re-run updates this pull request and adds only new picks.',
  ];
  if (input.picked.length > 0) {
    parts.push(
      ['### Picked by the last run', '', '| commit | subject |', '| --- | --- |']
        .concat(input.picked.map((c) => renderCommitRow(c)))
        .join('\n'),
    );
  } else {
    parts.push('The last run picked no new commit.');
  }
  if (input.skipped.length > 0) {
    parts.push(
      ['### Not picked', '', '| commit | subject | why |', '| --- | --- | --- |']
        .concat(input.skipped.map((c) => renderCommitRow(c, REASONS[c.reason])))
        .join('\n'),
    );
  }
  if (conflicts.length > 0) {
    const branch = quoteShellArgument(input.branch);
    const commands = [
      `git fetch ${quoteShellArgument(remote)} ${branch}`,
      `git switch ${branch}`,
      ...conflicts.map((c) => `git cherry-pick -x ${c.sha}`),
      `git push ${quoteShellArgument(remote)} ${branch}`,
    ];
    parts.push(
      [
        '### For a person to do',
        '',
        'These picks conflict with mainline. Pick each on this branch, resolve the conflict, ' +
          '`git cherry-pick --continue`, then push; a later run sees the `(cherry picked from commit …)` line and leaves it:',
        '',
        '```sh',
        ...commands,
        '```',
      ].join('\n'),
    );
  }
  return `${parts.join('\n\n')}\n`;
}
