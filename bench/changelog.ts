/**
 * `release-policy changelog` on the synthetic history (`history-repo.ts`):
 * `--all` against `conventional-changelog -p conventionalcommits -r 0` (the
 * conventional-changelog CLI, a dev dependency) on the same checkout, and one
 * release's notes against the raw `git log` of its range. Interleaved
 * rounds, medians, ratios; each run's answer is checked against the
 * generator's (and the peers' release counts against each other).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findNode } from '@release-policy/github-emulator';
import { ensureHistoryRepo, type HistoryOptions, type HistoryRepo } from './history-repo.js';
import { timeCommand, timeInProcess, type Finished } from './history.js';
import { summarizeRounds, type RoundStats } from './lib/stats.js';
import { formatCount, formatMs, formatRatio, type Table } from './lib/table.js';

/** Options of {@link runChangelogBench}. */
export interface ChangelogBenchOptions {
  /** The repository root (holding `packages/cli/dist` and `node_modules/.bin`). */
  root: string;
  history: HistoryOptions;
  warmup: number;
  rounds: number;
  /** Rounds of the `--all` pair (the peer takes minutes on the full history). */
  allRounds: number;
}

/** One pair: our command and its peer, with how to check each answer. */
export interface ChangelogScenario {
  name: string;
  /** Arguments after `node <cli>`. */
  cli: string[];
  /** The peer's command and arguments. */
  peer: [string, string[]];
  /** The peer, named in the table. */
  peerName: string;
  /** Returns what is wrong with our answer, or undefined. */
  checkOurs(run: Finished): string | undefined;
  /** Returns what is wrong with the peer's answer, or undefined. */
  checkPeer(run: Finished): string | undefined;
  rounds: 'all' | 'one';
}

/** What one pair measured. */
export interface ChangelogResult {
  scenario: string;
  peer: string;
  ours: RoundStats;
  inProcess: RoundStats;
  peerStats: RoundStats;
  /** ours / peer median: lower is better for us. */
  ratio: number;
  /** The target for this ratio. */
  target: number;
  problems: string[];
}

/** What {@link runChangelogBench} measured. */
export interface ChangelogReport {
  commits: number;
  tags: number;
  /** Release tags reachable from the mainline tip: the releases `--all` must give. */
  releases: number;
  /** `node -e 0` under the same Node, interleaved with the one-release rounds: Node's own start. */
  nodeBaseline: RoundStats;
  results: ChangelogResult[];
}

/** Release headings of conventional-changelog's output (`## [1.2.0](…)` or `## 1.2.0 (…)`). */
export function countPeerReleases(markdown: string): number {
  return markdown.split('\n').filter((line) => /^#{1,2} \[?\d+\.\d+\.\d+/.test(line)).length;
}

/** The releases of our `--all --json` output, or undefined when it is not that document. */
export function countOurReleases(stdout: string): number | undefined {
  try {
    const doc = JSON.parse(stdout) as { releases?: unknown };
    return Array.isArray(doc.releases) ? doc.releases.length : undefined;
  } catch {
    // Not JSON at all: the caller reports the output.
    return undefined;
  }
}

/** The two pairs on a made history; `releases` is the count both `--all` runs must give. */
export function listChangelogScenarios(
  repo: HistoryRepo,
  cli: string,
  peerCli: string,
  releases: number,
): ChangelogScenario[] {
  const { previousTag, commitsSince } = repo.plan.mainline;
  const wrongExit = (who: string, run: Finished) =>
    run.code === 0
      ? undefined
      : `${who} exited ${run.code}: ${(run.stderr || run.stdout).trim().slice(0, 300)}`;
  return [
    {
      name: `changelog --all (${formatCount(releases)} releases)`,
      cli: [cli, 'changelog', '--all', '--json'],
      peer: [peerCli, ['-p', 'conventionalcommits', '-r', '0', '--stdout']],
      peerName: 'conventional-changelog -p conventionalcommits -r 0',
      rounds: 'all',
      checkOurs: (run) =>
        wrongExit('changelog --all', run) ??
        (countOurReleases(run.stdout) === releases
          ? undefined
          : `changelog --all gave ${countOurReleases(run.stdout)} releases, the history has ${releases}`),
      checkPeer: (run) =>
        wrongExit('conventional-changelog', run) ??
        (countPeerReleases(run.stdout) === releases
          ? undefined
          : `conventional-changelog gave ${countPeerReleases(run.stdout)} releases, the history has ${releases}`),
    },
    {
      name: `changelog, one release (${formatCount(commitsSince)} commits since ${previousTag})`,
      cli: [cli, 'changelog', '--json'],
      peer: [
        'git',
        ['-c', 'log.showSignature=false', 'log', '--format=%H%x00%B%x00', `${previousTag}..HEAD`],
      ],
      peerName: `git log ${previousTag}..HEAD`,
      rounds: 'one',
      checkOurs: (run) => {
        const wrong = wrongExit('changelog', run);
        if (wrong !== undefined) return wrong;
        const from = (JSON.parse(run.stdout) as { from?: unknown }).from;
        return from === previousTag
          ? undefined
          : `changelog read from ${JSON.stringify(from)}, the generator expects ${previousTag}`;
      },
      checkPeer: (run) => {
        const commits = run.stdout.split('\0').length >> 1;
        return (
          wrongExit('git log', run) ??
          (commits === commitsSince
            ? undefined
            : `git log read ${commits} commits, the generator expects ${commitsSince}`)
        );
      },
    },
  ];
}

/** `git tag --merged main`, counted as release tags (`v` and a version). */
export async function countReleaseTags(repo: HistoryRepo): Promise<number> {
  const run = await timeCommand('git', ['tag', '--merged', 'HEAD'], repo.mainline);
  return run.stdout.split('\n').filter((tag) => /^v\d+\.\d+\.\d+/.test(tag)).length;
}

/**
 * Makes (or reuses) the history, copies the CLI bundle once, then times
 * each pair (and our command in process) in interleaved rounds.
 */
export async function runChangelogBench(options: ChangelogBenchOptions): Promise<ChangelogReport> {
  const repo = await ensureHistoryRepo(options.history);
  const node = findNode();
  const releases = await countReleaseTags(repo);
  const copy = await mkdtemp(join(tmpdir(), 'release-policy-bench-cli-'));
  try {
    await cp(join(options.root, 'packages', 'cli', 'dist'), copy, { recursive: true });
    const peerCli = join(options.root, 'node_modules', '.bin', 'conventional-changelog');
    const scenarios = listChangelogScenarios(repo, join(copy, 'index.js'), peerCli, releases);
    const results: ChangelogResult[] = [];
    const baseline: number[] = [];
    for (const scenario of scenarios) {
      const rounds = scenario.rounds === 'all' ? options.allRounds : options.rounds;
      const warmup = scenario.rounds === 'all' ? 0 : options.warmup;
      const samples = { ours: [] as number[], inProcess: [] as number[], peer: [] as number[] };
      const problems = new Set<string>();
      for (let round = 0; round < warmup + rounds; round += 1) {
        const timed = round >= warmup;
        if (scenario.rounds === 'one') {
          const base = await timeCommand(node, ['-e', '0'], repo.mainline);
          if (timed) baseline.push(base.ms);
        }
        const ours = await timeCommand(node, scenario.cli, repo.mainline);
        const hosted = await timeInProcess(scenario.cli.slice(1), repo.mainline);
        const peer = await timeCommand(scenario.peer[0], scenario.peer[1], repo.mainline);
        for (const wrong of [
          scenario.checkOurs(ours),
          scenario.checkOurs(hosted),
          scenario.checkPeer(peer),
        ]) {
          if (wrong !== undefined) problems.add(wrong);
        }
        if (timed) {
          samples.ours.push(ours.ms);
          samples.inProcess.push(hosted.ms);
          samples.peer.push(peer.ms);
        }
      }
      const ours = summarizeRounds(samples.ours);
      const peerStats = summarizeRounds(samples.peer);
      results.push({
        scenario: scenario.name,
        peer: scenario.peerName,
        ours,
        inProcess: summarizeRounds(samples.inProcess),
        peerStats,
        ratio: ours.medianMs / peerStats.medianMs,
        target: scenario.rounds === 'all' ? 0.2 : 5,
        problems: [...problems],
      });
    }
    return {
      commits: repo.plan.commits.length,
      tags: repo.plan.tagCount,
      releases,
      nodeBaseline: summarizeRounds(baseline),
      results,
    };
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

/**
 * The table: each pair with both medians, the ratio and its target; Node's
 * own start (`node -e 0`) against the peer, the floor no Node program can go
 * below, and ours above that floor against the peer.
 */
export function renderChangelogTable(
  report: ChangelogReport,
  options: Pick<ChangelogBenchOptions, 'rounds' | 'warmup' | 'allRounds'>,
): Table {
  const node = report.nodeBaseline.medianMs;
  return {
    title: `Changelog on a synthetic history: ${formatCount(report.commits)} commits, ${formatCount(report.tags)} tags`,
    columns: [
      'scenario',
      'peer',
      'ours (ms)',
      'peer (ms)',
      'ratio ours/peer',
      'target',
      'floor: node -e 0 / peer',
      'ours − node -e 0 (ms)',
      'that / peer',
      'in process (ms)',
      'in process / peer',
    ],
    rows: report.results.map((r) => [
      r.scenario,
      r.peer,
      formatMs(r.ours.medianMs),
      formatMs(r.peerStats.medianMs),
      formatRatio(r.ratio),
      `≤ ${formatRatio(r.target)}`,
      formatRatio(node / r.peerStats.medianMs),
      formatMs(Math.max(0, r.ours.medianMs - node)),
      formatRatio(Math.max(0, r.ours.medianMs - node) / r.peerStats.medianMs),
      formatMs(r.inProcess.medianMs),
      formatRatio(r.inProcess.medianMs / r.peerStats.medianMs),
    ]),
    notes: [
      `Medians: --all of ${options.allRounds} round(s) without warm-up (the peer takes minutes), one release of ` +
        `${options.rounds} interleaved rounds after ${options.warmup} warm-up. *ours*: ` +
        '`node packages/cli/dist/index.js changelog … --json`, spawn to exit, in the checkout; ' +
        '*in process*: the same through `runCli` in the bench process. *ratio* = ours / peer: lower is ' +
        "better; the targets are the issue's (--all at most 1/5 of conventional-changelog, one release within 5× of git log). " +
        `Both --all runs must give the ${formatCount(report.releases)} release tags reachable from the tip, or the bench fails. ` +
        `\`node -e 0\` took ${formatMs(node)} ms (interleaved with the one-release rounds): *floor* is that against the peer, ` +
        "what any Node program's start alone costs (when it is above the target, no Node program meets the target end to end); " +
        "*ours − node -e 0* is the CLI's own part and *that / peer* its ratio.",
    ],
  };
}
