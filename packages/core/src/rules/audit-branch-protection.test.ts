import { describe, expect, it } from '@jest/globals';
import type { AuditBranch } from '../audit-facts.js';
import { makeAuditBranch, makeAuditFacts } from '../testing/audit-facts.js';
import { makePolicy } from '../testing/policies.js';
import { auditBranchProtection } from './audit-branch-protection.js';

const now = new Date('2026-06-01T12:00:00Z');

function run(release: Partial<AuditBranch>) {
  const facts = {
    audit: makeAuditFacts({
      branches: [makeAuditBranch('main'), makeAuditBranch('release/1.4', release)],
    }),
  };
  return auditBranchProtection.evaluate({ facts, policy: makePolicy(), now }).map((f) => f.message);
}

describe('audit-branch-protection', () => {
  it.each<[string, Partial<AuditBranch>, string[]]>([
    ['a fully protected line', {}, []],
    [
      'an unprotected line',
      { sources: [], pullRequests: false, forcePushesBlocked: false },
      [
        'The release line "release/1.4" is not protected (no branch protection rule or active ruleset covers it), so anyone with write access can push to it, bypassing the policy\'s checks.',
      ],
    ],
    [
      'a line protected without the policy checks, allowing force pushes and deletion',
      {
        sources: ['branch protection'],
        requiredChecks: ['build'],
        forcePushesBlocked: false,
        deletionBlocked: false,
      },
      [
        'The release line "release/1.4": the required status checks are "build" (by branch protection), but the policy needs the checks "release-policy / release policy" to pass before merging.',
        'The release line "release/1.4": force pushes are allowed (by branch protection), but the policy needs force pushes blocked, so history is never rewritten.',
        'The release line "release/1.4": deletion is allowed (by branch protection), but the policy needs deletion blocked, so the line is kept.',
      ],
    ],
    [
      'a line without required pull requests',
      { pullRequests: false },
      [
        'The release line "release/1.4": "Require a pull request before merging" is off (by ruleset 7), but the policy needs every change to arrive through a pull request.',
      ],
    ],
  ])('%s', (_name, release, expected) => {
    expect(run(release)).toEqual(expected);
  });

  it('names mainline as mainline', () => {
    const facts = {
      audit: makeAuditFacts({ branches: [makeAuditBranch('main', { sources: [] })] }),
    };
    const [finding] = auditBranchProtection.evaluate({ facts, policy: makePolicy(), now });
    expect(finding?.message.startsWith('The mainline "main" is not protected')).toBe(true);
    expect(finding?.hint).toBe(
      'Add a branch ruleset (https://github.com/octo-org/app/settings/rules) or a branch protection rule (https://github.com/octo-org/app/settings/branches) that covers it.',
    );
  });
});
