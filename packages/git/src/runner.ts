import { GitError, type GitFailureKind } from './errors.js';
import { convertEarlyRun, runGit, type GitRunResult } from './exec.js';
import type { GitProcessConfig } from './spawn.js';
import { HEAD_PROBE_ARGS, type GitHeadStart } from './head-start.js';

/** Runs git for one repository and sharpens its failures. */
export interface GitRunner {
  readonly config: GitProcessConfig;
  /** Runs git to completion; exit codes outside `okExitCodes` (default `[0]`) become sharpened GitErrors. */
  run(args: string[], okExitCodes?: readonly number[]): Promise<GitRunResult>;
  /** Runs git and returns its output without the final line break (paths may end in spaces). */
  text(args: string[]): Promise<string>;
  /** True when the repository is a shallow clone. */
  isShallow(): Promise<boolean>;
  /**
   * Short name of the checked-out branch; undefined when HEAD is detached.
   * Asked together with whether the clone is shallow (one git process).
   */
  currentBranch(): Promise<string | undefined>;
  /**
   * Absolute path of the working tree's top directory, asked in the same git
   * process as `isShallow` and `currentBranch`: that process's other answers
   * answer the next of those two questions, so a run that asks for the top
   * directory first starts no process of its own for it.
   */
  readTopLevel(): Promise<string>;
  /** Forgets the answers readTopLevel's process has not handed over yet: a fetch made them stale. */
  forgetProbe(): void;
  /** `error` with a sharper kind when it is an unknown-revision GitError whose cause can be told; else `error`. */
  sharpen(error: unknown): Promise<unknown>;
}

/**
 * Creates the runner every Git method goes through. Nothing runs until a
 * method is called; with `headStart`, a command it started early with the
 * same settings answers the first identical command.
 */
export function createGitRunner(config: GitProcessConfig, headStart?: GitHeadStart): GitRunner {
  const runOrTakeEarly = (args: readonly string[], okExitCodes?: readonly number[]) => {
    const early = headStart?.take(config, args);
    return early === undefined
      ? runGit(config, args, okExitCodes)
      : convertEarlyRun(config, args, early, okExitCodes);
  };
  // A clone only stops being shallow (nothing here makes one shallow): a "no" is remembered.
  let complete = false;
  const probe = async (): Promise<HeadProbe | undefined> => {
    const probed = await probeHead(runOrTakeEarly);
    if (probed?.shallow === false) complete = true;
    return probed;
  };
  // The probe readTopLevel ran, handed to the next isShallow or currentBranch: asked in
  // sequence, as a run asks them, the three questions cost one process. A failed probe
  // hands over undefined: the single-purpose commands then answer, or fail themselves.
  let handedOver: Promise<HeadProbe | undefined> | undefined;
  const takeHandedOver = () => {
    const probed = handedOver;
    handedOver = undefined;
    return probed;
  };
  const isShallow = async (): Promise<boolean> => {
    if (complete) return false;
    // A probe started early, or one readTopLevel ran, answers as well: no process of its own.
    const early =
      takeHandedOver() ?? (headStart?.has(config, HEAD_PROBE_ARGS) ? probe() : undefined);
    if (early !== undefined) {
      const probed = await early;
      if (probed !== undefined) return probed.shallow;
    }
    const { stdout } = await runGit(config, ['rev-parse', '--is-shallow-repository']);
    const shallow = stdout.toString('utf8').trim() === 'true';
    complete = !shallow;
    return shallow;
  };
  const hasCommits = async (): Promise<boolean> =>
    (await runGit(config, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], [0, 1]))
      .exitCode === 0;
  const sharpen = (error: unknown) => sharpenGitError(error, { isShallow, hasCommits });
  const run = async (args: string[], okExitCodes?: readonly number[]) => {
    try {
      return await runOrTakeEarly(args, okExitCodes);
    } catch (error) {
      throw await sharpen(error);
    }
  };
  const text = async (args: string[]): Promise<string> =>
    (await run(args)).stdout.toString('utf8').replace(/\r?\n$/, '');
  // HEAD may move between calls (a long-lived adapter), so each call asks (or takes the answer
  // readTopLevel's process gave just before); the same process says whether the clone is
  // shallow, and a "no" spares the later isShallow its own.
  const currentBranch = async (): Promise<string | undefined> => {
    const probed = await (takeHandedOver() ?? probe());
    if (probed === undefined) return readBranchName(await readSymbolicHead(run));
    return readBranchName(probed.ref);
  };
  const readTopLevel = async (): Promise<string> => {
    const probing = probe();
    // Set before the answer comes: a question asked meanwhile shares the process too.
    handedOver = probing.catch(() => undefined);
    const probed = await probing;
    // No commit yet, or no working tree: git's own answer, or its failure (sharpened).
    return probed?.topLevel ?? (await text(['rev-parse', '--show-toplevel']));
  };
  const forgetProbe = () => {
    handedOver = undefined;
  };
  return { config, run, text, isShallow, currentBranch, readTopLevel, forgetProbe, sharpen };
}

/**
 * What one `git rev-parse` says about the clone: shallow or not, the working
 * tree's top directory, and the full ref HEAD names (`HEAD` when detached).
 */
interface HeadProbe {
  shallow: boolean;
  topLevel: string;
  ref: string;
}

/**
 * The probe's answers, one a line in argument order and the `--` echoed
 * last. The top directory is printed as it is (no quoting: it may hold any
 * character, a line break too), so it is all between the first line and the
 * ref's, which cannot hold one.
 */
const HEAD_PROBE_OUTPUT = /^(true|false)\n([^]+)\n([^\n]+)\n--\n$/;

/**
 * Asks whether the clone is shallow, where the top directory is and where
 * HEAD points in one process; undefined when git cannot say so (no commit
 * yet, no repository, no working tree: a bare repository): the
 * single-purpose commands then answer, or fail with the usual GitError.
 */
async function probeHead(
  run: (args: readonly string[], okExitCodes?: readonly number[]) => Promise<GitRunResult>,
): Promise<HeadProbe | undefined> {
  const result = await run(HEAD_PROBE_ARGS, [0, 128]);
  if (result.exitCode !== 0) return undefined;
  const match = HEAD_PROBE_OUTPUT.exec(result.stdout.toString('utf8'));
  if (match === null) return undefined;
  const [, shallow, topLevel = '', ref = ''] = match;
  return { shallow: shallow === 'true', topLevel, ref };
}

/** The ref HEAD points at, read without resolving it (works before the first commit); undefined when detached. */
async function readSymbolicHead(
  run: (args: string[], okExitCodes?: readonly number[]) => Promise<GitRunResult>,
): Promise<string | undefined> {
  const result = await run(['symbolic-ref', '--quiet', 'HEAD'], [0, 1]);
  return result.exitCode === 0 ? result.stdout.toString('utf8').trim() : undefined;
}

/** The branch name of a full ref; undefined for a detached HEAD or a ref outside `refs/heads/`. */
function readBranchName(ref: string | undefined): string | undefined {
  return ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}

/** Questions that sharpen an unknown-revision failure. */
interface RepositoryProbe {
  isShallow(): Promise<boolean>;
  hasCommits(): Promise<boolean>;
}

/**
 * Gives an unknown-revision failure a better hint: in a repository without
 * commits no revision exists at all; in a shallow clone the revision is most
 * likely cut off.
 */
async function sharpenGitError(error: unknown, probe: RepositoryProbe): Promise<unknown> {
  if (!(error instanceof GitError) || error.kind !== 'unknown-revision') return error;
  let kind: GitFailureKind | undefined;
  // A failing probe leaves the error as it is: the original message is still right.
  if (!(await probe.hasCommits().catch(() => true))) kind = 'no-commits';
  else if (await probe.isShallow().catch(() => false)) kind = 'shallow';
  if (kind === undefined) return error;
  return new GitError(
    { args: error.args, exitCode: error.exitCode, stderr: error.stderr, kind },
    { cause: error.cause },
  );
}
