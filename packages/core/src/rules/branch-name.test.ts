import { describe, it, expect } from '@jest/globals';
import { branchName } from './branch-name.js';
import type { Policy } from '../config/schema.js';
import { makePolicy } from '../testing/policies.js';

const now = new Date('2025-01-01T00:00:00Z');

/** Runs the rule the way the engine does (applies, then evaluate). */
function run(name: string, policy: Policy = makePolicy()) {
  const ctx = { facts: { branch: { name } }, policy, now };
  expect(branchName.applies(ctx)).toBe(true);
  const findings = branchName.evaluate(ctx);
  return {
    ok: findings.every((f) => (f.severity ?? branchName.defaultSeverity) !== 'error'),
    findings,
  };
}

function onlyMessage(name: string, policy?: Policy): string {
  const { ok, findings } = run(name, policy);
  expect(ok).toBe(false);
  expect(findings).toHaveLength(1);
  return findings[0]?.message ?? '';
}

describe('branch-name', () => {
  it('is an error-level branch check that applies only when there is a branch', () => {
    const policy = makePolicy();
    expect(branchName).toMatchObject({
      id: 'branch-name',
      check: 'branch',
      defaultSeverity: 'error',
    });
    expect(branchName.applies({ facts: {}, policy, now })).toBe(false);
    expect(branchName.applies({ facts: { version: { sources: [], tags: [] } }, policy, now })).toBe(
      false,
    );
  });

  it.each([
    'main',
    'refs/heads/main',
    'feature/CHG-1234-add-login',
    'feat/CHG-1-x',
    'refs/heads/feature/CHG-1234-add-login',
    'fix/OPS-77-null.check',
    'release/1.4',
    '1.4.x',
    '1.x',
    'hotfix/1.4.3',
    'hotfix/2.0.0-rc.1',
    'dependabot/npm_and_yarn/semver-7.7.0',
    'renovate/lodash-4.x',
  ])('accepts %j', (name) => {
    expect(run(name)).toEqual({ ok: true, findings: [] });
  });

  it.each([
    'mai',
    'Main',
    'master',
    'develop',
    'feature/add-login',
    'feature/chg-1-add-login',
    'fix/CHG-1-Fix',
    'release/1',
    'release/01.4',
    'hotfix/1.4',
    'hotfix/v1.4.3',
    'dependabot/',
    'refs/tags/v1.2.3',
    '',
    'a";echo${IFS}pwn;#',
    'feature/CHG-1-x\r\n::error::pwned',
    '%0A::error::x',
    '::stop-commands::token',
    '$(touch x)`id`',
  ])('rejects %j, quoting the name literally as JSON', (name) => {
    const message = onlyMessage(name);
    expect(message).toContain(
      `Branch ${JSON.stringify(name)} matches no branch kind of the policy.`,
    );
    // every kind's patterns with a concrete example each
    expect(message).toContain('"feature/{ticket}-{slug}" (e.g. "feature/CHG-1234-add-login")');
    expect(message).toContain('"feat/{ticket}-{slug}" (e.g. "feat/CHG-1234-add-login")');
    expect(message).toContain('"fix/{ticket}-{slug}" (e.g. "fix/CHG-1234-add-login")');
    expect(message).toContain('"release/{major}.{minor}" (e.g. "release/1.4")');
    expect(message).toContain('"{major}.{minor}.x" (e.g. "1.4.x"), "{major}.x" (e.g. "1.x")');
    expect(message).toContain('"hotfix/{version}" (e.g. "hotfix/1.4.3")');
    expect(message).toContain('"dependabot/{rest}" (e.g. "dependabot/npm_and_yarn/semver-7.7.0")');
    expect(message).toContain('mainline: "main"');
    expect(message).toContain('{ticket} is an upper-case key');
  });

  it.each(['feature/CHG-1-x\r\n::error::pwned', 'a\nb', 'x\r::warning::y'])(
    'never lets raw line breaks of %j into the message',
    (name) => {
      const message = onlyMessage(name);
      expect(message.split('\n')[0]).toContain(JSON.stringify(name));
      expect(message).not.toContain('\r');
    },
  );

  it.each([
    ['mai', 'Did you mean "main"?'],
    ['Main', 'Did you mean "main"?'],
    ['featur/CHG-1234-add-login', 'Did you mean "feature/CHG-1234-add-login"?'],
    ['Feature/CHG-1-x', 'Did you mean "feature/CHG-1-x"?'],
    ['relase/1.4', 'Did you mean "release/1.4"?'],
    ['hotifx/1.4.3', 'Did you mean "hotfix/1.4.3"?'],
  ])('suggests for %j: %s', (name, expected) => {
    expect(onlyMessage(name)).toContain(expected);
  });

  it.each([
    [
      'feature/add-login',
      'It starts like a feature branch, but the rest does not fit "feature/{ticket}-{slug}"; example: "feature/CHG-1234-add-login".',
    ],
    [
      'hotfix/1.4',
      'It starts like a hotfix branch, but the rest does not fit "hotfix/{version}"; example: "hotfix/1.4.3".',
    ],
  ])('explains a right prefix with a wrong rest for %j', (name, expected) => {
    expect(onlyMessage(name)).toContain(expected);
  });

  it('points at a near prefix even when the rest does not fit', () => {
    expect(onlyMessage('featur/add-login')).toContain(
      'Did you mean a feature branch? Those start with "feature/", e.g. "feature/CHG-1234-add-login".',
    );
  });

  describe('with kind descriptions in the policy', () => {
    const policy = makePolicy({
      branches: {
        kinds: {
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
          },
        },
      },
    });

    it.each([
      [
        'feature/add-login',
        'Branch "feature/add-login" matches no branch kind of the policy. It starts like a feature branch (Short-lived work, merged into main), but the rest does not fit "feature/{ticket}-{slug}"; example: "feature/CHG-1234-add-login".',
      ],
      [
        'featur/add-login',
        'Branch "featur/add-login" matches no branch kind of the policy. Did you mean a feature branch (Short-lived work, merged into main)? Those start with "feature/", e.g. "feature/CHG-1234-add-login".',
      ],
    ])('names the kind %j was meant to be with its description', (name, first) => {
      expect(onlyMessage(name, policy).split('\n')).toEqual([
        first,
        'Accepted branch names:',
        '  - mainline: "main"',
        '  - feature (Short-lived work, merged into main): "feature/{ticket}-{slug}" (e.g. "feature/CHG-1234-add-login")',
        '  - release: "release/{major}.{minor}" (e.g. "release/1.4")',
        expect.stringContaining('{ticket}'),
        expect.stringContaining('{slug}'),
        expect.stringContaining('{major}'),
        expect.stringContaining('{minor}'),
      ]);
    });
  });

  it.each(['develop', 'a";echo${IFS}pwn;#'])('offers no guess for %j', (name) => {
    expect(onlyMessage(name)).not.toContain('Did you mean');
  });

  it('reports a 100,000-character name as too long, truncated', () => {
    const name = 'feature/' + 'a'.repeat(100_000);
    const message = onlyMessage(name);
    expect(message).toContain(`Branch "feature/${'a'.repeat(110)}… is too long to be checked`);
    expect(message).toContain('at most 255 characters');
    expect(message.length).toBeLessThan(3_000);
  });

  it('mentions the allowed ticket keys when the policy restricts them', () => {
    const policy = makePolicy({ branches: { ticketKeys: ['CHG', 'OPS'] } });
    expect(run('feature/CHG-1-x', policy).ok).toBe(true);
    const message = onlyMessage('feature/JIRA-1-x', policy);
    expect(message).toContain('{ticket} keys allowed by the policy: CHG, OPS');
  });

  it('fails closed when the policy has no branch kinds', () => {
    const policy = makePolicy({ branches: { kinds: {} } });
    for (const name of ['main', 'feature/CHG-1-x']) {
      const { ok, findings } = run(name, policy);
      expect(ok).toBe(false);
      expect(findings).toHaveLength(1);
      expect(findings[0]?.message).toContain('The policy defines no branch kinds');
      expect(findings[0]?.docs).toBe('docs/policy.md#branches');
    }
  });

  it('reports every pattern that does not compile, and still checks the name', () => {
    const policy = makePolicy({
      branches: {
        kinds: {
          feature: {
            patterns: ['feature/{tiket}-{slug}', 'feat/{ticket}-{slug}'],
            into: [],
            'same-line': false,
          },
          release: { patterns: ['release/{major}{minor}'], into: [], 'same-line': false },
        },
      },
    });
    const { findings } = run('feat/CHG-1-x', policy);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining(
        'Branch kind "feature", pattern 1: Invalid branch pattern "feature/{tiket}-{slug}"',
      ),
      expect.stringContaining(
        'Branch kind "release", pattern 1: Invalid branch pattern "release/{major}{minor}"',
      ),
    ]);
    expect(findings.every((f) => f.docs === 'docs/policy.md#branches')).toBe(true);
    expect(run('feature/CHG-1-x', policy).findings).toHaveLength(3);
  });

  it('leaves the docs link to the engine and gives a one-sentence hint', () => {
    const [finding] = run('wip').findings;
    expect(finding?.docs).toBeUndefined();
    expect(finding?.hint).toBe(
      'Rename the branch to an accepted form (for example "feature/CHG-1234-add-login") with ' +
        'git branch -m, or add a pattern to branches.kinds in the policy.',
    );
  });
});
