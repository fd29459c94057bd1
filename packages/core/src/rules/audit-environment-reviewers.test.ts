import { describe, expect, it } from '@jest/globals';
import type { AuditEnvironment } from '../audit-facts.js';
import { makeAuditEnvironment, makeAuditFacts } from '../testing/audit-facts.js';
import { makePolicy } from '../testing/policies.js';
import { auditEnvironmentReviewers } from './audit-environment-reviewers.js';

const now = new Date('2026-06-01T12:00:00Z');

function run(production: Partial<AuditEnvironment>) {
  const environments = [
    makeAuditEnvironment('dev', { reviewers: 0, preventSelfReview: false }),
    makeAuditEnvironment('production', production),
  ];
  const facts = { audit: makeAuditFacts({ environments }) };
  return auditEnvironmentReviewers
    .evaluate({ facts, policy: makePolicy(), now })
    .map((f) => [f.message, f.hint]);
}

const hint = (what: string) =>
  `${what} under Settings → Environments: https://github.com/octo-org/app/settings/environments.`;

describe('audit-environment-reviewers', () => {
  it.each<[string, Partial<AuditEnvironment>, unknown]>([
    ['reviewers with self-review prevented', {}, []],
    [
      'no required reviewers',
      { reviewers: 0, preventSelfReview: false },
      [
        [
          'The environment "production" has no required reviewers (setting "Required reviewers": none), but the policy requires 2 approvals for "production".',
          hint('Add the people or teams who approve'),
        ],
      ],
    ],
    [
      'self-review allowed',
      { preventSelfReview: false },
      [
        [
          'The environment "production" lets the person who started a deployment approve it (setting "Prevent self-review": off), but the policy requires 2 approvals for "production" from people other than its author.',
          hint('Turn on "Prevent self-review"'),
        ],
      ],
    ],
  ])('%s', (_name, production, expected) => {
    expect(run(production)).toEqual(expected);
  });
});
