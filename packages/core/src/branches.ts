/**
 * Branch classification: which kind of the policy a branch name belongs to,
 * and what its pattern captured (ticket, version, release line).
 */
import type { BranchKind, Policy } from './config/schema.js';
import { measureEditDistance } from './config/did-you-mean.js';
import { quoteValue } from './text.js';
import {
  compilePattern,
  MAX_BRANCH_NAME_LENGTH,
  PatternError,
  type CompiledPattern,
  type PatternMatch,
} from './patterns.js';

const HEADS = 'refs/heads/';

/** The kind name reported for the mainline branch. */
export const MAINLINE_KIND = 'mainline';

/**
 * Turns a ref into a short branch name: `refs/heads/feature/x` becomes
 * `feature/x`. Anything else is returned unchanged: a short name stays as it
 * is, and a ref that is not a branch (`refs/tags/v1.2.3`, `refs/pull/1/merge`)
 * keeps its full `refs/...` form, so it matches no branch kind.
 */
export function normalizeBranchName(ref: string): string {
  return ref.startsWith(HEADS) ? ref.slice(HEADS.length) : ref;
}

/**
 * Quotes an untrusted branch name for a message with {@link quoteValue}, so
 * control characters and workflow-command text show as inert data; branch
 * names get up to `max` characters (120 by default) before the cut.
 */
export function quoteBranchName(name: string, max = 120): string {
  return quoteValue(name, max);
}

/** The longest description a message shows; longer ones are cut. */
const MAX_DESCRIPTION_LENGTH = 120;

/** How {@link describeBranchKind} names a kind. */
export interface BranchKindWording {
  /** The word after the kind's name: `release branch` (the default), `release branches`, or `release` alone. */
  noun?: 'branch' | 'branches' | 'none';
  /** A branch name of the kind, shown after the description as `e.g. "release/1.4"`. */
  example?: string;
}

/**
 * Names a branch kind for a message or the job summary, with the kind's
 * `description` from the policy when it has one:
 * `release branch (Release lines, cut from main)`, or `release branch` without
 * a description. With `noun: 'branches'` and `example`:
 * `release branches (Release lines, cut from main; e.g. "release/1.4")`.
 * The description is shown as written, on one line (whitespace runs become
 * one space) and cut to 120 characters. A name that is not a kind of the
 * policy (the `mainline` keyword included) has no description.
 */
export function describeBranchKind(
  kind: string,
  policy: Policy,
  wording: BranchKindWording = {},
): string {
  const { noun = 'branch' } = wording;
  const named = noun === 'none' ? kind : `${kind} ${noun}`;
  const own = Object.hasOwn(policy.branches.kinds, kind)
    ? policy.branches.kinds[kind]?.description
    : undefined;
  const text = own?.replace(/\s+/g, ' ').trim() ?? '';
  const details: string[] = [];
  if (text !== '') {
    details.push(
      text.length <= MAX_DESCRIPTION_LENGTH ? text : `${text.slice(0, MAX_DESCRIPTION_LENGTH)}…`,
    );
  }
  if (wording.example !== undefined) details.push(`e.g. ${JSON.stringify(wording.example)}`);
  return details.length === 0 ? named : `${named} (${details.join('; ')})`;
}

/** What a branch name is, according to the policy. */
export interface BranchClass {
  /** The short branch name (after {@link normalizeBranchName}). */
  name: string;
  /** The kind name, `mainline` for the mainline, undefined when nothing matched. */
  kind?: string;
  /** The pattern that matched. */
  pattern?: string;
  ticket?: string;
  slug?: string;
  /** `{version}`, or `{major}.{minor}.{patch}` when the pattern has all three. */
  version?: string;
  /** The release line: `release/1.4` -> {1,4}, `1.x` -> {1}, `hotfix/1.4.3` -> {1,4}. */
  line?: { major: number; minor?: number };
}

/** One kind of the policy with its compiled patterns (invalid patterns left out). */
export interface CompiledBranchKind {
  name: string;
  kind: BranchKind;
  patterns: CompiledPattern[];
}

/** A pattern of the policy that could not be compiled. */
export interface BranchPatternProblem {
  kind: string;
  /** Index into the kind's `patterns`. */
  index: number;
  error: PatternError;
}

/** The policy's branch kinds, compiled, plus every pattern that failed. */
export interface CompiledBranchKinds {
  kinds: CompiledBranchKind[];
  problems: BranchPatternProblem[];
}

const cache = new WeakMap<Policy, CompiledBranchKinds>();

/**
 * Compiles every pattern of the policy's branch kinds, in policy order.
 * Never throws: patterns that fail are reported in `problems` and skipped.
 * Cached per policy object, so treat policies as immutable.
 */
export function compileBranchKinds(policy: Policy): CompiledBranchKinds {
  const cached = cache.get(policy);
  if (cached) return cached;
  const options = { ticketKeys: policy.branches.ticketKeys };
  const result: CompiledBranchKinds = { kinds: [], problems: [] };
  for (const [name, kind] of Object.entries(policy.branches.kinds)) {
    const patterns: CompiledPattern[] = [];
    kind.patterns.forEach((source, index) => {
      try {
        patterns.push(compilePattern(source, options));
      } catch (error) {
        if (!(error instanceof PatternError)) throw error;
        result.problems.push({ kind: name, index, error });
      }
    });
    result.kinds.push({ name, kind, patterns });
  }
  cache.set(policy, result);
  return result;
}

function lineOf(match: PatternMatch): BranchClass['line'] {
  if (match.version !== undefined) {
    const [major, minor] = match.version.split('.').map(Number);
    return { major: major as number, minor: minor as number };
  }
  if (match.major === undefined) return undefined;
  return match.minor === undefined
    ? { major: match.major }
    : { major: match.major, minor: match.minor };
}

/**
 * Classifies a branch: the mainline (exact, case-sensitive name) is kind
 * `mainline`; otherwise kinds are tried in policy order and the first
 * matching pattern wins. No prefix or case-insensitive matching. When nothing
 * matches, only `name` is set.
 */
export function classifyBranch(name: string, policy: Policy): BranchClass {
  const short = normalizeBranchName(name);
  if (short === policy.mainline) return { name: short, kind: MAINLINE_KIND };
  for (const { name: kind, patterns } of compileBranchKinds(policy).kinds) {
    for (const pattern of patterns) {
      const match = pattern.match(short);
      if (!match) continue;
      const result: BranchClass = { name: short, kind, pattern: pattern.source };
      if (match.ticket !== undefined) result.ticket = match.ticket;
      if (match.slug !== undefined) result.slug = match.slug;
      if (match.version !== undefined) result.version = match.version;
      else if (
        match.major !== undefined &&
        match.minor !== undefined &&
        match.patch !== undefined
      ) {
        result.version = `${match.major}.${match.minor}.${match.patch}`;
      }
      const line = lineOf(match);
      if (line) result.line = line;
      return result;
    }
  }
  return { name: short };
}

/** A kind whose pattern a name almost fits, for "did you mean" hints. */
export interface NearBranchKind {
  kind: string;
  pattern: CompiledPattern;
  /** A corrected name that the pattern accepts, when a small prefix fix is enough. */
  suggestion?: string;
  /** True when the name already starts with the pattern's literal prefix. */
  samePrefix: boolean;
}

/** What could explain a name that matched nothing. */
export interface BranchNameAdvice {
  /** Set when the name is close to the mainline's name (edit distance or case). */
  mainline?: string;
  near: NearBranchKind[];
}

function allowedDistance(length: number): number {
  return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

/**
 * Finds what an unmatched name was probably meant to be: the mainline when
 * the name is a small edit away (`mai`, `Main`), and kinds whose literal
 * prefix the name starts with or nearly starts with (`featur/CHG-1-x` ->
 * `feature/CHG-1-x`). Names longer than the matching limit get no advice.
 */
export function adviseBranchName(name: string, policy: Policy): BranchNameAdvice {
  const short = normalizeBranchName(name);
  const advice: BranchNameAdvice = { near: [] };
  if (short.length > MAX_BRANCH_NAME_LENGTH) return advice;
  const { mainline } = policy;
  const toMainline = measureEditDistance(short, mainline);
  if (
    short !== mainline &&
    (toMainline <= allowedDistance(mainline.length) ||
      short.toLowerCase() === mainline.toLowerCase())
  ) {
    advice.mainline = mainline;
  }
  for (const { name: kind, patterns } of compileBranchKinds(policy).kinds) {
    for (const pattern of patterns) {
      const { prefix } = pattern;
      if (prefix.length === 0 || pattern.placeholders.length === 0) continue;
      if (short.startsWith(prefix)) {
        advice.near.push({ kind, pattern, samePrefix: true });
        continue;
      }
      let best = { distance: Infinity, cut: 0 };
      const low = Math.max(1, prefix.length - 2);
      const high = Math.min(short.length, prefix.length + 2);
      for (let cut = low; cut <= high; cut += 1) {
        const distance = measureEditDistance(short.slice(0, cut), prefix);
        if (distance < best.distance) best = { distance, cut };
      }
      if (best.distance > allowedDistance(prefix.length)) continue;
      const corrected = prefix + short.slice(best.cut);
      const near: NearBranchKind = { kind, pattern, samePrefix: false };
      if (pattern.match(corrected)) near.suggestion = corrected;
      advice.near.push(near);
    }
  }
  return advice;
}
