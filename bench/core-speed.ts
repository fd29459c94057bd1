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
import { formatCount, type Table } from './lib/table.js';
import { renderCoreTables } from './core-tables.js';
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
  /** Names matched per timed round of the adversarial table (large, so rounds amortise GC). */
  adversarialIterations: number;
  adversarialWarmup: number;
  adversarialRounds: number;
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
  adversarialIterations: 1500,
  adversarialWarmup: 1,
  adversarialRounds: 5,
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
      { warmup: options.adversarialWarmup, rounds: options.adversarialRounds },
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
