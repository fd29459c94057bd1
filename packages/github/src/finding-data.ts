import type {
  FindingCommit,
  FindingData,
  FindingDocument,
  FindingSection,
} from '@release-policy/core';
import { escapeMarkdownCell } from './markdown.js';

/** Rows of a finding's list shown in the job summary (the rest are counted). */
export const MAX_SUMMARY_DATA_ROWS = 200;
/** Rows of a finding's list shown in the sticky comment (the rest are counted). */
export const MAX_COMMENT_DATA_ROWS = 20;
/** Characters of a commit subject kept in a table cell. */
const MAX_SUBJECT_CHARS = 100;
/** Characters of a document path or section title kept in a table cell. */
const MAX_NAME_CHARS = 120;

const COMMITS_HEAD = '| Commit | Type | Bump | Subject |\n| --- | --- | --- | --- |';
const DOCUMENTS_HEAD = '| Document | Line | Section | Gap |\n| --- | --- | --- | --- |';

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

const GAP_TEXT: Record<FindingSection['gap'], string> = {
  missing: 'no heading',
  empty: 'no content',
};

/** One row per incomplete section of each document: path, line, title and what is wrong. */
function renderDocumentRows(document: FindingDocument): string[] {
  const path = escapeMarkdownCell(document.path, MAX_NAME_CHARS);
  return document.sections.map((section) => {
    const cells = [
      path,
      String(section.line),
      escapeMarkdownCell(section.title, MAX_NAME_CHARS),
      GAP_TEXT[section.gap],
    ];
    return `| ${cells.join(' | ')} |`;
  });
}

/** The table head, the rows and the noun a kind of list counts in. */
function convertDataToRows(data: FindingData): { head: string; rows: string[]; noun: string } {
  switch (data.kind) {
    case 'commits':
      return { head: COMMITS_HEAD, rows: data.commits.map(renderCommitRow), noun: 'commits' };
    case 'documents':
      return {
        head: DOCUMENTS_HEAD,
        rows: data.documents.flatMap(renderDocumentRows),
        noun: 'sections',
      };
  }
}

/**
 * A finding's data as a Markdown table, every cell escaped, at most
 * `maxRows` rows; the rest are counted with where the full list is (the
 * `findings` output, `--json`). Commits: short sha, type, bump and subject;
 * documents: one row per incomplete section (path, line, title, gap). Pure.
 */
export function renderFindingData(data: FindingData, maxRows: number): string {
  const { head, rows, noun } = convertDataToRows(data);
  const shown = rows.slice(0, Math.max(0, maxRows));
  const rest = rows.length - shown.length;
  const table = [head, ...shown].join('\n');
  if (rest === 0) return table;
  return (
    `${table}\n\n_… and ${rest} more (${rows.length} ${noun} in all): the full list is in ` +
    'the `findings` output of the action and in `release-policy check --json`._'
  );
}
