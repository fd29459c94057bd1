import { listPolicyEnvironments } from '../checks/audit/environments.js';
import { computeDriftSeverity, linkSettings } from '../checks/audit/plan.js';
import { quoteValue } from '../text.js';
import type { Rule, RuleFinding } from './types.js';

/** Every environment of the policy exists in GitHub. */
export const auditEnvironment: Rule = {
  id: 'audit-environment',
  check: 'audit',
  description: 'Every environment the policy names exists in the repository’s GitHub settings.',
  defaultSeverity: 'error',
  applies: ({ facts }) => facts.audit?.environments !== undefined,
  evaluate({ facts, policy }) {
    const audit = facts.audit;
    if (!audit?.environments) return [];
    const names = audit.environments.map((env) => env.name);
    const known = new Set(names.map((name) => name.toLowerCase()));
    const findings: RuleFinding[] = [];
    for (const env of listPolicyEnvironments(policy)) {
      if (known.has(env.name.toLowerCase())) continue;
      findings.push({
        message:
          `The environment ${quoteValue(env.name)} of the policy does not exist in GitHub ` +
          `(the repository has ${names.length === 0 ? 'no environments' : names.map((n) => quoteValue(n)).join(', ')}), ` +
          `so nothing pauses a deployment to it for the policy's rules.`,
        hint: `Create it under Settings → Environments: ${linkSettings(audit, 'environments')}.`,
        severity: computeDriftSeverity(policy),
      });
    }
    return findings;
  },
};
