/**
 * Gathers the patch facts: for each maintenance line, the commits it has
 * that mainline lacks, mainline's commits since their merge base, and the
 * patch ids that can match, read in batches (a `git log` per side and a
 * patch-id stream per side and mode, never one git per commit).
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
  const facts: PatchLineFacts[] = [];
  let ancestors: Set<string> | undefined;
  for (const line of lines) {
    const gathered = await gatherLine(git, mainline, mainlineSha, line);
    const sources = gathered.commits.flatMap((c) => readCherryPickSources(c.message));
    // One rev-list of mainline, only when some commit claims to be a pick.
    if (sources.length > 0 && ancestors === undefined) {
      ancestors = new Set(await git.listCommits({ to: mainlineSha }));
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

/** One line's facts: its own commits with patch ids, and mainline's since the merge base. */
async function gatherLine(
  git: Git,
  mainline: string,
  mainlineSha: string,
  line: string,
): Promise<PatchLineFacts> {
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
  const lineRange = { from: mainlineSha, to: lineSha };
  // The line's own commits do not depend on the merge base: both walks run at once.
  const [base, lineOnly] = await Promise.all([
    git.mergeBase(mainlineSha, lineSha),
    collectCommits(git, lineRange),
  ]);
  if (base === undefined) {
    throw new PatchLineError(
      `The line ${quoteBranchName(line)} shares no history with the mainline ${quoteBranchName(mainline)}: ` +
        'its patches cannot be compared. Check that it is a line of this project.',
    );
  }
  const mainlineRange = { from: base, to: mainlineSha };
  // Patch ids are only worth their diffs when each side has commits to match
  // (mainline has none since the merge base when the base is mainline itself).
  if (lineOnly.length === 0 || base === mainlineSha) {
    return { line, base, commits: lineOnly, mainline: await git.listSubjects(mainlineRange) };
  }
  // Mainline's side needs only subjects (pull request numbers) and ids: no messages.
  const [sinceBase, ids] = await Promise.all([
    git.listSubjects(mainlineRange),
    matchPatchIds(
      git,
      mainlineRange,
      lineOnly.map((c) => c.sha),
    ),
  ]);
  return {
    line,
    base,
    commits: lineOnly.map((commit) => withIds(commit, ids.line, commit.sha)),
    mainline: sinceBase.map((commit): MainlineCommit => withIds(commit, ids.mainline, commit.sha)),
  };
}

/** Commit sha → its stable and zero-context patch ids, as far as they were read. */
type IdTable = Map<string, { patchId?: string; zeroContextPatchId?: string }>;

/** `commit` with the ids the table has for `sha`. */
function withIds<T extends object>(commit: T, table: IdTable, sha: string): T {
  const ids = table.get(sha);
  return ids === undefined ? commit : { ...commit, ...ids };
}

/**
 * The patch ids of the line's commits and of the mainline commits that could
 * match them. Equal patches change the same paths, so on mainline only the
 * commits that change a path some line commit changes are read (one
 * path-limited `git log -p` of the range, its paths merged into folders when
 * they are many: see `computePathLimit`); mainline's other commits cannot
 * match and get no id. Zero-context ids are read only for the line commits
 * the stable id did not match, and for the mainline commits just read that
 * change one of their paths (`--no-walk`, no second walk of the range). The
 * evidence is the same as with every id of both sides: each id a line commit
 * could match is read for every mainline commit that has it.
 */
async function matchPatchIds(
  git: Git,
  mainlineRange: { from: string; to: string },
  lineShas: readonly string[],
): Promise<{ line: IdTable; mainline: IdTable }> {
  const changedRead = git.listChangedPaths(lineShas);
  const [lineFull, changed, mainlineFull] = await Promise.all([
    git.patchIds({ commits: lineShas }),
    changedRead,
    changedRead.then((paths) =>
      git.patchIds({ ...mainlineRange, ...computePathLimit(paths, lineShas) }),
    ),
  ]);
  const found = new Set(mainlineFull.values());
  const unmatched = lineShas.filter((sha) => !found.has(lineFull.get(sha) ?? ''));
  const candidates = [...mainlineFull.keys()];
  // A commit with an empty patch has an empty zero-context patch too: only commits with an id can match.
  const [lineZero, mainlineZero] =
    unmatched.length > 0 && candidates.length > 0
      ? await Promise.all([
          git.patchIds({ commits: unmatched, zeroContext: true }),
          git.patchIds({
            commits: candidates,
            zeroContext: true,
            ...computePathLimit(changed, unmatched),
          }),
        ])
      : [new Map<string, string>(), new Map<string, string>()];
  return {
    line: combineIds(lineFull, lineZero),
    mainline: combineIds(mainlineFull, mainlineZero),
  };
}

function combineIds(full: Map<string, string>, zero: Map<string, string>): IdTable {
  const table: IdTable = new Map();
  for (const [sha, patchId] of full) table.set(sha, { patchId });
  for (const [sha, zeroContextPatchId] of zero) {
    table.set(sha, { ...table.get(sha), zeroContextPatchId });
  }
  return table;
}

/** The line's non-merge commits in `range`, with their messages (for `-x` lines). */
async function collectCommits(
  git: Git,
  range: { from: string; to: string },
): Promise<LineCommit[]> {
  const commits: LineCommit[] = [];
  for await (const commit of git.log(range)) {
    if ((commit.parents?.length ?? 0) > 1) continue;
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
