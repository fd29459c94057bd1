import { PassThrough, Readable } from 'node:stream';
import { once } from 'node:events';
import { formatRange, formatStdinRevisions, type RevisionRange } from './arguments.js';
import { GitError } from './errors.js';
import { startGit } from './exec.js';
import { convertFormatError } from './log.js';
import { LogFormatError, readSha } from './log-parser.js';
import type { GitRunner } from './runner.js';

/** Which patch ids `patchIds` computes. */
export interface PatchIdOptions extends RevisionRange {
  /**
   * True: ids of the patches without context lines (`git log -U0`), so the
   * same change made where the surrounding lines differ gets the same id.
   * False or absent: ids of the patches with git's default three lines of context.
   */
  zeroContext?: boolean;
  /**
   * Only these commits (full shas), passed on git's standard input without
   * walking history (`--no-walk`): the range is not read. Merges among them
   * get no id.
   */
  commits?: readonly string[];
  /**
   * Only the commits that change one of these repository-relative paths
   * (literal, from the top): each keeps its whole patch (`--full-diff`), and
   * none is hidden by history simplification (`--full-history`). Passed on
   * standard input, so any number of paths fits; none may contain a line
   * break (see `isStdinPath`). Equal patches change the same paths, so a
   * commit that could match a patch changing `paths` is never left out.
   */
  paths?: readonly string[];
}

/**
 * Options that keep the patch text independent of the user's configuration
 * where it would change the id or the format: no colors, external diff
 * drivers or text conversion, the standard `a/` `b/` prefixes, the whole
 * tree (not only the current directory) and the root commit's patch.
 */
const PATCH_OPTIONS = [
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--no-relative',
  '--full-index',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  '--root',
];

/**
 * Streams `git log -p --no-merges --format=%H <range>` (or the commits and
 * paths of the options) into one `git patch-id --stable` and collects its
 * answer: commit sha → patch id. Two processes for the whole range, never
 * one per commit; the patches are never held in memory.
 * @throws GitError for a refused revision or path, a failing git, or output of an unexpected shape.
 */
export async function readPatchIds(
  runner: GitRunner,
  options: PatchIdOptions,
): Promise<Map<string, string>> {
  // Nothing to read: no commit asked for, or no path a commit could change.
  if (options.commits?.length === 0 || options.paths?.length === 0) return new Map();
  const logArgs = ['-c', 'log.showSignature=false', 'log', '-p', '--no-merges', '--format=%H'];
  logArgs.push(...PATCH_OPTIONS, ...(options.zeroContext === true ? ['-U0'] : []));
  if (options.paths !== undefined) logArgs.push('--full-history', '--full-diff');
  const input = formatStdinRevisions(logArgs, options);
  if (input !== undefined) logArgs.push('--stdin');
  if (options.commits === undefined) {
    logArgs.push('--end-of-options', formatRange(logArgs, options), '--');
  } else {
    logArgs.push('--no-walk=unsorted', '--');
  }
  const idArgs = ['patch-id', '--stable'];

  const log = startGit(
    runner.config,
    logArgs,
    input === undefined ? undefined : Readable.from([input]),
  );
  const patchId = startGit(runner.config, idArgs, log.stdout);
  try {
    const ids = await collectPatchIds(patchId.stdout).catch((error: unknown) => {
      throw convertFormatError(error, idArgs);
    });
    // patch-id first: when it fails, log dies of the broken pipe, which says less.
    const idEnd = await patchId.exited;
    if (idEnd.exitCode !== 0) throw new GitError({ args: idArgs, ...idEnd });
    const logEnd = await log.exited;
    if (logEnd.exitCode !== 0) {
      throw await runner.sharpen(new GitError({ args: logArgs, ...logEnd }));
    }
    return ids;
  } finally {
    // Reached on failure too: neither git may keep running.
    log.stop();
    patchId.stop();
  }
}

/** Reads `git patch-id` output, one `<patch id> <commit sha>` line per commit with a non-empty patch. */
async function collectPatchIds(stdout: Readable): Promise<Map<string, string>> {
  return new Map(await collectPatchIdList(stdout));
}

/** `git patch-id` output as `[commit sha, patch id]` pairs, in the order printed. */
async function collectPatchIdList(stdout: Readable): Promise<[string, string][]> {
  const ids: [string, string][] = [];
  let rest = '';
  const take = (line: string) => {
    const [id = '', sha = '', extra] = line.split(' ');
    if (extra !== undefined) {
      throw new LogFormatError(
        `git patch-id printed ${JSON.stringify(line.slice(0, 200))}; expected "<patch id> <commit sha>".`,
      );
    }
    ids.push([readSha(sha), readSha(id)]);
  };
  stdout.setEncoding('utf8');
  for await (const chunk of stdout) {
    const lines = (rest + String(chunk)).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line !== '') take(line);
  }
  if (rest !== '') take(rest);
  return ids;
}

/** What {@link readPatchIdPairs} reads. */
export interface PatchIdPairOptions {
  /** The commits (full shas) whose patch ids with git's default three context lines are read. */
  commits: readonly string[];
  /** The commits (full shas) whose zero-context patch ids are read. */
  zeroContextCommits: readonly string[];
}

/**
 * The patch `git patch-id` reads between the two logs of
 * {@link readPatchIdPairs}: its commit line is all zeros (no commit's sha,
 * as long as the repository's shas), so the id printed for it marks where
 * the ids of the first log end.
 */
function formatSeparatorPatch(sha: string): string {
  return `${sha}\n\ndiff --git a/- b/-\n--- a/-\n+++ b/-\n@@ -1 +1 @@\n-\n+-\n`;
}

/**
 * The patch ids of `commits` with context and of `zeroContextCommits`
 * without (merges and empty patches get none), with the same options as
 * {@link readPatchIds}: both `git log -p --no-walk` run at once, and one
 * `git patch-id --stable` reads the first's patches, a separator patch, then
 * the second's. Three processes where two {@link readPatchIds} take four.
 * @throws GitError for a commit that is not a full sha, a failing git, or output of an unexpected shape.
 */
export async function readPatchIdPairs(
  runner: GitRunner,
  options: PatchIdPairOptions,
): Promise<{ full: Map<string, string>; zero: Map<string, string> }> {
  const empty = { full: new Map<string, string>(), zero: new Map<string, string>() };
  const some = options.commits[0] ?? options.zeroContextCommits[0];
  if (some === undefined) return empty;
  const separator = '0'.repeat(some.length);
  // Both commands are checked before either starts: a refused sha leaves no git running.
  const logs = [
    preparePatchLog(options.commits, false),
    preparePatchLog(options.zeroContextCommits, true),
  ].map((log) => {
    if (log === undefined) return undefined;
    const proc = startGit(runner.config, log.args, Readable.from([log.input]));
    // Read from the start: Node discards the output of a child that exits with no reader
    // attached, and the second log waits its turn (it is held here, never lost).
    return { args: log.args, proc, output: proc.stdout.pipe(new PassThrough()) };
  });
  const input = new PassThrough();
  const idArgs = ['patch-id', '--stable'];
  const patchId = startGit(runner.config, idArgs, input);
  // Both logs' patches in turn, the separator between; writing waits while patch-id lags.
  const feed = async () => {
    for (const [n, log] of logs.entries()) {
      if (n === 1) input.write(formatSeparatorPatch(separator));
      for await (const chunk of log?.output ?? []) {
        if (!input.write(chunk)) await once(input, 'drain');
      }
    }
    input.end();
  };
  const fed = feed();
  // Awaited below, after patch-id's answer: a failing feed also shows in an exit code.
  fed.catch(() => undefined);
  try {
    const ids = await collectPatchIdList(patchId.stdout).catch((error: unknown) => {
      throw convertFormatError(error, idArgs);
    });
    const idEnd = await patchId.exited;
    if (idEnd.exitCode !== 0) throw new GitError({ args: idArgs, ...idEnd });
    for (const log of logs) {
      const logEnd = await log?.proc.exited;
      if (log !== undefined && logEnd !== undefined && logEnd.exitCode !== 0) {
        throw await runner.sharpen(new GitError({ args: log.args, ...logEnd }));
      }
    }
    await fed;
    return splitAtSeparator(ids, separator, idArgs);
  } finally {
    for (const log of logs) log?.proc.stop();
    patchId.stop();
  }
}

/** The `git log -p` of `commits` for patch ids and its standard input; undefined when there is none (git would read HEAD). */
function preparePatchLog(
  commits: readonly string[],
  zeroContext: boolean,
): { args: string[]; input: string } | undefined {
  if (commits.length === 0) return undefined;
  const args = ['-c', 'log.showSignature=false', 'log', '-p', '--no-merges', '--format=%H'];
  args.push(...PATCH_OPTIONS, ...(zeroContext ? ['-U0'] : []));
  const input = formatStdinRevisions(args, { commits }) ?? '';
  args.push('--stdin', '--no-walk=unsorted', '--');
  return { args, input };
}

/** The ids before the separator's and after it, by commit sha. */
function splitAtSeparator(
  ids: readonly [string, string][],
  separator: string,
  idArgs: readonly string[],
): { full: Map<string, string>; zero: Map<string, string> } {
  const at = ids.findIndex(([sha]) => sha === separator);
  if (at < 0) {
    throw new GitError({
      args: idArgs,
      exitCode: null,
      stderr:
        'git patch-id printed no id for the separator patch; expected one between the two logs.',
    });
  }
  return { full: new Map(ids.slice(0, at)), zero: new Map(ids.slice(at + 1)) };
}
