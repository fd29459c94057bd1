/**
 * Core speed against named peers, measured in one run as ratios: the
 * Conventional Commits parser, the strict version parser and the branch
 * classifier, plus adversarial branch names that show linear behaviour.
 */
import semver from 'semver';
import {
  classifyBranch,
  defaultPolicy,
  parseConventionalCommit,
  parseStrictVersion,
  type Policy,
} from '@release-policy/core';
import {
  ADVERSARIAL_FAMILIES,
  generateBranchNames,
  generateCommitMessages,
  generateMixedVersions,
  generateValidVersions,
} from './inputs.js';
import { classifyWithRegExps, createCommitPeer, LOOSE_FEATURE_REGEXP } from './peers.js';
import { compareContenders, computeSpeedRatio, type RoundStats } from './lib/stats.js';
import { formatCount, formatMs, formatNsPerOp, formatRatio, type Table } from './lib/table.js';
import { performance } from 'node:perf_hooks';

/** Sizes and rounds of the core benchmarks. */
export interface CoreSpeedOptions {
  commits: number;
  versions: number;
  branches: number;
  warmup: number;
  rounds: number;
  /** Rounds of the commit benchmark: the peer takes seconds per round. */
  commitWarmup: number;
  commitRounds: number;
  /** Names matched per timed round of the adversarial table. */
  adversarialIterations: number;
  /** Name lengths of the adversarial table; the last should be 255. */
  adversarialLengths: number[];
  /** The backtracking-prone RegExp grows its input until one match takes longer than this. */
  looseLimitMs: number;
}

/** The sizes the brief asks for. */
export const DEFAULT_CORE_OPTIONS: CoreSpeedOptions = {
  commits: 20_000,
  versions: 100_000,
  branches: 100_000,
  warmup: 2,
  rounds: 7,
  commitWarmup: 1,
  commitRounds: 5,
  adversarialIterations: 300,
  adversarialLengths: [32, 64, 128, 255],
  looseLimitMs: 150,
};

/** One ours-vs-peer measurement. */
export interface PeerComparison {
  benchmark: string;
  peer: string;
  inputs: number;
  ours: RoundStats;
  theirs: RoundStats;
  /** Peer time / our time: above 1 means ours is faster (higher is better for us). */
  speedRatio: number;
  /** How many inputs each accepted, and how many both read the same way. */
  acceptedByOurs: number;
  acceptedByPeer: number;
  agreeing: number;
}

/** One adversarial family at one length. */
export interface AdversarialResult {
  family: string;
  length: number;
  oursNsPerName: number;
  regexNsPerName: number;
  /** The kind both matchers gave (they must agree); empty for none. */
  kind: string;
}

/** A run of the backtracking-prone RegExp at growing lengths. */
export interface LooseRegexResult {
  /** How many letters the slug run has. */
  letters: number;
  length: number;
  looseMs: number;
  oursMs: number;
}

/** Everything the core benchmarks measured. */
export interface CoreSpeedResult {
  comparisons: PeerComparison[];
  adversarial: AdversarialResult[];
  loose: LooseRegexResult[];
  tables: Table[];
  /** Inputs the two sides classified differently (must be none for branches). */
  disagreements: string[];
}

function compare(
  benchmark: string,
  peer: string,
  inputs: number,
  ours: () => number,
  theirs: () => number,
  agreement: { ours: number; peer: number; agreeing: number },
  options: Pick<CoreSpeedOptions, 'warmup' | 'rounds'>,
): PeerComparison {
  const { stats } = compareContenders([ours, theirs], options);
  const [o, t] = stats as [RoundStats, RoundStats];
  return {
    benchmark,
    peer,
    inputs,
    ours: o,
    theirs: t,
    speedRatio: computeSpeedRatio(o.medianMs, t.medianMs),
    acceptedByOurs: agreement.ours,
    acceptedByPeer: agreement.peer,
    agreeing: agreement.agreeing,
  };
}

function benchCommits(options: CoreSpeedOptions): PeerComparison {
  const messages = generateCommitMessages(options.commits);
  const peer = createCommitPeer();
  let ours = 0;
  let theirs = 0;
  let agreeing = 0;
  for (const m of messages) {
    const a = parseConventionalCommit(m);
    const b = peer(m);
    if (a) ours += 1;
    if (b) theirs += 1;
    if ((!a && !b) || (a && b && a.type === b.type && a.breaking === b.breaking)) agreeing += 1;
  }
  return compare(
    `Conventional Commits: ${formatCount(messages.length)} messages`,
    'conventional-commits-parser',
    messages.length,
    () => messages.reduce((n, m) => (parseConventionalCommit(m) ? n + 1 : n), 0),
    () => messages.reduce((n, m) => (peer(m) ? n + 1 : n), 0),
    { ours, peer: theirs, agreeing },
    { warmup: options.commitWarmup, rounds: options.commitRounds },
  );
}

function benchVersions(label: string, versions: string[], options: CoreSpeedOptions) {
  const strict = { allowBuild: true };
  let ours = 0;
  let theirs = 0;
  let agreeing = 0;
  for (const v of versions) {
    const a = parseStrictVersion(v, strict).ok;
    const b = semver.parse(v) !== null;
    if (a) ours += 1;
    if (b) theirs += 1;
    if (a === b) agreeing += 1;
  }
  return compare(
    `Versions: ${formatCount(versions.length)} ${label}`,
    'semver.parse',
    versions.length,
    () => versions.reduce((n, v) => (parseStrictVersion(v, strict).ok ? n + 1 : n), 0),
    () => versions.reduce((n, v) => (semver.parse(v) ? n + 1 : n), 0),
    { ours, peer: theirs, agreeing },
    options,
  );
}

function sameBranchClass(policy: Policy, name: string): boolean {
  const a = classifyBranch(name, policy);
  const b = classifyWithRegExps(name);
  return a.kind === b.kind && a.ticket === b.ticket && a.slug === b.slug && a.version === b.version;
}

function benchBranches(policy: Policy, options: CoreSpeedOptions, disagreements: string[]) {
  const names = generateBranchNames(options.branches);
  let ours = 0;
  let theirs = 0;
  let agreeing = 0;
  for (const name of names) {
    if (classifyBranch(name, policy).kind) ours += 1;
    if (classifyWithRegExps(name).kind) theirs += 1;
    if (sameBranchClass(policy, name)) agreeing += 1;
    else if (disagreements.length < 20) disagreements.push(`branch ${JSON.stringify(name)}`);
  }
  return compare(
    `Branch classification: ${formatCount(names.length)} names`,
    'naive RegExp',
    names.length,
    () => names.reduce((n, name) => (classifyBranch(name, policy).kind ? n + 1 : n), 0),
    () => names.reduce((n, name) => (classifyWithRegExps(name).kind ? n + 1 : n), 0),
    { ours, peer: theirs, agreeing },
    options,
  );
}

/** A contender that classifies one name `n` times and counts the hits. */
function repeat(n: number, classify: () => string | undefined): () => number {
  return () => {
    let hits = 0;
    for (let i = 0; i < n; i += 1) if (classify()) hits += 1;
    return hits;
  };
}

/**
 * Times both matchers on every length of a family in one interleaved set of
 * rounds, so growth between lengths is not blurred by drift between them.
 */
function benchAdversarial(
  policy: Policy,
  options: CoreSpeedOptions,
  disagreements: string[],
): AdversarialResult[] {
  const results: AdversarialResult[] = [];
  const n = options.adversarialIterations;
  for (const family of ADVERSARIAL_FAMILIES) {
    const names = options.adversarialLengths.map((length) => family.build(length));
    for (const name of names) {
      if (!sameBranchClass(policy, name)) disagreements.push(`adversarial ${JSON.stringify(name)}`);
    }
    const { stats } = compareContenders(
      names.flatMap((name) => [
        repeat(n, () => classifyBranch(name, policy).kind),
        repeat(n, () => classifyWithRegExps(name).kind),
      ]),
      options,
    );
    names.forEach((name, i) => {
      results.push({
        family: family.name,
        length: name.length,
        oursNsPerName: ((stats[2 * i] as RoundStats).medianMs * 1e6) / n,
        regexNsPerName: ((stats[2 * i + 1] as RoundStats).medianMs * 1e6) / n,
        kind: classifyBranch(name, policy).kind ?? '',
      });
    });
  }
  return results;
}

/** Times one call a few times and returns the median milliseconds. */
function timeOnce(fn: () => unknown, times = 3): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)] as number;
}

/**
 * Grows a name that the backtracking-prone RegExp needs exponential time to
 * reject, until one match takes longer than `limitMs` (the next step would
 * take several times that), and times our classifier on the same names.
 */
function benchLooseRegex(policy: Policy, limitMs: number): LooseRegexResult[] {
  const results: LooseRegexResult[] = [];
  for (let letters = 12; letters <= 40; letters += 2) {
    const name = `feature/CHG-1-${'a'.repeat(letters)}!`;
    const looseMs = timeOnce(() => LOOSE_FEATURE_REGEXP.test(name));
    const oursMs = timeOnce(() => classifyBranch(name, policy));
    results.push({ letters, length: name.length, looseMs, oursMs });
    if (looseMs > limitMs) break;
  }
  return results;
}

/** Runs every core benchmark and renders its tables. */
export function runCoreSpeed(options: CoreSpeedOptions = DEFAULT_CORE_OPTIONS): CoreSpeedResult {
  const policy = defaultPolicy();
  const disagreements: string[] = [];
  const comparisons = [
    benchCommits(options),
    benchVersions('valid', generateValidVersions(options.versions), options),
    benchVersions('mixed (~10% invalid)', generateMixedVersions(options.versions), options),
    benchBranches(policy, options, disagreements),
  ];
  const adversarial = benchAdversarial(policy, options, disagreements);
  const loose = benchLooseRegex(policy, options.looseLimitMs);
  return {
    comparisons,
    adversarial,
    loose,
    disagreements,
    tables: renderCoreTables(comparisons, adversarial, loose, options),
  };
}

/** Renders the core results as three tables. */
export function renderCoreTables(
  comparisons: readonly PeerComparison[],
  adversarial: readonly AdversarialResult[],
  loose: readonly LooseRegexResult[],
  options: Pick<
    CoreSpeedOptions,
    'rounds' | 'warmup' | 'commitRounds' | 'commitWarmup' | 'adversarialLengths' | 'looseLimitMs'
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
  const last = options.adversarialLengths[options.adversarialLengths.length - 1] as number;
  const half = options.adversarialLengths[options.adversarialLengths.length - 2];
  const rows = ADVERSARIAL_FAMILIES.map((family) => {
    const of = adversarial.filter((a) => a.family === family.name);
    const at = (length: number | undefined) => of.find((a) => a.length === length);
    const top = at(last);
    const prev = at(half);
    return [
      family.name,
      top?.kind || '(none)',
      ...options.adversarialLengths.map((l) => {
        const a = at(l);
        return a
          ? `${(a.oursNsPerName / 1000).toFixed(2)} / ${(a.regexNsPerName / 1000).toFixed(2)}`
          : '';
      }),
      top && prev ? formatRatio(top.oursNsPerName / prev.oursNsPerName) : '',
      top && prev ? formatRatio(top.regexNsPerName / prev.regexNsPerName) : '',
    ];
  });
  const adversarialTable: Table = {
    title: `Adversarial branch names: µs per name, ours / naive RegExp`,
    columns: [
      'family',
      'kind',
      ...options.adversarialLengths.map((l) => `${l} chars`),
      `ours growth ${half}→${last}`,
      `RegExp growth ${half}→${last}`,
    ],
    rows,
    notes: [
      `A linear matcher grows by at most about ${formatRatio(last / (half ?? last))} when the name grows ${half}→${last} ` +
        'characters (less when a per-call constant dominates); a backtracking one grows by much more.',
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
