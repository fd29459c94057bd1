import { quoteValue } from '../text.js';
import type { Rule } from './types.js';

/** A setting the token could not read is said, with the permission that reads it. */
export const auditPermission: Rule = {
  id: 'audit-permission',
  check: 'audit',
  description:
    'A setting the token could not read is reported with the permission that reads it (neither a failure nor a silent pass).',
  defaultSeverity: 'notice',
  applies: ({ facts }) => (facts.audit?.unreadable.length ?? 0) > 0,
  evaluate({ facts }) {
    return (facts.audit?.unreadable ?? []).map((u) => ({
      message: `The ${u.setting} could not be read (${quoteValue(u.answer)}), so it was not audited.`,
      hint: `Give the token the permission ${u.permission} (a fine-grained token or a GitHub App installation token; the workflow's GITHUB_TOKEN cannot read it).`,
    }));
  },
};
