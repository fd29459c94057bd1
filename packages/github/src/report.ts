import * as core from '@actions/core';
import { isPassing, sortFindings, type Finding } from '@release-policy/core';
import { emitAnnotations } from './annotations.js';
import { DEFAULT_BOT_LOGIN, upsertStickyComment, type CommentResult } from './comment.js';
import { resolveDocsBaseUrl, type RunContext } from './context.js';
import { GitHubApiError } from './errors.js';
import { logData } from './log.js';
import type { Octokit } from './octokit.js';
import { commentMarker, renderCommentBody, renderSummary } from './render.js';
import { redactValue, sanitizeOutgoingText } from './secrets.js';

/** What {@link reportFindings} reports. */
export interface ReportInput {
  /** The check's id, e.g. `branch-name`; one sticky comment per check. */
  check: string;
  /** Human title, e.g. `Branch name`. */
  title: string;
  findings: readonly Finding[];
  /** Absent: no comment (e.g. no token); annotations and summary are still written. */
  octokit?: Octokit;
  context: RunContext;
  /** Whose comments are ours (default `github-actions[bot]`). */
  botLogin?: string;
  /** Base URL for rule docs links; default the running action's repository. */
  docsBaseUrl?: string;
  /** Facts shown in the summary and comment, e.g. `{ kind: 'feature', version: '1.2.3' }`. */
  fields?: Readonly<Record<string, string>>;
  /** False to skip the comment (the action's `comment` input); default true. */
  comment?: boolean;
}

/** What {@link reportFindings} did. */
export interface ReportResult {
  /** True when no finding is an error. The action fails when false, whatever else happened. */
  ok: boolean;
  /** Finding annotations written. */
  annotations: number;
  /** Findings not annotated because of GitHub's limits (all are in the summary). */
  hiddenAnnotations: number;
  /** False when the job summary could not be written (e.g. outside Actions). */
  summaryWritten: boolean;
  comment: CommentResult;
}

// core.summary is one shared buffer: serialise writes so concurrent reports never mix.
let summaryQueue: Promise<unknown> = Promise.resolve();

/**
 * Appends Markdown to the job summary, redacted and escaped like every text
 * that leaves, after any write already queued; false when it could not be
 * written (outside Actions), which the log then says.
 */
export function writeSummary(markdown: string): Promise<boolean> {
  const next = summaryQueue.then(async () => {
    try {
      await core.summary.emptyBuffer().addRaw(sanitizeOutgoingText(markdown), true).write();
      return true;
    } catch (error) {
      logData(`The job summary could not be written: ${(error as Error).message}`);
      core.summary.emptyBuffer();
      return false;
    }
  });
  summaryQueue = next;
  return next;
}

/** One finding as a line of the job log: `error rule (file:line:col): message`. */
export function formatFindingLine(finding: Finding): string {
  const place = [finding.file, finding.line, finding.column].filter((p) => p !== undefined);
  const where = finding.file ? ` (${place.join(':')})` : '';
  return `${finding.severity} ${finding.rule}${where}: ${finding.message}`;
}

function skipped(reason: string): CommentResult {
  return { status: 'skipped', reason, deleted: 0 };
}

/**
 * Reports a check's findings everywhere a reader may look: annotations on the
 * exact file and line (within GitHub's limits), a job summary with every
 * finding and how to fix it, and one sticky comment on the pull request.
 * A 403 on the comment (fork pull requests) is reported in the summary and
 * the result, never thrown, and never turns a failure into a pass. Every
 * text is redacted of the run's secrets and escaped before it leaves
 * ({@link sanitizeOutgoingText}). Other API
 * failures are thrown as {@link GitHubApiError} after the summary is written.
 */
export async function reportFindings(raw: ReportInput): Promise<ReportResult> {
  // Secrets leave before anything is rendered or cut, so no cut can split one.
  const input: ReportInput = {
    ...raw,
    findings: redactValue(raw.findings),
    fields: raw.fields && redactValue(raw.fields),
  };
  const findings = sortFindings(input.findings);
  const ok = isPassing(findings);
  const docsBaseUrl = input.docsBaseUrl ?? resolveDocsBaseUrl(input.context);
  const annotations = emitAnnotations(findings, { title: input.title, docsBaseUrl });
  const render = { ...input, findings, docsBaseUrl };

  const pr = input.context.pullRequest;
  const { owner, repo } = input.context.repo;
  // The comment's bodies are redacted and escaped where they are written (upsertStickyComment).
  const body = renderCommentBody(render);
  let comment: CommentResult;
  let failure: unknown;
  if (input.comment === false)
    comment = skipped('Comments are turned off (input `comment: false`).');
  else if (!pr)
    comment = skipped('Not a pull-request event: there is no pull request to comment on.');
  else if (!input.octokit) comment = skipped('No token was given, so no comment can be written.');
  else if (!owner || !repo)
    comment = skipped('GITHUB_REPOSITORY is not set, so the pull request cannot be found.');
  else {
    try {
      comment = await upsertStickyComment({
        octokit: input.octokit,
        owner,
        repo,
        issueNumber: pr.number,
        marker: commentMarker(input.check),
        botLogin: input.botLogin || DEFAULT_BOT_LOGIN,
        body,
        resolvedBody: ok ? body : renderCommentBody({ ...render, findings: [] }),
        passing: ok,
      });
    } catch (error) {
      failure = error;
      const detail = error instanceof GitHubApiError ? error.message : String(error);
      comment = skipped(`The comment could not be written: ${detail}`);
    }
  }

  const notes: string[] = [];
  if (comment.status === 'forbidden' || failure) {
    notes.push(
      `No comment could be written on pull request #${pr?.number}: ${comment.reason ?? ''} ` +
        `This summary has every finding${ok ? '.' : '; the check still fails.'}`,
    );
  }
  const summaryWritten = await writeSummary(renderSummary({ ...render, notes }));
  // Without a summary the log is where every finding can still be read (annotations are capped).
  if (!summaryWritten) for (const finding of findings) logData(formatFindingLine(finding));
  if (comment.status === 'forbidden')
    logData(`Pull-request comment not written (403): ${comment.reason ?? ''}`);
  if (failure) throw failure;
  return {
    ok,
    annotations: annotations.emitted,
    hiddenAnnotations: annotations.hidden,
    summaryWritten,
    comment,
  };
}
