import { describe, it, expect } from '@jest/globals';
import { compilePattern } from '../patterns.js';
import { makePolicy } from '../testing/policies.js';
import { DEFAULT_POLICY_SOURCE, DEFAULT_POLICY_YAML, POLICY_SCHEMA_URL } from './default.js';
import { defaultPolicy, parsePolicy } from './load.js';
import { getPolicySchema } from './schema.js';

describe('DEFAULT_POLICY_YAML', () => {
  it('starts with the yaml-language-server schema line', () => {
    expect(DEFAULT_POLICY_YAML.split('\n')[0]).toBe(
      `# yaml-language-server: $schema=${POLICY_SCHEMA_URL}`,
    );
    expect(POLICY_SCHEMA_URL).toBe(
      'https://raw.githubusercontent.com/release-policy/release-policy/main/schema/release-policy.schema.json',
    );
  });

  it('parses without problems', () => {
    expect(parsePolicy(DEFAULT_POLICY_YAML, 'init.yml')).toMatchObject({ ok: true });
  });

  it('writes out every section that has a default, so none falls back', () => {
    for (const section of ['mainline:', 'branches:', 'versioning:', 'commits:', 'rules:']) {
      expect(DEFAULT_POLICY_YAML).toMatch(new RegExp(`^${section}`, 'm'));
    }
  });

  it('explains every section in a comment', () => {
    const comments = DEFAULT_POLICY_YAML.split('\n').filter((l) => l.trimStart().startsWith('#'));
    expect(comments.length).toBeGreaterThan(30);
    for (const word of [
      '{major}',
      '{version}',
      '{ticket}',
      '{slug}',
      '{rest}',
      'promotion order',
    ]) {
      expect(comments.join('\n')).toContain(word);
    }
  });
});

describe('defaultPolicy', () => {
  it('equals the documented defaults', () => {
    // The defaults are written out by hand, value by value, in testing/policies.ts.
    expect(defaultPolicy()).toEqual(makePolicy({ source: DEFAULT_POLICY_SOURCE }));
  });

  it('lists dev, test (automatic), staging (1 approval) and production (2) in order', () => {
    const environments = defaultPolicy().environments;
    expect(
      environments.map((e) => [e.name, e.after ?? null, e.approvals.required, e.automatic]),
    ).toEqual([
      ['dev', null, 0, false],
      ['test', null, 0, true],
      ['staging', 'test', 1, false],
      ['production', 'staging', 2, false],
    ]);
  });

  it('agrees with the schema defaults of the sections that have them', () => {
    const schemaDefaults = getPolicySchema().parse({});
    expect(defaultPolicy().mainline).toBe(schemaDefaults.mainline);
    expect(defaultPolicy().rules).toEqual(schemaDefaults.rules);
  });

  it('has patterns that compile', () => {
    const policy = defaultPolicy();
    for (const kind of Object.values(policy.branches.kinds)) {
      for (const pattern of kind.patterns) {
        expect(() =>
          compilePattern(pattern, { ticketKeys: policy.branches.ticketKeys }),
        ).not.toThrow();
      }
    }
  });

  it('returns an independent copy on every call', () => {
    const first = defaultPolicy();
    first.mainline = 'changed';
    first.versioning.prerelease.push('dev');
    const second = defaultPolicy();
    expect(second.mainline).toBe('main');
    expect(second.versioning.prerelease).toEqual(['alpha', 'beta', 'rc']);
    expect(second).not.toBe(first);
  });
});
