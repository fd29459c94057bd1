import { listPolicyEnvironments } from '../checks/audit/environments.js';
import { computeDriftSeverity, linkSettings } from '../checks/audit/plan.js';
import { quoteValue } from '../text.js';
import type { Rule, RuleFinding } from './types.js';

/** Patterns that let any branch deploy. */
const ANY_BRANCH = new Set(['*', '**']);

/** An environment that needs approvals accepts deployments only from mainline, release or tag refs. */
export const auditEnvironmentBranches: Rule = {
  id: 'audit-environment-branches',
  check: 'audit',
  description:
    'An environment whose promotions need approvals has a deployment branch policy limited to protected branches or named mainline, release and tag patterns.',
  defaultSeverity: 'error',
  applies: ({ facts }) => facts.audit?.environments !== undefined,
  evaluate({ facts, policy }) {
    const audit = facts.audit;
    if (!audit?.environments) return [];
    const findings: RuleFinding[] = [];
    const hint = `Under Settings → Environments → "Deployment branches and tags", choose "Protected branches only" or name ${quoteValue(policy.mainline)}, the release branches (e.g. release/*) and release tags (e.g. v*): ${linkSettings(audit, 'environments')}.`;
    for (const wanted of listPolicyEnvironments(policy)) {
      if (wanted.approvals === 0) continue;
      const env = audit.environments.find(
        (e) => e.name.toLowerCase() === wanted.name.toLowerCase(),
      );
      if (!env) continue;
      if (env.branches.kind === 'all') {
        findings.push({
          message: `The environment ${quoteValue(env.name)} accepts deployments from any branch (setting "Deployment branches and tags": no restriction), but the policy promotes only mainline, release and tag refs to it.`,
          hint,
          severity: computeDriftSeverity(policy),
        });
      } else if (env.branches.kind === 'custom') {
        const open = (env.branches.patterns ?? []).filter(
          (p) => p.type === 'branch' && ANY_BRANCH.has(p.name),
        );
        if (open.length > 0) {
          findings.push({
            message: `The environment ${quoteValue(env.name)} accepts deployments from any branch (branch pattern ${quoteValue(open[0]?.name)}), but the policy promotes only mainline, release and tag refs to it.`,
            hint,
            severity: computeDriftSeverity(policy),
          });
        }
      }
    }
    return findings;
  },
};
