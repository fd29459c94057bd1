import { describe, expect, it } from '@jest/globals';
import type { AuditFacts } from '../audit-facts.js';
import { makeAuditEnvironment, makeAuditFacts } from '../testing/audit-facts.js';
import type { EnvironmentSpec } from '../checks/promote/section.js';
import { makeEnvironment, makePolicy } from '../testing/policies.js';
import { auditEnvironment } from './audit-environment.js';

const now = new Date('2026-06-01T12:00:00Z');

function run(audit: Partial<AuditFacts>, environments?: EnvironmentSpec[]) {
  const policy = makePolicy(environments ? { environments } : {});
  const ctx = { facts: { audit: makeAuditFacts(audit) }, policy, now };
  if (!auditEnvironment.applies(ctx)) return 'skipped';
  return auditEnvironment.evaluate(ctx).map((f) => [f.severity, f.message]);
}

describe('audit-environment', () => {
  it.each<[string, Partial<AuditFacts>, unknown]>([
    ['every environment of the procedure exists', {}, []],
    ['the environments could not be read', { environments: undefined }, 'skipped'],
    [
      'staging is missing',
      { environments: ['dev', 'test', 'Production'].map((n) => makeAuditEnvironment(n)) },
      [
        [
          undefined,
          'The environment "staging" of the policy does not exist in GitHub (the repository has "dev", "test", "Production"), so nothing pauses a deployment to it for the policy\'s rules.',
        ],
      ],
    ],
    [
      'a repository with no environments',
      { environments: [] },
      ['dev', 'test', 'staging', 'production'].map((name) => [
        undefined,
        `The environment "${name}" of the policy does not exist in GitHub (the repository has no environments), so nothing pauses a deployment to it for the policy's rules.`,
      ]),
    ],
  ])('%s', (_name, audit, expected) => {
    expect(run(audit)).toEqual(expected);
  });

  it('reads the policy environments, unicode and spaces included, quoting them as JSON', () => {
    const environments = [
      makeEnvironment('pré prod 生产', undefined, {
        approvals: { required: 2, from: [], allowSelf: false },
      }),
    ];
    expect(run({}, environments)).toEqual([
      [
        undefined,
        'The environment "pré prod 生产" of the policy does not exist in GitHub (the repository has "dev", "test", "staging", "production"), so nothing pauses a deployment to it for the policy\'s rules.',
      ],
    ]);
  });

  it('reports drift as a warning when the policy does not fail on drift', () => {
    const base = makePolicy();
    const policy = makePolicy({ audit: { ...base.audit, failOn: [] } });
    const facts = { audit: makeAuditFacts({ environments: [] }) };
    expect(auditEnvironment.evaluate({ facts, policy, now }).map((f) => f.severity)).toEqual([
      'warning',
      'warning',
      'warning',
      'warning',
    ]);
  });
});
