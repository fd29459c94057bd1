import type { Bump, Policy } from './config/schema.js';
import { BUMPS } from './config/constants.js';
import type { CommitFacts } from './facts.js';

/** A commit header in the Conventional Commits form, plus its breaking-change marker. */
export interface ConventionalCommit {
  /** The type, lower-cased (`feat`, `fix`, ...). Types are case-insensitive in the spec. */
  type: string;
  /** The text between the parentheses, when there is a scope. */
  scope?: string;
  /** True for `type!:` or a `BREAKING CHANGE:` / `BREAKING-CHANGE:` footer. */
  breaking: boolean;
  /** The header text after `: `, trimmed. */
  subject: string;
}

/** One commit that contributes to the implied bump. */
export interface ImpliedBumpReason {
  sha: string;
  /** The commit's first line, as written. */
  subject: string;
  /** The Conventional Commits type, lower-cased. */
  type: string;
  /** The bump this commit implies on its own. */
  bump: Bump;
  /** True when the commit is marked as a breaking change. */
  breaking: boolean;
}

/** What the commits since the previous release call for. */
export interface ImpliedBump {
  /** The strongest bump any commit implies; `none` when no commit releases anything. */
  bump: Bump;
  /** The commits that imply `bump` (all of them, in the order given); empty for `none`. */
  reasons: readonly ImpliedBumpReason[];
  /** How many commits were not Conventional Commits (merge commits included) and were ignored. */
  ignored: number;
}

const BREAKING_FOOTERS = ['BREAKING CHANGE:', 'BREAKING-CHANGE:'];

/** Letters, digits and `-`, starting with a letter: the type and its case-insensitive spelling. */
function isTypeChar(c: string, first: boolean): boolean {
  const code = c.charCodeAt(0);
  const letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (first) return letter;
  return letter || (code >= 48 && code <= 57) || c === '-';
}

/** Splits off the first line, accepting `\n` and `\r\n` endings. */
function firstLine(message: string): { header: string; rest: string } {
  const nl = message.indexOf('\n');
  const raw = nl === -1 ? message : message.slice(0, nl);
  const header = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  return { header, rest: nl === -1 ? '' : message.slice(nl + 1) };
}

/** Parses `type(scope)!: subject` by hand, in one pass. */
function parseHeader(
  header: string,
): (Omit<ConventionalCommit, 'breaking'> & { bang: boolean }) | undefined {
  let i = 0;
  while (i < header.length && isTypeChar(header[i] as string, i === 0)) i += 1;
  if (i === 0) return undefined;
  const type = header.slice(0, i).toLowerCase();
  let scope: string | undefined;
  if (header[i] === '(') {
    const close = header.indexOf(')', i + 1);
    if (close === -1) return undefined;
    scope = header.slice(i + 1, close).trim();
    if (scope === '' || scope.includes('(')) return undefined;
    i = close + 1;
  }
  const bang = header[i] === '!';
  if (bang) i += 1;
  if (header[i] !== ':' || header[i + 1] !== ' ') return undefined;
  const subject = header.slice(i + 2).trim();
  if (subject === '') return undefined;
  return scope === undefined ? { type, subject, bang } : { type, scope, subject, bang };
}

/** True when a line after the header is a breaking-change footer. */
function hasBreakingFooter(body: string): boolean {
  // Most bodies hold no token anywhere: one native search each rules them out.
  if (!BREAKING_FOOTERS.some((token) => body.includes(token))) return false;
  let start = 0;
  while (start <= body.length) {
    // Compared in place (no line copied): a token holds no line break, so it cannot run past the line.
    for (const token of BREAKING_FOOTERS) if (body.startsWith(token, start)) return true;
    const nl = body.indexOf('\n', start);
    if (nl === -1) break;
    start = nl + 1;
  }
  return false;
}

/**
 * Parses a commit message as a Conventional Commit: header
 * `type(scope)!: subject`, and a `BREAKING CHANGE:` or `BREAKING-CHANGE:`
 * footer (upper case, at the start of a line after the header).
 *
 * Returns `undefined` for merge commits (`Merge ...`), git reverts
 * (`Revert "..."`) and any header that is not in the form. Linear in the
 * message length; `\r\n` line endings are accepted.
 */
export function parseConventionalCommit(message: string): ConventionalCommit | undefined {
  const { header, rest } = firstLine(message);
  if (header.startsWith('Merge ') || header.startsWith('Revert "')) return undefined;
  const parsed = parseHeader(header);
  if (!parsed) return undefined;
  const breaking = parsed.bang || hasBreakingFooter(rest);
  const result: ConventionalCommit = { type: parsed.type, breaking, subject: parsed.subject };
  if (parsed.scope !== undefined) result.scope = parsed.scope;
  return result;
}

/** Returns the stronger of two bumps (`major` > `minor` > `patch` > `none`). */
export function maxBump(a: Bump, b: Bump): Bump {
  return BUMPS.indexOf(a) >= BUMPS.indexOf(b) ? a : b;
}

/** Compares bumps: negative when `a` is weaker than `b`, 0 when equal, positive when stronger. */
export function compareBumps(a: Bump, b: Bump): number {
  return BUMPS.indexOf(a) - BUMPS.indexOf(b);
}

const implications = new WeakMap<readonly CommitFacts[], WeakMap<Policy, ImpliedBump>>();

/**
 * Computes the bump the commits imply under the policy: each commit's type
 * maps through `commits.types` (unknown types imply `none`), a breaking
 * change implies `commits.breaking`, and the strongest wins. The answer is
 * kept per commit list and policy (a `check` asks once per version rule)
 * and frozen, so no caller can change what the next one reads.
 */
export function computeImpliedBump(commits: readonly CommitFacts[], policy: Policy): ImpliedBump {
  const byPolicy = implications.get(commits) ?? new WeakMap<Policy, ImpliedBump>();
  implications.set(commits, byPolicy);
  const known = byPolicy.get(policy);
  if (known !== undefined) return known;
  const implied = scanImpliedBump(commits, policy);
  byPolicy.set(policy, implied);
  return implied;
}

/** One pass over the commits for {@link computeImpliedBump}. */
function scanImpliedBump(commits: readonly CommitFacts[], policy: Policy): ImpliedBump {
  let bump: Bump = 'none';
  let ignored = 0;
  // Only the commits at the strongest bump so far are kept: a stronger one starts the list again.
  let reasons: ImpliedBumpReason[] = [];
  for (const commit of commits) {
    const parsed = parseConventionalCommit(commit.message);
    if (!parsed) {
      ignored += 1;
      continue;
    }
    const byType = Object.hasOwn(policy.commits.types, parsed.type)
      ? (policy.commits.types[parsed.type] as Bump)
      : 'none';
    const own = parsed.breaking ? maxBump(byType, policy.commits.breaking) : byType;
    if (own === 'none') continue;
    const stronger = compareBumps(own, bump);
    if (stronger < 0) continue;
    if (stronger > 0) {
      bump = own;
      reasons = [];
    }
    reasons.push({
      sha: commit.sha,
      subject: firstLine(commit.message).header,
      type: parsed.type,
      bump: own,
      breaking: parsed.breaking,
    });
  }
  return Object.freeze({
    bump,
    reasons: Object.freeze(reasons.map((r) => Object.freeze(r))),
    ignored,
  });
}
