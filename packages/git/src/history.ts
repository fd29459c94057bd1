/**
 * A complete history for the version check: a shallow clone (a CI checkout
 * with depth 1) hides release tags and commits, which would turn a failure
 * into a pass. It is deepened from its remote when possible, with the
 * checkout's own credentials; otherwise the run stops with the exact fix.
 */
import { quoteShellArgument, ReleasePolicyError, truncateText } from '@release-policy/core';
import { startGit } from './exec.js';
import type { GitProcessConfig } from './spawn.js';

/** How long fetching the missing history may take before the run gives up. */
export const FETCH_TIMEOUT_MS = 120_000;

/** Who reads the advice: a person at a terminal, or a workflow author. */
export type HistoryAdvice = 'cli' | 'action';

/** The history is incomplete and could not be completed: the message says how to. */
export class IncompleteHistoryError extends ReleasePolicyError {
  /** Printed as `error.type` and `name`; see {@link ReleasePolicyError.type}. */
  static override readonly type = 'IncompleteHistoryError';
}

/** What `completeHistory` did. */
export type HistoryRepair = { status: 'complete' } | { status: 'fetched'; remote: string };

/** What `completeHistory` needs. */
export interface CompleteHistoryInput {
  config: GitProcessConfig;
  isShallow(): Promise<boolean>;
  readRemoteUrl(name: string): Promise<string | undefined>;
  /** The remote to fetch from; `origin` when absent. */
  remote?: string;
  advice: HistoryAdvice;
  /** Milliseconds before fetching gives up; {@link FETCH_TIMEOUT_MS} when absent. */
  timeoutMs?: number;
}

/** The fix for a person, or for a workflow, as one sentence with the exact command or setting. */
function describeFix(remote: string, advice: HistoryAdvice): string {
  if (advice === 'action') {
    return (
      'Check out the whole history and the tags: actions/checkout with "fetch-depth: 0" ' +
      '(and keep persist-credentials on, or fetch them yourself, e.g. git fetch --unshallow --tags origin). See docs/git.md#shallow-clone'
    );
  }
  return `Fetch it, then run the check again: git fetch --unshallow --tags ${quoteShellArgument(remote)}. See docs/git.md#shallow-clone`;
}

/**
 * The fix when the clone has no `remote` at all: a fetch cannot work, so it
 * is never suggested; add the remote back (the run then fetches the rest
 * itself), or get the whole history some other way.
 */
function describeNoRemoteFix(remote: string, advice: HistoryAdvice): string {
  const quoted = quoteShellArgument(remote);
  if (advice === 'action') {
    return (
      'Check out the whole history and the tags: actions/checkout with "fetch-depth: 0", ' +
      `or keep the remote ${quoted} it sets up so that the action fetches the rest itself. See docs/git.md#shallow-clone`
    );
  }
  return (
    `Add the remote the clone came from (git remote add ${quoted} URL) and run the check again, which then fetches the rest itself; ` +
    'or clone the repository again with its whole history (git clone URL, without --depth). See docs/git.md#shallow-clone'
  );
}

/**
 * Makes sure the clone is not shallow: when it is, fetches the rest of the
 * history and every tag from `remote` (`git fetch --unshallow --tags`, no
 * prompt, bounded by a timeout). Returns whether it fetched.
 *
 * @throws IncompleteHistoryError when the clone stays shallow (no such remote, the fetch failed or timed out)
 */
export async function completeHistory(input: CompleteHistoryInput): Promise<HistoryRepair> {
  if (!(await input.isShallow())) return { status: 'complete' };
  const remote = input.remote ?? 'origin';
  const cut =
    'The clone is shallow (its history is cut off), so release tags and commits since the last release may be missing and the version check could pass where it should fail.';
  if ((await input.readRemoteUrl(remote)) === undefined) {
    throw new IncompleteHistoryError(
      `${cut} It has no remote ${quoteShellArgument(remote)} to fetch the rest from. ${describeNoRemoteFix(remote, input.advice)}`,
    );
  }
  const failure = await fetchHistory(input.config, remote, input.timeoutMs ?? FETCH_TIMEOUT_MS);
  if (failure === undefined && !(await input.isShallow())) return { status: 'fetched', remote };
  throw new IncompleteHistoryError(
    `${cut} Fetching the rest from ${quoteShellArgument(remote)} failed: ${failure ?? 'the clone is still shallow'}. ${describeFix(remote, input.advice)}`,
  );
}

/** Runs the fetch; undefined on success, else why it failed (git's message, cut short). */
async function fetchHistory(
  config: GitProcessConfig,
  remote: string,
  timeoutMs: number,
): Promise<string | undefined> {
  const proc = startGit(config, [
    'fetch',
    '--unshallow',
    '--tags',
    '--quiet',
    '--no-recurse-submodules',
    '--end-of-options',
    remote,
  ]);
  proc.stdout.resume();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const result = await Promise.race([proc.exited, timedOut]);
    if (result === 'timeout') {
      proc.stop();
      return `no answer within ${Math.round(timeoutMs / 1000)} s`;
    }
    if (result.exitCode === 0) return undefined;
    const lines = result.stderr.trim().split(/\r?\n/);
    // git's "fatal:" line names the cause; the lines after it are general advice.
    const said = lines.find((line) => line.startsWith('fatal:')) ?? lines.at(-1) ?? '';
    return `git exited with ${result.exitCode ?? 'a signal'}${said ? ` (${truncateText(said, 200)})` : ''}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}
