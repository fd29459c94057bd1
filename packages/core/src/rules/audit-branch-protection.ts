import type { AuditBranch } from '../audit-facts.js';
import { computeDriftSeverity, linkSettings } from '../checks/audit/plan.js';
import type { Policy } from '../config/schema.js';
import { quoteBranchName } from '../branches.js';
import { quoteValue } from '../text.js';
import type { Rule, RuleFinding } from './types.js';

/** The settings a line's protection lacks: the setting, its value, and the demand. */
function listGaps(branch: AuditBranch, policy: Policy): [string, string][] {
  const gaps: [string, string][] = [];
  if (!branch.pullRequests) {
    gaps.push([
      '"Require a pull request before merging" is off',
      'every change to arrive through a pull request',
    ]);
  }
  const missing = policy.audit.requiredChecks.filter((c) => !branch.requiredChecks.includes(c));
  if (missing.length > 0) {
    const has =
      branch.requiredChecks.length === 0
        ? 'none'
        : branch.requiredChecks.map((c) => quoteValue(c)).join(', ');
    gaps.push([
      `the required status checks are ${has}`,
      `the checks ${missing.map((c) => quoteValue(c)).join(', ')} to pass before merging`,
    ]);
  }
  if (!branch.forcePushesBlocked)
    gaps.push(['force pushes are allowed', 'force pushes blocked, so history is never rewritten']);
  if (!branch.deletionBlocked)
    gaps.push(['deletion is allowed', 'deletion blocked, so the line is kept']);
  return gaps;
}

/** Mainline and the release and maintenance lines are protected as the policy needs. */
export const auditBranchProtection: Rule = {
  id: 'audit-branch-protection',
  check: 'audit',
  description:
    'Mainline and the release and maintenance lines require pull requests and the policy’s status checks, and block force pushes and deletion (branch protection or rulesets).',
  defaultSeverity: 'error',
  applies: ({ facts }) => facts.audit?.branches !== undefined,
  evaluate({ facts, policy }) {
    const audit = facts.audit;
    if (!audit?.branches) return [];
    const findings: RuleFinding[] = [];
    const hint = `Add a branch ruleset (${linkSettings(audit, 'rules')}) or a branch protection rule (${linkSettings(audit, 'branches')}) that covers it.`;
    for (const branch of audit.branches) {
      const name = `The ${branch.kind === 'mainline' ? 'mainline' : `${branch.kind} line`} ${quoteBranchName(branch.name)}`;
      if (branch.sources.length === 0) {
        findings.push({
          message: `${name} is not protected (no branch protection rule or active ruleset covers it), so anyone with write access can push to it, bypassing the policy's checks.`,
          hint,
          severity: computeDriftSeverity(policy),
        });
        continue;
      }
      for (const [setting, demand] of listGaps(branch, policy)) {
        findings.push({
          message: `${name}: ${setting} (by ${branch.sources.join(', ')}), but the policy needs ${demand}.`,
          hint,
          severity: computeDriftSeverity(policy),
        });
      }
    }
    return findings;
  },
};
