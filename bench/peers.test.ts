import { describe, expect, it } from '@jest/globals';
import { classifyBranch, defaultPolicy, parseConventionalCommit } from '@release-policy/core';
import { ADVERSARIAL_FAMILIES, generateBranchNames } from './inputs.js';
import { classifyWithRegExps, createCommitPeer, LOOSE_FEATURE_REGEXP } from './peers.js';

const policy = defaultPolicy();

/** What both classifiers report, reduced to the fields the peer has. */
function ours(name: string) {
  const c = classifyBranch(name, policy);
  const out: Record<string, string> = {};
  for (const key of ['kind', 'ticket', 'slug', 'version'] as const) {
    const value = c[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

describe('classifyWithRegExps (the naive RegExp peer)', () => {
  const long = `feature/CHG-1-${'a'.repeat(255 - 'feature/CHG-1-'.length)}`;
  it.each([
    ['main', { kind: 'mainline' }],
    ['refs/heads/main', { kind: 'mainline' }],
    ['feature/CHG-1-add-login', { kind: 'feature', ticket: 'CHG-1', slug: 'add-login' }],
    ['feat/ABC2-99-x.y_z', { kind: 'feature', ticket: 'ABC2-99', slug: 'x.y_z' }],
    ['refs/heads/fix/OPS-12-retry', { kind: 'fix', ticket: 'OPS-12', slug: 'retry' }],
    ['feature/CHG-1234567890-x', { kind: 'feature', ticket: 'CHG-1234567890', slug: 'x' }],
    ['feature/CHG-0-x', {}],
    ['feature/chg-1-x', {}],
    ['feature/CHG-1-Add', {}],
    ['feature/CHG-1-a--b', {}],
    ['Feature/CHG-1-x', {}],
    ['release/1.4', { kind: 'release' }],
    ['release/0.0', { kind: 'release' }],
    ['release/01.4', {}],
    ['release/v1.4', {}],
    ['1.4.x', { kind: 'maintenance' }],
    ['2.x', { kind: 'maintenance' }],
    ['01.x', {}],
    ['hotfix/1.4.3', { kind: 'hotfix', version: '1.4.3' }],
    ['hotfix/1.4.3-rc.1+b.2', { kind: 'hotfix', version: '1.4.3-rc.1+b.2' }],
    ['hotfix/1.4', {}],
    ['hotfix/1.4.3-', {}],
    ['dependabot/npm_and_yarn/semver-7.7.0', { kind: 'bot' }],
    ['renovate/ü-1', { kind: 'bot' }],
    ['dependabot/a b', {}],
    ['dependabot/a~b', {}],
    ['dependabot/', {}],
    ['bob/x', {}],
    ['', {}],
    [long, { kind: 'feature', ticket: 'CHG-1', slug: 'a'.repeat(255 - 14) }],
    [`${long}a`, {}],
  ])('%j gives %j, as classifyBranch does', (name, expected) => {
    expect(classifyWithRegExps(name)).toEqual(expected);
    expect(ours(name)).toEqual(expected);
  });

  it('agrees with classifyBranch on 5,000 generated names and every adversarial name', () => {
    const names = [
      ...generateBranchNames(5000, 99),
      ...ADVERSARIAL_FAMILIES.flatMap((f) => [32, 64, 128, 255].map((n) => f.build(n))),
    ];
    const differing = names.filter(
      (name) => JSON.stringify(classifyWithRegExps(name)) !== JSON.stringify(ours(name)),
    );
    expect(differing).toEqual([]);
  });
});

describe('LOOSE_FEATURE_REGEXP (the backtracking-prone contrast)', () => {
  it.each([
    ['feature/CHG-1-add-login', true],
    ['feature/CHG-1-addlogin', true],
    ['feature/CHG-1-add-login!', false],
    ['feature/chg-1-x', false],
  ])('%j matches: %s', (name, matches) => {
    expect(LOOSE_FEATURE_REGEXP.test(name)).toBe(matches);
  });
});

describe('createCommitPeer (conventional-commits-parser)', () => {
  const peer = createCommitPeer();
  it.each([
    ['feat: add login', { type: 'feat', breaking: false }],
    ['fix(core)!: drop node 18', { type: 'fix', breaking: true }],
    ['feat: x\n\nbody text\n\nBREAKING CHANGE: the config moved', { type: 'feat', breaking: true }],
    ['feat: x\n\nBREAKING-CHANGE: renamed', { type: 'feat', breaking: true }],
    ['Feat: upper-case type', { type: 'feat', breaking: false }],
    ['Merge pull request #12 from octo-org/feature/CHG-1-x', undefined],
    ['Revert "feat: x"\n\nThis reverts commit abc.', undefined],
    ['Update README.md', undefined],
  ])('%j reads as %j, as ours does', (message, expected) => {
    expect(peer(message)).toEqual(expected);
    const mine = parseConventionalCommit(message);
    expect(mine && { type: mine.type, breaking: mine.breaking }).toEqual(expected);
  });
});
