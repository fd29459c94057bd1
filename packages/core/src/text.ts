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
