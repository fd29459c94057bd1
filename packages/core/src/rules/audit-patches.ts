import { quoteBranchName } from '../branches.js';
import { classifyLineCommits } from '../checks/patches/classify.js';
import { plural } from '../text.js';
import type { PatchesUnread } from '../facts.js';
import type { Rule, RuleFinding } from './types.js';

const UNREAD: Record<PatchesUnread['reason'], string> = {
  'no-checkout': 'the workspace is not a clone of the audited repository',
  shallow: "the checkout's history is cut off (a shallow clone)",
  'not-comparable': 'a line or the mainline is missing from the checkout',
};

/** A notice, never a silent pass: the lines were not compared, with why and the fix. */
function describeUnread(unread: PatchesUnread): RuleFinding {
  return {
    severity: 'notice',
    message: `The maintenance lines were not compared with mainline, so patches missing from mainline are not reported: ${UNREAD[unread.reason]}. ${unread.detail}`,
    hint: 'Check out the repository with its whole history before the audit: actions/checkout with "fetch-depth: 0".',
  };
}

/** The audit reports the maintenance lines' patches missing from mainline. */
export const auditPatches: Rule = {
  id: 'audit-patches',
  check: 'audit',
  description:
    'Every patch of a maintenance line is in mainline; the audit fails on missing patches when audit.fail-on lists missing-patches.',
  defaultSeverity: 'error',
  applies: ({ facts }) =>
    facts.audit !== undefined && (facts.patches !== undefined || facts.patchesUnread !== undefined),
  evaluate({ facts, policy, now }) {
    if (facts.patchesUnread) return [describeUnread(facts.patchesUnread)];
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
