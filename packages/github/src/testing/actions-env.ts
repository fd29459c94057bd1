/**
 * Test helpers that stand in for the runner: temporary GITHUB_STEP_SUMMARY
 * and GITHUB_OUTPUT files, an output-file parser that reads like the
 * runner, stdout capture, and run contexts built from an env and payload.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRunContext, type RunContext } from '../context.js';

export interface ActionsFiles {
  dir: string;
  summaryPath: string;
  outputPath: string;
  readSummary(): string;
  readOutputs(): Record<string, string>;
  /** Empties both files (the summary path is cached by @actions/core: keep one per test file). */
  reset(): void;
  /** Restores the environment and removes the files. */
  restore(): void;
}

const KEYS = ['GITHUB_STEP_SUMMARY', 'GITHUB_OUTPUT', 'GITHUB_API_URL'] as const;

/** Points GITHUB_STEP_SUMMARY and GITHUB_OUTPUT at fresh empty files. */
export function setUpActionsFiles(): ActionsFiles {
  const dir = mkdtempSync(join(tmpdir(), 'rp-github-'));
  const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  const summaryPath = join(dir, 'summary.md');
  const outputPath = join(dir, 'output.txt');
  writeFileSync(summaryPath, '');
  writeFileSync(outputPath, '');
  process.env.GITHUB_STEP_SUMMARY = summaryPath;
  process.env.GITHUB_OUTPUT = outputPath;
  return {
    dir,
    summaryPath,
    outputPath,
    readSummary: () => readFileSync(summaryPath, 'utf8'),
    readOutputs: () => parseOutputFile(readFileSync(outputPath, 'utf8')),
    reset: () => {
      rmSync(summaryPath, { recursive: true, force: true });
      writeFileSync(summaryPath, '');
      writeFileSync(outputPath, '');
    },
    restore: () => {
      for (const k of KEYS) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Reads a GITHUB_OUTPUT file the way the runner does: `name=value` lines,
 * and `name<<DELIMITER` blocks that end at a line equal to the delimiter.
 * Throws when a block is never closed, as the runner fails the step.
 */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const eq = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
      out[line.slice(0, eq)] = line.slice(eq + 1);
      continue;
    }
    if (heredoc < 0) throw new Error(`Invalid output line ${JSON.stringify(line)}`);
    const name = line.slice(0, heredoc);
    const delimiter = line.slice(heredoc + 2);
    const value: string[] = [];
    let closed = false;
    for (i += 1; i < lines.length; i += 1) {
      if (lines[i] === delimiter) {
        closed = true;
        break;
      }
      value.push(lines[i] ?? '');
    }
    if (!closed)
      throw new Error(
        `Output ${JSON.stringify(name)} never ends with ${JSON.stringify(delimiter)}`,
      );
    out[name] = value.join('\n');
  }
  return out;
}

/** Runs `fn` with process.stdout.write captured; returns what was written. */
export async function captureStdout<T>(
  fn: () => T | Promise<T>,
): Promise<{ result: T; stdout: string }> {
  const original = process.stdout.write.bind(process.stdout);
  const chunks: string[] = [];
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  try {
    const result = await fn();
    return { result, stdout: chunks.join('') };
  } finally {
    process.stdout.write = original;
  }
}

/** Runs `fn` with stdout discarded (e.g. the `::add-mask::` line of a test Octokit). */
export function muteStdout<T>(fn: () => T): T {
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return fn();
  } finally {
    process.stdout.write = original;
  }
}

/** Lines of stdout the runner would read as workflow commands (`::x::` after white space, or `##[`). */
export function findCommandLines(stdout: string): string[] {
  return stdout
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trimStart().startsWith('::') || l.includes('##['));
}

/** A pull-request run context, from an env and a payload file in `dir`. */
export function makePullRequestContext(
  dir: string,
  pr: { number: number; headRef?: string; fork?: boolean; title?: string } = { number: 7 },
  env: NodeJS.ProcessEnv = {},
): RunContext {
  const eventPath = join(dir, `event-${pr.number}.json`);
  const base = { ref: 'main', sha: 'b'.repeat(40), repo: { full_name: 'octo/service' } };
  const head = {
    ref: pr.headRef ?? 'feature/CHG-1-x',
    sha: 'a'.repeat(40),
    repo: { full_name: pr.fork ? 'someone/service' : 'octo/service' },
  };
  const payload = {
    number: pr.number,
    pull_request: { number: pr.number, title: pr.title ?? 'T', body: '', head, base },
  };
  writeFileSync(eventPath, JSON.stringify(payload));
  return readRunContext({
    GITHUB_REPOSITORY: 'octo/service',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: 'c'.repeat(40),
    GITHUB_REF: `refs/pull/${pr.number}/merge`,
    GITHUB_RUN_ID: '42',
    GITHUB_SERVER_URL: 'https://github.test',
    ...env,
  });
}
