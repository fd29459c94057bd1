import type { CommitFacts } from '@release-policy/core';
import { formatRange, type RevisionRange } from './arguments.js';
import { quoteValue } from '@release-policy/core';
import { GitError } from './errors.js';
import { startGit } from './exec.js';
import { CommitLogParser, LOG_FORMAT, LogFormatError } from './log-parser.js';
import type { GitRunner } from './runner.js';

/** Which commits `log` lists. */
export interface LogOptions extends RevisionRange {
  /** At most this many commits (a non-negative integer). */
  maxCount?: number;
  /**
   * Only commits that change a file under one of these repository-relative
   * paths (literal, from the repository root: no globs), e.g. a package's
   * folder in a monorepo.
   */
  paths?: readonly string[];
}

/**
 * Streams the commits of one `git log` pass, newest first, each parsed as
 * soon as git has printed it; stops git when the reader stops early.
 * @throws GitError for a refused argument, a failing git, or output of an unexpected shape.
 */
export async function* streamLog(
  runner: GitRunner,
  options: LogOptions,
): AsyncGenerator<CommitFacts> {
  const args = ['-c', 'log.showSignature=false', 'log', `--format=${LOG_FORMAT}`];
  if (options.maxCount !== undefined)
    args.push(`--max-count=${checkMaxCount(args, options.maxCount)}`);
  args.push('--end-of-options', formatRange(args, options), '--');
  // Literal pathspecs from the top: a path from the policy is never read as a glob or as magic.
  for (const path of options.paths ?? []) args.push(`:(top,literal)${path}`);

  const proc = startGit(runner.config, args);
  const parser = new CommitLogParser();
  try {
    for await (const chunk of proc.stdout) {
      yield* parser.push(chunk as Buffer);
    }
    const { exitCode, stderr } = await proc.exited;
    if (exitCode !== 0) throw await runner.sharpen(new GitError({ args, exitCode, stderr }));
    parser.end();
  } catch (error) {
    throw convertFormatError(error, args);
  } finally {
    // Also reached when the reader stops early: git must not keep running.
    proc.stop();
  }
}

/**
 * A LogFormatError as the GitError of the command whose output it was
 * (callers handle GitErrors only); any other error unchanged.
 */
export function convertFormatError(error: unknown, args: readonly string[]): unknown {
  if (!(error instanceof LogFormatError)) return error;
  return new GitError({ args, exitCode: null, stderr: error.message }, { cause: error });
}

function checkMaxCount(args: readonly string[], maxCount: number): number {
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) {
    throw new GitError({
      args,
      exitCode: null,
      kind: 'invalid-argument',
      reason: `maxCount must be a non-negative integer, e.g. 100; got ${quoteValue(String(maxCount))}.`,
    });
  }
  return maxCount;
}
