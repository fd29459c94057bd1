/**
 * Classifies the commits of a maintenance line against mainline: each one is
 * in mainline by the same patch, by a verified cherry-pick or by the same
 * pull request, exempt by the policy, or missing, with the evidence.
 */
import type { LineCommit, MainlineCommit, PatchFacts, PatchLineFacts } from '../../facts.js';
import { classifyBranch } from '../../branches.js';
import type { Policy } from '../../config/schema.js';
import type { PatchWaiver } from './section.js';

/** How a line's commit stands against mainline. */
export type PatchStatus = 'equivalent' | 'cherry-picked' | 'pr' | 'exempt' | 'missing';

/**
 * The maintenance lines to check among `branches` (local names, and
 * remote-tracking ones with their remote): those whose name, without a
 * remote, is of a kind `patches.kinds` lists; each line once, a local branch
 * rather than its remote-tracking copy, sorted by name.
 */
export function selectPatchLines(branches: readonly string[], policy: Policy): string[] {
  const kinds = new Set(policy.patches.kinds);
  const byShort = new Map<string, string>();
  const isLine = (name: string) => kinds.has(classifyBranch(name, policy).kind ?? '');
  for (const name of branches) {
    if (isLine(name)) {
      byShort.set(name, name);
      continue;
    }
    const slash = name.indexOf('/');
    const short = slash < 0 ? '' : name.slice(slash + 1);
    if (short !== '' && !byShort.has(short) && isLine(short)) byShort.set(short, name);
  }
  return [...byShort.values()].sort();
}

/**
 * Whether `check` compares the lines on this branch: a branch of one of the
 * policy's `patches.kinds` (release, maintenance, hotfix by default, by
 * whatever names the policy gives them) is a release of its line, which
 * must hold every patch shipped on the lines below it. False for any other
 * branch (a feature branch, the mainline).
 */
export function isPatchReleaseBranch(branch: string, policy: Policy): boolean {
  return policy.patches.kinds.includes(classifyBranch(branch, policy).kind ?? '');
}

/** -1, 0 or 1: `a`'s release line against `b`'s (a missing minor is below any minor). */
function compareLines(
  a: { major: number; minor?: number },
  b: { major: number; minor?: number },
): number {
  if (a.major !== b.major) return Math.sign(a.major - b.major);
  return Math.sign((a.minor ?? -1) - (b.minor ?? -1));
}

/**
 * The lines a release on `branch` must hold the patches of: the other
 * branches of its own release line (`release/3.5` for `3.5.x`) and those of
 * the release line right below it, the line whose next version this release
 * is ("every patch is merged into the next version"). Older lines are the
 * duty of the release above each of them, and a main-version release
 * (mainline, a main-version tag) compares every line, so a patch left on an
 * old line is still caught before the next main version; comparing 96 old
 * lines on every push of the newest one would not add to that. Lines above
 * the branch's (`3.6.x` ships after `release/3.5`) are never compared; a line
 * or branch without a version line always is. Pure.
 */
export function selectLinesBelow(
  lines: readonly string[],
  branch: string,
  policy: Policy,
): string[] {
  const own = classifyBranch(branch, policy);
  const kinds = new Set(policy.patches.kinds);
  const candidates = lines.flatMap((line) => {
    // A remote-tracking line (origin/3.5.x) is read by its name without the remote, as selectPatchLines found it.
    const local = classifyBranch(line, policy);
    const other = kinds.has(local.kind ?? '')
      ? local
      : classifyBranch(line.slice(line.indexOf('/') + 1), policy);
    if (other.name === own.name) return [];
    if (
      own.line !== undefined &&
      other.line !== undefined &&
      compareLines(other.line, own.line) > 0
    )
      return [];
    return [{ line, version: other.line }];
  });
  if (own.line === undefined) return candidates.map((c) => c.line);
  const ownLine = own.line;
  const below = candidates.flatMap((c) =>
    c.version !== undefined && compareLines(c.version, ownLine) < 0 ? [c.version] : [],
  );
  const nearest = below.reduce<(typeof below)[number] | undefined>(
    (best, version) => (best === undefined || compareLines(version, best) > 0 ? version : best),
    undefined,
  );
  return candidates
    .filter(
      (c) =>
        c.version === undefined ||
        compareLines(c.version, ownLine) === 0 ||
        (nearest !== undefined && compareLines(c.version, nearest) === 0),
    )
    .map((c) => c.line);
}

/** Why a commit has its status. */
export type PatchEvidence =
  | { kind: 'patch-id'; context: 'full' | 'zero'; mainline: string }
  | { kind: 'cherry-pick'; from: string }
  | { kind: 'unverified-cherry-pick'; from: string }
  | { kind: 'pull-request'; number: number; mainline: string }
  | { kind: 'exemption'; pattern: string }
  | { kind: 'waiver'; approvedBy: string; reason: string; until: string };

/** One classified commit. */
export interface ClassifiedCommit {
  sha: string;
  subject: string;
  status: PatchStatus;
  /** The evidence, strongest first; a missing commit may carry unverified evidence. */
  evidence: PatchEvidence[];
}

/** One classified line. */
export interface ClassifiedLine {
  line: string;
  base: string;
  commits: ClassifiedCommit[];
}

const CHERRY_PICK_LINE = /^\(cherry picked from commit ([0-9a-f]{40})\)$/;

/** The commits a message says it was cherry-picked from (`git cherry-pick -x` lines), in order. */
export function readCherryPickSources(message: string): string[] {
  const sources: string[] = [];
  for (const line of message.split('\n')) {
    const match = CHERRY_PICK_LINE.exec(line.trim());
    if (match?.[1] !== undefined) sources.push(match[1]);
  }
  return sources;
}

const SQUASH_NUMBER = /\(#([1-9][0-9]{0,9})\)\s*$/;
const MERGE_NUMBER = /^Merge pull request #([1-9][0-9]{0,9}) from /;

/**
 * The pull request number a subject names: GitHub's squash subject
 * (`Fix it (#123)`) or merge subject (`Merge pull request #123 from …`).
 */
export function readPullRequestNumber(subject: string): number | undefined {
  const match = SQUASH_NUMBER.exec(subject) ?? MERGE_NUMBER.exec(subject);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * True when `subject` matches an exemption pattern: without `*` the subject
 * starts with the pattern; with `*` (any text) the pattern covers the whole
 * subject. The pattern is compared as text, never compiled to a RegExp.
 */
export function matchSubjectPattern(pattern: string, subject: string): boolean {
  if (!pattern.includes('*')) return subject.startsWith(pattern);
  const parts = pattern.split('*');
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (!subject.startsWith(first)) return false;
  let at = first.length;
  for (const part of parts.slice(1, -1)) {
    const found = subject.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return subject.length - last.length >= at && subject.endsWith(last);
}

/** True when the waiver still holds on `now`: through the end of its `until` day, UTC. */
export function isWaiverActive(waiver: PatchWaiver, now: Date): boolean {
  return now.getTime() < Date.parse(`${waiver.until}T00:00:00Z`) + 86_400_000;
}

/** The waiver naming `sha` (full or by prefix), if any. */
export function findWaiver(waivers: readonly PatchWaiver[], sha: string): PatchWaiver | undefined {
  return waivers.find((w) => sha.startsWith(w.commit));
}

interface MainlineIndex {
  full: Map<string, string>;
  zero: Map<string, string>;
  pulls: Map<number, string>;
}

const indexes = new WeakMap<readonly MainlineCommit[], MainlineIndex>();

/** Mainline's patch ids and pull request numbers, cached by the facts' identity. */
function indexMainline(commits: readonly MainlineCommit[]): MainlineIndex {
  const cached = indexes.get(commits);
  if (cached) return cached;
  const index: MainlineIndex = { full: new Map(), zero: new Map(), pulls: new Map() };
  for (const commit of commits) {
    if (commit.patchId !== undefined) index.full.set(commit.patchId, commit.sha);
    if (commit.zeroContextPatchId !== undefined)
      index.zero.set(commit.zeroContextPatchId, commit.sha);
    const number = readPullRequestNumber(commit.subject);
    if (number !== undefined) index.pulls.set(number, commit.sha);
  }
  indexes.set(commits, index);
  return index;
}

/** The evidence that mainline holds the commit, strongest first; empty when none. */
function findMainlineEvidence(commit: LineCommit, index: MainlineIndex): PatchEvidence[] {
  const evidence: PatchEvidence[] = [];
  const full = commit.patchId === undefined ? undefined : index.full.get(commit.patchId);
  if (full !== undefined) evidence.push({ kind: 'patch-id', context: 'full', mainline: full });
  const zero =
    commit.zeroContextPatchId === undefined ? undefined : index.zero.get(commit.zeroContextPatchId);
  if (full === undefined && zero !== undefined) {
    evidence.push({ kind: 'patch-id', context: 'zero', mainline: zero });
  }
  for (const pick of commit.pickedFrom ?? []) {
    evidence.push({
      kind: pick.inMainline ? 'cherry-pick' : 'unverified-cherry-pick',
      from: pick.sha,
    });
  }
  const number = readPullRequestNumber(commit.subject);
  const pull = number === undefined ? undefined : index.pulls.get(number);
  if (number !== undefined && pull !== undefined) {
    evidence.push({ kind: 'pull-request', number, mainline: pull });
  }
  return evidence;
}

/** The status the strongest trusted evidence gives; undefined when nothing shows the commit in mainline. */
function readStatus(evidence: readonly PatchEvidence[]): PatchStatus | undefined {
  if (evidence.some((e) => e.kind === 'patch-id')) return 'equivalent';
  if (evidence.some((e) => e.kind === 'cherry-pick')) return 'cherry-picked';
  if (evidence.some((e) => e.kind === 'pull-request')) return 'pr';
  return undefined;
}

/** Classifies one commit of a line. */
function classifyCommit(
  commit: LineCommit,
  index: MainlineIndex,
  policy: Policy,
  now: Date,
): ClassifiedCommit {
  const found = findMainlineEvidence(commit, index);
  const base = { sha: commit.sha, subject: commit.subject };
  const status = readStatus(found);
  if (status !== undefined) return { ...base, status, evidence: found };
  const pattern = policy.patches.exempt.find((p) => matchSubjectPattern(p, commit.subject));
  if (pattern !== undefined) {
    return { ...base, status: 'exempt', evidence: [{ kind: 'exemption', pattern }, ...found] };
  }
  const waiver = findWaiver(policy.patches.waivers, commit.sha);
  if (waiver !== undefined && isWaiverActive(waiver, now)) {
    return {
      ...base,
      status: 'exempt',
      evidence: [
        {
          kind: 'waiver',
          approvedBy: waiver.approvedBy,
          reason: waiver.reason,
          until: waiver.until,
        },
        ...found,
      ],
    };
  }
  return { ...base, status: 'missing', evidence: found };
}

/** Classifies every line-only commit of one line, newest first. */
export function classifyLine(line: PatchLineFacts, policy: Policy, now: Date): ClassifiedLine {
  const index = indexMainline(line.mainline);
  return {
    line: line.line,
    base: line.base,
    commits: line.commits.map((commit) => classifyCommit(commit, index, policy, now)),
  };
}

/**
 * Classifies the commits of every line in the facts, with evidence: the
 * same patch id (with or without context) in mainline since the merge base,
 * a cherry-pick from a mainline commit, the same pull request merged into
 * mainline, an exemption or an active waiver of the policy, else missing.
 */
export function classifyLineCommits(
  facts: PatchFacts,
  policy: Policy,
  now: Date,
): ClassifiedLine[] {
  return facts.lines.map((line) => classifyLine(line, policy, now));
}
