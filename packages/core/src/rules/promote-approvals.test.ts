import { describe, expect, it } from '@jest/globals';
import type { ApprovalFact } from '../facts.js';
import { makeEnvironment, makePolicy } from '../testing/policies.js';
import { makeApproval, makePromotionFacts } from '../testing/promotion-facts.js';
import { promoteApprovals } from './promote-approvals.js';

const now = new Date('2026-06-03T10:00:00Z');

function policyWith(required: number, from: string[] = [], allowSelf = false, automatic = false) {
  return makePolicy({
    environments: [
      makeEnvironment('staging', undefined),
      makeEnvironment('production', 'staging', {
        approvals: { required, from, allowSelf },
        automatic,
      }),
    ],
  });
}

function messages(approvals: ApprovalFact[], policy = policyWith(2), emergency?: string): string[] {
  const promotion = makePromotionFacts('production', {
    approvals,
    ...(emergency !== undefined ? { emergency } : {}),
  });
  return promoteApprovals.evaluate({ facts: { promotion }, policy, now }).map((f) => f.message);
}

describe('promote-approvals', () => {
  it.each<[string, ApprovalFact[], string[]]>([
    [
      'two distinct people, one through the -approval-2 gate',
      [makeApproval('alice'), makeApproval('bob', { environment: 'production-approval-2' })],
      [],
    ],
    [
      'one person approving both gates',
      [makeApproval('alice'), makeApproval('Alice', { environment: 'production-approval-2' })],
      ['"production" needs 2 distinct approvals; 1 counted: "alice".'],
    ],
    [
      "the commit's author",
      [makeApproval('alice'), makeApproval('dave')],
      [
        '"production" needs 2 distinct approvals; 1 counted: "alice"; not counted: "dave" (the commit\'s author).',
      ],
    ],
    [
      "the run's starter",
      [makeApproval('alice'), makeApproval('carol')],
      [
        '"production" needs 2 distinct approvals; 1 counted: "alice"; not counted: "carol" (started the run).',
      ],
    ],
    [
      'a read-only user',
      [makeApproval('alice'), makeApproval('erin', { permission: 'read' })],
      [
        '"production" needs 2 distinct approvals; 1 counted: "alice"; not counted: "erin" (has less than write permission).',
      ],
    ],
    [
      'a [bot] look-alike login on a User account',
      [makeApproval('alice'), makeApproval('deploy[bot]')],
      [
        '"production" needs 2 distinct approvals; 1 counted: "alice"; not counted: "deploy[bot]" (a bot account).',
      ],
    ],
    [
      'a rejection',
      [makeApproval('alice'), makeApproval('bob', { state: 'rejected' })],
      [
        '"production" needs 2 distinct approvals; 1 counted: "alice"; not counted: "bob" (did not approve).',
      ],
    ],
    [
      'an approval of another environment',
      [makeApproval('alice'), makeApproval('bob', { environment: 'staging' })],
      ['"production" needs 2 distinct approvals; 1 counted: "alice".'],
    ],
    ['nobody', [], ['"production" needs 2 distinct approvals; 0 counted: none.']],
  ])('%s', (_name, approvals, expected) => {
    expect(messages(approvals)).toEqual(expected);
  });

  it.each<[string, ApprovalFact, string[]]>([
    ['a listed login', makeApproval('alice'), []],
    ['a member of a listed team', makeApproval('frank', { teams: ['octo-org/release'] }), []],
    [
      'a non-member',
      makeApproval('gina'),
      [
        '"production" needs 1 distinct approval; 0 counted: none; not counted: "gina" (not in approvals.from (neither listed nor a member of a listed team)).',
      ],
    ],
  ])('with approvals.from, %s', (_name, approval, expected) => {
    expect(messages([approval], policyWith(1, ['alice', 'octo-org/release']))).toEqual(expected);
  });

  it('counts the author and starter with allow-self, and needs none for an automatic environment', () => {
    expect(
      messages([makeApproval('dave'), makeApproval('carol')], policyWith(2, [], true)),
    ).toEqual([]);
    expect(messages([], policyWith(0, [], false, true))).toEqual([]);
  });

  it('asks an emergency for one more approval, and says where to give them', () => {
    const promotion = makePromotionFacts('production', {
      approvals: [makeApproval('alice'), makeApproval('bob')],
      emergency: 'outage',
    });
    expect(promoteApprovals.evaluate({ facts: { promotion }, policy: policyWith(2), now })).toEqual(
      [
        {
          message:
            '"production" needs 3 distinct approvals (the emergency adds 1); 2 counted: "alice", "bob".',
          hint:
            "Have 1 more person with write permission approve the run's review of production, production-approval-2, " +
            'production-approval-3 (one gate job per environment; see docs/actions.md#promote-approvals).',
        },
      ],
    );
  });

  it("is skipped when the run's reviews were not read (the CLI)", () => {
    const promotion = makePromotionFacts('production', { approvals: undefined });
    expect(promoteApprovals.applies({ facts: { promotion }, policy: policyWith(1), now })).toBe(
      false,
    );
  });
});
