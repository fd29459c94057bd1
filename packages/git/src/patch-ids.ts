import type { Readable } from 'node:stream';
import { formatRange, type RevisionRange } from './arguments.js';
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
 * Streams `git log -p --no-merges --format=%H <range>` into one
 * `git patch-id --stable` and collects its answer: commit sha → patch id.
 * Two processes for the whole range, never one per commit; the patches are
 * never held in memory.
 * @throws GitError for a refused revision, a failing git, or output of an unexpected shape.
 */
export async function readPatchIds(
  runner: GitRunner,
  options: PatchIdOptions,
): Promise<Map<string, string>> {
  const logArgs = ['-c', 'log.showSignature=false', 'log', '-p', '--no-merges', '--format=%H'];
  logArgs.push(...PATCH_OPTIONS, ...(options.zeroContext === true ? ['-U0'] : []));
  logArgs.push('--end-of-options', formatRange(logArgs, options), '--');
  const idArgs = ['patch-id', '--stable'];

  const log = startGit(runner.config, logArgs);
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
