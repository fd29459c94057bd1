import { quoteBranchName } from '../branches.js';
import { classifyLineCommits } from '../checks/patches/classify.js';
import { plural } from '../text.js';
import type { Rule, RuleFinding } from './types.js';

/** The audit reports the maintenance lines' patches missing from mainline. */
export const auditPatches: Rule = {
  id: 'audit-patches',
  check: 'audit',
  description:
    'Every patch of a maintenance line is in mainline; the audit fails on missing patches when audit.fail-on lists missing-patches.',
  defaultSeverity: 'error',
  applies: ({ facts }) => facts.patches !== undefined && facts.audit !== undefined,
  evaluate({ facts, policy, now }) {
    if (!facts.patches) return [];
    const findings: RuleFinding[] = [];
    for (const line of classifyLineCommits(facts.patches, policy, now)) {
      const missing = line.commits.filter((c) => c.status === 'missing');
      if (missing.length === 0) continue;
      findings.push({
        message: `The line ${quoteBranchName(line.line)} has ${plural(missing.length, 'commit')} not in ${quoteBranchName(facts.patches.mainline)}.`,
        hint: 'Merge or cherry-pick them into mainline (release-policy patches lists each with its evidence).',
        data: {
          kind: 'commits',
          commits: missing.map((c) => ({ sha: c.sha, subject: c.subject })),
        },
        ...(policy.audit.failOn.includes('missing-patches')
          ? {}
          : { severity: 'warning' as const }),
      });
    }
    return findings;
  },
};
