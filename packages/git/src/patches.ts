/**
 * Gathers the patch facts: for each maintenance line, the commits it has
 * that mainline lacks, mainline's commits since their merge base, and the
 * patch ids of both sides, read in batches (one `git log` and one patch-id
 * stream per side and mode, never one git per commit). Mainline's patch ids
 * are read once for the widest range and reused for every line whose range
 * it covers: a commit's patch id does not depend on the range it is read in.
 */
import {
  quoteBranchName,
  readCherryPickSources,
  ReleasePolicyError,
  selectPatchLines,
  type LineCommit,
  type MainlineCommit,
  type PatchFacts,
  type PatchLineFacts,
  type Policy,
} from '@release-policy/core';
import { GitError } from './errors.js';
import type { Git } from './git.js';

/** What {@link gatherPatchFacts} compares. */
export interface GatherPatchFactsInput {
  git: Git;
  policy: Policy;
  /** The mainline branch; the policy's `mainline` when absent. */
  mainline?: string;
  /**
   * The commit that stands for mainline, e.g. `HEAD` on a release pull
   * request into mainline (its test merge: the next main version); the
   * mainline branch when absent.
   */
  mainlineRevision?: string;
  /** The lines to check; the branches of the policy's `patches.kinds` when absent. */
  lines?: readonly string[];
  /** When the facts are gathered (the run's clock, passed in). */
  now: Date;
}

/** A maintenance line or the mainline cannot be compared: named wrong, or unrelated. */
export class PatchLineError extends ReleasePolicyError {}

/**
 * Compares each maintenance line with mainline.
 *
 * @throws PatchLineError for a line or mainline that does not exist, a line
 *   that is the mainline, or a line whose history shares nothing with mainline
 * @throws GitError when git fails otherwise
 */
export async function gatherPatchFacts(input: GatherPatchFactsInput): Promise<PatchFacts> {
  const { git, policy } = input;
  const mainline = input.mainline ?? policy.mainline;
  const mainlineSha =
    input.mainlineRevision === undefined
      ? await resolveMainline(git, mainline)
      : await git.revParse(input.mainlineRevision);
  const lines = input.lines ?? selectPatchLines(await git.listBranches(), policy);
  const collected: CollectedLine[] = [];
  for (const line of lines) collected.push(await collectLine(git, mainline, mainlineSha, line));
  const gatheredLines = await addLinePatchIds(git, collected);
  const facts: PatchLineFacts[] = [];
  let ancestors: Set<string> | undefined;
  for (const gathered of gatheredLines) {
    const sources = gathered.commits.flatMap((c) => readCherryPickSources(c.message));
    // One rev-list of mainline, only when some commit claims to be a pick.
    if (sources.length > 0 && ancestors === undefined) {
      ancestors = new Set(await git.listCommits({ to: mainlineSha }));
    }
    facts.push(ancestors === undefined ? gathered : markPicks(gathered, ancestors));
  }
  return { mainline, lines: facts, checkedAt: input.now.toISOString() };
}

/**
 * Mainline's commit: the branch, else its `origin/` remote-tracking branch (a CI clone).
 * @throws PatchLineError when neither exists
 */
export async function resolveMainline(git: Git, mainline: string): Promise<string> {
  for (const name of [mainline, `origin/${mainline}`]) {
    const sha = await resolveOptional(git, name);
    if (sha !== undefined) return sha;
  }
  throw new PatchLineError(
    `The mainline ${quoteBranchName(mainline)} is not a branch of this clone (nor origin/${mainline}). ` +
      `Fetch it, e.g. git fetch origin ${mainline}, or name the mainline, e.g. --mainline main.`,
  );
}

/** The commit a revision names; undefined when there is no such revision. */
async function resolveOptional(git: Git, rev: string): Promise<string | undefined> {
  try {
    return await git.revParse(rev);
  } catch (error) {
    if (error instanceof GitError && error.kind === 'unknown-revision') return undefined;
    throw error;
  }
}

/** One line's commits and mainline's since their merge base, before any patch id is read. */
interface CollectedLine {
  line: string;
  base: string;
  lineRange: { from: string; to: string };
  mainlineRange: { from: string; to: string };
  lineOnly: LineCommit[];
  /** Mainline's messages are not needed: only subjects (pull request numbers) and ids. */
  sinceBase: MainlineCommit[];
}

/** One line's commits and mainline's since the merge base (no diffs yet). */
async function collectLine(
  git: Git,
  mainline: string,
  mainlineSha: string,
  line: string,
): Promise<CollectedLine> {
  if (line === mainline) {
    throw new PatchLineError(
      `The line ${quoteBranchName(line)} is the mainline itself; name a maintenance line, e.g. --line 3.5.x.`,
    );
  }
  const lineSha = await resolveOptional(git, line);
  if (lineSha === undefined) {
    throw new PatchLineError(
      `The line ${quoteBranchName(line)} is not a branch or commit of this clone. ` +
        `Fetch it, e.g. git fetch origin ${line}, or name an existing line, e.g. --line 3.5.x.`,
    );
  }
  const base = await git.mergeBase(mainlineSha, lineSha);
  if (base === undefined) {
    throw new PatchLineError(
      `The line ${quoteBranchName(line)} shares no history with the mainline ${quoteBranchName(mainline)}: ` +
        'its patches cannot be compared. Check that it is a line of this project.',
    );
  }
  const lineRange = { from: mainlineSha, to: lineSha };
  const mainlineRange = { from: base, to: mainlineSha };
  const [lineOnly, mainlineOnly] = await Promise.all([
    collectCommits(git, lineRange, true),
    collectCommits(git, mainlineRange, false),
  ]);
  const sinceBase = mainlineOnly.map(({ sha, subject }): MainlineCommit => ({ sha, subject }));
  return { line, base, lineRange, mainlineRange, lineOnly, sinceBase };
}

/** Patch ids read so far, by commit sha, and the commits of every range they were read for. */
interface PatchIdCache {
  full: Map<string, string>;
  zero: Map<string, string>;
  /** Commits whose ids were read (a merge or an empty commit has none, but is covered). */
  covered: Set<string>;
}

/**
 * Each line's facts, in the order given: its own commits with patch ids, and
 * mainline's since the merge base. The lines with the most mainline commits
 * go first, so their patch ids serve the lines whose ranges they cover
 * (maintenance lines forked off one mainline: one read of mainline's diffs,
 * not one per line); a line with a commit not read yet reads its own range.
 */
async function addLinePatchIds(
  git: Git,
  collected: readonly CollectedLine[],
): Promise<PatchLineFacts[]> {
  const cache: PatchIdCache = { full: new Map(), zero: new Map(), covered: new Set() };
  const widestFirst = [...collected.keys()].sort(
    (a, b) => collected[b]!.sinceBase.length - collected[a]!.sinceBase.length,
  );
  const facts: PatchLineFacts[] = [];
  for (const index of widestFirst) {
    facts[index] = await addPatchIdsToLine(git, collected[index]!, cache);
  }
  return facts;
}

async function addPatchIdsToLine(
  git: Git,
  collected: CollectedLine,
  cache: PatchIdCache,
): Promise<PatchLineFacts> {
  const { line, base, lineRange, mainlineRange, lineOnly, sinceBase } = collected;
  // Patch ids are only worth their diffs when each side has commits to match.
  const compare = lineOnly.length > 0 && sinceBase.length > 0;
  const [lineCommits, mainlineCommits] = compare
    ? await Promise.all([
        addPatchIds(git, lineRange, lineOnly),
        addCachedPatchIds(git, mainlineRange, sinceBase, cache),
      ])
    : [lineOnly, sinceBase];
  return { line, base, commits: lineCommits, mainline: mainlineCommits };
}

/** The commits of a range with both patch ids: two patch-id streams for the whole range. */
async function addPatchIds(
  git: Git,
  range: { from: string; to: string },
  commits: readonly LineCommit[],
): Promise<LineCommit[]> {
  const [full, zero] = await Promise.all([
    git.patchIds(range),
    git.patchIds({ ...range, zeroContext: true }),
  ]);
  return attachPatchIds(commits, full, zero);
}

/**
 * Mainline's commits of a range with both patch ids, from the cache when an
 * earlier, wider range covered every one of them; else read for this range
 * and added to the cache.
 */
async function addCachedPatchIds(
  git: Git,
  range: { from: string; to: string },
  commits: readonly MainlineCommit[],
  cache: PatchIdCache,
): Promise<MainlineCommit[]> {
  if (!commits.every((commit) => cache.covered.has(commit.sha))) {
    const [full, zero] = await Promise.all([
      git.patchIds(range),
      git.patchIds({ ...range, zeroContext: true }),
    ]);
    for (const [sha, id] of full) cache.full.set(sha, id);
    for (const [sha, id] of zero) cache.zero.set(sha, id);
    for (const commit of commits) cache.covered.add(commit.sha);
  }
  return attachPatchIds(commits, cache.full, cache.zero);
}

/** The commits with the patch ids the maps hold for them (none for a merge or an empty patch). */
function attachPatchIds<T extends MainlineCommit>(
  commits: readonly T[],
  full: ReadonlyMap<string, string>,
  zero: ReadonlyMap<string, string>,
): T[] {
  return commits.map((commit) => {
    const patchId = full.get(commit.sha);
    const zeroContextPatchId = zero.get(commit.sha);
    return {
      ...commit,
      ...(patchId !== undefined ? { patchId } : {}),
      ...(zeroContextPatchId !== undefined ? { zeroContextPatchId } : {}),
    };
  });
}

async function collectCommits(
  git: Git,
  range: { from: string; to: string },
  skipMerges: boolean,
): Promise<LineCommit[]> {
  const commits: LineCommit[] = [];
  for await (const commit of git.log(range)) {
    if (skipMerges && (commit.parents?.length ?? 0) > 1) continue;
    commits.push({ sha: commit.sha, subject: commit.subject ?? '', message: commit.message });
  }
  return commits;
}

/** The line with each cherry-pick source marked as in mainline or not. */
function markPicks(line: PatchLineFacts, ancestors: ReadonlySet<string>): PatchLineFacts {
  return {
    ...line,
    commits: line.commits.map((commit) => {
      const sources = readCherryPickSources(commit.message);
      if (sources.length === 0) return commit;
      return {
        ...commit,
        pickedFrom: sources.map((sha) => ({ sha, inMainline: ancestors.has(sha) })),
      };
    }),
  };
}
