/**
 * The one home of the small text helpers every message uses: quoting an
 * offending value, cutting long text and counting things in words. The
 * GitHub adapter, the git adapter and the CLI import these rather than
 * keeping their own.
 */

/** How many characters a quoted value shows by default. */
export const MAX_QUOTED_LENGTH = 80;

/**
 * Shortens `text` to at most `max` characters, ending with `…` when cut.
 * Never splits a surrogate pair.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, Math.max(0, max));
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * Quotes a value for a message: its JSON text, so control characters and
 * markup show as inert data, cut to `max` characters with `…` (the cut
 * drops the closing quote, which shows the value goes on). `undefined`
 * prints as `nothing`.
 */
export function quoteValue(value: unknown, max = MAX_QUOTED_LENGTH): string {
  let text: string;
  try {
    text = value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
  } catch {
    // A value JSON cannot show (a cycle, a BigInt) still gets a readable form.
    text = String(value);
  }
  return truncateText(text, max);
}

/** Counts things in words: `1 error`, `2 errors`, `0 notices`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * Quotes one argument of a command we print for people to paste into a POSIX
 * shell: a plain word (letters, digits and `@%+=:,./_-`) stays as it is;
 * anything else is wrapped in single quotes, each `'` written as `'\''`, so
 * `x;touch${IFS}FILE` prints as `'x;touch${IFS}FILE'` and runs nothing.
 */
export function quoteShellArgument(value: string): string {
  if (/^[A-Za-z0-9@%+=:,./_-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

// Characters that change how text reads without showing themselves: C0 and C1
// controls and DEL (cursor moves, colours, fake lines), NEL and the line and
// paragraph separators (line breaks some readers honour), bidirectional
// controls (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C: reorder text) and
// zero-width characters (U+200B–U+200D, U+2060–U+2064, U+FEFF: hide text).
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// The same plus line feed and tab, for values that must stay on one line.
const INVISIBLE_INLINE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\r': '\\r', '\n': '\\n', '\t': '\\t' };

function escapeCharacter(c: string): string {
  return NAMED_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * The one escaping policy for untrusted text in every output (terminal, job
 * log, annotations, job summary, pull-request comment): each control,
 * separator, bidirectional or zero-width character becomes a visible escape
 * (`\r`, `\n`, `\t`, else `\uXXXX`, e.g. U+202E → `\u202e`), so text can
 * neither reorder itself, fake a line nor hide a part. Line feeds and tabs
 * are kept unless `singleLine` is set (a branch name or path must never span
 * lines). The escapes are valid JSON escapes, so JSON text stays JSON.
 */
export function escapeInvisible(text: string, options: { singleLine?: boolean } = {}): string {
  return text.replace(options.singleLine ? INVISIBLE_INLINE : INVISIBLE, escapeCharacter);
}

/*
 * A GitHub Actions runner reads every line a step prints (stdout and stderr)
 * as a possible workflow command: a line whose text, after leading white
 * space, starts with `::` (`::error::x`, `::add-mask::x`,
 * `::stop-commands::t`), and the legacy form `##[name]` anywhere in a line.
 * It splits lines on LF, CR and CRLF. Untrusted text (branch names, titles,
 * commit messages, file contents) must never reach a step's output in either
 * shape, whether an action prints it to the job log or the CLI runs in a
 * `run:` step.
 *
 * Text like `%0A` stays literal in a plain line: the runner decodes `%`
 * escapes only inside a command.
 */

// What the runner trims before it looks for `::`: .NET's white space, which
// is JavaScript's plus NEL (U+0085).
const LEADING_SPACE = /^[\s\u0085]*/;
const LINE_BREAKS = /(\r\n|\r|\n)/;

/** One line (no line breaks): a leading `::` gets a `\` before it, `##[` becomes `#\#[`. */
function neutralizeCommandLine(line: string): string {
  const out = line.replace(/##\[/g, '#\\#[');
  const lead = LEADING_SPACE.exec(out)?.[0].length ?? 0;
  return out.startsWith('::', lead) ? `${out.slice(0, lead)}\\${out.slice(lead)}` : out;
}

/**
 * Makes one line of untrusted text safe for a job log: invisible characters
 * become visible escapes ({@link escapeInvisible}, e.g. `\u001b`; ANSI
 * sequences could hide text), a leading `::` (after white space) gets a `\`
 * before it, and `##[` becomes `#\#[`. The input must not contain line
 * breaks (split it first, as the GitHub adapter's `formatLogData` does).
 */
export function neutralizeLogLine(line: string): string {
  return neutralizeCommandLine(escapeInvisible(line));
}

/**
 * Makes text safe to print in a workflow step without changing anything
 * else: on every line (LF, CR and CRLF each start one, and are kept as they
 * are) a leading `::` after white space gets a `\` before it and `##[`
 * becomes `#\#[`, so no line can be read as a workflow command. Colour codes
 * and other characters are left alone: the CLI's output boundary uses this
 * on text it has already rendered and sanitized ({@link escapeInvisible}).
 */
export function neutralizeWorkflowCommands(text: string): string {
  return text
    .split(LINE_BREAKS)
    .map((part, index) => (index % 2 === 1 ? part : neutralizeCommandLine(part)))
    .join('');
}
