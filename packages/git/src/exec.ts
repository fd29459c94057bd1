import type { Readable } from 'node:stream';
import { GitError } from './errors.js';
import type { EarlyGitRun } from './head-start.js';
import { startGitChild, type GitChildRun, type GitProcessConfig } from './spawn.js';

/** The output of a finished git command. */
export interface GitRunResult {
  stdout: Buffer;
  stderr: string;
  exitCode: number;
}

/** A running git command whose standard output is read as a stream. */
export interface GitProcess {
  stdout: Readable;
  /** Settles when git has exited: the exit code, or a GitError when git could not run. */
  exited: Promise<{ exitCode: number | null; stderr: string }>;
  /** Stops git early (e.g. when the reader stops iterating). */
  stop(): void;
}

/**
 * Starts git as {@link startGitChild} does (argument array, fixed settings,
 * `stdin` piped in or input empty), after refusing an argument with a NUL.
 * @throws GitError for such an argument, or a start that fails at once; a
 * git that cannot start (not found) rejects `exited` with one instead.
 */
export function startGit(
  config: GitProcessConfig,
  args: readonly string[],
  stdin?: Readable,
): GitProcess {
  for (const arg of args) {
    if (arg.includes('\0')) {
      throw new GitError({
        args,
        exitCode: null,
        kind: 'invalid-argument',
        reason: 'an argument contains a NUL character.',
      });
    }
  }
  let run: GitChildRun;
  try {
    run = startGitChild(config, args, stdin);
  } catch (cause) {
    throw spawnFailure(config, args, cause);
  }
  const { child } = run;
  const exited = run.ended.then((end) => {
    if (!end.started) throw spawnFailure(config, args, end.cause);
    return { exitCode: end.exitCode, stderr: end.stderr };
  });
  // The caller awaits `exited` later; keep an early failure from being reported as unhandled.
  exited.catch(() => undefined);
  return {
    stdout: child.stdout,
    exited,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
}

/**
 * Runs git to completion and collects its output. Exit codes listed in
 * `okExitCodes` (default `[0]`) are returned; any other becomes a GitError.
 * `stdin`, when given, is git's standard input (e.g. revisions for `--stdin`).
 */
export async function runGit(
  config: GitProcessConfig,
  args: readonly string[],
  okExitCodes: readonly number[] = [0],
  stdin?: Readable,
): Promise<GitRunResult> {
  const proc = startGit(config, args, stdin);
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of proc.stdout) chunks.push(chunk as Buffer);
  } finally {
    proc.stop();
  }
  const { exitCode, stderr } = await proc.exited;
  return {
    stdout: Buffer.concat(chunks),
    stderr,
    exitCode: checkExitCode(args, exitCode, stderr, okExitCodes),
  };
}

/**
 * The exit code when it is one of `okExitCodes`.
 * @throws GitError for any other, or none (git stopped by a signal)
 */
function checkExitCode(
  args: readonly string[],
  exitCode: number | null,
  stderr: string,
  okExitCodes: readonly number[],
): number {
  if (exitCode === null || !okExitCodes.includes(exitCode)) {
    throw new GitError({ args, exitCode, stderr });
  }
  return exitCode;
}

/**
 * The result of a run started early (see head-start.ts), as {@link runGit}
 * would have returned it for the same arguments.
 * @throws GitError as runGit would have thrown it: git could not start, or an exit code outside `okExitCodes`
 */
export async function convertEarlyRun(
  config: GitProcessConfig,
  args: readonly string[],
  early: Promise<EarlyGitRun>,
  okExitCodes: readonly number[] = [0],
): Promise<GitRunResult> {
  const run = await early;
  if (run.kind === 'not-started') throw spawnFailure(config, args, run.cause);
  // As runGit's read of the stream would have thrown it.
  if (run.kind === 'unread') throw run.cause;
  const { stdout, stderr } = run;
  return { stdout, stderr, exitCode: checkExitCode(args, run.exitCode, stderr, okExitCodes) };
}

function spawnFailure(config: GitProcessConfig, args: readonly string[], cause: unknown): GitError {
  const code = (cause as { code?: unknown } | null)?.code;
  const what =
    code === 'ENOENT'
      ? `${JSON.stringify(config.gitBinary)} was not found, or the working directory ${JSON.stringify(config.cwd)} does not exist.`
      : `git could not be started: ${cause instanceof Error ? cause.message : String(cause)}`;
  return new GitError(
    { args, exitCode: null, reason: what, kind: code === 'ENOENT' ? 'git-not-found' : 'other' },
    { cause },
  );
}

/**
 * {@link runGit} for a command that talks to a remote (push, fetch,
 * ls-remote): git is stopped after `timeoutMs`, and the run fails with a
 * GitError saying it got no answer in time.
 */
export async function runGitWithin(
  config: GitProcessConfig,
  args: readonly string[],
  timeoutMs: number,
  okExitCodes: readonly number[] = [0],
): Promise<GitRunResult> {
  const proc = startGit(config, args);
  const chunks: Buffer[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const read = (async () => {
    for await (const chunk of proc.stdout) chunks.push(chunk as Buffer);
    return proc.exited;
  })();
  // Settled later than a timeout: its failure is no longer news.
  read.catch(() => undefined);
  try {
    const result = await Promise.race([read, timedOut]);
    if (result === 'timeout') {
      proc.stop();
      throw new GitError({
        args,
        exitCode: null,
        reason: `git got no answer from the remote within ${Math.round(timeoutMs / 1000)} s.`,
      });
    }
    const { exitCode, stderr } = result;
    return {
      stdout: Buffer.concat(chunks),
      stderr,
      exitCode: checkExitCode(args, exitCode, stderr, okExitCodes),
    };
  } finally {
    clearTimeout(timer);
    proc.stop();
  }
}
