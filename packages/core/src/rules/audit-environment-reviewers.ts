import { listPolicyEnvironments } from '../checks/audit/environments.js';
import { computeDriftSeverity, linkSettings } from '../checks/audit/plan.js';
import { plural, quoteValue } from '../text.js';
import type { Rule, RuleFinding } from './types.js';

/** An environment that needs approvals has required reviewers who cannot approve their own run. */
export const auditEnvironmentReviewers: Rule = {
  id: 'audit-environment-reviewers',
  check: 'audit',
  description:
    'An environment whose promotions need approvals has required reviewers and "Prevent self-review" on.',
  defaultSeverity: 'error',
  applies: ({ facts }) => facts.audit?.environments !== undefined,
  evaluate({ facts, policy }) {
    const audit = facts.audit;
    if (!audit?.environments) return [];
    const findings: RuleFinding[] = [];
    const where = `Settings → Environments: ${linkSettings(audit, 'environments')}`;
    for (const wanted of listPolicyEnvironments(policy)) {
      if (wanted.approvals === 0) continue;
      const env = audit.environments.find(
        (e) => e.name.toLowerCase() === wanted.name.toLowerCase(),
      );
      if (!env) continue;
      const demand = `the policy requires ${plural(wanted.approvals, 'approval')} for ${quoteValue(wanted.name)}`;
      if (env.reviewers === 0) {
        findings.push({
          message: `The environment ${quoteValue(env.name)} has no required reviewers (setting "Required reviewers": none), but ${demand}.`,
          hint: `Add the people or teams who approve under ${where}.`,
          severity: computeDriftSeverity(policy),
        });
      } else if (!env.preventSelfReview) {
        findings.push({
          message: `The environment ${quoteValue(env.name)} lets the person who started a deployment approve it (setting "Prevent self-review": off), but ${demand} from people other than its author.`,
          hint: `Turn on "Prevent self-review" under ${where}.`,
          severity: computeDriftSeverity(policy),
        });
      }
    }
    return findings;
  },
};
