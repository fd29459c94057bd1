import { quoteValue, type CommitFacts } from '@release-policy/core';
import { GitError, type GitFailureKind } from './errors.js';
import { runGit, startGit, type GitProcessConfig } from './exec.js';
import { CommitLogParser, LOG_FORMAT, LogFormatError } from './log-parser.js';

/** Which commits `log` lists. */
export interface LogOptions {
  /** Exclude commits reachable from this revision (the `from` in `from..to`). */
  from?: string;
  /** List commits reachable from this revision; `HEAD` when absent. */
  to?: string;
  /** At most this many commits (a non-negative integer). */
  maxCount?: number;
}

/**
 * Read-only access to one git repository. Every method spawns git with an
 * argument array; revisions and paths are passed after `--end-of-options`
 * and refused when they start with `-`. Failures are GitErrors.
 * Requires git 2.30 or later.
 */
export interface Git {
  /** The directory commands run in. */
  readonly cwd: string;
  /** Absolute path of the working tree's top directory. */
  root(): Promise<string>;
  /** Short name of the checked-out branch; undefined when HEAD is detached. */
  currentBranch(): Promise<string | undefined>;
  /** Full sha of the commit HEAD points at. */
  head(): Promise<string>;
  /** Full sha of the commit `rev` names (annotated tags are peeled to their commit). */
  revParse(rev: string): Promise<string>;
  /** True when the repository is a shallow clone (history is cut off). */
  isShallow(): Promise<boolean>;
  /** Every tag name (without `refs/tags/`), sorted by name. */
  listTags(): Promise<string[]>;
  /** Names of the tags that point at the commit `rev` names, lightweight or annotated. */
  tagsAt(rev: string): Promise<string[]>;
  /** Commits in `from..to` (or all reachable from `to`), newest first, parsed while git streams them. */
  log(options?: LogOptions): AsyncIterable<CommitFacts>;
  /** The file `path` (relative to the top directory) as of `rev`; undefined when it does not exist there. */
  readFileAt(rev: string, path: string): Promise<string | undefined>;
  /** True when `ancestor` is `descendant` or one of its ancestors. */
  isAncestor(ancestor: string, descendant: string): Promise<boolean>;
  /** The best common ancestor of `a` and `b`; undefined when the histories are unrelated. */
  mergeBase(a: string, b: string): Promise<string | undefined>;
}

/** How to reach the repository. */
export interface CreateGitOptions {
  /** A directory inside the working tree. */
  cwd: string;
  /** The git executable; `git` on PATH when absent. */
  gitBinary?: string;
  /** The environment for git; the current process's when absent. */
  env?: NodeJS.ProcessEnv;
}

/** Creates a Git for the working tree that contains `cwd`. Nothing runs until a method is called. */
export function createGit(options: CreateGitOptions): Git {
  const config: GitProcessConfig = {
    cwd: options.cwd,
    gitBinary: options.gitBinary ?? 'git',
    env: options.env ?? process.env,
  };

  const isShallow = async (): Promise<boolean> => {
    const { stdout } = await runGit(config, ['rev-parse', '--is-shallow-repository']);
    return stdout.toString('utf8').trim() === 'true';
  };

  const hasCommits = async (): Promise<boolean> =>
    (await runGit(config, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], [0, 1]))
      .exitCode === 0;
  const probe: RepositoryProbe = { isShallow, hasCommits };

  /** Runs git; an unknown-revision failure gets a sharper hint when the cause can be told. */
  const run = async (args: string[], okExitCodes?: readonly number[]) => {
    try {
      return await runGit(config, args, okExitCodes);
    } catch (error) {
      throw await sharpen(error, probe);
    }
  };
  /** Runs git and returns its output without the final line break (paths may end in spaces). */
  const text = async (args: string[]): Promise<string> =>
    (await run(args)).stdout.toString('utf8').replace(/\r?\n$/, '');

  const revParse = async (rev: string): Promise<string> => {
    const args = ['rev-parse', '--verify', '--end-of-options', `${rev}^{commit}`];
    checkArgument(args, rev, 'revision');
    return text(args);
  };

  return {
    cwd: options.cwd,
    isShallow,
    revParse,
    root: () => text(['rev-parse', '--show-toplevel']),
    head: () => text(['rev-parse', '--verify', 'HEAD^{commit}']),

    async currentBranch() {
      const result = await run(['symbolic-ref', '--quiet', 'HEAD'], [0, 1]);
      const ref = result.stdout.toString('utf8').trim();
      return result.exitCode === 0 && ref.startsWith('refs/heads/')
        ? ref.slice('refs/heads/'.length)
        : undefined;
    },

    async listTags() {
      const { stdout } = await run(['for-each-ref', '--format=%(refname)%00', 'refs/tags']);
      return parseRefNames(stdout, 'refs/tags/');
    },

    async tagsAt(rev) {
      const sha = await revParse(rev);
      const { stdout } = await run([
        'for-each-ref',
        '--format=%(refname)%00',
        `--points-at=${sha}`,
        'refs/tags',
      ]);
      return parseRefNames(stdout, 'refs/tags/');
    },

    log(logOptions = {}) {
      return streamLog(config, logOptions, probe);
    },

    async readFileAt(rev, path) {
      const object = `${rev}:${path}`;
      const typeArgs = ['cat-file', '-t', '--end-of-options', object];
      checkArgument(typeArgs, rev, 'revision');
      checkArgument(typeArgs, path, 'path');
      await revParse(rev);
      const type = await run(typeArgs, [0, 128]);
      if (type.exitCode !== 0) {
        if (/does not exist in|exists on disk, but not in/i.test(type.stderr)) return undefined;
        throw await sharpen(
          new GitError({ args: typeArgs, exitCode: type.exitCode, stderr: type.stderr }),
          probe,
        );
      }
      if (type.stdout.toString('utf8').trim() !== 'blob') return undefined;
      const { stdout } = await run(['show', '--no-textconv', '--end-of-options', object]);
      return stdout.toString('utf8');
    },

    async isAncestor(ancestor, descendant) {
      const args = ['merge-base', '--is-ancestor', '--end-of-options', ancestor, descendant];
      checkArgument(args, ancestor, 'revision');
      checkArgument(args, descendant, 'revision');
      return (await run(args, [0, 1])).exitCode === 0;
    },

    async mergeBase(a, b) {
      const args = ['merge-base', '--end-of-options', a, b];
      checkArgument(args, a, 'revision');
      checkArgument(args, b, 'revision');
      const result = await run(args, [0, 1]);
      return result.exitCode === 0 ? result.stdout.toString('utf8').trim() : undefined;
    },
  };
}

async function* streamLog(
  config: GitProcessConfig,
  options: LogOptions,
  probe: RepositoryProbe,
): AsyncGenerator<CommitFacts> {
  const to = options.to ?? 'HEAD';
  const range = options.from === undefined ? to : `${options.from}..${to}`;
  const args = ['-c', 'log.showSignature=false', 'log', `--format=${LOG_FORMAT}`];
  if (options.maxCount !== undefined) {
    if (!Number.isSafeInteger(options.maxCount) || options.maxCount < 0) {
      throw new GitError({
        args,
        exitCode: null,
        kind: 'invalid-argument',
        reason: `maxCount must be a non-negative integer, e.g. 100; got ${quoteValue(String(options.maxCount))}.`,
      });
    }
    args.push(`--max-count=${options.maxCount}`);
  }
  args.push('--end-of-options', range, '--');
  if (options.from !== undefined) checkArgument(args, options.from, 'revision');
  checkArgument(args, to, 'revision');

  const proc = startGit(config, args);
  const parser = new CommitLogParser();
  try {
    for await (const chunk of proc.stdout) {
      yield* parser.push(chunk as Buffer);
    }
  } catch (error) {
    if (!(error instanceof LogFormatError)) throw error;
    proc.stop();
    throw new GitError({ args, exitCode: null, stderr: error.message }, { cause: error });
  } finally {
    // Also reached when the reader stops early: git must not keep running.
    proc.stop();
  }
  const { exitCode, stderr } = await proc.exited;
  if (exitCode !== 0) throw await sharpen(new GitError({ args, exitCode, stderr }), probe);
  try {
    parser.end();
  } catch (error) {
    throw new GitError({ args, exitCode, stderr: (error as Error).message }, { cause: error });
  }
}

/** Refuses a revision or path git could read as an option, or that cannot be passed at all. */
function checkArgument(args: readonly string[], value: string, what: 'revision' | 'path'): void {
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

/** Splits `%(refname)%00` output into names without `prefix`. */
function parseRefNames(stdout: Buffer, prefix: string): string[] {
  return stdout
    .toString('utf8')
    .split('\0')
    .map((name) => name.replace(/^\n/, ''))
    .filter((name) => name !== '')
    .map((name) => (name.startsWith(prefix) ? name.slice(prefix.length) : name));
}

/** Questions that sharpen an unknown-revision failure. */
interface RepositoryProbe {
  isShallow(): Promise<boolean>;
  hasCommits(): Promise<boolean>;
}

/**
 * Gives an unknown-revision failure a better hint: in a repository without
 * commits no revision exists at all; in a shallow clone the revision is most
 * likely cut off.
 */
async function sharpen(error: unknown, probe: RepositoryProbe): Promise<unknown> {
  if (!(error instanceof GitError) || error.kind !== 'unknown-revision') return error;
  let kind: GitFailureKind | undefined;
  if (!(await probe.hasCommits().catch(() => true))) kind = 'no-commits';
  else if (await probe.isShallow().catch(() => false)) kind = 'shallow';
  if (kind === undefined) return error;
  return new GitError(
    { args: error.args, exitCode: error.exitCode, stderr: error.stderr, kind },
    { cause: error.cause },
  );
}
