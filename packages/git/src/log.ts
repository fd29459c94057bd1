import type { CommitFacts } from '@release-policy/core';
import { formatRange, type RevisionRange } from './arguments.js';
import { quoteValue } from '@release-policy/core';
import { GitError } from './errors.js';
import { startGit } from './exec.js';
import {
  CommitLogParser,
  CommitMessageParser,
  LOG_FORMAT,
  LogFormatError,
  MESSAGE_LOG_FORMAT,
  type CommitMessage,
} from './log-parser.js';
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
  // Stopping this generator early stops the inner one too, which stops git.
  for await (const batch of streamBatches(runner, options, LOG_FORMAT, new CommitLogParser())) {
    yield* batch;
  }
}

/**
 * The sha and message of every commit of one `git log` pass, newest first
 * (at most `maxCount`): git formats and Node decodes nothing else (no people,
 * dates, parents or trailers), about a third of the bytes of {@link streamLog}.
 * Records are parsed as git prints them and collected a chunk at a time,
 * without a step of async iteration per commit.
 * @throws GitError for a refused argument, a failing git, or output of an unexpected shape.
 */
export async function listMessages(
  runner: GitRunner,
  options: LogOptions,
): Promise<CommitMessage[]> {
  const parser = new CommitMessageParser();
  return collectBatches(streamBatches(runner, options, MESSAGE_LOG_FORMAT, parser));
}

/** Every record of `batches`, in order, collected a batch at a time (no async step per record). */
export async function collectBatches<T>(batches: AsyncIterable<T[]>): Promise<T[]> {
  const records: T[] = [];
  for await (const batch of batches) {
    for (const record of batch) records.push(record);
  }
  return records;
}

/**
 * One `git log --format=<format>` pass over the range: the records each
 * chunk of git's output completes, parsed by `parser`. Stops git when the
 * reader stops early.
 */
async function* streamBatches<T>(
  runner: GitRunner,
  options: LogOptions,
  format: string,
  parser: { push(chunk: Buffer): T[]; end(): void },
): AsyncGenerator<T[]> {
  const args = ['-c', 'log.showSignature=false', 'log', `--format=${format}`];
  if (options.maxCount !== undefined)
    args.push(`--max-count=${checkMaxCount(args, options.maxCount)}`);
  args.push('--end-of-options', formatRange(args, options), '--');
  // Literal pathspecs from the top: a path from the policy is never read as a glob or as magic.
  for (const path of options.paths ?? []) args.push(`:(top,literal)${path}`);

  yield* streamRecords(runner, args, parser);
}

/**
 * Runs one `git log` with `args` and yields the records each chunk of its
 * output completes, parsed by `parser`. Stops git when the reader stops early.
 * @throws GitError for a failing git, or output of an unexpected shape.
 */
export async function* streamRecords<T>(
  runner: GitRunner,
  args: readonly string[],
  parser: { push(chunk: Buffer): T[]; end(): void },
): AsyncGenerator<T[]> {
  const proc = startGit(runner.config, args);
  try {
    for await (const chunk of proc.stdout) {
      const records = parser.push(chunk as Buffer);
      if (records.length > 0) yield records;
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
