import {
  countFindings,
  isPassing,
  plural,
  sortFindings,
  type Finding,
  type Severity,
} from '@release-policy/core';
import { formatRunUrl, resolveDocsBaseUrl, type RunContext } from './context.js';
import {
  escapeMarkdownCell,
  escapeMarkdownText,
  readFirstLine,
  renderLocationCell,
  renderMarkdownBlock,
  renderRuleCell,
  type BlobBase,
} from './markdown.js';
import { MAX_COMMENT_DATA_ROWS, MAX_SUMMARY_DATA_ROWS, renderFindingData } from './finding-data.js';

/** The job summary is capped here, well under GitHub's 1 MiB per step. */
export const MAX_SUMMARY_BYTES = 512 * 1024;
/** Pull-request comments are capped here, below GitHub's 65,536 characters. */
export const MAX_COMMENT_CHARS = 60_000;

/** What the renderers show. */
export interface RenderInput {
  /** The check's id, e.g. `branch-name`; names the comment marker. */
  check: string;
  /** Human title, e.g. `Branch name`. */
  title: string;
  findings: readonly Finding[];
  /** For links to files, the run and the docs; optional in tests. */
  context?: RunContext;
  /** Base URL of the documentation; default from the running action's repository. */
  docsBaseUrl?: string;
  /** Facts shown above the table, e.g. `{ kind: 'feature' }`. Untrusted: escaped. */
  fields?: Readonly<Record<string, string>>;
  /** Extra notes shown as quotes (e.g. why no comment was posted). Escaped. */
  notes?: readonly string[];
}

const LABEL: Record<Severity, string> = {
  error: '❌ error',
  warning: '⚠️ warning',
  notice: 'ℹ️ notice',
};

/** The hidden marker that identifies a check's sticky comment: `<!-- release-policy:branch-name -->`. */
export function commentMarker(check: string): string {
  const slug =
    check
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-|-$/g, '') || 'check';
  return `<!-- release-policy:${slug} -->`;
}

/** "2 errors, 1 warning": only the non-zero counts; "no findings" when all are zero. */
export function describeCounts(findings: readonly Finding[]): string {
  const c = countFindings(findings);
  const parts: string[] = [];
  if (c.error) parts.push(plural(c.error, 'error'));
  if (c.warning) parts.push(plural(c.warning, 'warning'));
  if (c.notice) parts.push(plural(c.notice, 'notice'));
  return parts.length ? parts.join(', ') : 'no findings';
}

function headline(input: RenderInput): string {
  const title = escapeMarkdownText(input.title, 200);
  if (!isPassing(input.findings)) return `### ❌ ${title}: ${describeCounts(input.findings)}`;
  if (input.findings.length === 0) return `### ✅ ${title}: passed`;
  return `### ✅ ${title}: passed with ${describeCounts(input.findings)}`;
}

/**
 * Where a finding's file is browsable. Policy-file findings on a pull request
 * point at the base commit, where the policy was read; the rest at the run's commit.
 */
function blobBase(context: RunContext | undefined, finding?: Finding): BlobBase | undefined {
  if (!context?.repo.owner || !context.repo.repo) return undefined;
  const base = context.pullRequest?.baseSha;
  const sha = finding?.rule === 'policy-file' && base ? base : context.sha;
  if (!sha) return undefined;
  return { serverUrl: context.serverUrl, owner: context.repo.owner, repo: context.repo.repo, sha };
}

const TABLE_HEAD =
  '| Severity | Rule | Location | Message | How to fix |\n| --- | --- | --- | --- | --- |';

/** What a message cell says when the full message is in the details below the table. */
export const FULL_TEXT_BELOW = '_(full text below)_';

/** What a message cell says when the finding's list (commits, …) is in the details below the table. */
export const LIST_BELOW = '_(list below)_';

/**
 * One table row per finding, cells escaped. The message cell holds the
 * message's first line; when that is not the whole message it ends with
 * {@link FULL_TEXT_BELOW}, and {@link renderFindingDetails} has the rest.
 */
export function renderFindingRow(finding: Finding, docsBaseUrl?: string, blob?: BlobBase): string {
  const first = readFirstLine(finding.message);
  const message = escapeMarkdownCell(first.line, Number.POSITIVE_INFINITY);
  const cells = [
    LABEL[finding.severity] ?? escapeMarkdownCell(String(finding.severity), 20),
    renderRuleCell(finding, docsBaseUrl),
    renderLocationCell(finding, blob),
    first.complete
      ? finding.data
        ? `${message} ${LIST_BELOW}`
        : message
      : `${message} ${FULL_TEXT_BELOW}`,
    finding.hint ? escapeMarkdownCell(finding.hint, Number.POSITIVE_INFINITY) : '—',
  ];
  return `| ${cells.join(' | ')} |`;
}

/**
 * The full message of a finding whose table cell shows only its first line,
 * as a collapsed `<details>` block: every line kept, lists rendered as
 * Markdown lists, all text escaped ({@link renderMarkdownBlock}); then the
 * finding's data as a table of at most `maxRows` rows
 * ({@link renderFindingData}). Undefined when the table cell already holds
 * the whole message and there is no data.
 */
export function renderFindingDetails(
  finding: Finding,
  maxRows = MAX_SUMMARY_DATA_ROWS,
): string | undefined {
  const first = readFirstLine(finding.message);
  if (first.complete && !finding.data) return undefined;
  const where = finding.file
    ? ` · ${finding.file}${finding.line ? `:${finding.line}` : ''}${finding.line && finding.column ? `:${finding.column}` : ''}`
    : '';
  const label = escapeMarkdownText(`${finding.rule}${where}: ${first.line}`, 400);
  const severity = LABEL[finding.severity] ?? escapeMarkdownText(String(finding.severity), 20);
  return [
    `<details><summary>${severity} ${label}</summary>`,
    '',
    ...(first.complete ? [] : [renderMarkdownBlock(finding.message), '']),
    ...(finding.data ? [renderFindingData(finding.data, maxRows), ''] : []),
    '</details>',
  ].join('\n');
}

interface TableResult {
  lines: string[];
  omitted: number;
}

/**
 * Adds each finding's row, and its details block below the table, while
 * both fit in `budget`; the findings left are counted as omitted.
 */
function renderTable(
  findings: readonly Finding[],
  input: RenderInput,
  budget: number,
  measure: (text: string) => number,
  dataRows: number,
): TableResult {
  const docsBaseUrl =
    input.docsBaseUrl ?? (input.context ? resolveDocsBaseUrl(input.context) : undefined);
  const rows = [TABLE_HEAD];
  const details: string[] = [];
  const detailsHead = ['', '#### Full messages', ''];
  let used = measure(TABLE_HEAD) + 1;
  let shown = 0;
  for (const finding of findings) {
    const row = renderFindingRow(finding, docsBaseUrl, blobBase(input.context, finding));
    const block = renderFindingDetails(finding, dataRows);
    let size = measure(row) + 1;
    if (block)
      size += measure(block) + 2 + (details.length ? 0 : measure(detailsHead.join('\n')) + 1);
    if (used + size > budget) break;
    rows.push(row);
    if (block) details.push(...(details.length ? [''] : detailsHead), block);
    used += size;
    shown += 1;
  }
  return { lines: shown ? [...rows, ...details] : [], omitted: findings.length - shown };
}

function renderFieldsTable(fields: Readonly<Record<string, string>> | undefined): string[] {
  const entries = Object.entries(fields ?? {}).filter(([, v]) => v !== undefined && v !== '');
  if (!entries.length) return [];
  return [
    '| Field | Value |',
    '| --- | --- |',
    ...entries.map(([k, v]) => `| ${escapeMarkdownCell(k, 100)} | ${escapeMarkdownCell(v, 500)} |`),
    '',
  ];
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
const chars = (text: string): number => text.length;

/**
 * Renders the job summary: headline, fields, a table of every finding with
 * how to fix it, and notes. Pure. The result stays under `maxBytes`
 * (default {@link MAX_SUMMARY_BYTES}); rows that do not fit are counted.
 */
export function renderSummary(input: RenderInput, maxBytes = MAX_SUMMARY_BYTES): string {
  const findings = sortFindings(input.findings);
  const head = [headline(input), '', ...renderFieldsTable(input.fields)];
  const notes = (input.notes ?? []).map((n) => `> ${escapeMarkdownText(n, 2000)}`);
  const tail = notes.length ? ['', ...notes] : [];
  const reserve = bytes([...head, ...tail].join('\n')) + 200;
  const table = renderTable(findings, input, maxBytes - reserve, bytes, MAX_SUMMARY_DATA_ROWS);
  const omitted = table.omitted
    ? [
        '',
        `_${plural(table.omitted, 'more finding')} not shown: the job summary is limited in size._`,
      ]
    : [];
  const body = findings.length ? [...table.lines, ...omitted] : ['No findings.'];
  return `${[...head, ...body, ...tail].join('\n')}\n`;
}

function shortSha(context: RunContext | undefined): string | undefined {
  const sha = context?.pullRequest?.headSha || context?.sha;
  return sha && /^[0-9a-f]{7,64}$/i.test(sha) ? sha.slice(0, 7) : undefined;
}

function footer(context: RunContext | undefined): string {
  const sha = shortSha(context);
  const run = context ? formatRunUrl(context) : undefined;
  const parts = [
    sha ? `commit ${sha}` : undefined,
    run ? `[run details](${run})` : undefined,
    'this comment is updated in place on every run',
  ].filter(Boolean);
  return `<sub>release-policy · ${parts.join(' · ')}</sub>`;
}

/**
 * Renders the sticky pull-request comment. Failing: the marker, headline,
 * fields and the findings table (cut to fit `maxChars`, default
 * {@link MAX_COMMENT_CHARS}, with "N more findings in the job summary").
 * Passing: a short "resolved" body that keeps the marker. Pure.
 */
export function renderCommentBody(input: RenderInput, maxChars = MAX_COMMENT_CHARS): string {
  const marker = commentMarker(input.check);
  const run = input.context ? formatRunUrl(input.context) : undefined;
  const summaryLink = run ? `[job summary](${run})` : 'job summary';
  const title = escapeMarkdownText(input.title, 200);
  if (isPassing(input.findings)) {
    const sha = shortSha(input.context);
    const remaining = input.findings.length
      ? ` ${describeCounts(input.findings)} remain; see the ${summaryLink}.`
      : '';
    return [
      marker,
      `### ✅ ${title}: resolved`,
      '',
      `The errors reported here earlier are fixed${sha ? ` as of commit ${sha}` : ''}.${remaining}`,
      '',
      footer(input.context),
      '',
    ].join('\n');
  }
  const fields = Object.entries(input.fields ?? {})
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `**${escapeMarkdownText(k, 100)}**: ${escapeMarkdownText(v, 300)}`);
  const head = [marker, headline(input), '', ...(fields.length ? [fields.join(' · '), ''] : [])];
  const tail = ['', footer(input.context), ''];
  const reserve = chars([...head, ...tail].join('\n')) + 200;
  const table = renderTable(
    sortFindings(input.findings),
    input,
    maxChars - reserve,
    chars,
    MAX_COMMENT_DATA_ROWS,
  );
  const omitted = table.omitted
    ? ['', `_${plural(table.omitted, 'more finding')} in the ${summaryLink}._`]
    : [];
  return [...head, ...table.lines, ...omitted, ...tail].join('\n');
}
