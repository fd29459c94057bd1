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

const FULL_SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * True when `path` can be passed to git on standard input (`--stdin`), where
 * each line is one path: it holds no line break (nor a carriage return, which
 * git drops at a line's end) and no NUL.
 */
export function isStdinPath(path: string): boolean {
  return path !== '' && !/[\n\r\0]/.test(path);
}

/**
 * The standard input of a `git log --stdin` for `commits` (full shas, one a
 * line) and `paths` (after `--`, each a literal pathspec from the top);
 * undefined when neither is given. Commits and paths never reach the command
 * line, so no count is too many and none can be read as an option.
 * @throws GitError (kind `invalid-argument`) for a commit that is not a full sha, or a path {@link isStdinPath} refuses.
 */
export function formatStdinRevisions(
  args: readonly string[],
  input: { commits?: readonly string[]; paths?: readonly string[] },
): string | undefined {
  if (input.commits === undefined && input.paths === undefined) return undefined;
  const lines: string[] = [];
  const refuse = (reason: string) =>
    new GitError({ args, exitCode: null, kind: 'invalid-argument', reason });
  for (const sha of input.commits ?? []) {
    if (!FULL_SHA.test(sha)) {
      throw refuse(
        `the commit ${quoteValue(sha)} is not a full sha; expected 40 (or 64) lowercase hex digits, e.g. "3f2a…".`,
      );
    }
    lines.push(sha);
  }
  if (input.paths !== undefined) {
    lines.push('--');
    for (const path of input.paths) {
      if (!isStdinPath(path)) {
        throw refuse(
          `the path ${quoteValue(path)} is empty or holds a line break or NUL, so it cannot be passed one a line; expected a path such as "src/version.txt".`,
        );
      }
      // Literal, from the top: a path is never read as a glob or as pathspec magic.
      lines.push(`:(top,literal)${path}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
