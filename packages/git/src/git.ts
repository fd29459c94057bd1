import type { CommitFacts } from '@release-policy/core';
import { checkArgument, formatRange, type RevisionRange } from './arguments.js';
import {
  readChangedPaths,
  readChangedPathsInRange,
  readSymmetricDifference,
  type SideCommit,
} from './commit-lists.js';
import { completeHistory, type CompleteHistoryInput, type HistoryRepair } from './history.js';
import { listMessages, streamLog, type LogOptions } from './log.js';
import type { CommitMessage } from './log-parser.js';
import { readPatchIdPairs, type PatchIdPairOptions } from './patch-ids.js';
import { createRefLister, readRefNames, selectRefSpaces, type RefLister } from './ref-lister.js';
import { createGitRunner, type GitRunner } from './runner.js';
import {
  readBlobAt,
  readFileAt,
  readTreeEntryAt,
  resolveCommit,
  type TreeEntry,
} from './revision-files.js';
import { ALL_REF_SPACES, type GitHeadStart } from './head-start.js';

/**
 * Read-only access to one git repository. Every method spawns git with an
 * argument array; revisions and paths are passed after `--end-of-options`
 * and refused when they start with `-`. Failures are GitErrors.
 * Requires git 2.30 or later.
 */
export interface Git {
  /** The directory commands run in. */
  readonly cwd: string;
  /**
   * Absolute path of the working tree's top directory, asked in the git
   * process that also answers the next `isShallow` or `currentBranch`.
   */
  root(): Promise<string>;
  /**
   * Short name of the checked-out branch; undefined when HEAD is detached.
   * Asked in the same git process as `isShallow`, whose "not shallow" it remembers.
   */
  currentBranch(): Promise<string | undefined>;
  /** Full sha of the commit `rev` names (annotated tags are peeled to their commit). */
  revParse(rev: string): Promise<string>;
  /** True when the repository is a shallow clone (history is cut off). */
  isShallow(): Promise<boolean>;
  /**
   * Every tag name (without `refs/tags/`), sorted by name; with `mergedInto`,
   * only the tags on commits reachable from that revision (its own included).
   */
  listTags(options?: { mergedInto?: string }): Promise<string[]>;
  /**
   * Every tag (without `refs/tags/`) and the commit it points at (annotated
   * tags peeled), in one `git for-each-ref`; with `mergedInto`, only the tags
   * on commits reachable from that revision.
   */
  listTagCommits(options?: { mergedInto?: string }): Promise<Map<string, string>>;
  /**
   * Commits in `from..to` (or all reachable from `to`), newest first, with
   * author, committer, dates, parents, subject, body and trailers, all read
   * in one `git log` pass and parsed while git streams them.
   */
  log(options?: LogOptions): AsyncIterable<CommitFacts>;
  /**
   * The same commits as `log`, newest first, each with its sha and full
   * message only, in one `git log` pass that formats nothing else (about a
   * third of the bytes), collected without a step of async iteration per
   * commit: for readers of messages alone, e.g. the implied version bump.
   * Bound the list with `maxCount`.
   */
  listMessages(options?: LogOptions): Promise<CommitMessage[]>;
  /**
   * The patch ids of `commits` with context and of `zeroContextCommits`
   * without (`git patch-id --stable`; `--no-walk`, merges and empty patches
   * get none): one `git log -p` into one `git patch-id`, each patch given with
   * and without its context lines, two processes.
   */
  patchIdPairs(options: PatchIdPairOptions): Promise<{
    full: Map<string, string>;
    zero: Map<string, string>;
  }>;
  /**
   * The paths each of `commits` (full shas) changes, without rename
   * detection, in one `git log --name-only --no-walk`: commit sha → paths;
   * merges have no entry.
   */
  listChangedPaths(commits: readonly string[]): Promise<Map<string, string[]>>;
  /**
   * The paths each non-merge commit of `from..to` that changes one of
   * `paths` changes (all of them, `--full-diff`), without rename detection,
   * in one walk that diffs only what the paths need: commit sha → paths.
   * Without `paths`, every commit of the range.
   */
  listChangedPathsInRange(
    range: RevisionRange,
    paths?: readonly string[],
  ): Promise<Map<string, string[]>>;
  /**
   * Every best common ancestor of two revisions (`git merge-base --all`),
   * the one `git merge-base` gives first; empty when their histories are unrelated.
   */
  mergeBases(a: string, b: string): Promise<string[]>;
  /**
   * The commits of `left...right` in one `git log` walk that reads no diff:
   * each marked as reached only from `left`, only from `right`, or a
   * boundary commit (among them every merge base of the two), with parents
   * and subject (and the right side's messages), newest first.
   */
  listSymmetricDifference(left: string, right: string): Promise<SideCommit[]>;
  /**
   * True when `ancestor` is reachable from `rev` (`git merge-base
   * --is-ancestor`; a commit is its own ancestor). The walk stops once the
   * answer is known: near `rev` it is quick where listing every tag
   * reachable from `rev` walks the whole history.
   */
  isAncestor(ancestor: string, rev: string): Promise<boolean>;
  /**
   * The full shas of the commits in `from..to` (or reachable from `to`), in
   * one `git rev-list`: e.g. every ancestor of mainline, read once into a set
   * rather than asking about each commit.
   */
  listCommits(range: RevisionRange): Promise<string[]>;
  /** The file `path` (relative to the top directory) as of `rev`; undefined when it does not exist there. */
  readFileAt(rev: string, path: string): Promise<string | undefined>;
  /**
   * The file `path` as of `rev` as bytes when it is at most `maxBytes` (else
   * only its size, nothing read); undefined when it does not exist there.
   */
  readBlobAt(
    rev: string,
    path: string,
    maxBytes?: number,
  ): Promise<{ size: number; bytes?: Buffer } | undefined>;
  /**
   * The tree entry `path` as of `rev`, with its mode (`120000` for a symbolic
   * link, `160000` for a submodule) and object type; undefined when there is none.
   */
  readTreeEntryAt(rev: string, path: string): Promise<TreeEntry | undefined>;
  /**
   * Every branch name in the clone: local ones (`main`) and remote-tracking
   * ones with their remote (`origin/release/1.4`), sorted by name.
   */
  listBranches(): Promise<string[]>;
  /**
   * Starts listing the tags and branches now, in one `for-each-ref`, for a
   * run that will ask for them once it knows more: the next `listTags()`
   * (without `mergedInto`) and the next `listBranches()` take that listing,
   * so git reads the refs while the run does other work. Called again
   * before either is taken, it keeps the listing already started. A fetch by
   * `completeHistory` discards it (the calls after read again). A failure
   * is reported to the call that takes the listing, never unhandled.
   */
  preloadRefs(): void;
  /** The fetch URL of the remote `name` (e.g. `origin`) as configured; undefined when there is no such remote. */
  readRemoteUrl(name: string): Promise<string | undefined>;
  /**
   * Makes sure the clone is not shallow, fetching the rest of the history
   * and every tag from the remote when it is (see `completeHistory`). Calls
   * made while one from the same remote is running share its answer (and
   * its one fetch).
   *
   * @throws IncompleteHistoryError when the clone stays shallow, with the exact fix
   */
  completeHistory(options: CompleteHistoryOptions): Promise<HistoryRepair>;
}

/** How `Git.completeHistory` fetches and whom it advises. */
export type CompleteHistoryOptions = Pick<CompleteHistoryInput, 'remote' | 'advice' | 'timeoutMs'>;

/** How to reach the repository. */
export interface CreateGitOptions {
  /** A directory inside the working tree. */
  cwd: string;
  /** The git executable; `git` on PATH when absent. */
  gitBinary?: string;
  /** The environment for git; the current process's when absent. */
  env?: NodeJS.ProcessEnv;
  /**
   * Commands an entry point started before this Git was made (see
   * `startGitHeadStart`): each answers the first identical command of a
   * Git with the same directory, git name and environment object, until a
   * fetch that completes the history stops those not yet taken.
   */
  headStart?: GitHeadStart;
}

/** Creates a Git for the working tree that contains `cwd`. Nothing runs until a method is called. */
export function createGit(options: CreateGitOptions): Git {
  const runner = createGitRunner(
    {
      cwd: options.cwd,
      gitBinary: options.gitBinary ?? 'git',
      env: options.env ?? process.env,
    },
    options.headStart,
  );
  const revParse = (rev: string) => resolveCommit(runner, rev);
  const listRefs = createRefLister(runner);
  // Listings started by preloadRefs, each taken by the next call of its kind.
  let preloadedTags: Promise<string[]> | undefined;
  let preloadedBranches: Promise<string[]> | undefined;
  const preloadRefs = () => {
    // A listing already started and not yet taken answers the next calls: one process.
    if (preloadedTags !== undefined && preloadedBranches !== undefined) return;
    // Started at once, not in the next turn's batch: git reads while the caller goes on.
    const names = readRefNames(runner, ALL_REF_SPACES);
    const fromNames: RefLister = async (spaces) => selectRefSpaces(await names, spaces);
    preloadedTags = listTags(runner, fromNames);
    preloadedBranches = listBranches(fromNames);
    // Taken later, or never (a run that stops first): no unhandled rejection either way.
    preloadedTags.catch(() => undefined);
    preloadedBranches.catch(() => undefined);
  };
  // Gatherers running side by side may ask at once: one fetch, one answer. Only a call in
  // flight is shared; a later one asks git again (a "not shallow" answer is remembered).
  const completing = new Map<string, Promise<HistoryRepair>>();
  const completeOnce = (historyOptions: CompleteHistoryOptions): Promise<HistoryRepair> => {
    const key = historyOptions.remote ?? 'origin';
    const known = completing.get(key);
    if (known !== undefined) return known;
    const repair = completeHistory({
      ...historyOptions,
      config: runner.config,
      isShallow: runner.isShallow,
      readRemoteUrl: (name) => readRemoteUrl(runner, name),
    });
    completing.set(key, repair);
    const drop = () => {
      if (completing.get(key) === repair) completing.delete(key);
    };
    repair.then((done) => {
      // New tags and branches may have come with the history: a preloaded listing is stale,
      // and so is anything started before the fetch that nobody has taken yet.
      if (done.status === 'fetched') {
        preloadedTags = undefined;
        preloadedBranches = undefined;
        options.headStart?.stop();
        runner.forgetProbe();
      }
      drop();
    }, drop);
    return repair;
  };
  return {
    cwd: options.cwd,
    root: runner.readTopLevel,
    currentBranch: runner.currentBranch,
    revParse,
    isShallow: runner.isShallow,
    listTags: (tagOptions = {}) => {
      const tags = preloadedTags;
      if (tagOptions.mergedInto !== undefined || tags === undefined) {
        return listTags(runner, listRefs, tagOptions.mergedInto);
      }
      preloadedTags = undefined;
      return tags;
    },
    listTagCommits: (tagOptions = {}) => listTagCommits(runner, tagOptions.mergedInto),
    log: (logOptions = {}) => streamLog(runner, logOptions),
    listMessages: (logOptions = {}) => listMessages(runner, logOptions),
    patchIdPairs: (pairOptions) => readPatchIdPairs(runner, pairOptions),
    listChangedPaths: (commits) => readChangedPaths(runner, commits),
    listChangedPathsInRange: (range, paths) => readChangedPathsInRange(runner, range, paths),
    mergeBases: (a, b) => readMergeBases(runner, a, b),
    listSymmetricDifference: (left, right) => readSymmetricDifference(runner, left, right),
    isAncestor: (ancestor, rev) => checkAncestor(runner, ancestor, rev),
    listCommits: (range) => listCommits(runner, range),
    readFileAt: (rev, path) => readFileAt(runner, rev, path),
    readBlobAt: (rev, path, maxBytes) => readBlobAt(runner, rev, path, maxBytes),
    readTreeEntryAt: (rev, path) => readTreeEntryAt(runner, rev, path),
    readRemoteUrl: (name) => readRemoteUrl(runner, name),
    listBranches: () => {
      const branches = preloadedBranches;
      if (branches === undefined) return listBranches(listRefs);
      preloadedBranches = undefined;
      return branches;
    },
    preloadRefs,
    completeHistory: completeOnce,
  };
}

async function readMergeBases(runner: GitRunner, a: string, b: string): Promise<string[]> {
  const args = ['merge-base', '--all', '--end-of-options', a, b];
  checkArgument(args, a, 'revision');
  checkArgument(args, b, 'revision');
  // Exit 1 with no output: the histories share no commit.
  const result = await runner.run(args, [0, 1]);
  if (result.exitCode !== 0) return [];
  return result.stdout
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '');
}

async function checkAncestor(runner: GitRunner, ancestor: string, rev: string): Promise<boolean> {
  const args = ['merge-base', '--is-ancestor', '--end-of-options', ancestor, rev];
  checkArgument(args, ancestor, 'revision');
  checkArgument(args, rev, 'revision');
  // Exit 0: an ancestor; 1: not one; anything else (a missing revision) is a GitError.
  const result = await runner.run(args, [0, 1]);
  return result.exitCode === 0;
}

async function listCommits(runner: GitRunner, range: RevisionRange): Promise<string[]> {
  const args = ['rev-list'];
  args.push('--end-of-options', formatRange(args, range), '--');
  const { stdout } = await runner.run(args);
  return stdout
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '');
}

async function listTags(
  runner: GitRunner,
  listRefs: RefLister,
  mergedInto?: string,
): Promise<string[]> {
  const names =
    mergedInto === undefined
      ? await listRefs(['refs/tags'])
      : await readRefNames(runner, ['refs/tags'], mergedInto);
  return names.map((name) => name.slice('refs/tags/'.length));
}

async function listBranches(listRefs: RefLister): Promise<string[]> {
  const names = await listRefs(['refs/heads', 'refs/remotes']);
  const local = stripRefSpace(names, 'refs/heads/');
  const remote = stripRefSpace(names, 'refs/remotes/').filter((n) => !n.endsWith('/HEAD'));
  return [...local, ...remote].sort();
}

/** The names under `prefix` without it, leaving out any that would read as a full ref name. */
function stripRefSpace(names: readonly string[], prefix: string): string[] {
  return names
    .filter((name) => name.startsWith(prefix))
    .map((name) => name.slice(prefix.length))
    .filter((name) => !name.startsWith('refs/'));
}

async function listTagCommits(
  runner: GitRunner,
  mergedInto?: string,
): Promise<Map<string, string>> {
  const args = ['for-each-ref', '--format=%(refname)%00%(objectname)%00%(*objectname)%00'];
  if (mergedInto !== undefined) {
    checkArgument(args, mergedInto, 'revision');
    args.push(`--merged=${mergedInto}`);
  }
  args.push('refs/tags');
  const { stdout } = await runner.run(args);
  const fields = stdout.toString('utf8').split('\0');
  const tags = new Map<string, string>();
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const name = (fields[i] ?? '').replace(/^\n/, '').slice('refs/tags/'.length);
    // An annotated tag's own object is the tag; `*objectname` is the commit it points at.
    tags.set(name, fields[i + 2] || (fields[i + 1] ?? ''));
  }
  return tags;
}

async function readRemoteUrl(runner: GitRunner, name: string): Promise<string | undefined> {
  // `git config --get` exits 1 when the key is unset: no such remote (or one without a URL).
  const result = await runner.run(['config', '--get', `remote.${name}.url`], [0, 1]);
  const url = result.stdout.toString('utf8').trim();
  return result.exitCode === 0 && url ? url : undefined;
}
