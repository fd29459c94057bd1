/**
 * Git commands started before the program that needs them has loaded.
 *
 * Why: a run of the CLI spends its first hundred milliseconds loading its
 * own code, while git, on another core, could already be listing the refs
 * (a repository with a thousand loose tags takes git 20 to 40 ms) and
 * reading HEAD and the working tree's top directory. Neither depends on the policy or the command's options. The
 * entry point starts them (this module loads only Node built-ins); the Git
 * made with the same settings takes each one as the answer to its first
 * identical command, and runs any later one itself.
 */
import { startGitChild, type GitChild, type GitChildRun, type GitProcessConfig } from './spawn.js';

/** `for-each-ref` printing each full ref name followed by NUL: every ref listing's command. */
export const REF_NAMES_ARGS: readonly string[] = ['for-each-ref', '--format=%(refname)%00'];

/** Every ref namespace the Git reads, in the sorted order `for-each-ref` is given them. */
export const ALL_REF_SPACES = ['refs/heads', 'refs/remotes', 'refs/tags'] as const;

/** The listing `Git.preloadRefs` starts: every branch, remote-tracking branch and tag. */
export const REF_LISTING_ARGS: readonly string[] = [...REF_NAMES_ARGS, ...ALL_REF_SPACES];

/**
 * The question the runner asks about the checkout: is the clone shallow,
 * where is the working tree's top directory, and where does HEAD point. git
 * prints the answers in this order, one a line, then echoes the `--`.
 */
export const HEAD_PROBE_ARGS: readonly string[] = [
  'rev-parse',
  '--is-shallow-repository',
  '--show-toplevel',
  '--symbolic-full-name',
  'HEAD',
  '--',
];

/** One git command started early, finished: its output, why it could not start, or why its output could not be read. */
export type EarlyGitRun =
  | { kind: 'exited'; stdout: Buffer; stderr: string; exitCode: number | null }
  | { kind: 'not-started'; cause: unknown }
  | { kind: 'unread'; cause: unknown };

/** Git commands started early, each handed out once. */
export interface GitHeadStart {
  /**
   * The run of `args` started early with these settings (same directory,
   * git name and environment object), handed out once; undefined when there
   * is none: other settings, other arguments, or already taken.
   */
  take(config: GitProcessConfig, args: readonly string[]): Promise<EarlyGitRun> | undefined;
  /** True while a run of `args` with these settings waits to be taken. */
  has(config: GitProcessConfig, args: readonly string[]): boolean;
  /**
   * Stops the runs nobody took: the command turned out not to need them, or
   * a fetch (completing a shallow clone) made their answers stale.
   */
  stop(): void;
}

interface StartedRun {
  args: readonly string[];
  child?: GitChild;
  result: Promise<EarlyGitRun>;
  taken: boolean;
}

/** Starts each of `commands` now, with `config`; see {@link GitHeadStart}. */
export function startGitHeadStart(
  config: GitProcessConfig,
  commands: readonly (readonly string[])[],
): GitHeadStart {
  const runs = commands.map((args) => startRun(config, args));
  const find = (asked: GitProcessConfig, args: readonly string[]) =>
    isSameConfig(asked, config)
      ? runs.find((run) => !run.taken && isSameArgs(run.args, args))
      : undefined;
  return {
    take(asked, args) {
      const run = find(asked, args);
      if (run === undefined) return undefined;
      run.taken = true;
      return run.result;
    },
    has: (asked, args) => find(asked, args) !== undefined,
    stop() {
      for (const run of runs) {
        if (run.taken) continue;
        run.taken = true;
        const child = run.child;
        if (child && child.exitCode === null && child.signalCode === null) child.kill();
      }
    },
  };
}

function startRun(config: GitProcessConfig, args: readonly string[]): StartedRun {
  let run: GitChildRun;
  try {
    run = startGitChild(config, args);
  } catch (cause) {
    return { args, result: Promise.resolve({ kind: 'not-started', cause }), taken: false };
  }
  const { child, ended } = run;
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  // A failed read ends the run, as it ends runGit's: git is stopped, the error is the answer.
  const unread = new Promise<EarlyGitRun>((resolve) =>
    child.stdout.once('error', (cause) => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      resolve({ kind: 'unread', cause });
    }),
  );
  // `ended` settles after the streams have closed: every chunk is in.
  const read = ended.then((end): EarlyGitRun =>
    end.started
      ? {
          kind: 'exited',
          stdout: Buffer.concat(chunks),
          stderr: end.stderr,
          exitCode: end.exitCode,
        }
      : { kind: 'not-started', cause: end.cause },
  );
  return { args, child, result: Promise.race([unread, read]), taken: false };
}

function isSameConfig(a: GitProcessConfig, b: GitProcessConfig): boolean {
  return a.cwd === b.cwd && a.gitBinary === b.gitBinary && a.env === b.env;
}

function isSameArgs(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((arg, index) => arg === b[index]);
}
