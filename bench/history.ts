/**
 * `release-policy version` and `check` on a large synthetic history
 * (`history-repo.ts`) against the git work any such tool needs: `git tag -l`
 * and the `git log` of the same range. Interleaved rounds, medians, ratios.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findNode } from '@release-policy/github-emulator';
import { runCli } from '@release-policy/cli';
import { ensureHistoryRepo, type HistoryOptions, type HistoryRepo } from './history-repo.js';
import { summarizeRounds, type RoundStats } from './lib/stats.js';
import { formatCount, formatMs, formatRatio, type Table } from './lib/table.js';

/** The most commits the CLI reads without a previous release tag (the version check's `MAX_COMMITS`, plus one to see the cut). */
export const CLI_COMMIT_LIMIT = 10_001;

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

/** One scenario: a CLI run, the git commands of the peer, and the answers to expect. */
export interface HistoryScenario {
  name: string;
  /** The checkout the commands run in. */
  cwd: string;
  /** Arguments after `node <cli>`. */
  cli: string[];
  /** The peer's git commands, run one after the other. */
  peer: string[][];
  expectedExit: number;
  expectedRecommended: string;
  /** Commits the peer's `git log` must print, and tags its `git tag -l` must list. */
  expectedCommits: number;
  expectedTags: number;
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

const PEER_LOG = ['-c', 'log.showSignature=false', 'log', '--format=%H%x00%B%x00'];

/** The scenarios on a made history: mainline, maintenance line, a failing explicit version, `check`, no tags. */
export function listHistoryScenarios(repo: HistoryRepo, cli: string): HistoryScenario[] {
  const { mainline, maintenance } = repo.plan;
  const tags = repo.plan.tagCount;
  const untaggedCommits = Math.min(
    repo.plan.commits.filter((c) => c.branch === 'main').length,
    CLI_COMMIT_LIMIT,
  );
  const range = (from: string) => [
    [...PEER_LOG, `${from}..HEAD`],
    ['tag', '-l'],
  ];
  return [
    {
      name: `version, mainline (${mainline.commitsSince} commits since ${mainline.previousTag})`,
      cwd: repo.mainline,
      cli: [cli, 'version', '--json'],
      peer: range(mainline.previousTag),
      expectedExit: 0,
      expectedRecommended: mainline.recommended,
      expectedCommits: mainline.commitsSince,
      expectedTags: tags,
    },
    {
      name: `version, maintenance line ${maintenance.branch} (checkout and --branch)`,
      cwd: repo.maintenance,
      cli: [cli, 'version', '--branch', maintenance.branch, '--json'],
      peer: range(maintenance.previousTag),
      expectedExit: 0,
      expectedRecommended: maintenance.recommended,
      expectedCommits: maintenance.commitsSince,
      expectedTags: tags,
    },
    {
      name: `version ${mainline.declared}, mainline (already released: fails)`,
      cwd: repo.mainline,
      cli: [cli, 'version', mainline.declared, '--json'],
      peer: range(mainline.previousTag),
      expectedExit: 1,
      expectedRecommended: mainline.recommended,
      expectedCommits: mainline.commitsSince,
      expectedTags: tags,
    },
    {
      name: 'check, mainline',
      cwd: repo.mainline,
      cli: [cli, 'check', '--json'],
      peer: range(mainline.previousTag),
      expectedExit: 0,
      expectedRecommended: mainline.recommended,
      expectedCommits: mainline.commitsSince,
      expectedTags: tags,
    },
    {
      name: `check, maintenance line ${maintenance.branch}`,
      cwd: repo.maintenance,
      cli: [cli, 'check', '--json'],
      peer: range(maintenance.previousTag),
      expectedExit: 0,
      expectedRecommended: maintenance.recommended,
      expectedCommits: maintenance.commitsSince,
      expectedTags: tags,
    },
    {
      name: `version, no tags (newest ${formatCount(untaggedCommits)} commits)`,
      cwd: repo.untagged,
      cli: [cli, 'version', '--json'],
      peer: [
        [...PEER_LOG, `--max-count=${CLI_COMMIT_LIMIT}`, 'HEAD'],
        ['tag', '-l'],
      ],
      expectedExit: 0,
      expectedRecommended: '0.1.0',
      expectedCommits: untaggedCommits,
      expectedTags: 0,
    },
  ];
}

/** One timed run: its time, exit code and output. */
export interface Finished {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
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

/** Checks a CLI run's exit code and `version.recommended`; returns what is wrong, or undefined. */
export function checkCliAnswer(scenario: HistoryScenario, run: Finished): string | undefined {
  const where = `"${scenario.name}"`;
  if (run.code !== scenario.expectedExit) {
    return `${where} should exit ${scenario.expectedExit} but exited ${run.code}: ${(run.stderr || run.stdout).trim().slice(0, 300)}`;
  }
  let recommended: unknown;
  try {
    recommended = (JSON.parse(run.stdout) as { version?: { recommended?: unknown } }).version
      ?.recommended;
  } catch {
    return `${where} printed no JSON: ${run.stdout.slice(0, 200)}`;
  }
  if (recommended !== scenario.expectedRecommended) {
    return `${where} recommends ${JSON.stringify(recommended)}, the generator expects "${scenario.expectedRecommended}"`;
  }
  return undefined;
}

/** Checks the peer's output: the commits of the range and every tag; returns what is wrong, or undefined. */
export function checkPeerAnswer(
  scenario: HistoryScenario,
  log: string,
  tags: string,
): string | undefined {
  const commits = log.split('\0').length >> 1;
  const tagCount = tags.split('\n').filter((t) => t !== '').length;
  if (commits !== scenario.expectedCommits || tagCount !== scenario.expectedTags) {
    return (
      `the peer of "${scenario.name}" read ${commits} commits and ${tagCount} tags, ` +
      `the generator expects ${scenario.expectedCommits} and ${scenario.expectedTags}`
    );
  }
  return undefined;
}

/**
 * Makes (or reuses) the history, copies the CLI bundle once (a rebuild
 * during the run cannot swap it), then times every scenario's CLI run and
 * its peer, and `node -e 0`, in interleaved rounds after warm-up.
 */
export async function runHistory(options: HistoryBenchOptions): Promise<HistoryReport> {
  const repo = await ensureHistoryRepo(options.history);
  const node = findNode();
  const copy = await mkdtemp(join(tmpdir(), 'release-policy-bench-cli-'));
  try {
    await cp(options.cli ?? join(options.root, 'packages', 'cli', 'dist'), copy, {
      recursive: true,
    });
    const scenarios = listHistoryScenarios(repo, join(copy, 'index.js'));
    const ours = scenarios.map(() => [] as number[]);
    const uncached = scenarios.map(() => [] as number[]);
    const inProcess = scenarios.map(() => [] as number[]);
    const peer = scenarios.map(() => [] as number[]);
    const problems = scenarios.map(() => new Set<string>());
    const baseline: number[] = [];
    for (let round = 0; round < options.warmup + options.rounds; round += 1) {
      const timed = round >= options.warmup;
      const base = await timeCommand(node, ['-e', '0'], repo.mainline);
      if (timed) baseline.push(base.ms);
      for (const [i, scenario] of scenarios.entries()) {
        const run = await timeCommand(node, scenario.cli, scenario.cwd);
        const wrong = checkCliAnswer(scenario, run);
        if (wrong !== undefined) problems[i]?.add(wrong);
        const cold = await timeCommand(node, scenario.cli, scenario.cwd, {
          NODE_DISABLE_COMPILE_CACHE: '1',
        });
        const coldWrong = checkCliAnswer(scenario, cold);
        if (coldWrong !== undefined) problems[i]?.add(`without compile cache: ${coldWrong}`);
        const hosted = await timeInProcess(scenario.cli.slice(1), scenario.cwd);
        const hostedWrong = checkCliAnswer(scenario, hosted);
        if (hostedWrong !== undefined) problems[i]?.add(`in process: ${hostedWrong}`);
        let peerMs = 0;
        const outputs: string[] = [];
        for (const args of scenario.peer) {
          const git = await timeCommand('git', args, scenario.cwd);
          peerMs += git.ms;
          outputs.push(git.stdout);
          if (git.code !== 0)
            problems[i]?.add(
              `git ${args.join(' ')} exited ${git.code}: ${git.stderr.slice(0, 200)}`,
            );
        }
        const peerWrong = checkPeerAnswer(scenario, outputs[0] ?? '', outputs[1] ?? '');
        if (peerWrong !== undefined) problems[i]?.add(peerWrong);
        if (timed) {
          ours[i]?.push(run.ms);
          uncached[i]?.push(cold.ms);
          inProcess[i]?.push(hosted.ms);
          peer[i]?.push(peerMs);
        }
      }
    }
    return {
      commits: repo.plan.commits.length,
      tags: repo.plan.tagCount,
      maintenanceLines: new Set(repo.plan.commits.map((c) => c.branch)).size - 1,
      reused: repo.reused,
      nodeBaseline: summarizeRounds(baseline),
      results: scenarios.map((scenario, i) => {
        const o = summarizeRounds(ours[i] ?? []);
        const p = summarizeRounds(peer[i] ?? []);
        return {
          scenario: scenario.name,
          commits: scenario.expectedCommits,
          ours: o,
          oursUncached: summarizeRounds(uncached[i] ?? []),
          inProcess: summarizeRounds(inProcess[i] ?? []),
          peer: p,
          ratio: o.medianMs / p.medianMs,
          problems: [...(problems[i] ?? [])],
        };
      }),
    };
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

/**
 * The table: scenario, ours, peer, the end-to-end ratio; Node's own start
 * (`node -e 0`) against the peer, the floor no Node program can go below;
 * ours above that floor against the peer; ours without the compile cache;
 * and the work in process.
 */
export function renderHistoryTable(
  report: HistoryReport,
  options: Pick<HistoryBenchOptions, 'rounds' | 'warmup'>,
): Table {
  const node = report.nodeBaseline.medianMs;
  return {
    title: `Version check on a synthetic history: ${formatCount(report.commits)} commits, ${formatCount(report.tags)} tags, ${report.maintenanceLines} maintenance lines`,
    columns: [
      'scenario',
      'ours (ms)',
      'peer (ms)',
      'ratio ours/peer',
      'floor: node -e 0 / peer',
      'ours − node -e 0 (ms)',
      'that / peer',
      'no compile cache (ms)',
      'that / peer',
      'in process (ms)',
      'in process / peer',
    ],
    rows: report.results.map((r) => [
      r.scenario,
      formatMs(r.ours.medianMs),
      formatMs(r.peer.medianMs),
      formatRatio(r.ratio),
      formatRatio(node / r.peer.medianMs),
      formatMs(Math.max(0, r.ours.medianMs - node)),
      formatRatio(Math.max(0, r.ours.medianMs - node) / r.peer.medianMs),
      formatMs(r.oursUncached.medianMs),
      formatRatio(r.oursUncached.medianMs / r.peer.medianMs),
      formatMs(r.inProcess.medianMs),
      formatRatio(r.inProcess.medianMs / r.peer.medianMs),
    ]),
    notes: [
      `Medians of ${options.rounds} interleaved rounds after ${options.warmup} warm-up. *ours*: ` +
        '`node <cli>/index.js <command> --json` (a copy of the CLI bundle), spawn to exit, in the checkout, ' +
        "with Node's compile cache as a second run on the same machine finds it. " +
        '*peer*: `git log --format=%H%x00%B%x00 <previous tag>..HEAD` then `git tag -l`, spawn to exit ' +
        '(the no-tag row reads the newest commits the CLI reads): the commits and tags a person or a script reads to answer the same question. ' +
        `*ratio* = ours / peer: lower is better, the goal is under 1.5×. \`node -e 0\` took ${formatMs(node)} ms: ` +
        "*floor* is that against the peer, what any Node program's start alone costs; *ours − node -e 0* is the CLI's own part. " +
        '*no compile cache*: the same run with `NODE_DISABLE_COMPILE_CACHE=1`, as a first run on a fresh machine. ' +
        "*in process*: the same command through `runCli` in the bench's own process (loaded once), git's processes included: the work without Node's start and the bundle's load.",
    ],
  };
}
