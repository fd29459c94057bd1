import { countFindings, type Finding } from '@release-policy/core';

const paint = (code: string) => (text: string, on: boolean) =>
  on ? `\u001b[${code}m${text}\u001b[0m` : text;
const red = paint('31');
const yellow = paint('33');
const blue = paint('34');
const dim = paint('2');
const green = paint('32');

const symbols = { error: '✖', warning: '⚠', notice: 'ℹ' } as const;

/** Replaces control characters so untrusted text cannot move the cursor or fake lines. */
export function sanitizeForTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) =>
    c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Renders findings for a person: one block per finding, then a count line. */
export function renderFindings(findings: readonly Finding[], color: boolean): string {
  const lines: string[] = [];
  for (const f of findings) {
    const colour = f.severity === 'error' ? red : f.severity === 'warning' ? yellow : blue;
    const where = f.file
      ? `${f.file}${f.line ? `:${f.line}${f.column ? `:${f.column}` : ''}` : ''}: `
      : '';
    lines.push(
      `${colour(symbols[f.severity], color)} ${where}${sanitizeForTerminal(f.message)} ${dim(`[${f.rule}]`, color)}`,
    );
    if (f.hint) lines.push(`    ${dim('fix:', color)} ${sanitizeForTerminal(f.hint)}`);
    if (f.docs) lines.push(`    ${dim('docs:', color)} ${f.docs}`);
  }
  const n = countFindings(findings);
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
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
    .map(([k, v]) => `${dim(`${k.padEnd(width)}`, color)}  ${sanitizeForTerminal(String(v))}`)
    .join('\n');
}
