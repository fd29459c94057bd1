/**
 * The tables of the `history` section: ours against the range peer (the git
 * work any such tool needs), then ours against the plain `git log` of the
 * whole branch (the comparison).
 */
import type { HistoryBenchOptions, HistoryReport } from './history.js';
import { formatCount, formatMs, formatRatio, type Table } from './lib/table.js';

/** The title shared by both tables: the size of the history measured. */
function describeHistory(report: HistoryReport): string {
  return `${formatCount(report.commits)} commits, ${formatCount(report.tags)} tags, ${report.maintenanceLines} maintenance lines`;
}

/**
 * The first table: scenario, ours, the range peer, the end-to-end ratio;
 * Node's own start (`node -e 0`) against the peer, the floor no Node program
 * can go below; ours above that floor against the peer; ours without the
 * compile cache; and the work in process.
 */
export function renderHistoryRangeTable(
  report: HistoryReport,
  options: Pick<HistoryBenchOptions, 'rounds' | 'warmup'>,
): Table {
  const node = report.nodeBaseline.medianMs;
  return {
    title: `Version check on a synthetic history: ${describeHistory(report)}`,
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

/**
 * The second table: the same runs of ours against one plain `git log` over
 * the whole history of the checked-out branch, timed in the same rounds.
 */
export function renderHistoryFullLogTable(
  report: HistoryReport,
  options: Pick<HistoryBenchOptions, 'rounds' | 'warmup'>,
): Table {
  const node = report.nodeBaseline.medianMs;
  return {
    title: `Version check against plain git log: ${describeHistory(report)}`,
    columns: [
      'scenario',
      'commits git log reads',
      'git log (ms)',
      'ours (ms)',
      'ratio ours/git log',
      'middle half of the rounds',
      'floor: node -e 0 / git log',
      'ours − node -e 0, / git log',
      'no compile cache / git log',
      'in process / git log',
    ],
    rows: report.results.map((r) => [
      r.scenario,
      formatCount(r.fullLogCommits),
      formatMs(r.fullLog.medianMs),
      formatMs(r.ours.medianMs),
      formatRatio(r.fullLogRatio),
      `${formatRatio(r.fullLogRatioMiddle.low)}–${formatRatio(r.fullLogRatioMiddle.high)}`,
      formatRatio(node / r.fullLog.medianMs),
      formatRatio(Math.max(0, r.ours.medianMs - node) / r.fullLog.medianMs),
      formatRatio(r.oursUncached.medianMs / r.fullLog.medianMs),
      formatRatio(r.inProcess.medianMs / r.fullLog.medianMs),
    ]),
    notes: [
      `The same ${options.rounds} rounds as the table above. *git log*: \`git log --format=%H%x00%B%x00\` in the checkout, ` +
        'spawn to exit: every commit of the branch with its message, as the issue compared (about 1.1× on a real history of this size). ' +
        'It reads the whole history, where the CLI reads from the previous release on (at most the newest ' +
        '10,000 commits without one), so it is the looser of the two peers; the table above is the stricter. *ratio* = ours / git log: lower is better, the goal is under 1.5×. ' +
        "*middle half of the rounds*: each round's own ours / git log (the two ran moments apart), lower to upper quartile: how far the machine's noise moves the ratio.",
    ],
  };
}
