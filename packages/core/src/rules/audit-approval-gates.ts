import { listPolicyEnvironments } from '../checks/audit/environments.js';
import { listApprovalGates } from '../checks/promote/plan.js';
import { computeDriftSeverity, linkSettings } from '../checks/audit/plan.js';
import { plural, quoteValue } from '../text.js';
import type { Rule, RuleFinding } from './types.js';

/** Each approval beyond the first has its gate environment with required reviewers. */
export const auditApprovalGates: Rule = {
  id: 'audit-approval-gates',
  check: 'audit',
  description:
    'An environment needing N approvals has the gate environments <env>-approval-2 … <env>-approval-N, each with required reviewers, as release-policy init sets them up.',
  defaultSeverity: 'error',
  applies: ({ facts }) => facts.audit?.environments !== undefined,
  evaluate({ facts, policy }) {
    const audit = facts.audit;
    if (!audit?.environments) return [];
    const findings: RuleFinding[] = [];
    for (const wanted of listPolicyEnvironments(policy)) {
      for (const gate of listApprovalGates(wanted.name, wanted.approvals)) {
        const env = audit.environments.find((e) => e.name.toLowerCase() === gate.toLowerCase());
        const state = !env
          ? 'does not exist'
          : env.reviewers === 0
            ? 'has no required reviewers'
            : undefined;
        if (state === undefined) continue;
        findings.push({
          message:
            `The gate environment ${quoteValue(gate)} ${state}, but the policy requires ` +
            `${plural(wanted.approvals, 'approval')} for ${quoteValue(wanted.name)}, one gate per approval beyond the first; ` +
            'without it GitHub lets a promotion go on after fewer approvals.',
          hint: `Run "release-policy init" or create it with the same reviewers as ${quoteValue(wanted.name)}: ${linkSettings(audit, 'environments')}.`,
          severity: computeDriftSeverity(policy),
        });
      }
    }
    return findings;
  },
};
