import { Readable } from 'node:stream';
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
  const ids = new Map<string, string>();
  let rest = '';
  const take = (line: string) => {
    const [id = '', sha = '', extra] = line.split(' ');
    if (extra !== undefined) {
      throw new LogFormatError(
        `git patch-id printed ${JSON.stringify(line.slice(0, 200))}; expected "<patch id> <commit sha>".`,
      );
    }
    ids.set(readSha(sha), readSha(id));
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
