/**
 * Gathers the patch facts: for each maintenance line, the commits it has
 * that mainline lacks, mainline's commits since their merge base, and the
 * patch ids that can match, read in batches: one `git log` walk of both
 * sides per line, and one patch-id stream for the pairs of commits that
 * change the same paths, never one git per commit.
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
import type { SideCommit } from './commit-lists.js';
import { computePathLimit } from './path-limits.js';

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
export class PatchLineError extends ReleasePolicyError {
  /** Printed as `error.type` and `name`; see {@link ReleasePolicyError.type}. */
  static override readonly type = 'PatchLineError';
}

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
  const lines = input.lines ?? selectPatchLines(await git.listBranches(), policy);
  // A named revision is resolved by each line's walk (one git process fewer); one that
  // does not exist fails as before, here when there is no line to walk.
  const mainlineRef =
    input.mainlineRevision === undefined
      ? { rev: await resolveMainline(git, mainline), resolved: true }
      : { rev: input.mainlineRevision, resolved: false };
  if (!mainlineRef.resolved && lines.length === 0) await git.revParse(mainlineRef.rev);
  const facts: PatchLineFacts[] = [];
  let ancestors: Set<string> | undefined;
  for (const line of lines) {
    const gathered = await gatherLine(git, mainline, mainlineRef, line);
    const sources = gathered.commits.flatMap((c) => readCherryPickSources(c.message));
    // One rev-list of mainline, only when some commit claims to be a pick.
    if (sources.length > 0 && ancestors === undefined) {
      ancestors = new Set(await git.listCommits({ to: mainlineRef.rev }));
    }
    facts.push(ancestors === undefined ? gathered : markPicks(gathered, ancestors));
  }
  return { mainline, lines: facts, checkedAt: input.now.toISOString() };
}

/** Mainline's commit: the branch, else its `origin/` remote-tracking branch (a CI clone). */
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

/** The mainline as the walks name it: a resolved sha, or a revision each walk resolves. */
interface MainlineRef {
  rev: string;
  resolved: boolean;
}

/** The two sides of a line against mainline, and their merge base. */
interface LineSides {
  base: string;
  /** Mainline's tip as the walk named it. */
  tip: string;
  /** The line's commits mainline lacks, merges included, newest first. */
  line: SideCommit[];
  /** Mainline's commits since the merge base, merges included, newest first. */
  mainline: SideCommit[];
}

/**
 * One line's facts: its own commits with patch ids, and mainline's since
 * the merge base. Both sides come from one walk of `mainline...line` that
 * reads no diff; patch ids are read only where a line commit and a mainline
 * commit change the same paths (equal patches do), both kinds at once.
 */
async function gatherLine(
  git: Git,
  mainline: string,
  mainlineRef: MainlineRef,
  line: string,
): Promise<PatchLineFacts> {
  if (line === mainline) {
    throw new PatchLineError(
      `The line ${quoteBranchName(line)} is the mainline itself; name a maintenance line, e.g. --line 3.5.x.`,
    );
  }
  const sides = await readLineSides(git, mainline, mainlineRef, line);
  const lineOnly = sides.line.filter((commit) => commit.parents.length <= 1);
  const commits = lineOnly.map((c): LineCommit => ({
    sha: c.sha,
    subject: c.subject,
    message: c.message ?? '',
  }));
  const since = sides.mainline.map((c): MainlineCommit => ({ sha: c.sha, subject: c.subject }));
  const ids = await matchPatchIds(git, sides, lineOnly);
  return {
    line,
    base: sides.base,
    commits: commits.map((commit) => withIds(commit, ids.line, commit.sha)),
    mainline: since.map((commit) => withIds(commit, ids.mainline, commit.sha)),
  };
}

/**
 * Walks `mainline...line` once. Its one boundary commit, when there is
 * exactly one, is the only merge base (every merge base is a boundary
 * commit), and the left side is then mainline since it; otherwise `git
 * merge-base --all` names the base, and with several bases mainline's side
 * is walked again from the first, the one `git merge-base` gives.
 */
async function readLineSides(
  git: Git,
  mainline: string,
  mainlineRef: MainlineRef,
  line: string,
): Promise<LineSides> {
  const walked = await git
    .listSymmetricDifference(mainlineRef.rev, line)
    .catch((error: unknown) => explainWalkFailure(error, git, mainlineRef, line));
  const pick = (commits: readonly SideCommit[], side: SideCommit['side']) =>
    commits.filter((c) => c.side === side);
  const boundary = pick(walked, 'boundary');
  const sides = { line: pick(walked, 'right'), mainline: pick(walked, 'left') };
  if (boundary.length === 1 && boundary[0] !== undefined) {
    return { base: boundary[0].sha, tip: mainlineRef.rev, ...sides };
  }
  const [tip, lineTip] = await Promise.all([
    mainlineRef.resolved ? mainlineRef.rev : git.revParse(mainlineRef.rev),
    git.revParse(line),
  ]);
  const bases = await git.mergeBases(tip, lineTip);
  const [base] = bases;
  if (base === undefined) {
    throw new PatchLineError(
      `The line ${quoteBranchName(line)} shares no history with the mainline ${quoteBranchName(mainline)}: ` +
        'its patches cannot be compared. Check that it is a line of this project.',
    );
  }
  if (bases.length === 1) return { base, tip, ...sides };
  // Several merge bases (criss-cross merges): mainline since the first, as `git merge-base` reads
  // it; on the left side, whose messages the walk does not keep.
  const since = pick(await git.listSymmetricDifference(tip, base), 'left');
  return { base, tip, line: sides.line, mainline: since };
}

/**
 * Why the walk failed, in the words of the revision that is missing: the
 * mainline revision, else the line (a PatchLineError); the walk's own error
 * when both exist.
 */
async function explainWalkFailure(
  error: unknown,
  git: Git,
  mainlineRef: MainlineRef,
  line: string,
): Promise<never> {
  if (!(error instanceof GitError)) throw error;
  if (!mainlineRef.resolved) await git.revParse(mainlineRef.rev);
  if ((await resolveOptional(git, line)) === undefined) {
    throw new PatchLineError(
      `The line ${quoteBranchName(line)} is not a branch or commit of this clone. ` +
        `Fetch it, e.g. git fetch origin ${line}, or name an existing line, e.g. --line 3.5.x.`,
    );
  }
  throw error;
}

/** Commit sha → its stable and zero-context patch ids, as far as they were read. */
type IdTable = Map<string, { patchId?: string; zeroContextPatchId?: string }>;

/** `commit` with the ids the table has for `sha`. */
function withIds<T extends object>(commit: T, table: IdTable, sha: string): T {
  const ids = table.get(sha);
  return ids === undefined ? commit : { ...commit, ...ids };
}

/**
 * Up to this many non-merge mainline commits since the merge base, the
 * paths of all of them are read with the line's (one `--no-walk` listing);
 * past it, only those of the commits that change a path a line commit
 * changes, in a path-limited walk (see `computePathLimit`) that diffs only
 * the trees holding those paths.
 */
const MAX_LISTED_MAINLINE = 1000;

/**
 * The patch ids of the line's commits and of the mainline commits that could
 * match them. Equal patches change the same paths (their ids hash every
 * file's `diff --git` line), so a line commit can match only a mainline
 * commit whose changed paths are the same (read without rename detection,
 * so a rename counts both paths): only such pairs are read, their ids with
 * and without context in one `git patch-id` (see `Git.patchIdPairs`); other
 * commits cannot match and get no id. Of the zero-context ids, those of line
 * commits whose stable id matched, and of mainline commits that share paths
 * with no unmatched line commit, are left out, as they are never compared.
 * The evidence is the same as with every id of both sides: each id a line
 * commit could match is read for every mainline commit that has it.
 */
async function matchPatchIds(
  git: Git,
  sides: LineSides,
  lineCommits: readonly SideCommit[],
): Promise<{ line: IdTable; mainline: IdTable }> {
  const none = { line: new Map(), mainline: new Map() };
  const lineShas = lineCommits.map((c) => c.sha);
  const mainlineShas = sides.mainline.filter((c) => c.parents.length <= 1).map((c) => c.sha);
  if (lineShas.length === 0 || mainlineShas.length === 0) return none;
  const changed = await readCandidatePaths(git, sides, lineShas, mainlineShas);
  const keyOf = (sha: string) => JSON.stringify([...(changed.get(sha) ?? [])].sort());
  const byPaths = new Map<string, string[]>();
  for (const sha of mainlineShas) {
    if ((changed.get(sha) ?? []).length === 0) continue;
    const same = byPaths.get(keyOf(sha));
    if (same === undefined) byPaths.set(keyOf(sha), [sha]);
    else same.push(sha);
  }
  const lineCandidates = lineShas.filter((sha) => byPaths.has(keyOf(sha)));
  if (lineCandidates.length === 0) return none;
  const mainlineCandidates = [...new Set(lineCandidates.map(keyOf))].flatMap(
    (key) => byPaths.get(key) ?? [],
  );
  const both = [...lineCandidates, ...mainlineCandidates];
  const { full, zero } = await git.patchIdPairs({ commits: both, zeroContextCommits: both });
  const found = new Set(mainlineCandidates.flatMap((sha) => full.get(sha) ?? []));
  const unmatched = lineCandidates.filter((sha) => !found.has(full.get(sha) ?? ''));
  const open = new Set(unmatched.map(keyOf));
  const compared = [...open].flatMap((key) => byPaths.get(key) ?? []);
  return {
    line: combineIds(pickIds(full, lineCandidates), pickIds(zero, unmatched)),
    mainline: combineIds(
      pickIds(full, mainlineCandidates),
      pickIds(
        zero,
        compared.filter((sha) => full.has(sha)),
      ),
    ),
  };
}

/**
 * The changed paths of the line's commits and of the mainline commits that
 * could share them: all of mainline's when it has few commits since the
 * merge base, else those a path-limited walk finds.
 */
async function readCandidatePaths(
  git: Git,
  sides: LineSides,
  lineShas: readonly string[],
  mainlineShas: readonly string[],
): Promise<Map<string, string[]>> {
  if (mainlineShas.length <= MAX_LISTED_MAINLINE) {
    return git.listChangedPaths([...lineShas, ...mainlineShas]);
  }
  const linePaths = await git.listChangedPaths(lineShas);
  const limit = computePathLimit(linePaths, lineShas);
  const range = { from: sides.base, to: sides.tip };
  const touching = await git.listChangedPathsInRange(range, limit.paths);
  return new Map([...linePaths, ...touching]);
}

/** The entries of `ids` for `shas` that it has. */
function pickIds(ids: ReadonlyMap<string, string>, shas: readonly string[]): Map<string, string> {
  return new Map(shas.flatMap((sha) => (ids.has(sha) ? [[sha, ids.get(sha) ?? '']] : [])));
}

function combineIds(full: Map<string, string>, zero: Map<string, string>): IdTable {
  const table: IdTable = new Map();
  for (const [sha, patchId] of full) table.set(sha, { patchId });
  for (const [sha, zeroContextPatchId] of zero) {
    table.set(sha, { ...table.get(sha), zeroContextPatchId });
  }
  return table;
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
