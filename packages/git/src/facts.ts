import {
  classifyBranch,
  collectBranchVersionSource,
  collectFileVersionSource,
  collectTagVersionSource,
  planVersionCheck,
  resolveBranchUnderTest,
  type BranchClass,
  type BranchFacts,
  type BranchSignals,
  type CommitFacts,
  type Policy,
  type VersionFacts,
  type VersionFileProblem,
  type VersionFileSpec,
  type VersionHistory,
  type VersionSource,
} from '@release-policy/core';
import { GitError } from './errors.js';
import { checkRelativePath, readFileInside } from './files.js';
import type { Git } from './git.js';
import type { HistoryAdvice } from './history.js';

/** The most commits gathered when there is no previous release tag to start from. */
export const MAX_COMMITS = 10_000;

/** The runner environment, as far as fact gathering reads it. */
export type RunnerEnv = Record<string, string | undefined>;

/** Where to find the branch under test. */
export interface GatherBranchFactsInput {
  git: Git;
  /** An explicit branch name or `refs/heads/...` ref; wins over the environment. */
  branch?: string;
  /** An explicit pull-request base branch. */
  base?: string;
  /** The runner environment; the current process's when absent. */
  env?: RunnerEnv;
}

/**
 * Finds the branch under test with core's `resolveBranchUnderTest` (the
 * actions ask the same function): the explicit `branch`, else the runner
 * environment (pull request: GITHUB_HEAD_REF with base GITHUB_BASE_REF;
 * push: GITHUB_REF `refs/heads/...`), else the checked-out branch. The base
 * is the explicit `base`, or GITHUB_BASE_REF when the branch checked is the
 * pull request's head. Returns undefined when there is no branch (detached
 * HEAD, e.g. a tag push).
 */
export async function gatherBranchFacts(
  input: GatherBranchFactsInput,
): Promise<BranchFacts | undefined> {
  const env = input.env ?? process.env;
  const signals: BranchSignals = {
    branch: input.branch,
    base: input.base,
    pullRequest: env.GITHUB_HEAD_REF
      ? { head: env.GITHUB_HEAD_REF, base: env.GITHUB_BASE_REF ?? '' }
      : undefined,
    pushedRef: env.GITHUB_REF,
  };
  // The checkout is asked only when nothing else names the branch.
  return (
    resolveBranchUnderTest(signals) ??
    resolveBranchUnderTest({ ...signals, checkedOut: await input.git.currentBranch() })
  );
}

/** The tag being pushed (full name, with its prefix) from GITHUB_REF `refs/tags/...`; undefined otherwise. */
export function readPushedTag(env: RunnerEnv = process.env): string | undefined {
  const ref = env.GITHUB_REF;
  if (ref === undefined || !ref.startsWith('refs/tags/')) return undefined;
  return nonEmpty(ref.slice('refs/tags/'.length));
}

/** What version facts are gathered from. */
export interface GatherVersionFactsInput {
  git: Git;
  /** The working tree directory; version file paths are relative to it. */
  cwd: string;
  policy: Policy;
  /** The branch under test; a hotfix/release branch may declare a version. */
  branch?: BranchFacts;
  /** A version given explicitly (action input or command-line option). */
  inputVersion?: string;
  /** The tag being pushed, full name (see `readPushedTag`). */
  pushedTag?: string;
  /**
   * Reads a version file by its policy path (relative to `cwd`); undefined
   * when it does not exist. Default: the working tree, refusing symbolic
   * links that lead outside `cwd`.
   */
  readFile?: (path: string) => Promise<string | undefined>;
  /** At most this many commits are gathered; MAX_COMMITS when absent. */
  maxCommits?: number;
  /**
   * Every tag of the repository, when the caller has just listed them
   * (`Git.listTags()`, e.g. `ReleaseRange.tags`); listed here when absent.
   */
  tags?: readonly string[];
  /**
   * Commits the caller has just read, newest first, with the tag they start
   * after (`ReleaseRange.from` and `.commits`): used instead of a second
   * `git log` when that tag is the previous release found here.
   */
  read?: { since: string | undefined; commits: readonly CommitFacts[] };
  /**
   * Complete a shallow clone first (see `Git.completeHistory`), advising a
   * person (`cli`) or a workflow (`action`) when it cannot be; the history
   * then says where it was fetched from. Absent: the clone is read as it is.
   */
  complete?: HistoryAdvice;
}

/** Version facts plus what the gathering itself learned. */
export interface GatheredVersionFacts extends VersionFacts {
  /** The release tag `commits` start after (see core's `planVersionCheck`); absent when none exists. */
  previousTag?: string;
}

/**
 * Gathers everything the version rules need. Sources, in order: the input
 * version, each policy version file (missing optional files are skipped;
 * a missing required file, an unreadable file, a file without a version or a
 * path leaving `cwd` becomes a file problem), the branch's version, the pushed
 * tag. Then every tag (on a tag push also those before the pushed one in
 * history), the previous release tag (core's `planVersionCheck`),
 * the commits since it (all history up to `maxCommits` when there is none;
 * each commit read here has its sha and message only, what the version rules
 * read), and whether the clone is shallow. Problems with files are collected, never
 * thrown; git failures other than an unborn HEAD are thrown as GitError.
 */
export async function gatherVersionFacts(
  input: GatherVersionFactsInput,
): Promise<GatheredVersionFacts> {
  const { git, policy } = input;
  const repair = input.complete ? await git.completeHistory({ advice: input.complete }) : undefined;
  const sources: VersionSource[] = [];
  const declared = nonEmpty(input.inputVersion);
  if (declared !== undefined)
    sources.push({ kind: 'input', value: declared, label: 'version input' });

  const [tags, shallow] = await Promise.all([
    input.tags !== undefined ? [...input.tags] : git.listTags(),
    git.isShallow(),
  ]);

  const read = input.readFile ?? ((path: string) => readFileInside(input.cwd, path));
  const fileProblems: VersionFileProblem[] = [];
  for (const spec of policy.versioning.files) {
    const { source, problem } = await readVersionFile(spec, read);
    if (source !== undefined) sources.push(source);
    if (problem !== undefined) fileProblems.push(problem);
  }

  let branchClass: BranchClass | undefined;
  if (input.branch !== undefined) {
    branchClass = classifyBranch(input.branch.name, policy);
    const source = collectBranchVersionSource(branchClass);
    if (source !== undefined) sources.push(source);
  }
  const pushedTag = nonEmpty(input.pushedTag);
  if (pushedTag !== undefined) sources.push(collectTagVersionSource(pushedTag, policy));

  // A re-run of an old tag's job must not compare it with later releases: only tags before it count.
  const tagsBeforePushed =
    pushedTag !== undefined && tags.includes(pushedTag)
      ? await git.listTags({ mergedInto: `refs/tags/${pushedTag}` })
      : undefined;
  const { previousTag } = planVersionCheck({ tags, branch: branchClass, pushedTag }, policy);
  const { commits, history } = await gatherCommits(
    git,
    previousTag,
    input.maxCommits ?? MAX_COMMITS,
    input.read && input.read.since === previousTag ? input.read.commits : undefined,
  );
  // A shallow clone is reported by the version-bump rule from `shallow`; no note here.

  const facts: GatheredVersionFacts = { sources, tags, shallow };
  if (repair?.status === 'fetched') facts.history = { ...history, fetchedFrom: repair.remote };
  else if (history !== undefined) facts.history = history;
  if (fileProblems.length > 0) facts.fileProblems = fileProblems;
  if (pushedTag !== undefined) facts.pushedTag = pushedTag;
  if (tagsBeforePushed !== undefined) facts.tagsBeforePushed = tagsBeforePushed;
  if (commits !== undefined) facts.commits = commits;
  if (previousTag !== undefined) facts.previousTag = previousTag;
  return facts;
}

/** One policy version file as a source or a problem (neither: a missing optional file). */
async function readVersionFile(
  spec: VersionFileSpec,
  read: (path: string) => Promise<string | undefined>,
): Promise<{ source?: VersionSource; problem?: VersionFileProblem }> {
  const file = spec.path;
  const pathProblem = checkRelativePath(file);
  if (pathProblem !== undefined)
    return { problem: { file, problem: 'unreadable', detail: pathProblem } };
  let text: string | undefined;
  try {
    text = await read(file);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { problem: { file, problem: 'unreadable', detail } };
  }
  return collectFileVersionSource(spec, text);
}

/**
 * The commits since `previousTag` (all history without one), newest first, at
 * most `maxCommits`, each with its sha and message (all the version rules
 * read; commits passed in as `read` keep their other fields); `history` says
 * when the list is not the whole range (an unborn HEAD, a cut-off list), for
 * the version-bump rule to report.
 */
async function gatherCommits(
  git: Git,
  previousTag: string | undefined,
  maxCommits: number,
  read: readonly CommitFacts[] | undefined,
): Promise<{ commits?: CommitFacts[]; history?: VersionHistory }> {
  const options =
    previousTag === undefined
      ? { maxCount: maxCommits + 1 }
      : { from: previousTag, maxCount: maxCommits + 1 };
  let commits: CommitFacts[];
  try {
    // The version rules read each commit's sha and message alone: nothing else is formatted or parsed.
    commits = read ? read.slice(0, maxCommits + 1) : await git.listMessages(options);
  } catch (error) {
    if (error instanceof GitError && error.kind === 'no-commits')
      return { history: { empty: true } };
    throw error;
  }
  if (commits.length <= maxCommits) return { commits };
  commits.length = maxCommits;
  const history: VersionHistory = { limit: maxCommits };
  if (previousTag !== undefined) history.since = previousTag;
  return { commits, history };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
