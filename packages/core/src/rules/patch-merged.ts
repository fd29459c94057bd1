import { quoteBranchName } from '../branches.js';
import { classifyLineCommits } from '../checks/patches/classify.js';
import { quoteValue } from '../text.js';
import type { Rule, RuleFinding } from './types.js';

/** Every patch shipped on a maintenance line is in mainline, or exempt by the policy. */
export const patchMerged: Rule = {
  id: 'patch-merged',
  check: 'patches',
  description:
    'Every commit on a maintenance line is in mainline: merged forward, cherry-picked, the same patch or pull request, or exempt by the policy.',
  defaultSeverity: 'error',
  applies: ({ facts }) => facts.patches !== undefined,
  evaluate({ facts, policy, now }) {
    if (!facts.patches) return [];
    const mainline = quoteBranchName(facts.patches.mainline);
    const findings: RuleFinding[] = [];
    for (const line of classifyLineCommits(facts.patches, policy, now)) {
      for (const commit of line.commits) {
        if (commit.status !== 'missing') continue;
        const unverified = commit.evidence.find((e) => e.kind === 'unverified-cherry-pick');
        const why =
          unverified === undefined
            ? `no commit of ${mainline} since the merge base ${line.base.slice(0, 12)} has the same patch, cherry-pick source or pull request`
            : `its message says it was cherry-picked from ${unverified.from.slice(0, 12)}, which is not a commit of ${mainline}, and no commit of ${mainline} since the merge base has the same patch`;
        findings.push({
          message:
            `The commit ${commit.sha.slice(0, 12)} ${quoteValue(commit.subject)} on the line ` +
            `${quoteBranchName(line.line)} is not in ${mainline}: ${why}.`,
          hint:
            `Merge the line into ${mainline}, or cherry-pick the commit there with ` +
            `"git cherry-pick -x ${commit.sha}", or waive it under patches.waivers in the policy.`,
          ...(policy.patches.missing === 'warning' ? { severity: 'warning' as const } : {}),
          data: { kind: 'commits', commits: [{ sha: commit.sha, subject: commit.subject }] },
        });
      }
    }
    return findings;
  },
};
