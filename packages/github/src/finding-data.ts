import type { FindingCommit, FindingData } from '@release-policy/core';
import { escapeMarkdownCell } from './markdown.js';

/** Rows of a finding's list shown in the job summary (the rest are counted). */
export const MAX_SUMMARY_DATA_ROWS = 200;
/** Rows of a finding's list shown in the sticky comment (the rest are counted). */
export const MAX_COMMENT_DATA_ROWS = 20;
/** Characters of a commit subject kept in a table cell. */
const MAX_SUBJECT_CHARS = 100;

const COMMITS_HEAD = '| Commit | Type | Bump | Subject |\n| --- | --- | --- | --- |';

function renderCommitRow(commit: FindingCommit): string {
  const type = commit.type ? `${commit.type}${commit.breaking ? '!' : ''}` : '—';
  const cells = [
    `\`${escapeMarkdownCell(commit.sha.slice(0, 7), 7)}\``,
    escapeMarkdownCell(type, 40),
    commit.bump ?? '—',
    escapeMarkdownCell(commit.subject, MAX_SUBJECT_CHARS),
  ];
  return `| ${cells.join(' | ')} |`;
}

/**
 * A finding's data as a Markdown table (commits: short sha, type, bump and
 * subject, every cell escaped), at most `maxRows` rows; the rest are counted
 * with where the full list is (the `findings` output, `--json`). Pure.
 */
export function renderFindingData(data: FindingData, maxRows: number): string {
  const { commits } = data;
  const shown = commits.slice(0, Math.max(0, maxRows));
  const rest = commits.length - shown.length;
  const table = [COMMITS_HEAD, ...shown.map(renderCommitRow)].join('\n');
  if (rest === 0) return table;
  return (
    `${table}\n\n_… and ${rest} more (${commits.length} commits in all): the full list is in ` +
    'the `findings` output of the action and in `release-policy check --json`._'
  );
}
