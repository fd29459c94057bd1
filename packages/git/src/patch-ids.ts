import { PassThrough, Readable } from 'node:stream';
import { once } from 'node:events';
import { formatStdinRevisions } from './arguments.js';
import { GitError } from './errors.js';
import { startGit } from './exec.js';
import { convertFormatError } from './log.js';
import { LogFormatError, readSha } from './log-parser.js';
import type { GitRunner } from './runner.js';

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
 * The patch ids (`git patch-id --stable`; equal ids mean the same change,
 * e.g. a cherry-pick) of `commits` with git's default three context lines
 * and of `zeroContextCommits` without (`-U0`: the same change made where the
 * surrounding lines differ gets the same id). Merges and empty patches get
 * none. Both `git log -p --no-walk` (commits on standard input, no history
 * walk) run at once, and one `git patch-id --stable` reads the first's
 * patches, a separator patch, then the second's: three processes for any
 * number of commits, never one per commit, and no patch held in memory.
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
