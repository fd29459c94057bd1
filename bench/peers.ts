/**
 * The named peers the core is measured against: a hand-written anchored
 * RegExp set for the default branch kinds ("naive RegExp"), a deliberately
 * backtracking-prone variant for contrast, and a configured
 * `conventional-commits-parser`.
 */
import { CommitParser } from 'conventional-commits-parser';

/** What a branch peer reports: the kind and the captures our classifier also reports. */
export interface PeerBranchClass {
  kind?: string;
  ticket?: string;
  slug?: string;
  version?: string;
}

const INT = '(?:0|[1-9][0-9]{0,8})';
const TICKET = '([A-Z][A-Z0-9]{0,19}-[1-9][0-9]{0,9})';
const SLUG = '([a-z0-9]+(?:[-._][a-z0-9]+)*)';
const IDS = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*';
// Any character git allows in a ref: not a control, space, DEL, ~ ^ : ? * [ or \.
const REST = '[^\\u0000-\\u0020\\u007f~^:?*[\\\\]+';

/** One kind of the default policy as anchored regular expressions, in policy order. */
interface RegexKind {
  kind: string;
  patterns: RegExp[];
  /** Which capture group holds what. */
  groups: Partial<Record<'ticket' | 'slug' | 'version', number>>;
}

/**
 * The default policy's kinds, written by hand as anchored RegExps: what a
 * team would write without this project's pattern compiler. Kept equivalent
 * to `classifyBranch(name, defaultPolicy())` on kind, ticket, slug and
 * version (the bench checks agreement on every input before timing).
 */
export const NAIVE_BRANCH_REGEXES: readonly RegexKind[] = [
  {
    kind: 'feature',
    patterns: [new RegExp(`^feature/${TICKET}-${SLUG}$`), new RegExp(`^feat/${TICKET}-${SLUG}$`)],
    groups: { ticket: 1, slug: 2 },
  },
  {
    kind: 'fix',
    patterns: [new RegExp(`^fix/${TICKET}-${SLUG}$`)],
    groups: { ticket: 1, slug: 2 },
  },
  { kind: 'release', patterns: [new RegExp(`^release/${INT}\\.${INT}$`)], groups: {} },
  {
    kind: 'maintenance',
    patterns: [new RegExp(`^${INT}\\.${INT}\\.x$`), new RegExp(`^${INT}\\.x$`)],
    groups: {},
  },
  {
    kind: 'hotfix',
    patterns: [new RegExp(`^hotfix/(${INT}\\.${INT}\\.${INT}(?:-${IDS})?(?:\\+${IDS})?)$`)],
    groups: { version: 1 },
  },
  {
    kind: 'bot',
    patterns: [new RegExp(`^dependabot/${REST}$`), new RegExp(`^renovate/${REST}$`)],
    groups: {},
  },
];

/** Names longer than this match no kind, as in the core. */
const MAX_LENGTH = 255;

/**
 * Classifies a branch with the naive RegExp set: strips `refs/heads/`, the
 * mainline `main` is `mainline`, otherwise the first matching kind wins.
 */
export function classifyWithRegExps(
  name: string,
  kinds: readonly RegexKind[] = NAIVE_BRANCH_REGEXES,
): PeerBranchClass {
  const short = name.startsWith('refs/heads/') ? name.slice('refs/heads/'.length) : name;
  if (short === 'main') return { kind: 'mainline' };
  if (short.length > MAX_LENGTH) return {};
  for (const { kind, patterns, groups } of kinds) {
    for (const pattern of patterns) {
      const m = pattern.exec(short);
      if (!m) continue;
      const result: PeerBranchClass = { kind };
      for (const [key, index] of Object.entries(groups) as [keyof PeerBranchClass, number][]) {
        const value = m[index];
        if (value !== undefined) result[key] = value;
      }
      return result;
    }
  }
  return {};
}

/**
 * A backtracking-prone way people write the feature pattern: the slug as
 * `(?:[a-z0-9]+-?)+`, nested quantifiers that try exponentially many splits
 * of a long run of letters before failing. Shown for contrast only.
 */
export const LOOSE_FEATURE_REGEXP = /^feature\/[A-Z][A-Z0-9]*-[0-9]+-(?:[a-z0-9]+-?)+$/;

/** What the commit peer reports, reduced to what our parser also reports. */
export interface PeerCommit {
  type: string;
  breaking: boolean;
}

/**
 * A `conventional-commits-parser` configured like the Conventional Commits
 * preset: headers with an optional `!`, and `BREAKING CHANGE:` /
 * `BREAKING-CHANGE:` notes. It also extracts body, footer, notes, references
 * and mentions, which our parser does not: it does more work per message.
 */
export function createCommitPeer(): (message: string) => PeerCommit | undefined {
  const parser = new CommitParser({
    headerPattern: /^(\w*)(?:\((.*)\))?!?: (.*)$/,
    breakingHeaderPattern: /^(\w*)(?:\((.*)\))?!: (.*)$/,
    headerCorrespondence: ['type', 'scope', 'subject'],
    noteKeywords: ['BREAKING CHANGE', 'BREAKING-CHANGE'],
  });
  return (message) => {
    const commit = parser.parse(message);
    const type = commit.type;
    if (typeof type !== 'string' || type === '') return undefined;
    return {
      type: type.toLowerCase(),
      breaking: commit.notes.some((n) => /^BREAKING[ -]CHANGE$/.test(n.title)),
    };
  };
}
