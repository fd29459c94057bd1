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

/** Forgets the executable found for `config`: the file may be gone, the next start searches PATH again. */
export function forgetGitExecutable(config: GitProcessConfig): void {
  foundExecutables.delete(computeExecutableKey(config));
}

/** Settings passed before every command: paths printed verbatim, never quoted. */
const FIXED_CONFIG = ['-c', 'core.quotePath=false'];

/** The most stderr kept in memory per command. */
const STDERR_BYTES = 64 * 1024;

/**
 * Spawns git with an argument array (never a shell string) and the fixed
 * settings: no terminal prompts, C locale (stable messages), no optional
 * locks, fully buffered output (`GIT_FLUSH=0`). Throws what `spawn` throws;
 * the caller checks the arguments and listens for the child's `error`.
 */
export function spawnGit(config: GitProcessConfig, args: readonly string[]): GitChild {
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

/** Keeps the first {@link STDERR_BYTES} of the child's stderr; the returned function reads them. */
export function collectStderr(child: GitChild): () => string {
  const parts: Buffer[] = [];
  let size = 0;
  child.stderr.on('data', (chunk: Buffer) => {
    if (size >= STDERR_BYTES) return;
    parts.push(chunk);
    size += chunk.length;
  });
  return () => Buffer.concat(parts).toString('utf8');
}
