import { describe, expect, it } from '@jest/globals';
import type { DeploymentBranches } from '../audit-facts.js';
import { makeAuditEnvironment, makeAuditFacts } from '../testing/audit-facts.js';
import { makePolicy } from '../testing/policies.js';
import { auditEnvironmentBranches } from './audit-environment-branches.js';

const now = new Date('2026-06-01T12:00:00Z');

function run(branches: DeploymentBranches) {
  const environments = [
    makeAuditEnvironment('dev', { branches: { kind: 'all' } }),
    makeAuditEnvironment('production', { branches }),
  ];
  const facts = { audit: makeAuditFacts({ environments }) };
  return auditEnvironmentBranches
    .evaluate({ facts, policy: makePolicy(), now })
    .map((f) => f.message);
}

describe('audit-environment-branches', () => {
  it.each<[string, DeploymentBranches, string[]]>([
    ['protected branches only', { kind: 'protected' }, []],
    [
      'named mainline, release and tag patterns',
      {
        kind: 'custom',
        patterns: [
          { name: 'main', type: 'branch' },
          { name: 'release/*', type: 'branch' },
          { name: '*', type: 'tag' },
        ],
      },
      [],
    ],
    [
      'no restriction',
      { kind: 'all' },
      [
        'The environment "production" accepts deployments from any branch (setting "Deployment branches and tags": no restriction), but the policy promotes only mainline, release and tag refs to it.',
      ],
    ],
    [
      'a branch pattern matching every branch',
      { kind: 'custom', patterns: [{ name: '**', type: 'branch' }] },
      [
        'The environment "production" accepts deployments from any branch (branch pattern "**"), but the policy promotes only mainline, release and tag refs to it.',
      ],
    ],
  ])('%s', (_name, branches, expected) => {
    expect(run(branches)).toEqual(expected);
  });
});
