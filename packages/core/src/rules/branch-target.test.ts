import { describe, it, expect } from '@jest/globals';
import { branchTarget } from './branch-target.js';
import type { Policy } from '../config/schema.js';
import { makePolicy } from '../testing/policies.js';

const now = new Date('2025-01-01T00:00:00Z');

function messages(head: string, base: string, policy: Policy = makePolicy()): string[] {
  const ctx = { facts: { branch: { name: head, base } }, policy, now };
  expect(branchTarget.applies(ctx)).toBe(true);
  return branchTarget.evaluate(ctx).map((f) => {
    expect(f.severity).toBeUndefined(); // the rule's default severity, error, applies
    return f.message;
  });
}

describe('branch-target', () => {
  it('is an error-level branch check that applies only to pull requests', () => {
    const policy = makePolicy();
    expect(branchTarget).toMatchObject({
      id: 'branch-target',
      check: 'branch',
      defaultSeverity: 'error',
    });
    expect(branchTarget.applies({ facts: {}, policy, now })).toBe(false);
    expect(
      branchTarget.applies({ facts: { branch: { name: 'feature/CHG-1-x' } }, policy, now }),
    ).toBe(false);
    expect(
      branchTarget.applies({
        facts: { branch: { name: 'feature/CHG-1-x', base: 'main' } },
        policy,
        now,
      }),
    ).toBe(true);
  });

  describe('merge direction matrix with the default policy', () => {
    const allowed: Array<[string, string]> = [
      ['feature/CHG-1-x', 'main'],
      ['feat/CHG-1-x', 'refs/heads/main'],
      ['refs/heads/feature/CHG-1-x', 'main'],
      ['fix/CHG-1-x', 'main'],
      ['fix/CHG-1-x', 'release/1.4'],
      ['fix/CHG-1-x', '1.4.x'],
      ['fix/CHG-1-x', '1.x'],
      ['release/1.4', 'main'],
      ['1.4.x', 'main'],
      ['2.x', 'main'],
      ['hotfix/1.4.3', 'main'],
      ['hotfix/1.4.3', 'release/1.4'],
      ['hotfix/1.4.3', '1.4.x'],
      ['hotfix/1.4.3', '1.x'],
      ['hotfix/1.4.3-rc.1', 'release/1.4'],
      ['dependabot/npm_and_yarn/semver-7.7.0', 'main'],
      ['renovate/lodash-4.x', 'release/1.4'],
      ['dependabot/github_actions/x', '1.x'],
    ];
    it.each(allowed)('%j into %j is allowed', (head, base) => {
      expect(messages(head, base)).toEqual([]);
    });

    const refused: Array<[string, string, string]> = [
      [
        'feature/CHG-1-x',
        'release/1.4',
        'Pull request from "feature/CHG-1-x" into "release/1.4": a feature branch may not be merged into release branches (e.g. "release/1.4"); feature branches may be merged into the mainline "main".',
      ],
      [
        'feature/CHG-1-x',
        '1.4.x',
        'a feature branch may not be merged into maintenance branches (e.g. "1.4.x"); feature branches may be merged into the mainline "main".',
      ],
      [
        'feat/CHG-1-x',
        'feature/CHG-2-y',
        'a feature branch may not be merged into feature branches (e.g. "feature/CHG-1234-add-login")',
      ],
      ['release/1.4', 'release/1.5', 'a release branch may not be merged into release branches'],
      ['1.4.x', '1.x', 'a maintenance branch may not be merged into maintenance branches'],
      [
        'fix/CHG-1-x',
        'hotfix/1.4.3',
        'fix branches may be merged into the mainline "main", release branches (e.g. "release/1.4"), maintenance branches (e.g. "1.4.x")',
      ],
      [
        'hotfix/1.5.0',
        'release/1.4',
        'Pull request from "hotfix/1.5.0" into "release/1.4": hotfix branches must stay on the target\'s version line, but "hotfix/1.5.0" is on line 1.5 and "release/1.4" is line 1.4. Only hotfix branches of 1.4 (e.g. "hotfix/1.4.1") may target it.',
      ],
      [
        'hotfix/1.5.0',
        '1.4.x',
        '"1.4.x" is line 1.4. Only hotfix branches of 1.4 (e.g. "hotfix/1.4.1")',
      ],
      [
        'hotfix/2.4.3',
        '1.x',
        '"1.x" is line 1.x. Only hotfix branches of 1.x (e.g. "hotfix/1.4.1")',
      ],
      [
        'main',
        'release/1.4',
        'Pull request from the mainline "main" into "release/1.4": the mainline is not merged into other branches. Branch off instead: create a branch from "release/1.4", e.g. "fix/CHG-1234-add-login", cherry-pick the commits it needs, and open the pull request from that branch.',
      ],
      ['refs/heads/main', '1.x', 'create a branch from "1.x", e.g. "fix/CHG-1234-add-login"'],
      [
        'feature/CHG-1-x',
        'develop',
        'Pull request from "feature/CHG-1-x" into "develop": the target "develop" is not a known line: it is neither the mainline "main" nor a name of any branch kind of the policy. feature branches may be merged into the mainline "main".',
      ],
      ['hotfix/1.4.3', 'release/1', 'the target "release/1" is not a known line'],
      ['fix/CHG-1-x', 'Main', 'the target "Main" is not a known line'],
    ];
    it.each(refused)('%j into %j is refused', (head, base, expected) => {
      const found = messages(head, base);
      expect(found).toHaveLength(1);
      expect(found[0]).toContain(expected);
    });
  });

  it('reports both problems of a pull request from the mainline into an unknown base', () => {
    const found = messages('main', 'staging');
    expect(found).toEqual([
      expect.stringContaining('Pull request from the mainline "main" into "staging"'),
      expect.stringContaining('the target "staging" is not a known line'),
    ]);
    expect(found[0]).toContain('create a branch from "staging", cherry-pick');
  });

  it('leaves an unknown head to branch-name', () => {
    expect(messages('wip', 'main')).toEqual([]);
    expect(messages('wip', 'nowhere')).toEqual([
      'Pull request from "wip" into "nowhere": the target "nowhere" is not a known line: it is neither the mainline "main" nor a name of any branch kind of the policy.',
    ]);
  });

  it('quotes untrusted names as JSON data', () => {
    const base = 'x";rm -rf /;#\n::error::pwn';
    const [message] = messages('feature/CHG-1-x', base);
    expect(message).toContain(JSON.stringify(base));
    expect(message).not.toContain('\n');
  });

  it('explains a kind that merges nowhere', () => {
    const policy = makePolicy({
      branches: {
        kinds: {
          spike: { patterns: ['spike/{slug}'], into: [], 'same-line': false },
          release: {
            patterns: ['release/{major}.{minor}'],
            into: ['mainline'],
            'same-line': false,
          },
        },
      },
    });
    const [message] = messages('spike/try-it', 'main', policy);
    expect(message).toContain(
      'spike branches may not be merged anywhere (their kind has an empty "into" list)',
    );
  });

  describe('with kind descriptions in the policy', () => {
    const base = makePolicy();
    const policy = makePolicy({
      branches: {
        kinds: {
          ...base.branches.kinds,
          feature: {
            patterns: ['feature/{ticket}-{slug}'],
            into: ['mainline'],
            'same-line': false,
            description: 'Short-lived work, merged into main',
          },
          release: {
            patterns: ['release/{major}.{minor}'],
            into: ['mainline'],
            'same-line': false,
            description: 'Release lines, cut from main',
          },
          hotfix: {
            patterns: ['hotfix/{version}'],
            into: ['mainline', 'release', 'maintenance'],
            'same-line': true,
            description: 'Urgent fixes to a released line',
          },
        },
      },
    });

    it.each([
      [
        'feature/CHG-1-x',
        'release/1.4',
        'Pull request from "feature/CHG-1-x" into "release/1.4": a feature branch (Short-lived work, merged into main) may not be merged into release branches (Release lines, cut from main; e.g. "release/1.4"); feature branches may be merged into the mainline "main".',
      ],
      [
        'feature/CHG-1-x',
        'develop',
        'Pull request from "feature/CHG-1-x" into "develop": the target "develop" is not a known line: it is neither the mainline "main" nor a name of any branch kind of the policy. feature branches (Short-lived work, merged into main) may be merged into the mainline "main".',
      ],
      [
        'hotfix/1.5.0',
        'release/1.4',
        'Pull request from "hotfix/1.5.0" into "release/1.4": hotfix branches (Urgent fixes to a released line) must stay on the target\'s version line, but "hotfix/1.5.0" is on line 1.5 and "release/1.4" is line 1.4. Only hotfix branches of 1.4 (e.g. "hotfix/1.4.1") may target it.',
      ],
      [
        'hotfix/1.4.3',
        'feature/CHG-2-y',
        'Pull request from "hotfix/1.4.3" into "feature/CHG-2-y": a hotfix branch (Urgent fixes to a released line) may not be merged into feature branches (Short-lived work, merged into main; e.g. "feature/CHG-1234-add-login"); hotfix branches may be merged into the mainline "main", release branches (e.g. "release/1.4"), maintenance branches (e.g. "1.4.x").',
      ],
    ])('%j into %j names the kinds with their descriptions', (head, base, expected) => {
      expect(messages(head, base, policy)).toEqual([expected]);
    });
  });

  it('checks same-line only for kinds that ask for it', () => {
    const policy = makePolicy();
    const loose = makePolicy();
    const hotfix = loose.branches.kinds.hotfix;
    if (!hotfix) throw new Error('the default policy has a hotfix kind');
    hotfix['same-line'] = false;
    expect(messages('hotfix/1.5.0', 'release/1.4', policy)).toHaveLength(1);
    expect(messages('hotfix/1.5.0', 'release/1.4', loose)).toEqual([]);
  });

  it('suggests retargeting in the hint', () => {
    const ctx = {
      facts: { branch: { name: 'feature/CHG-1-x', base: 'release/1.4' } },
      policy: makePolicy(),
      now,
    };
    expect(branchTarget.evaluate(ctx)[0]?.hint).toBe(
      'Retarget the pull request to an allowed branch, e.g. "main".',
    );
  });
});
