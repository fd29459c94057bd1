import { describe, expect, it } from '@jest/globals';
import {
  compareContenders,
  computeMedian,
  computeMiddleHalf,
  computeSpeedRatio,
  summarizeRounds,
} from './stats.js';

describe('computeMedian', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 1, 1000, 10], 10],
  ])('median of %j is %d', (values, median) => {
    expect(computeMedian(values)).toBe(median);
  });

  it('does not reorder the caller’s list', () => {
    const values = [3, 1, 2];
    computeMedian(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses an empty list with a message', () => {
    expect(() => computeMedian([])).toThrow(/at least one value/);
  });
});

describe('computeMiddleHalf', () => {
  it.each([
    [[7], { low: 7, high: 7 }],
    [[4, 1, 3, 2, 5], { low: 2, high: 4 }],
    [[1.6, 1.2, 9, 1.5, 1.4, 1.3, 0.1, 1.45, 1.55], { low: 1.3, high: 1.55 }],
    [[2, 1], { low: 1, high: 2 }],
  ])('middle half of %j is %j', (values, half) => {
    expect(computeMiddleHalf(values)).toEqual(half);
  });

  it('refuses an empty list with a message', () => {
    expect(() => computeMiddleHalf([])).toThrow(/at least one value/);
  });
});

describe('summarizeRounds', () => {
  it('gives median, min, max and a copy of the samples', () => {
    const samples = [4, 2, 9];
    const stats = summarizeRounds(samples);
    expect(stats).toEqual({ medianMs: 4, minMs: 2, maxMs: 9, samples: [4, 2, 9] });
    expect(stats.samples).not.toBe(samples);
  });
});

describe('compareContenders', () => {
  /** A clock that advances by the cost each contender declares when it runs. */
  function fakeClock() {
    let t = 0;
    return { now: () => t, spend: (ms: number) => (t += ms) };
  }

  it('interleaves contenders, times only the timed rounds, and keeps the last results', () => {
    const clock = fakeClock();
    const calls: string[] = [];
    let aRound = 0;
    const a = () => {
      calls.push('a');
      aRound += 1;
      clock.spend(aRound); // 1, 2, 3, 4, 5 ms: warm-up rounds take 1 and 2
      return 10 + aRound;
    };
    const b = () => {
      calls.push('b');
      clock.spend(7);
      return 99;
    };
    const { stats, results } = compareContenders([a, b], {
      warmup: 2,
      rounds: 3,
      now: clock.now,
    });
    expect(calls).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']);
    expect(stats[0]?.samples).toEqual([3, 4, 5]);
    expect(stats[0]?.medianMs).toBe(4);
    expect(stats[1]?.samples).toEqual([7, 7, 7]);
    expect(results).toEqual([15, 99]);
  });

  it('refuses zero rounds', () => {
    expect(() => compareContenders([() => 1], { warmup: 0, rounds: 0 })).toThrow(
      /at least 1 round/,
    );
  });
});

describe('computeSpeedRatio', () => {
  it.each([
    [10, 20, 2],
    [20, 10, 0.5],
    [5, 5, 1],
  ])('ours %d ms, peer %d ms gives %d', (ours, peer, ratio) => {
    expect(computeSpeedRatio(ours, peer)).toBe(ratio);
  });

  it.each([
    [0, 1],
    [1, 0],
    [Number.NaN, 1],
  ])('refuses non-positive times (%d, %d)', (ours, peer) => {
    expect(() => computeSpeedRatio(ours, peer)).toThrow(/two positive times/);
  });
});
