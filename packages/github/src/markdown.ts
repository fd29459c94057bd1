import type { Finding } from '@release-policy/core';
import { truncateText } from '@release-policy/core';

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

/** Longest first line of a message shown in a table cell; the full message follows the table. */
export const MAX_TABLE_LINE_CHARS = 200;

/** The first line of a message, for a table cell. */
export interface MessageLine {
  /** The first non-empty line, cut at a word boundary when longer than the limit. */
  line: string;
  /** True when `line` is the whole message (one line, not cut). */
  complete: boolean;
}

/**
 * The first non-empty line of a message, cut after the last whole word
 * within `max` characters (with `…`) when longer. Pure.
 */
export function readFirstLine(message: string, max = MAX_TABLE_LINE_CHARS): MessageLine {
  const lines = message.split(/\r\n|\r|\n/);
  const index = lines.findIndex((l) => l.trim() !== '');
  const first = index < 0 ? '' : (lines[index] ?? '').trim();
  const rest = index < 0 ? [] : lines.slice(index + 1).filter((l) => l.trim() !== '');
  if (first.length <= max) return { line: first, complete: rest.length === 0 };
  const cut = truncateText(first, max);
  const space = cut.lastIndexOf(' ', cut.length - 1);
  const line = space > max / 2 ? `${cut.slice(0, space).trimEnd()} …` : cut;
  return { line, complete: false };
}

const BLOCK_ENTITIES: Record<string, string> = {
  ...ENTITIES,
  '*': '&#42;',
  _: '&#95;',
  '~': '&#126;',
  '#': '&#35;',
};

/** Escapes text inside one line of a Markdown block: no emphasis, code, links, HTML or mentions. */
function escapeInline(text: string): string {
  return text.replace(CONTROL, '').replace(/[&<>|`\\[\]@*_~#]/g, (c) => BLOCK_ENTITIES[c] ?? c);
}

/** Escapes what would start a block at the beginning of a line: lists, headings, rules. */
function escapeLineStart(text: string): string {
  return text
    .replace(/^[-+=]/, (c) => `&#${c.charCodeAt(0)};`)
    .replace(
      /^(\d+)([.)])/,
      (_m, digits: string, mark: string) => `${digits}&#${mark.charCodeAt(0)};`,
    );
}

// The bullet (U+2022) as an escape: the bundles stay ASCII (see test/architecture/bundle-ascii).
const BULLET = /^(\s*)[-*\u2022]\s+(.*)$/;

/**
 * Renders untrusted multi-line text (a finding's full message) as Markdown
 * that keeps its shape but cannot change the page's structure: lines that
 * start with `-`, `*` or `•` become list items (nested by their indentation
 * beyond the list's first item, two spaces a level, at most three levels),
 * every other line a paragraph.
 * All text is escaped: no HTML, links, code, emphasis, headings, tables or
 * mentions, and control characters are dropped. Nothing is cut. Pure.
 */
export function renderMarkdownBlock(text: string): string {
  const out: string[] = [];
  let inList = false;
  let baseIndent = 0;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const bullet = BULLET.exec(raw);
    if (bullet) {
      const indent = (bullet[1] ?? '').replace(/\t/g, '  ').length;
      if (!inList) baseIndent = indent;
      baseIndent = Math.min(baseIndent, indent);
      const level = Math.min(2, Math.floor((indent - baseIndent) / 2));
      if (!inList && out.length) out.push('');
      out.push(`${'  '.repeat(level)}- ${escapeLineStart(escapeInline((bullet[2] ?? '').trim()))}`);
      inList = true;
      continue;
    }
    const line = raw.trim();
    if (!line) continue;
    if (out.length) out.push('');
    out.push(escapeLineStart(escapeInline(line)));
    inList = false;
  }
  return out.join('\n');
}

const SAFE_DOCS = /^[A-Za-z0-9._/-]+(#[A-Za-z0-9._-]+)?$/;
/** An absolute docs link: https, no spaces or characters that end a Markdown link. */
const ABSOLUTE_DOCS = /^https:\/\/[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+$/;

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
  // Already a link to the docs (the shared flow links every finding): used as it is.
  if (docs && ABSOLUTE_DOCS.test(docs)) return `[${rule}](${docs})`;
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
