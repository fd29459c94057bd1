/**
 * The audit check: GitHub's settings enforce what the policy says
 * (environments, branch and tag protection, pinned workflows), and the
 * configuration status says where every release line stands.
 */
import { auditApprovalGates } from '../../rules/audit-approval-gates.js';
import { auditBranchProtection } from '../../rules/audit-branch-protection.js';
import { auditEnvironmentBranches } from '../../rules/audit-environment-branches.js';
import { auditEnvironmentReviewers } from '../../rules/audit-environment-reviewers.js';
import { auditEnvironment } from '../../rules/audit-environment.js';
import { auditPatches } from '../../rules/audit-patches.js';
import { auditPermission } from '../../rules/audit-permission.js';
import { auditTagProtection } from '../../rules/audit-tag-protection.js';
import { auditWorkflowPin } from '../../rules/audit-workflow-pin.js';
import { defineCheck, type CheckValues } from '../types.js';
import { auditSection } from './section.js';
import { computeReleaseStatus } from './status.js';

/** The audit check. */
export const auditCheck = defineCheck({
  name: 'audit',
  title: 'Configuration audit',
  action: 'audit',
  command: {
    name: 'audit',
    summary: 'check that GitHub’s settings enforce the policy, and show where every release stands',
    usage: '[--repo OWNER/NAME]',
    example: 'release-policy audit --repo octo-org/app --json',
    standalone: true,
  },
  sections: [auditSection],
  rules: [
    auditEnvironment,
    auditEnvironmentReviewers,
    auditEnvironmentBranches,
    auditApprovalGates,
    auditBranchProtection,
    auditTagProtection,
    auditWorkflowPin,
    auditPermission,
    auditPatches,
  ],
  needs: ['audit'],
  // From a checkout of the audited repository, when there is one: the lines' patches, the next release's documents.
  wants: ['patches', 'documents'],
  outputs: [
    {
      name: 'lines',
      description: 'How many release lines the status report shows.',
    },
    {
      name: 'unreadable',
      description:
        'How many settings the token could not read (each a notice naming the permission); 0 when every setting was audited.',
    },
    {
      name: 'report',
      description:
        "Path of the JSON status report (release lines, deployments, pending promotions, missing patches, the next release's documents, findings); empty in the CLI, which prints it with --json.",
    },
    {
      name: 'status-issue',
      description:
        'The number of the status issue created or updated; empty when none was written.',
    },
    {
      name: 'artifact-id',
      description:
        'The id of the artifact holding the JSON report; empty when none was uploaded (always in the CLI).',
    },
  ],
  summarize(facts, policy): CheckValues {
    if (!facts.audit) return {};
    const status = computeReleaseStatus(facts, policy, new Date(0));
    return { lines: status?.lines.length ?? 0, unreadable: facts.audit.unreadable.length };
  },
  describe(values): Record<string, string> {
    if (values.lines === undefined) return {};
    return {
      'release lines': String(values.lines),
      'settings not readable': String(values.unreadable ?? 0),
    };
  },
  report(facts, policy, now) {
    const status = computeReleaseStatus(facts, policy, now);
    return status ? { status } : {};
  },
});
