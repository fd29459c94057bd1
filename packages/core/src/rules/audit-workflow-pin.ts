import { computeDriftSeverity } from '../checks/audit/plan.js';
import { quoteValue } from '../text.js';
import type { Rule, RuleFinding } from './types.js';

/** A version tag (`v1`, `v1.4`, `v1.4.0`, prefix optional) or a full commit sha. */
const PINNED_REF = /^(v?\d+(\.\d+){0,2}|[0-9a-f]{40})$/;

/** True when a `uses:` ref pins a version: a version tag or a full commit sha, never a branch. */
export function isPinnedRef(ref: string): boolean {
  return PINNED_REF.test(ref);
}

/** The workflows run this project's actions, each pinned to a version. */
export const auditWorkflowPin: Rule = {
  id: 'audit-workflow-pin',
  check: 'audit',
  description:
    'A workflow runs the release-policy actions, and every use pins them to a version tag or a commit sha, not a branch.',
  defaultSeverity: 'error',
  applies: ({ facts }) => facts.audit?.workflows !== undefined,
  evaluate({ facts, policy }) {
    const workflows = facts.audit?.workflows;
    if (!workflows) return [];
    const severity = computeDriftSeverity(policy);
    const repository = policy.audit.actionRepository;
    if (workflows.every((w) => w.uses.length === 0)) {
      return [
        {
          message: `No workflow in .github/workflows uses the actions of ${quoteValue(repository)} (${workflows.length} workflow files read), so nothing checks pull requests and releases against the policy.`,
          hint: `Add the reusable workflow (release-policy init writes .github/workflows/release-policy.yml), using ${repository}/actions/<name>@v1.`,
          severity,
        },
      ];
    }
    const findings: RuleFinding[] = [];
    for (const workflow of workflows) {
      for (const use of workflow.uses) {
        if (isPinnedRef(use.ref)) continue;
        findings.push({
          message: `${quoteValue(use.uses)} is ${use.ref === '' ? 'not pinned to any version' : `pinned to ${quoteValue(use.ref)}, which is not a version`}, so the checks that run can change without a change to this repository.`,
          hint: `Pin it to a version tag or a full commit sha, e.g. ${use.uses.split('@')[0] ?? use.uses}@v1.`,
          file: workflow.path,
          line: use.line,
          severity,
        });
      }
    }
    return findings;
  },
};
