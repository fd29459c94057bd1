/** Small text helpers shared by messages, logs and renderers. */

/** Where this package's documentation lives, relative to the repository root. */
export const ACTIONS_DOCS = 'docs/actions.md';

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

/** JSON-quotes a value for a message, truncated when long: `"feature/x"`. */
export function quoteValue(value: string, max = 120): string {
  return JSON.stringify(truncateText(value, max));
}
