#!/usr/bin/env node
import { runCli } from './main.js';

// The entry point: the only place that touches the real process.
const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
const code = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  env: process.env,
  color,
  progress: Boolean(process.stderr.isTTY) && process.env.TERM !== 'dumb',
  now: () => new Date(),
});
process.exitCode = code;
