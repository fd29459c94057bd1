import { describe, expect, it } from '@jest/globals';
import type { AuditEnvironment } from '../audit-facts.js';
import { makeAuditEnvironment, makeAuditFacts } from '../testing/audit-facts.js';
import { makeEnvironment, makePolicy } from '../testing/policies.js';
import { auditApprovalGates } from './audit-approval-gates.js';

const now = new Date('2026-06-01T12:00:00Z');
const environments = [
  makeEnvironment('production', undefined, {
    approvals: { required: 3, from: [], allowSelf: false },
  }),
];

function run(gates: AuditEnvironment[]) {
  const facts = {
    audit: makeAuditFacts({ environments: [makeAuditEnvironment('production'), ...gates] }),
  };
  const policy = makePolicy({ environments });
  return auditApprovalGates.evaluate({ facts, policy, now }).map((f) => f.message);
}

const tail =
  ', but the policy requires 3 approvals for "production", one gate per approval beyond the first; without it GitHub lets a promotion go on after fewer approvals.';

describe('audit-approval-gates', () => {
  it.each<[string, AuditEnvironment[], string[]]>([
    [
      'both gates with reviewers',
      [
        makeAuditEnvironment('production-approval-2'),
        makeAuditEnvironment('production-approval-3'),
      ],
      [],
    ],
    [
      'one gate missing, one without reviewers',
      [makeAuditEnvironment('production-approval-2', { reviewers: 0 })],
      [
        `The gate environment "production-approval-2" has no required reviewers${tail}`,
        `The gate environment "production-approval-3" does not exist${tail}`,
      ],
    ],
  ])('%s', (_name, gates, expected) => {
    expect(run(gates)).toEqual(expected);
  });

  it('needs no gate for an environment with one approval', () => {
    const facts = { audit: makeAuditFacts() };
    // The default policy's staging needs one approval: no gate for it.
    const policy = makePolicy({ environments: makePolicy().environments.slice(0, 3) });
    expect(auditApprovalGates.evaluate({ facts, policy, now })).toEqual([]);
  });
});
