import { describe, expect, it } from '@jest/globals';
import { ADVERSARIAL_FAMILIES } from './inputs.js';
import { DEFAULT_CORE_OPTIONS, runCoreSpeed } from './core-speed.js';
import { renderCoreTables } from './core-tables.js';

const tiny = {
  ...DEFAULT_CORE_OPTIONS,
  commits: 200,
  versions: 500,
  branches: 500,
  warmup: 0,
  rounds: 1,
  commitWarmup: 0,
  commitRounds: 1,
  adversarialIterations: 2,
  adversarialWarmup: 0,
  adversarialRounds: 1,
  adversarialLengths: [64, 255],
  looseLimitMs: 0,
};

describe('runCoreSpeed', () => {
  const result = runCoreSpeed(tiny);

  it('measures each core function against its named peer on the same inputs', () => {
    expect(result.comparisons.map((c) => [c.peer, c.inputs])).toEqual([
      ['conventional-commits-parser', 200],
      ['semver.parse', 500],
      ['semver.parse', 500],
      ['naive RegExp', 500],
    ]);
    for (const c of result.comparisons) {
      expect(c.speedRatio).toBeCloseTo(c.theirs.medianMs / c.ours.medianMs, 10);
      expect(c.agreeing).toBeLessThanOrEqual(c.inputs);
    }
  });

  it('checks that the branch peers agree on every input, so the comparison is fair', () => {
    const branches = result.comparisons[3];
    expect(branches?.agreeing).toBe(500);
    expect(branches?.acceptedByOurs).toBe(branches?.acceptedByPeer);
    expect(result.disagreements).toEqual([]);
  });

  it('counts only valid versions as accepted by the strict parser', () => {
    const [, valid, mixed] = result.comparisons;
    expect(valid?.acceptedByOurs).toBe(500);
    expect(mixed?.acceptedByOurs).toBeLessThan(500);
    // semver.parse accepts a leading "v" or space, which the strict parser refuses.
    expect(mixed?.acceptedByPeer).toBeGreaterThan(mixed?.acceptedByOurs ?? 0);
  });

  it('measures every adversarial family at every length, and stops the loose RegExp at its limit', () => {
    expect(result.adversarial.map((a) => [a.family, a.length])).toEqual(
      ADVERSARIAL_FAMILIES.flatMap((f) => [
        [f.name, 64],
        [f.name, 255],
      ]),
    );
    expect(result.loose).toHaveLength(1);
    expect(result.tables.map((t) => t.title)).toEqual([
      'Core speed against named peers (same inputs, same run)',
      'Adversarial branch names: µs per name, ours / naive RegExp',
      'For contrast: a backtracking-prone RegExp (slug written as (?:[a-z0-9]+-?)+)',
    ]);
  });
});

describe('renderCoreTables', () => {
  it('writes the ratio as ours/peer speed and the growth between the last two lengths', () => {
    const stats = (medianMs: number) => ({
      medianMs,
      minMs: medianMs,
      maxMs: medianMs,
      samples: [],
    });
    const family = ADVERSARIAL_FAMILIES[0]?.name as string;
    const [peers, adversarial, loose] = renderCoreTables(
      [
        {
          benchmark: 'B',
          peer: 'P',
          inputs: 1000,
          ours: stats(1),
          theirs: stats(4),
          speedRatio: 4,
          acceptedByOurs: 900,
          acceptedByPeer: 950,
          agreeing: 990,
        },
      ],
      [
        { family, length: 128, oursNsPerName: 1000, regexNsPerName: 100, kind: '' },
        { family, length: 255, oursNsPerName: 2000, regexNsPerName: 800, kind: '' },
      ],
      [{ letters: 12, length: 27, looseMs: 0.2, oursMs: 0.01 }],
      { ...DEFAULT_CORE_OPTIONS, adversarialLengths: [128, 255] },
    );
    expect(peers?.columns).toContain('ours/peer speed (higher is better for us)');
    expect(peers?.rows).toEqual([
      ['B', 'P', '1.0', '4.0', '1000', '4000', '4.00×', '900 / 950', '99.0%'],
    ]);
    expect(adversarial?.rows[0]).toEqual([
      family,
      '(none)',
      '1.00 / 0.10',
      '2.00 / 0.80',
      '2.00×',
      '8.00×',
    ]);
    expect(loose?.rows).toEqual([['feature/CHG-1- + "a"×12 + "!"', 27, '0.200', '0.010']]);
  });
});
