import { describe, expect, it } from '@jest/globals';
import { makeAuditFacts } from '../testing/audit-facts.js';
import { makePolicy } from '../testing/policies.js';
import { auditPermission } from './audit-permission.js';

const now = new Date('2026-06-01T12:00:00Z');

describe('audit-permission', () => {
  it('is skipped when every setting was read', () => {
    const facts = { audit: makeAuditFacts() };
    expect(auditPermission.applies({ facts, policy: makePolicy(), now })).toBe(false);
  });

  it('names each unread setting and the permission that reads it', () => {
    const facts = {
      audit: makeAuditFacts({
        branches: undefined,
        unreadable: [
          {
            setting: 'branch protection of "main"',
            permission: 'administration: read',
            answer: '403 Resource not accessible by integration',
          },
        ],
      }),
    };
    expect(
      auditPermission
        .evaluate({ facts, policy: makePolicy(), now })
        .map((f) => [f.message, f.hint]),
    ).toEqual([
      [
        'The branch protection of "main" could not be read ("403 Resource not accessible by integration"), so it was not audited.',
        "Give the token the permission administration: read (a fine-grained token or a GitHub App installation token; the workflow's GITHUB_TOKEN cannot read it).",
      ],
    ]);
  });
});
