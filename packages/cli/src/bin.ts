#!/usr/bin/env node
import module from 'node:module';
import { startCliHeadStart } from './head-start.js';

// The entry point: the only place that touches the real process.

// Node 22.1+ keeps the compiled code of the modules loaded after this call on
// disk, so later runs skip compiling them. Older Nodes lack it, and a cache
// that cannot be written (read-only temporary folder) only costs the
// compilation: either way the run goes on unchanged.
const enableCompileCache: unknown = Reflect.get(module, 'enableCompileCache');
try {
  if (typeof enableCompileCache === 'function') enableCompileCache.call(module);
} catch {
  // Best effort only: see above.
}
const argv = process.argv.slice(2);
const cwd = process.cwd();
// git lists the refs and reads HEAD on another core while Node loads the CLI's code.
const gitHeadStart = startCliHeadStart(argv, cwd, process.env);
// Loaded after the cache is on, so the CLI's own code is what gets cached.
const { runCli } = await import('./main.js');
const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
try {
  process.exitCode = await runCli(argv, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd,
    env: process.env,
    color,
    progress: Boolean(process.stderr.isTTY) && process.env.TERM !== 'dumb',
    now: () => new Date(),
    ...(gitHeadStart ? { gitHeadStart } : {}),
  });
} finally {
  // What the command did not take (it stopped early, or needed less) must not hold the exit.
  gitHeadStart?.stop();
}
