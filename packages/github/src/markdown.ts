import type { Finding } from '@release-policy/core';
import { truncateText } from './text.js';

/** Longest text kept in one table cell before it is cut. */
export const MAX_CELL_CHARS = 1000;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '|': '&#124;',
  '`': '&#96;',
  '\\': '&#92;',
  '[': '&#91;',
  ']': '&#93;',
  '@': '&#64;',
};

/**
 * Escapes untrusted text for one GitHub-flavoured Markdown table cell: it can
 * neither end the cell or row (`|`, newlines), open code spans, links or
 * HTML (`` ` ``, `[`, `<`), nor mention people (`@`). Newlines become `<br>`;
 * control characters are dropped; long text is cut at `max` characters.
 */
export function escapeMarkdownCell(text: string, max = MAX_CELL_CHARS): string {
  const cut = truncateText(text.replace(CONTROL, ''), max);
  return cut.replace(/[&<>|`\\[\]@]/g, (c) => ENTITIES[c] ?? c).replace(/\r\n|\r|\n/g, '<br>');
}

/** Escapes untrusted text for a Markdown line outside tables (headings, notes). */
export function escapeMarkdownText(text: string, max = MAX_CELL_CHARS): string {
  return escapeMarkdownCell(text, max).replace(/<br>/g, ' ');
}

const SAFE_DOCS = /^[A-Za-z0-9._/-]+(#[A-Za-z0-9._-]+)?$/;

/**
 * Renders a rule id, linked to its documentation when the docs path is a
 * plain repository path and a base URL is known; otherwise as escaped text.
 */
export function renderRuleCell(
  finding: Pick<Finding, 'rule' | 'docs'>,
  docsBaseUrl?: string,
): string {
  const rule = escapeMarkdownCell(finding.rule, 100);
  const docs = finding.docs;
  if (!docs || !SAFE_DOCS.test(docs) || docs.includes('..') || docs.startsWith('/')) return rule;
  if (!docsBaseUrl || !/^https?:\/\/[^\s()<>]+$/.test(docsBaseUrl)) return rule;
  const base = docsBaseUrl.endsWith('/') ? docsBaseUrl : `${docsBaseUrl}/`;
  return `[${rule}](${base}${docs})`;
}

/** What a location link needs: where the repository's files are browsable. */
export interface BlobBase {
  serverUrl: string;
  owner: string;
  repo: string;
  sha: string;
}

/** `file:line:col` of a finding, linked to the file at the commit when possible; `—` when none. */
export function renderLocationCell(
  finding: Pick<Finding, 'file' | 'line' | 'column'>,
  blob?: BlobBase,
): string {
  if (!finding.file) return '—';
  const line = finding.line && finding.line > 0 ? finding.line : undefined;
  const where = `${finding.file}${line ? `:${line}` : ''}${line && finding.column ? `:${finding.column}` : ''}`;
  const text = escapeMarkdownCell(where, 300);
  if (!blob || !blob.sha || !/^[0-9a-f]{7,64}$/i.test(blob.sha) || finding.file.includes('..'))
    return text;
  const path = finding.file
    .replace(/^\.?\/+/, '')
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/');
  const url = `${blob.serverUrl}/${encodeURIComponent(blob.owner)}/${encodeURIComponent(blob.repo)}/blob/${blob.sha}/${path}${line ? `#L${line}` : ''}`;
  return `[${text}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}
