/**
 * Text constants of this package. Quoting, cutting and plurals live in
 * `@release-policy/core` (`quoteValue`, `truncateText`, `plural`).
 */

/** Where this package's documentation lives, relative to the repository root. */
export const ACTIONS_DOCS = 'docs/actions.md';
