/**
 * `release-policy version` and `check` on a large synthetic history
 * (`history-repo.ts`) against two peers: the git work any such tool needs
 * (`git tag -l` and the `git log` of the same range), and the plain
 * `git log` over the whole history of the branch. Interleaved rounds,
 * medians, ratios. The scenarios and their answers are in
 * `history-scenarios.ts`, the tables in `history-table.ts`.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findNode } from '@release-policy/github-emulator';
import { runCli } from '@release-policy/cli';
import { DEFAULT_POLICY_YAML } from '@release-policy/core';
import { ensureHistoryRepo, type HistoryOptions } from './history-repo.js';
import {
  checkCliAnswer,
  checkFullLogAnswer,
  checkPeerAnswer,
  FULL_LOG_PEER,
  listHistoryScenarios,
  type CliRun,
  type HistoryScenario,
} from './history-scenarios.js';
import {
  computeMiddleHalf,
  summarizeRounds,
  type MiddleHalf,
  type RoundStats,
} from './lib/stats.js';

/** Options of {@link runHistory}. */
export interface HistoryBenchOptions {
  /** The repository root (holding `packages/cli/dist`). */
  root: string;
  /** The CLI bundle folder to run; `packages/cli/dist` under `root` when absent. */
  cli?: string | undefined;
  history: HistoryOptions;
  warmup: number;
  rounds: number;
}

/** What one scenario measured. */
export interface HistoryResult {
  scenario: string;
  commits: number;
  ours: RoundStats;
  /** The same run with Node's compile cache off: a first run on a fresh machine (e.g. a new CI runner). */
  oursUncached: RoundStats;
  /** The same command through `runCli` in this process: the work without Node's start and the bundle's load. */
  inProcess: RoundStats;
  peer: RoundStats;
  /** ours / peer median (lower is better for us; 1.5 is the limit). */
  ratio: number;
  /** The plain `git log` of the whole branch, and how many commits it printed. */
  fullLog: RoundStats;
  fullLogCommits: number;
  /** ours / plain `git log` median: the comparison the issue made. */
  fullLogRatio: number;
  /** The middle half of the rounds' own ratios (ours / plain `git log` of the same round): the noise around fullLogRatio. */
  fullLogRatioMiddle: MiddleHalf;
  /** What went wrong in a run (a wrong exit code or answer); empty when every run was right. */
  problems: string[];
}

/** What {@link runHistory} measured. */
export interface HistoryReport {
  commits: number;
  tags: number;
  maintenanceLines: number;
  reused: boolean;
  /** `node -e 0` under the same Node, interleaved: the share of ours that is Node's own start. */
  nodeBaseline: RoundStats;
  results: HistoryResult[];
}

/** One timed run: its time, exit code and output. */
export interface Finished extends CliRun {
  ms: number;
}

/**
 * Runs the CLI's `runCli` in this process (the module is loaded once), as a
 * long-lived host or a test would: the time of the work alone, git's
 * processes included.
 */
export async function timeInProcess(args: readonly string[], cwd: string): Promise<Finished> {
  const out: string[] = [];
  const err: string[] = [];
  const env: Record<string, string | undefined> = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
  };
  // The bench may run inside CI: the CLI must not read this run's branch or tag.
  for (const name of Object.keys(env)) if (name.startsWith('GITHUB_')) delete env[name];
  const start = performance.now();
  const code = await runCli(args, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    cwd,
    env,
    color: false,
    now: () => new Date(),
  });
  return { ms: performance.now() - start, code, stdout: out.join(''), stderr: err.join('') };
}

/** Spawns `command` in `cwd` and times it to exit, collecting its output. */
export function timeCommand(
  command: string,
  args: readonly string[],
  cwd: string,
  extraEnv: Record<string, string> = {},
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, {
      cwd,
      env: {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_TERMINAL_PROMPT: '0',
        NO_COLOR: '1',
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) =>
      reject(new Error(`Could not start ${command}: ${error.message}`, { cause: error })),
    );
    child.on('close', (code) =>
      resolve({
        ms: performance.now() - start,
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

/** Runs git commands one after the other in `cwd`: their summed time, outputs, and failures. */
async function timeGitCommands(
  commands: readonly (readonly string[])[],
  cwd: string,
): Promise<{ ms: number; outputs: string[]; failures: string[] }> {
  let ms = 0;
  const outputs: string[] = [];
  const failures: string[] = [];
  for (const args of commands) {
    const git = await timeCommand('git', args, cwd);
    ms += git.ms;
    outputs.push(git.stdout);
    if (git.code !== 0) {
      failures.push(`git ${args.join(' ')} exited ${git.code}: ${git.stderr.slice(0, 200)}`);
    }
  }
  return { ms, outputs, failures };
}

/** One round's times of one scenario, in milliseconds. */
interface RoundTimes {
  ours: number;
  uncached: number;
  inProcess: number;
  peer: number;
  fullLog: number;
}

/**
 * Runs one scenario once in each way (the CLI with and without the compile
 * cache, in process, the range peer, the plain `git log`), checking every
 * answer; what is wrong goes to `problems`.
 */
async function runScenarioRound(
  scenario: HistoryScenario,
  node: string,
  problems: Set<string>,
): Promise<RoundTimes> {
  const note = (prefix: string, wrong: string | undefined) => {
    if (wrong !== undefined) problems.add(`${prefix}${wrong}`);
  };
  const run = await timeCommand(node, scenario.cli, scenario.cwd);
  note('', checkCliAnswer(scenario, run));
  const cold = await timeCommand(node, scenario.cli, scenario.cwd, {
    NODE_DISABLE_COMPILE_CACHE: '1',
  });
  note('without compile cache: ', checkCliAnswer(scenario, cold));
  const hosted = await timeInProcess(scenario.cli.slice(1), scenario.cwd);
  note('in process: ', checkCliAnswer(scenario, hosted));
  const peer = await timeGitCommands(scenario.peer, scenario.cwd);
  peer.failures.forEach((failure) => problems.add(failure));
  note('', checkPeerAnswer(scenario, peer.outputs[0] ?? '', peer.outputs[1] ?? ''));
  const full = await timeGitCommands([FULL_LOG_PEER], scenario.cwd);
  full.failures.forEach((failure) => problems.add(failure));
  note('', checkFullLogAnswer(scenario, full.outputs[0] ?? ''));
  return {
    ours: run.ms,
    uncached: cold.ms,
    inProcess: hosted.ms,
    peer: peer.ms,
    fullLog: full.ms,
  };
}

/** Summarizes one scenario's timed rounds into its result. */
function summarizeScenario(
  scenario: HistoryScenario,
  rounds: readonly RoundTimes[],
  problems: ReadonlySet<string>,
): HistoryResult {
  const pick = (key: keyof RoundTimes) => summarizeRounds(rounds.map((r) => r[key]));
  const ours = pick('ours');
  const peer = pick('peer');
  const fullLog = pick('fullLog');
  return {
    scenario: scenario.name,
    commits: scenario.expectedCommits,
    ours,
    oursUncached: pick('uncached'),
    inProcess: pick('inProcess'),
    peer,
    ratio: ours.medianMs / peer.medianMs,
    fullLog,
    fullLogCommits: scenario.expectedFullCommits,
    fullLogRatio: ours.medianMs / fullLog.medianMs,
    fullLogRatioMiddle: computeMiddleHalf(rounds.map((round) => round.ours / round.fullLog)),
    problems: [...problems],
  };
}

/**
 * Makes (or reuses) the history, copies the CLI bundle once (a rebuild
 * during the run cannot swap it), then times every scenario's CLI run and
 * its two peers, and `node -e 0`, in interleaved rounds after warm-up.
 */
export async function runHistory(options: HistoryBenchOptions): Promise<HistoryReport> {
  const repo = await ensureHistoryRepo(options.history);
  const node = findNode();
  const copy = await mkdtemp(join(tmpdir(), 'release-policy-bench-cli-'));
  try {
    await cp(options.cli ?? join(options.root, 'packages', 'cli', 'dist'), copy, {
      recursive: true,
    });
    // The policy file `init` writes, beside the CLI's copy (outside the checkout, unchanged by it).
    const policyFile = join(copy, 'release-policy.yml');
    await writeFile(policyFile, DEFAULT_POLICY_YAML);
    const scenarios = listHistoryScenarios(repo, join(copy, 'index.js'), policyFile);
    const times = scenarios.map((): RoundTimes[] => []);
    const problems = scenarios.map(() => new Set<string>());
    const baseline: number[] = [];
    for (let round = 0; round < options.warmup + options.rounds; round += 1) {
      const timed = round >= options.warmup;
      const base = await timeCommand(node, ['-e', '0'], repo.mainline);
      if (timed) baseline.push(base.ms);
      for (const [i, scenario] of scenarios.entries()) {
        const measured = await runScenarioRound(scenario, node, problems[i]!);
        if (timed) times[i]!.push(measured);
      }
    }
    return {
      commits: repo.plan.commits.length,
      tags: repo.plan.tagCount,
      maintenanceLines: new Set(repo.plan.commits.map((c) => c.branch)).size - 1,
      reused: repo.reused,
      nodeBaseline: summarizeRounds(baseline),
      results: scenarios.map((scenario, i) => summarizeScenario(scenario, times[i]!, problems[i]!)),
    };
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}
