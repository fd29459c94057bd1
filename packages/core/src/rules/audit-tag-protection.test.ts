import { describe, expect, it } from '@jest/globals';
import type { AuditTags } from '../audit-facts.js';
import { makeAuditFacts } from '../testing/audit-facts.js';
import { makePolicy } from '../testing/policies.js';
import { auditTagProtection } from './audit-tag-protection.js';

const now = new Date('2026-06-01T12:00:00Z');
const protectedTags: AuditTags = {
  sample: 'refs/tags/v1.4.0',
  rulesets: ['release tags'],
  updateBlocked: true,
  deletionBlocked: true,
};

function run(tags: AuditTags | undefined) {
  const facts = { audit: makeAuditFacts({ tags }) };
  const ctx = { facts, policy: makePolicy(), now };
  if (!auditTagProtection.applies(ctx)) return 'skipped';
  return auditTagProtection.evaluate(ctx).map((f) => f.message);
}

describe('audit-tag-protection', () => {
  it.each<[string, AuditTags | undefined, unknown]>([
    ['protected tags', protectedTags, []],
    ['unreadable rulesets', undefined, 'skipped'],
    [
      'no tag ruleset',
      { ...protectedTags, rulesets: [], updateBlocked: false, deletionBlocked: false },
      [
        'The release tags are not protected (no active tag ruleset covers the tag "v1.4.0"), so a released version can be moved to another commit or deleted.',
      ],
    ],
    [
      'a ruleset that only blocks deletion',
      { ...protectedTags, updateBlocked: false },
      [
        'The release tag "v1.4.0" can be moved (ruleset "release tags" does not restrict updates), but the policy needs a released version to stay on its commit.',
      ],
    ],
  ])('%s', (_name, tags, expected) => {
    expect(run(tags)).toEqual(expected);
  });
});
