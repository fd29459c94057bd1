import { describe, it, expect } from '@jest/globals';
import { resolveBranchUnderTest, type BranchSignals } from './run-branch.js';

describe('resolveBranchUnderTest', () => {
  it.each<[string, BranchSignals, ReturnType<typeof resolveBranchUnderTest>]>([
    [
      'takes the pull request head and base',
      { pullRequest: { head: 'feature/CHG-1-x', base: 'main' } },
      { name: 'feature/CHG-1-x', base: 'main' },
    ],
    [
      'keeps the pull request base for an explicit branch that is its head',
      {
        branch: 'refs/heads/feature/CHG-1-x',
        pullRequest: { head: 'feature/CHG-1-x', base: 'main' },
      },
      { name: 'feature/CHG-1-x', base: 'main' },
    ],
    [
      'drops the pull request base for an explicit branch that is not its head',
      { branch: 'release/1.4', pullRequest: { head: 'feature/CHG-1-x', base: 'main' } },
      { name: 'release/1.4' },
    ],
    [
      'lets an explicit base win over the pull request base',
      { base: 'release/1.4', pullRequest: { head: 'fix/CHG-2-y', base: 'main' } },
      { name: 'fix/CHG-2-y', base: 'release/1.4' },
    ],
    ['takes a pushed branch', { pushedRef: 'refs/heads/1.4.x' }, { name: '1.4.x' }],
    ['gives no branch for a pushed tag', { pushedRef: 'refs/tags/v1.4.0' }, undefined],
    [
      'falls back to the checked-out branch',
      { pushedRef: 'refs/tags/v1.4.0', checkedOut: 'main' },
      { name: 'main' },
    ],
    [
      'treats blank values as absent',
      { branch: ' ', base: '', checkedOut: 'main' },
      { name: 'main' },
    ],
    ['gives no branch for a detached checkout', {}, undefined],
  ])('%s', (_name, signals, expected) => {
    expect(resolveBranchUnderTest(signals)).toEqual(expected);
  });
});
