/**
 * The core benchmark tables: peers with speed ratios, adversarial names with
 * growth between lengths, and the backtracking-prone RegExp for contrast.
 */
import type {
  AdversarialResult,
  CoreSpeedOptions,
  LooseRegexResult,
  PeerComparison,
} from './core-speed.js';
import { ADVERSARIAL_FAMILIES } from './inputs.js';
import { formatCount, formatMs, formatNsPerOp, formatRatio, type Table } from './lib/table.js';

/** Renders the core results as three tables. */
export function renderCoreTables(
  comparisons: readonly PeerComparison[],
  adversarial: readonly AdversarialResult[],
  loose: readonly LooseRegexResult[],
  options: Pick<
    CoreSpeedOptions,
    | 'rounds'
    | 'warmup'
    | 'commitRounds'
    | 'commitWarmup'
    | 'adversarialLengths'
    | 'adversarialIterations'
    | 'adversarialRounds'
    | 'adversarialWarmup'
    | 'looseLimitMs'
  >,
): Table[] {
  const peers: Table = {
    title: 'Core speed against named peers (same inputs, same run)',
    columns: [
      'benchmark',
      'peer',
      'ours ms',
      'peer ms',
      'ours ns/op',
      'peer ns/op',
      'ours/peer speed (higher is better for us)',
      'accepted ours / peer',
      'agree',
    ],
    rows: comparisons.map((c) => [
      c.benchmark,
      c.peer,
      formatMs(c.ours.medianMs),
      formatMs(c.theirs.medianMs),
      formatNsPerOp(c.ours.medianMs, c.inputs),
      formatNsPerOp(c.theirs.medianMs, c.inputs),
      formatRatio(c.speedRatio),
      `${formatCount(c.acceptedByOurs)} / ${formatCount(c.acceptedByPeer)}`,
      `${((100 * c.agreeing) / c.inputs).toFixed(1)}%`,
    ]),
    align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    notes: [
      `Median of ${options.rounds} interleaved rounds after ${options.warmup} warm-up rounds ` +
        `(commits: ${options.commitRounds} after ${options.commitWarmup}, as the peer takes seconds per round); ` +
        'one round handles every input once.',
      'Speed ratio = peer median time / our median time: 2.00× means ours does the same inputs in half the time.',
      'conventional-commits-parser also extracts body, footer, notes, references and mentions, which ours does not; ' +
        'semver.parse accepts "v1.2.3" and " 1.2.3", which the strict parser rejects with a teaching message (see the accepted column).',
    ],
  };
  const lengths = options.adversarialLengths;
  const first = lengths[0] as number;
  const last = lengths[lengths.length - 1] as number;
  const rows = ADVERSARIAL_FAMILIES.map((family) => {
    const at = (length: number) =>
      adversarial.find((a) => a.family === family.name && a.length === length);
    const low = at(first);
    const high = at(last);
    return [
      family.name,
      high?.kind || '(none)',
      ...lengths.map((l) => {
        const a = at(l);
        return a
          ? `${(a.oursNsPerName / 1000).toFixed(2)} / ${(a.regexNsPerName / 1000).toFixed(2)}`
          : '';
      }),
      low && high ? formatRatio(high.oursNsPerName / low.oursNsPerName) : '',
      low && high ? formatRatio(high.regexNsPerName / low.regexNsPerName) : '',
    ];
  });
  const adversarialTable: Table = {
    title: `Adversarial branch names: µs per name, ours / naive RegExp`,
    columns: [
      'family',
      'kind',
      ...lengths.map((l) => `${l} chars`),
      `ours growth ${first}→${last}`,
      `RegExp growth ${first}→${last}`,
    ],
    rows,
    notes: [
      `Median of ${options.adversarialRounds} rounds of ${formatCount(options.adversarialIterations)} classifications per name ` +
        `after ${options.adversarialWarmup} warm-up round, all lengths of a family interleaved.`,
      `The names grow ${formatRatio(last / first)} from ${first} to ${last} characters: a linear matcher's time grows ` +
        'by about that much or less (less when a per-call constant dominates); a backtracking one grows by far more.',
      'Both sides classify against every default kind (the mainline, then each pattern in policy order) and agree on every name.',
    ],
  };
  const looseTable: Table = {
    title: 'For contrast: a backtracking-prone RegExp (slug written as (?:[a-z0-9]+-?)+)',
    columns: ['name', 'chars', 'loose RegExp ms', 'ours ms'],
    rows: loose.map((l) => [
      `feature/CHG-1- + "a"×${l.letters} + "!"`,
      l.length,
      formatMs(l.looseMs),
      formatMs(l.oursMs),
    ]),
    notes: [
      `Each two more letters multiply the loose RegExp time; it stops once one match takes over ${options.looseLimitMs} ms. ` +
        `At ${last} characters it would not finish. Our matcher visits each (state, position) pair at most once.`,
    ],
  };
  return [peers, adversarialTable, looseTable];
}
