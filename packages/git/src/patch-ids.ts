import { PassThrough, Readable } from 'node:stream';
import { once } from 'node:events';
import { formatStdinRevisions } from './arguments.js';
import { GitError } from './errors.js';
import { startGit } from './exec.js';
import { convertFormatError } from './log.js';
import { LogFormatError, readSha } from './log-parser.js';
import { ContextStripper, LineSplitter } from './zero-context.js';
import type { GitRunner } from './runner.js';

/**
 * Options that keep the patch text independent of the user's configuration
 * where it would change the id or the format: git's default three context
 * lines and hunk grouping (not `diff.context` or `diff.interHunkContext`), a
 * submodule as its `Subproject commit` lines (not `diff.submodule`'s log or
 * diff), no colors, external diff drivers or text conversion, the standard
 * `a/` `b/` prefixes, the whole tree (not only the current directory) and
 * the root commit's patch. The log also sets `diff.suppressBlankEmpty=false`:
 * under it, an empty context line printed as an empty line throws off
 * patch-id's count of a hunk's lines.
 */
const PATCH_OPTIONS = [
  '-U3',
  '--inter-hunk-context=0',
  '--submodule=short',
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
  const take = (line: string) => {
    const [id = '', sha = '', extra] = line.split(' ');
    if (extra !== undefined) {
      throw new LogFormatError(
        `git patch-id printed ${JSON.stringify(line.slice(0, 200))}; expected "<patch id> <commit sha>".`,
      );
    }
    ids.push([readSha(sha), readSha(id)]);
  };
  const splitter = new LineSplitter();
  stdout.setEncoding('utf8');
  for await (const chunk of stdout) {
    for (const line of splitter.push(String(chunk))) if (line !== '') take(line);
  }
  const last = splitter.end();
  if (last !== undefined) take(last);
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
  // A failed feed stops both gits (patch-id would wait for the rest of its input), and its
  // error is the one reported.
  const feed: { failure?: unknown } = {};
  const fed = writePatches(proc.stdout, input, wanted).catch((error: unknown) => {
    feed.failure = error;
    proc.stop();
    patchId.stop();
  });
  try {
    const ids = await collectPatchIdList(patchId.stdout).catch((error: unknown) => {
      throw convertFormatError(error, idArgs);
    });
    const idEnd = await patchId.exited;
    if ('failure' in feed) throw feed.failure;
    if (idEnd.exitCode !== 0) throw new GitError({ args: idArgs, ...idEnd });
    const logEnd = await proc.exited;
    if (logEnd.exitCode !== 0)
      throw await runner.sharpen(new GitError({ args: log.args, ...logEnd }));
    // Settled: patch-id ended only after its input did.
    await fed;
    try {
      return assignPatchIds(ids, wanted);
    } catch (error) {
      throw convertFormatError(error, idArgs);
    }
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
  const args = ['-c', 'log.showSignature=false', '-c', 'diff.suppressBlankEmpty=false'];
  args.push('log', '-p', '--no-merges', '--format=%H', ...PATCH_OPTIONS);
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
async function writePatches(
  log: Readable,
  input: PassThrough,
  wanted: { full: ReadonlySet<string>; zero: ReadonlySet<string> },
): Promise<void> {
  let commit: { full: boolean; stripper?: ContextStripper } | undefined;
  let out: string[] = [];
  const endCommit = () => {
    for (const line of commit?.stripper?.finish() ?? []) out.push(line);
    commit = undefined;
  };
  const takeLine = (line: string) => {
    if (COMMIT_LINE.test(line)) {
      endCommit();
      commit = { full: wanted.full.has(line) };
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
  const splitter = new LineSplitter();
  log.setEncoding('latin1');
  for await (const chunk of log) {
    for (const line of splitter.push(String(chunk))) takeLine(line);
    await flush();
  }
  const last = splitter.end();
  if (last !== undefined) takeLine(last);
  endCommit();
  await flush();
  input.end();
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
): { full: Map<string, string>; zero: Map<string, string> } {
  const full = new Map<string, string>();
  const zero = new Map<string, string>();
  for (const [sha, id] of ids) {
    if (wanted.full.has(sha) && !full.has(sha)) full.set(sha, id);
    else if (wanted.zero.has(sha) && !zero.has(sha)) zero.set(sha, id);
    else {
      throw new LogFormatError(
        `git patch-id printed an id for ${sha}, a commit not asked for or given an id already; ` +
          'expected one id per commit and kind.',
      );
    }
  }
  for (const sha of full.keys()) {
    if (wanted.zero.has(sha) && !zero.has(sha)) {
      throw new LogFormatError(
        `git patch-id printed the id of ${sha} with context but not the one without; expected both or neither.`,
      );
    }
  }
  return { full, zero };
}
