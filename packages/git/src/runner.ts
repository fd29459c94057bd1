import { GitError, type GitFailureKind } from './errors.js';
import { runGit, type GitProcessConfig, type GitRunResult } from './exec.js';

/** Runs git for one repository and sharpens its failures. */
export interface GitRunner {
  readonly config: GitProcessConfig;
  /** Runs git to completion; exit codes outside `okExitCodes` (default `[0]`) become sharpened GitErrors. */
  run(args: string[], okExitCodes?: readonly number[]): Promise<GitRunResult>;
  /** Runs git and returns its output without the final line break (paths may end in spaces). */
  text(args: string[]): Promise<string>;
  /** True when the repository is a shallow clone. */
  isShallow(): Promise<boolean>;
  /** `error` with a sharper kind when it is an unknown-revision GitError whose cause can be told; else `error`. */
  sharpen(error: unknown): Promise<unknown>;
}

/** Creates the runner every Git method goes through. Nothing runs until a method is called. */
export function createGitRunner(config: GitProcessConfig): GitRunner {
  // A clone only stops being shallow (nothing here makes one shallow): a "no" is remembered.
  let complete = false;
  const isShallow = async (): Promise<boolean> => {
    if (complete) return false;
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
      return await runGit(config, args, okExitCodes);
    } catch (error) {
      throw await sharpen(error);
    }
  };
  const text = async (args: string[]): Promise<string> =>
    (await run(args)).stdout.toString('utf8').replace(/\r?\n$/, '');
  return { config, run, text, isShallow, sharpen };
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
