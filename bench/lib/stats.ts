/**
 * Timing helpers: medians of several rounds after warm-up, and ratios
 * between two contenders measured in the same run.
 */
import { performance } from 'node:perf_hooks';

/** Returns the median of the values (the mean of the middle two for an even count). */
export function computeMedian(values: readonly number[]): number {
  if (values.length === 0) {
    throw new RangeError('computeMedian needs at least one value, got an empty list.');
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The lower and upper quartile of some values: the range the middle half lies in. */
export interface MiddleHalf {
  low: number;
  high: number;
}

/**
 * The middle half of the values (lower to upper quartile, nearest rank on
 * the sorted values). With per-round ratios of two contenders timed in the
 * same round, it shows how far the machine's noise moves the median.
 */
export function computeMiddleHalf(values: readonly number[]): MiddleHalf {
  if (values.length === 0) {
    throw new RangeError('computeMiddleHalf needs at least one value, got an empty list.');
  }
  const sorted = [...values].sort((a, b) => a - b);
  const last = sorted.length - 1;
  return {
    low: sorted[Math.floor(last * 0.25)] as number,
    high: sorted[Math.ceil(last * 0.75)] as number,
  };
}

/** Summary of one contender's rounds. */
export interface RoundStats {
  /** Median milliseconds of one round. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Every round's milliseconds, in the order measured. */
  samples: number[];
}

/** Summarises round timings (median, min, max). */
export function summarizeRounds(samples: readonly number[]): RoundStats {
  return {
    medianMs: computeMedian(samples),
    minMs: Math.min(...samples),
    maxMs: Math.max(...samples),
    samples: [...samples],
  };
}

/** How to time contenders. */
export interface CompareOptions {
  /** Untimed rounds per contender first (JIT warm-up). */
  warmup: number;
  /** Timed rounds per contender. */
  rounds: number;
  /** The clock; `performance.now` unless a test passes its own. */
  now?: () => number;
}

/** What {@link compareContenders} measured. */
export interface Comparison {
  /** Stats per contender, in the order given. */
  stats: RoundStats[];
  /** What each contender returned from its last round (e.g. how many inputs it accepted). */
  results: number[];
}

/**
 * Times contenders in interleaved rounds (A, B, A, B, ...) so that drift of
 * the machine (frequency, other load) hits all of them alike. Each call of a
 * contender is one round: it loops over its whole input and returns a number
 * derived from its results (e.g. how many inputs it accepted), which keeps
 * the work observable and lets the caller check that contenders agree.
 */
export function compareContenders(
  contenders: readonly (() => number)[],
  options: CompareOptions,
): Comparison {
  if (options.rounds < 1) {
    throw new RangeError(`compareContenders needs at least 1 round, got ${options.rounds}.`);
  }
  const now = options.now ?? (() => performance.now());
  const results = contenders.map(() => 0);
  for (let i = 0; i < options.warmup; i += 1) {
    contenders.forEach((run, index) => (results[index] = run()));
  }
  const samples = contenders.map(() => [] as number[]);
  for (let round = 0; round < options.rounds; round += 1) {
    contenders.forEach((run, index) => {
      const start = now();
      results[index] = run();
      (samples[index] as number[]).push(now() - start);
    });
  }
  return { stats: samples.map((s) => summarizeRounds(s)), results };
}

/**
 * The speed ratio of ours against a peer from their median times:
 * peer time / our time. Above 1 means ours is faster (higher is better for us).
 */
export function computeSpeedRatio(oursMs: number, peerMs: number): number {
  if (!(oursMs > 0) || !(peerMs > 0)) {
    throw new RangeError(
      `computeSpeedRatio needs two positive times, got ours=${oursMs} and peer=${peerMs}.`,
    );
  }
  return peerMs / oursMs;
}
