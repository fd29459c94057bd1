import { describe, expect, it } from '@jest/globals';
import type { AuditFailure } from '../checks/audit/section.js';
import type { Facts } from '../facts.js';
import { makeAuditFacts } from '../testing/audit-facts.js';
import { makePolicy } from '../testing/policies.js';
import { auditPatches } from './audit-patches.js';

const now = new Date('2026-06-01T12:00:00Z');
const sha = (c: string) => c.repeat(40);
const facts: Facts = {
  audit: makeAuditFacts(),
  patches: {
    mainline: 'main',
    checkedAt: now.toISOString(),
    lines: [
      {
        line: '1.3.x',
        base: sha('0'),
        commits: [{ sha: sha('a'), subject: 'fix: only here', message: 'fix: only here' }],
        mainline: [],
      },
    ],
  },
};

function run(failOn: AuditFailure[]) {
  const base = makePolicy();
  const policy = makePolicy({ audit: { ...base.audit, failOn } });
  return auditPatches.evaluate({ facts, policy, now }).map((f) => [f.severity, f.message]);
}

describe('audit-patches', () => {
  it.each<[AuditFailure[], string | undefined]>([
    [['drift', 'missing-patches'], undefined],
    [['drift'], 'warning'],
  ])('with fail-on %j reports the missing patch at %j', (failOn, severity) => {
    expect(run(failOn)).toEqual([[severity, 'The line "1.3.x" has 1 commit not in "main".']]);
  });

  it('is skipped without compared lines', () => {
    expect(
      auditPatches.applies({ facts: { audit: makeAuditFacts() }, policy: makePolicy(), now }),
    ).toBe(false);
  });

  it('says the lines were not compared, with the fetch-depth: 0 advice, never passing silently', () => {
    const unread: Facts = {
      audit: makeAuditFacts(),
      patchesUnread: { reason: 'shallow', detail: 'Fetching the rest from "origin" failed.' },
    };
    const policy = makePolicy();
    expect(auditPatches.applies({ facts: unread, policy, now })).toBe(true);
    expect(
      auditPatches
        .evaluate({ facts: unread, policy, now })
        .map((f) => [f.severity, f.message, f.hint]),
    ).toEqual([
      [
        'notice',
        'The maintenance lines were not compared with mainline, so patches missing from mainline are not reported: the checkout\'s history is cut off (a shallow clone). Fetching the rest from "origin" failed.',
        'Check out the repository with its whole history before the audit: actions/checkout with "fetch-depth: 0".',
      ],
    ]);
  });
});
