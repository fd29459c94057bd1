/**
 * Starting a git process: the executable, the fixed settings, the
 * environment. Node built-ins only (no core, no errors of this package), so
 * an entry point can start git before the rest of the adapter is loaded
 * (see head-start.ts); exec.ts turns what happens here into GitErrors.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { findExecutable } from './executable.js';

/** How git is started. */
export interface GitProcessConfig {
  cwd: string;
  /** The git executable; `git` (looked up on PATH) when absent. */
  gitBinary: string;
  /** The environment, before the fixed settings are applied. */
  env: NodeJS.ProcessEnv;
}

/** A started git, its three standard streams piped. */
export type GitChild = ChildProcessByStdio<Writable, Readable, Readable>;

/**
 * The executable each git name starts, per `PATH`, found at its first spawn
 * (see findExecutable). Keyed by the `PATH` of each spawn, so a changed
 * `PATH` is searched again; a start that fails with ENOENT forgets the entry.
 */
const foundExecutables = new Map<string, string>();

function computeExecutableKey(config: GitProcessConfig): string {
  return `${config.gitBinary}\0${config.env.PATH ?? ''}`;
}

function findGitExecutable(config: GitProcessConfig): string {
  const key = computeExecutableKey(config);
  let executable = foundExecutables.get(key);
  if (executable === undefined) {
    executable = findExecutable(config.gitBinary, config.env);
    foundExecutables.set(key, executable);
  }
  return executable;
}

/** After a start that found no file (ENOENT), forgets the executable: the next start searches PATH again. */
function forgetMissingExecutable(config: GitProcessConfig, cause: unknown): void {
  if ((cause as { code?: unknown } | null)?.code === 'ENOENT') {
    foundExecutables.delete(computeExecutableKey(config));
  }
}

/** Settings passed before every command: paths printed verbatim, never quoted. */
const FIXED_CONFIG = ['-c', 'core.quotePath=false'];

/** The most stderr kept in memory per command. */
const STDERR_BYTES = 64 * 1024;

/** How a started git ended: its exit code (null when a signal stopped it) and stderr, or why it could not start. */
export type GitChildEnd =
  { started: true; exitCode: number | null; stderr: string } | { started: false; cause: unknown };

/** A started git: the child process, and how it ended. */
export interface GitChildRun {
  child: GitChild;
  /**
   * Settles once git has exited and its output streams are closed, or as
   * soon as it could not start; never rejects.
   */
  ended: Promise<GitChildEnd>;
}

/**
 * Starts git with an argument array (never a shell string) and the fixed
 * settings: no terminal prompts, C locale (stable messages), no optional
 * locks, fully buffered output (`GIT_FLUSH=0`). With `stdin`, that stream is
 * piped into git's standard input; otherwise git's input is empty. The first
 * {@link STDERR_BYTES} of stderr are kept for `ended`; stdout is the caller's
 * to read.
 * @throws what Node's `spawn` throws at once (an invalid option); a git that
 * cannot start (not found, no such directory) settles `ended` instead.
 */
export function startGitChild(
  config: GitProcessConfig,
  args: readonly string[],
  stdin?: Readable,
): GitChildRun {
  let child: GitChild;
  try {
    child = spawnChild(config, args);
  } catch (cause) {
    forgetMissingExecutable(config, cause);
    throw cause;
  }
  // git may exit before reading all its input (EPIPE); its exit code tells what happened.
  child.stdin.on('error', () => undefined);
  if (stdin === undefined) child.stdin.end();
  else stdin.pipe(child.stdin);
  const parts: Buffer[] = [];
  let size = 0;
  child.stderr.on('data', (chunk: Buffer) => {
    if (size >= STDERR_BYTES) return;
    parts.push(chunk);
    size += chunk.length;
  });
  const ended = new Promise<GitChildEnd>((resolve) => {
    child.once('error', (cause) => {
      forgetMissingExecutable(config, cause);
      resolve({ started: false, cause });
    });
    child.once('close', (exitCode) =>
      resolve({ started: true, exitCode, stderr: Buffer.concat(parts).toString('utf8') }),
    );
  });
  return { child, ended };
}

function spawnChild(config: GitProcessConfig, args: readonly string[]): GitChild {
  return spawn(findGitExecutable(config), [...FIXED_CONFIG, ...args], {
    // git sees the name it was given, as when the child searched PATH itself.
    argv0: config.gitBinary,
    cwd: config.cwd,
    shell: false,
    windowsHide: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...config.env,
      GIT_TERMINAL_PROMPT: '0',
      GIT_OPTIONAL_LOCKS: '0',
      GIT_PAGER: 'cat',
      // Fully buffered output: into a pipe, git log would otherwise write (and Node read) each
      // commit on its own, thousands of small writes for a long range. Nothing here is interactive.
      GIT_FLUSH: '0',
      LC_ALL: 'C',
    },
  });
}
