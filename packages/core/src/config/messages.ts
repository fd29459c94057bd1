/**
 * Small helpers shared by the policy loader's messages: describing offending
 * values, printing key paths and pointing at the right documentation section.
 */
import { POLICY_DOCS } from './schema.js';
import { MAX_QUOTED_LENGTH, quoteValue } from '../text.js';

/** One step of a path into the policy: a mapping key or a list index. */
export type PathSegment = string | number;

/**
 * Describes what kind of YAML value was given, quoted and cut to `max`
 * characters (the default of `quoteValue` when absent), e.g. `the number 2024`.
 */
export function describeValue(value: unknown, max?: number): string {
  if (value === null || value === undefined) return 'empty (null)';
  if (Array.isArray(value)) return `a list ${quoteValue(value, max)}`;
  switch (typeof value) {
    case 'string':
      return `the string ${quoteValue(value, max)}`;
    case 'number':
      return `the number ${quoteValue(value, max)}`;
    case 'boolean':
      return `the boolean ${String(value)}`;
    case 'object':
      return `a mapping ${quoteValue(value, max)}`;
    default:
      return quoteValue(value, max);
  }
}

const plainKey = /^[A-Za-z0-9_-]+$/;

/**
 * Prints a path the way messages show it:
 * `branches.kinds.feature.patterns[0]`; odd or long keys are JSON-quoted (and
 * truncated) in brackets.
 * The empty path prints as `(top level)`.
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (plainKey.test(segment) && segment.length <= MAX_QUOTED_LENGTH) {
      out += out === '' ? segment : `.${segment}`;
    } else out += `[${escapeFormatCharacters(quoteValue(segment))}]`;
  }
  return out === '' ? '(top level)' : out;
}

/**
 * Writes format characters (Unicode Cf: zero-width, bidirectional controls)
 * as `\uXXXX`, so that a quoted name shows what it holds.
 */
export function escapeFormatCharacters(text: string): string {
  return text.replace(
    /\p{Cf}/gu,
    (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

const sectionAnchors: Record<string, string> = {
  requires: 'requires',
  mainline: 'mainline',
  branches: 'branches',
  versioning: 'versioning',
  commits: 'commits',
  rules: 'rules',
  documents: 'documents',
  'change-request': 'change-request',
  patches: 'patches',
  environments: 'environments',
};

/** The documentation anchor for a path: its top-level section, or `sections`. */
export function anchorFor(path: readonly PathSegment[]): string {
  const top = path[0];
  return typeof top === 'string' && Object.hasOwn(sectionAnchors, top)
    ? sectionAnchors[top]!
    : 'sections';
}

/** The closing sentence of every message: `See docs/policy.md#<anchor>.` */
export function seeDocs(anchor: string): string {
  return `See ${POLICY_DOCS}#${anchor}.`;
}
