/**
 * The `audit` section of the policy: what the configuration audit demands of
 * GitHub's settings besides what the other sections say, the status issue's
 * title, and which results fail the audit.
 */
import { z } from 'zod';
import { definePolicySection } from '../../config/section.js';

/** What can fail the audit: settings drift, or patches missing from mainline. */
export const AUDIT_FAILURES = ['drift', 'missing-patches'] as const;

/** One kind of result that fails the audit. */
export type AuditFailure = (typeof AUDIT_FAILURES)[number];

/** The check name of the release-policy job, as a caller of the reusable workflow sees it. */
export const DEFAULT_REQUIRED_CHECKS = ['release-policy / release policy'];

/** The repository this project's actions are used from. */
export const DEFAULT_ACTION_REPOSITORY = 'release-policy/release-policy';

/** The `audit` section as written. */
function buildAuditSchema() {
  return z
    .strictObject({
      'status-issue-title': z
        .string()
        .trim()
        .min(1)
        .max(256)
        .default('Release status')
        .describe('The title of the issue the audit keeps up to date with the release status.'),
      'fail-on': z
        .array(z.enum(AUDIT_FAILURES))
        .default([...AUDIT_FAILURES])
        .describe(
          'What fails the audit: drift (a GitHub setting that does not enforce the policy), missing-patches; an empty list reports without failing.',
        ),
      'required-checks': z
        .array(z.string().min(1).max(255))
        .default(DEFAULT_REQUIRED_CHECKS)
        .describe(
          'Status check names that mainline and the release lines must require before merging.',
        ),
      'action-repository': z
        .string()
        .regex(
          /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/,
          'an owner/name, e.g. release-policy/release-policy',
        )
        .default(DEFAULT_ACTION_REPOSITORY)
        .describe(
          'The repository the workflows use the release-policy actions from (a fork or mirror).',
        ),
    })
    .describe('The configuration audit and the release status issue.');
}

/** The effective `audit` section. */
export interface AuditPolicy {
  statusIssueTitle: string;
  failOn: AuditFailure[];
  requiredChecks: string[];
  actionRepository: string;
}

/** The `audit` policy section. */
export const auditSection = definePolicySection({
  key: 'audit',
  property: 'audit',
  schema: buildAuditSchema,
  docs: 'audit',
  resolve: (parsed): AuditPolicy => ({
    statusIssueTitle: parsed['status-issue-title'],
    failOn: [...parsed['fail-on']],
    requiredChecks: [...parsed['required-checks']],
    actionRepository: parsed['action-repository'],
  }),
  fields: {
    audit: {
      expected: 'a mapping with status-issue-title, fail-on, required-checks and action-repository',
      example: 'audit: { status-issue-title: Release status, fail-on: [drift] }',
    },
    'audit.status-issue-title': {
      expected: 'an issue title of 1 to 256 characters',
      example: 'status-issue-title: Release status',
    },
    'audit.fail-on': {
      expected: 'a list of drift and missing-patches; empty to never fail',
      example: 'fail-on: [drift, missing-patches]',
    },
    'audit.fail-on[]': { expected: 'drift or missing-patches', example: 'drift' },
    'audit.required-checks': {
      expected: 'a list of status check names',
      example: "required-checks: ['release-policy / release policy']",
    },
    'audit.required-checks[]': {
      expected: 'a status check name as GitHub shows it on a pull request',
      example: 'release-policy / release policy',
    },
    'audit.action-repository': {
      expected: 'the owner/name of the repository the actions are used from',
      example: 'action-repository: release-policy/release-policy',
    },
  },
  defaultYaml: `audit:
  # The configuration audit (release-policy audit, actions/audit) reads
  # GitHub's settings and checks they enforce this policy. The issue it keeps
  # up to date with where every release line stands:
  status-issue-title: Release status
  # What fails the audit: drift (a setting that does not enforce the policy)
  # and missing-patches (a maintenance line's patch not in mainline). An
  # empty list reports without failing.
  fail-on: [drift, missing-patches]
  # Status checks mainline and the release lines must require.
  required-checks: ['release-policy / release policy']
  # Where the workflows use the release-policy actions from.
  action-repository: release-policy/release-policy
`,
});
