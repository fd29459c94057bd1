import { quoteValue } from '@release-policy/core';
import { GitError } from './errors.js';

/** Which commits a command reads: those reachable from `to` but not from `from`. */
export interface RevisionRange {
  /** Exclude commits reachable from this revision (the `from` in `from..to`). */
  from?: string;
  /** List commits reachable from this revision; `HEAD` when absent. */
  to?: string;
}

/**
 * The revision argument for `range` (`from..to`, or `to` alone), after
 * checking both ends against `args`, the command shown when one is refused.
 * @throws GitError (kind `invalid-argument`) for a revision git could read as an option.
 */
export function formatRange(args: readonly string[], range: RevisionRange): string {
  const to = range.to ?? 'HEAD';
  if (range.from !== undefined) checkArgument(args, range.from, 'revision');
  checkArgument(args, to, 'revision');
  return range.from === undefined ? to : `${range.from}..${to}`;
}

/**
 * Refuses a revision or path git could read as an option, or that cannot be passed at all.
 * @throws GitError (kind `invalid-argument`) naming the value and the expected form.
 */
export function checkArgument(
  args: readonly string[],
  value: string,
  what: 'revision' | 'path',
): void {
  let problem: string | undefined;
  if (value === '') problem = `the ${what} is empty`;
  else if (value.startsWith('-'))
    problem = `the ${what} ${quoteValue(value)} starts with "-", so git would read it as an option`;
  else if (value.includes('\0'))
    problem = `the ${what} ${quoteValue(value)} contains a NUL character`;
  if (problem !== undefined) {
    const example =
      what === 'revision'
        ? '"main", "v1.2.3" or a commit sha'
        : '"package.json" or "src/version.txt"';
    throw new GitError({
      args,
      exitCode: null,
      kind: 'invalid-argument',
      reason: `${problem}; expected a ${what} such as ${example}.`,
    });
  }
}
