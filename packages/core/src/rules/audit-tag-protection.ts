import { computeDriftSeverity, linkSettings } from '../checks/audit/plan.js';
import { quoteValue } from '../text.js';
import type { Rule, RuleFinding } from './types.js';

/** Release tags are protected by a tag ruleset, so a released version cannot move. */
export const auditTagProtection: Rule = {
  id: 'audit-tag-protection',
  check: 'audit',
  description:
    'An active tag ruleset covers the release tags and blocks moving (updating) and deleting them.',
  defaultSeverity: 'error',
  applies: ({ facts }) => facts.audit?.tags !== undefined,
  evaluate({ facts, policy }) {
    const audit = facts.audit;
    if (!audit?.tags) return [];
    const tags = audit.tags;
    const tag = quoteValue(tags.sample.replace(/^refs\/tags\//, ''));
    const hint = `Add a tag ruleset targeting the release tags (e.g. v*) with "Restrict updates" and "Restrict deletions": ${linkSettings(audit, 'rules')}.`;
    const severity = computeDriftSeverity(policy);
    if (tags.rulesets.length === 0) {
      return [
        {
          message: `The release tags are not protected (no active tag ruleset covers the tag ${tag}), so a released version can be moved to another commit or deleted.`,
          hint,
          severity,
        },
      ];
    }
    const by = tags.rulesets.map((name) => `ruleset ${quoteValue(name)}`).join(', ');
    const findings: RuleFinding[] = [];
    if (!tags.updateBlocked) {
      findings.push({
        message: `The release tag ${tag} can be moved (${by} does not restrict updates), but the policy needs a released version to stay on its commit.`,
        hint,
        severity,
      });
    }
    if (!tags.deletionBlocked) {
      findings.push({
        message: `The release tag ${tag} can be deleted (${by} does not restrict deletions), but the policy needs every released version kept.`,
        hint,
        severity,
      });
    }
    return findings;
  },
};
