import { describe, expect, it } from '@jest/globals';
import {
  classifyBranch,
  defaultPolicy,
  parseConventionalCommit,
  parseStrictVersion,
} from '@release-policy/core';
import {
  ADVERSARIAL_FAMILIES,
  createRandom,
  generateBranchNames,
  generateCommitMessages,
  generateMixedVersions,
  generateValidVersions,
} from './inputs.js';

describe('createRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws integers below n and picks from a list', () => {
    const r = createRandom(1);
    const draws = Array.from({ length: 1000 }, () => r.below(3));
    expect(new Set(draws)).toEqual(new Set([0, 1, 2]));
    expect(['x', 'y']).toContain(r.pick(['x', 'y']));
    expect(() => r.pick([])).toThrow(/non-empty/);
  });
});

describe('generateCommitMessages', () => {
  const messages = generateCommitMessages(3000);

  it('is deterministic and has the asked count', () => {
    expect(messages).toHaveLength(3000);
    expect(generateCommitMessages(3000)).toEqual(messages);
  });

  it('mixes Conventional Commits, breaking changes, merges, reverts and free-form messages', () => {
    const parsed = messages.map((m) => parseConventionalCommit(m));
    const accepted = parsed.filter((p) => p !== undefined).length;
    expect(accepted / messages.length).toBeGreaterThan(0.75);
    expect(accepted / messages.length).toBeLessThan(0.95);
    expect(parsed.some((p) => p?.breaking && messages.some((m) => m.includes('!:')))).toBe(true);
    expect(messages.some((m) => m.includes('\nBREAKING CHANGE: '))).toBe(true);
    expect(messages.some((m) => m.startsWith('Merge pull request #'))).toBe(true);
    expect(messages.some((m) => m.startsWith('Revert "'))).toBe(true);
    expect(new Set(parsed.map((p) => p?.type))).toEqual(
      new Set([
        undefined,
        'feat',
        'fix',
        'chore',
        'docs',
        'refactor',
        'test',
        'ci',
        'perf',
        'build',
        'style',
      ]),
    );
  });
});

describe('version generators', () => {
  it('generates only strictly valid versions, with pre-releases and build metadata', () => {
    const versions = generateValidVersions(2000);
    expect(versions.filter((v) => !parseStrictVersion(v, { allowBuild: true }).ok)).toEqual([]);
    expect(versions.some((v) => v.includes('-rc.'))).toBe(true);
    expect(versions.some((v) => v.includes('+build.'))).toBe(true);
  });

  it('spoils about one in ten in the mixed set', () => {
    const versions = generateMixedVersions(5000);
    const invalid = versions.filter((v) => !parseStrictVersion(v, { allowBuild: true }).ok);
    expect(invalid.length / versions.length).toBeGreaterThan(0.07);
    expect(invalid.length / versions.length).toBeLessThan(0.13);
    expect(invalid.some((v) => v.startsWith('v'))).toBe(true);
  });
});

describe('generateBranchNames', () => {
  it('covers every kind of the default policy and names that fit none', () => {
    const policy = defaultPolicy();
    const kinds = new Set(generateBranchNames(3000).map((n) => classifyBranch(n, policy).kind));
    expect(kinds).toEqual(
      new Set([undefined, 'mainline', 'feature', 'fix', 'release', 'maintenance', 'hotfix', 'bot']),
    );
  });
});

describe('ADVERSARIAL_FAMILIES', () => {
  it.each(ADVERSARIAL_FAMILIES.map((f) => [f.name, f] as const))(
    '%s builds names of exactly the asked length',
    (_name, family) => {
      for (const length of [32, 64, 128, 255]) expect(family.build(length)).toHaveLength(length);
    },
  );

  it('starts with the brief’s feature/ + "A-1-" repetition', () => {
    expect(ADVERSARIAL_FAMILIES[0]?.build(20)).toBe('feature/A-1-A-1-A-1-');
  });

  it('refuses a length shorter than the fixed text', () => {
    expect(() => ADVERSARIAL_FAMILIES[1]?.build(5)).toThrow(/shorter than/);
  });
});
