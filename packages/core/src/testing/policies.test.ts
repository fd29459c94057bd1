import { describe, it, expect } from '@jest/globals';
import { DEFAULT_KIND_NAMES, makePolicy } from './policies.js';
import { defaultPolicy } from '../config/load.js';
import { classifyBranch } from '../branches.js';

describe('makePolicy', () => {
  it('equals the embedded default policy', () => {
    expect(makePolicy()).toEqual(defaultPolicy());
  });

  it('classifies branches like the embedded default policy', () => {
    const names = [
      'main',
      'feature/CHG-1-x',
      'fix/CHG-2-y',
      'release/1.4',
      '1.x',
      'hotfix/1.4.3',
      'renovate/x',
    ];
    for (const name of names) {
      expect(classifyBranch(name, makePolicy())).toEqual(classifyBranch(name, defaultPolicy()));
    }
  });

  it('merges overrides one level deep and returns fresh objects', () => {
    const policy = makePolicy({ mainline: 'trunk', branches: { ticketKeys: ['CHG'] } });
    expect(policy.mainline).toBe('trunk');
    expect(policy.branches.ticketKeys).toEqual(['CHG']);
    expect(Object.keys(policy.branches.kinds)).toEqual(DEFAULT_KIND_NAMES);
    expect(policy.versioning.tagPrefix).toEqual(['v']);
    const a = makePolicy();
    a.branches.kinds.feature?.into.push('release');
    expect(makePolicy().branches.kinds.feature?.into).toEqual(['mainline']);
  });
});
