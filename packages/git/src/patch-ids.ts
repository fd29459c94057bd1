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
 * The patch ids (`git patch-id --stable`; equal ids mean the same change,
 * e.g. a cherry-pick) of `commits` with git's default three context lines
 * and of `zeroContextCommits` without (`-U0`: the same change made where the
 * surrounding lines differ gets the same id). Merges and empty patches get
 * none. One `git log -p --no-walk` (commits on standard input, no history
 * walk) reads every patch once; one `git patch-id --stable` reads each
 * commit's patch as git printed it, then the same patch without its context
 * lines (see {@link ContextStripper}): two processes for any number of
 * commits, never one per commit, and one commit's patch held at a time.
 * @throws GitError for a commit that is not a full sha, a failing git, or output of an unexpected shape.
 */
export async function readPatchIdPairs(
  runner: GitRunner,
  options: PatchIdPairOptions,
): Promise<{ full: Map<string, string>; zero: Map<string, string> }> {
  const wanted = { full: new Set(options.commits), zero: new Set(options.zeroContextCommits) };
  const log = preparePatchLog([...new Set([...options.commits, ...options.zeroContextCommits])]);
  if (log === undefined) return { full: new Map(), zero: new Map() };
  const proc = startGit(runner.config, log.args, Readable.from([log.input]));
  const input = new PassThrough();
  const idArgs = ['patch-id', '--stable'];
  const patchId = startGit(runner.config, idArgs, input);
  const fed = feedPatches(proc.stdout, input, wanted);
  // Awaited below, after patch-id's answer: a failing feed also shows in an exit code.
  fed.catch(() => undefined);
  try {
    const ids = await collectPatchIdList(patchId.stdout).catch((error: unknown) => {
      throw convertFormatError(error, idArgs);
    });
    const idEnd = await patchId.exited;
    if (idEnd.exitCode !== 0) throw new GitError({ args: idArgs, ...idEnd });
    const logEnd = await proc.exited;
    if (logEnd.exitCode !== 0)
      throw await runner.sharpen(new GitError({ args: log.args, ...logEnd }));
    await fed;
    return assignPatchIds(ids, wanted, idArgs);
  } finally {
    proc.stop();
    patchId.stop();
  }
}

/** The `git log -p` of `commits` for patch ids and its standard input; undefined when there is none (git would read HEAD). */
function preparePatchLog(
  commits: readonly string[],
): { args: string[]; input: string } | undefined {
  if (commits.length === 0) return undefined;
  const args = ['-c', 'log.showSignature=false', 'log', '-p', '--no-merges', '--format=%H'];
  args.push(...PATCH_OPTIONS);
  const input = formatStdinRevisions(args, { commits }) ?? '';
  args.push('--stdin', '--no-walk=unsorted', '--');
  return { args, input };
}

/** A commit's line in `git log --format=%H` output: its sha alone. */
const COMMIT_LINE = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * Writes the log's patches to patch-id: each commit's as git printed it
 * when its id with context is wanted, then without context when that id is
 * wanted. The text is read and written as Latin-1, one character per byte,
 * so a patch that is not UTF-8 reaches patch-id byte for byte.
 */
async function feedPatches(
  log: Readable,
  input: PassThrough,
  wanted: { full: ReadonlySet<string>; zero: ReadonlySet<string> },
): Promise<void> {
  let commit: { sha: string; full: boolean; stripper?: ContextStripper } | undefined;
  let rest = '';
  let out: string[] = [];
  const endCommit = () => {
    if (commit?.stripper !== undefined) out.push(...commit.stripper.finish());
    commit = undefined;
  };
  const takeLine = (line: string) => {
    if (COMMIT_LINE.test(line)) {
      endCommit();
      commit = { sha: line, full: wanted.full.has(line) };
      if (wanted.zero.has(line)) commit.stripper = new ContextStripper();
    }
    if (commit === undefined) return;
    if (commit.full) out.push(line);
    commit.stripper?.take(line);
  };
  const flush = async () => {
    if (out.length === 0) return;
    const text = out.join('\n') + '\n';
    out = [];
    if (!input.write(text, 'latin1')) await once(input, 'drain');
  };
  log.setEncoding('latin1');
  for await (const chunk of log) {
    const lines = (rest + String(chunk)).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) takeLine(line);
    await flush();
  }
  if (rest !== '') takeLine(rest);
  endCommit();
  await flush();
  input.end();
}

/**
 * Turns one commit's patch, as `git log -p` prints it with context, into
 * the patch `git log -p -U0` prints for patch-id: the same commit line and
 * file headers, the same changed lines in the same order, no context lines,
 * each hunk headed by its own counts. Equal to patch-id: it hashes every
 * line of a hunk but the `@@` header, whose line numbers it ignores (it
 * reads the counts only to find where the hunk ends), and it skips the
 * `\ No newline at end of file` lines; git's diff is the same with any
 * number of context lines, which only decide how changes group into hunks.
 * Written here because git has no option to print both patches at once:
 * without it, a second `git log -p -U0` reads and diffs every commit again.
 */
export class ContextStripper {
  private readonly out: string[] = [];
  private hunk: string[] | undefined;
  private before = 0;
  private after = 0;
  private removed = 0;
  private added = 0;

  /** Takes the next line of the commit's patch (without its line break). */
  take(line: string): void {
    if (this.hunk === undefined) {
      // patch-id skips every `\ No newline at end of file`; -U0 prints none after a context line.
      if (line.startsWith('\\ ')) return;
      const counts = line.startsWith('@@ -') ? readHunkCounts(line) : undefined;
      if (counts === undefined) {
        this.out.push(line);
        return;
      }
      [this.before, this.after] = counts;
      this.hunk = [];
      this.removed = 0;
      this.added = 0;
      this.closeIfDone();
      return;
    }
    const first = line.charAt(0);
    if (first === '-') {
      this.before -= 1;
      this.removed += 1;
      this.hunk.push(line);
    } else if (first === '+') {
      this.after -= 1;
      this.added += 1;
      this.hunk.push(line);
    } else if (first === ' ' || line === '') {
      // A context line ('' is one with diff.suppressBlankEmpty): counted, not kept.
      this.before -= 1;
      this.after -= 1;
    } else if (first !== '\\') {
      // Not a hunk's line: the hunk was shorter than its header said.
      this.close();
      this.take(line);
      return;
    }
    this.closeIfDone();
  }

  /** The patch without context, one string per line; the stripper is spent. */
  finish(): string[] {
    if (this.hunk !== undefined) this.close();
    return this.out;
  }

  private closeIfDone(): void {
    if (this.before <= 0 && this.after <= 0) this.close();
  }

  private close(): void {
    if (this.hunk === undefined) return;
    this.out.push(`@@ -0,${this.removed} +0,${this.added} @@`, ...this.hunk);
    this.hunk = undefined;
  }
}

/** The old and new line counts of a hunk header (`@@ -12,3 +12,4 @@`; a missing count is 1). */
function readHunkCounts(line: string): [number, number] | undefined {
  const match = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(line);
  if (match === null) return undefined;
  return [Number(match[1] ?? 1), Number(match[2] ?? 1)];
}

/**
 * The ids patch-id printed, by kind: a commit whose ids of both kinds were
 * asked has two, with context first; patch-id prints both or neither (a
 * patch without context keeps every file header, so it is empty only when
 * the commit's patch is).
 */
function assignPatchIds(
  ids: readonly [string, string][],
  wanted: { full: ReadonlySet<string>; zero: ReadonlySet<string> },
  idArgs: readonly string[],
): { full: Map<string, string>; zero: Map<string, string> } {
  const full = new Map<string, string>();
  const zero = new Map<string, string>();
  const unexpected = (reason: string) =>
    new GitError({ args: idArgs, exitCode: null, stderr: `git patch-id printed ${reason}.` });
  for (const [sha, id] of ids) {
    if (wanted.full.has(sha) && !full.has(sha)) full.set(sha, id);
    else if (wanted.zero.has(sha) && !zero.has(sha)) zero.set(sha, id);
    else throw unexpected(`an id for ${sha} that was not asked for, or once too often`);
  }
  for (const sha of full.keys()) {
    if (wanted.zero.has(sha) && !zero.has(sha)) {
      throw unexpected(`the id of ${sha} with context but not the one without`);
    }
  }
  return { full, zero };
}
