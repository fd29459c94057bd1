/**
 * The placeholders a branch pattern may use, with their descriptions. A leaf
 * module: both the pattern compiler and its automaton need the names.
 */

/** Every placeholder a pattern may use, in documentation order. */
export const PLACEHOLDERS = [
  'major',
  'minor',
  'patch',
  'version',
  'ticket',
  'slug',
  'rest',
] as const;
export type PlaceholderName = (typeof PLACEHOLDERS)[number];

/** One line per placeholder: what it accepts, with an example. */
export const PLACEHOLDER_DESCRIPTIONS: Readonly<Record<PlaceholderName, string>> = {
  major: '{major} is a whole number without leading zeros, e.g. "1"',
  minor: '{minor} is a whole number without leading zeros, e.g. "4"',
  patch: '{patch} is a whole number without leading zeros, e.g. "3"',
  version: '{version} is a SemVer version without "v", e.g. "1.4.3" or "2.0.0-rc.1"',
  ticket: '{ticket} is an upper-case key, a dash and a number, e.g. "CHG-1234"',
  slug: '{slug} is lower-case letters and digits in words joined by single "-", "." or "_", e.g. "add-login"',
  rest: '{rest} is any non-empty text allowed in a git branch name, e.g. "npm_and_yarn/semver-7.7.0"',
};
