/**
 * `release-policy patches` against `git cherry <mainline> <line>` on the
 * synthetic repository of `patches-repo.ts` (a long mainline, one line with
 * half of its fixes picked). Interleaved rounds, medians, the ratio; both
 * answers are checked against the generator's.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findNode } from '@release-policy/github-emulator';
import { timeCommand, timeInProcess, type Finished } from './history.js';
import {
  ensurePatchRepo,
  PATCH_LINE,
  type PatchRepoAnswer,
  type PatchRepoOptions,
} from './patches-repo.js';
import { summarizeRounds, type RoundStats } from './lib/stats.js';
import { formatCount, formatMs, formatRatio, type Table } from './lib/table.js';

/** Options of {@link runPatchesBench}. */
export interface PatchesBenchOptions {
  /** The repository root (holding `packages/cli/dist`). */
  root: string;
  repo: PatchRepoOptions;
  warmup: number;
  rounds: number;
}

/** What the pair measured. */
export interface PatchesReport {
  options: PatchRepoOptions;
  reused: boolean;
  ours: RoundStats;
  inProcess: RoundStats;
  peer: RoundStats;
  /** ours / peer median: lower is better; the target is 1.5. */
  ratio: number;
  problems: string[];
}

/** The arguments of our command (after `node <cli>`). */
export const PATCHES_ARGS = ['patches', '--mainline', 'main', '--line', PATCH_LINE, '--json'];

/** What is wrong with our answer (exit 1, the missing and picked counts), or undefined. */
export function checkPatchesAnswer(run: Finished, answer: PatchRepoAnswer): string | undefined {
  let doc: { lines?: { commits?: { status?: string }[] }[] };
  try {
    doc = JSON.parse(run.stdout) as typeof doc;
  } catch {
    return `patches printed no JSON (exit ${run.code}): ${(run.stderr || run.stdout).slice(0, 300)}`;
  }
  const statuses = doc.lines?.[0]?.commits?.map((c) => c.status) ?? [];
  const missing = statuses.filter((s) => s === 'missing').length;
  const equivalent = statuses.filter((s) => s === 'equivalent').length;
  const expectedExit = answer.missing > 0 ? 1 : 0;
  if (run.code !== expectedExit || missing !== answer.missing || equivalent !== answer.picked) {
    return (
      `patches exited ${run.code} with ${missing} missing and ${equivalent} equivalent; ` +
      `the generator expects exit ${expectedExit}, ${answer.missing} and ${answer.picked}`
    );
  }
  return undefined;
}

/** What is wrong with `git cherry`'s answer (`+` missing, `-` picked), or undefined. */
export function checkCherryAnswer(run: Finished, answer: PatchRepoAnswer): string | undefined {
  const lines = run.stdout.split('\n');
  const plus = lines.filter((l) => l.startsWith('+ ')).length;
  const minus = lines.filter((l) => l.startsWith('- ')).length;
  if (run.code !== 0 || plus !== answer.missing || minus !== answer.picked) {
    return (
      `git cherry exited ${run.code} with ${plus} "+" and ${minus} "-"; ` +
      `the generator expects ${answer.missing} and ${answer.picked}`
    );
  }
  return undefined;
}

/**
 * Makes (or reuses) the repository, copies the CLI bundle once, then times
 * our command (spawned and in process) and `git cherry main <line>` in
 * interleaved rounds after warm-up.
 */
export async function runPatchesBench(options: PatchesBenchOptions): Promise<PatchesReport> {
  const repo = await ensurePatchRepo(options.repo);
  const node = findNode();
  const copy = await mkdtemp(join(tmpdir(), 'release-policy-bench-cli-'));
  try {
    await cp(join(options.root, 'packages', 'cli', 'dist'), copy, { recursive: true });
    const cli = [join(copy, 'index.js'), ...PATCHES_ARGS];
    const samples = { ours: [] as number[], inProcess: [] as number[], peer: [] as number[] };
    const problems = new Set<string>();
    for (let round = 0; round < options.warmup + options.rounds; round += 1) {
      const ours = await timeCommand(node, cli, repo.dir);
      const hosted = await timeInProcess(PATCHES_ARGS, repo.dir);
      const peer = await timeCommand('git', ['cherry', 'main', PATCH_LINE], repo.dir);
      for (const wrong of [
        checkPatchesAnswer(ours, repo.answer),
        checkPatchesAnswer(hosted, repo.answer),
        checkCherryAnswer(peer, repo.answer),
      ]) {
        if (wrong !== undefined) problems.add(wrong);
      }
      if (round >= options.warmup) {
        samples.ours.push(ours.ms);
        samples.inProcess.push(hosted.ms);
        samples.peer.push(peer.ms);
      }
    }
    const ours = summarizeRounds(samples.ours);
    const peer = summarizeRounds(samples.peer);
    return {
      options: options.repo,
      reused: repo.reused,
      ours,
      inProcess: summarizeRounds(samples.inProcess),
      peer,
      ratio: ours.medianMs / peer.medianMs,
      problems: [...problems],
    };
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

/** The table: one row, both medians and the ratios. */
export function renderPatchesTable(
  report: PatchesReport,
  options: Pick<PatchesBenchOptions, 'rounds' | 'warmup'>,
): Table {
  const { mainline, line } = report.options;
  return {
    title: `Patches check: a mainline of ${formatCount(mainline)} commits, a line of ${formatCount(line)} with half picked`,
    columns: [
      'scenario',
      'ours (ms)',
      'git cherry (ms)',
      'ratio ours/peer',
      'in process (ms)',
      'in process / peer',
    ],
    rows: [
      [
        `patches --line ${PATCH_LINE}`,
        formatMs(report.ours.medianMs),
        formatMs(report.peer.medianMs),
        formatRatio(report.ratio),
        formatMs(report.inProcess.medianMs),
        formatRatio(report.inProcess.medianMs / report.peer.medianMs),
      ],
    ],
    notes: [
      `Medians of ${options.rounds} interleaved rounds after ${options.warmup} warm-up. *ours*: ` +
        '`node packages/cli/dist/index.js patches --mainline main --line 3.5.x --json`, spawn to exit; ' +
        '*in process*: the same through `runCli`; *peer*: `git cherry main 3.5.x`. *ratio* = ours / peer: ' +
        'lower is better, the target is at most 1.5× while doing more (both patch-id modes, pick trailers, ' +
        'pull-request numbers, exemptions). Both answers are checked against the generator (missing and picked counts).',
    ],
  };
}
