import { countFindings, escapeInvisible, plural, type Finding } from '@release-policy/core';

const paint = (code: string) => (text: string, on: boolean) =>
  on ? `\u001b[${code}m${text}\u001b[0m` : text;
const red = paint('31');
const yellow = paint('33');
const blue = paint('34');
const dim = paint('2');
const green = paint('32');

const symbols = { error: '✖', warning: '⚠', notice: 'ℹ' } as const;

/**
 * Replaces control characters so untrusted text cannot move the cursor,
 * recolour the terminal, fake lines or reorder itself: the one escaping
 * policy of every output ({@link escapeInvisible}). Line feeds and tabs are
 * kept unless `singleLine` is set (a branch name or path must never span lines).
 */
export function sanitizeForTerminal(text: string, options: { singleLine?: boolean } = {}): string {
  return escapeInvisible(text, options);
}

/**
 * Renders a JSON document, two-space indented, with the characters that
 * JSON.stringify leaves raw but a terminal may act on (C1 controls, DEL,
 * line separators, bidirectional and zero-width characters) written as
 * \uXXXX escapes: the same value for a JSON reader, inert on a screen.
 * `##[`, which a workflow runner reads as a (legacy) command anywhere in a
 * line, is written `#\u0023[`: the same string, never a command. No line
 * starts with `::`: every key and string is quoted.
 */
export function renderJson(value: unknown): string {
  // JSON.stringify escapes C0 controls inside strings; the only raw line feeds are the indentation's.
  // `##[` can only stand inside a string (keys and values), where `\u0023` is `#`.
  return escapeInvisible(JSON.stringify(value, null, 2)).replace(/##\[/g, '#\\u0023[');
}

/** Renders findings for a person: one block per finding, then a count line. */
export function renderFindings(findings: readonly Finding[], color: boolean): string {
  const lines: string[] = [];
  for (const f of findings) {
    const colour = f.severity === 'error' ? red : f.severity === 'warning' ? yellow : blue;
    const where = f.file
      ? `${sanitizeForTerminal(f.file, { singleLine: true })}${f.line ? `:${f.line}${f.column ? `:${f.column}` : ''}` : ''}: `
      : '';
    lines.push(
      `${colour(symbols[f.severity], color)} ${where}${sanitizeForTerminal(f.message)} ${dim(`[${f.rule}]`, color)}`,
    );
    if (f.hint) lines.push(`    ${dim('fix:', color)} ${sanitizeForTerminal(f.hint)}`);
    if (f.docs)
      lines.push(`    ${dim('docs:', color)} ${sanitizeForTerminal(f.docs, { singleLine: true })}`);
  }
  const n = countFindings(findings);
  const summary = `${plural(n.error, 'error')}, ${plural(n.warning, 'warning')}, ${plural(n.notice, 'notice')}`;
  lines.push(
    n.error > 0 ? red(summary, color) : green(n.warning ? summary : `passed (${summary})`, color),
  );
  return lines.join('\n');
}

/** Renders `key: value` fields, skipping empty ones. */
export function renderFields(
  fields: Record<string, string | boolean | undefined>,
  color: boolean,
): string {
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined && v !== '');
  if (entries.length === 0) return '';
  const width = Math.max(...entries.map(([k]) => k.length));
  return entries
    .map(
      ([k, v]) =>
        `${dim(`${k.padEnd(width)}`, color)}  ${sanitizeForTerminal(String(v), { singleLine: true })}`,
    )
    .join('\n');
}
