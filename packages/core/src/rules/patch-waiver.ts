import { quoteBranchName } from '../branches.js';
import { isWaiverActive } from '../checks/patches/classify.js';
import { quoteValue } from '../text.js';
import type { Rule, RuleFinding } from './types.js';

/** Every waiver of the `patches` section is current and names a commit of a line checked. */
export const patchWaiver: Rule = {
  id: 'patch-waiver',
  check: 'patches',
  description:
    'Every waiver under patches.waivers is still valid and names a commit on a maintenance line that is not in mainline.',
  defaultSeverity: 'error',
  applies: ({ facts, policy }) => facts.patches !== undefined && policy.patches.waivers.length > 0,
  evaluate({ facts, policy, now }) {
    if (!facts.patches) return [];
    const lines = facts.patches.lines;
    const findings: RuleFinding[] = [];
    for (const waiver of policy.patches.waivers) {
      const where = lines.find((line) => line.commits.some((c) => c.sha.startsWith(waiver.commit)));
      const commit = where?.commits.find((c) => c.sha.startsWith(waiver.commit));
      if (!isWaiverActive(waiver, now)) {
        findings.push({
          message:
            `The waiver for the commit ${waiver.commit} (approved by ${quoteValue(waiver.approvedBy)}) ` +
            `expired after ${waiver.until}${where ? ` and the commit is still not in ${quoteBranchName(facts.patches.mainline)}` : ''}. ` +
            `Expected an until date not in the past, e.g. until: ${now.toISOString().slice(0, 10)}.`,
          hint: 'Merge the commit into mainline, or renew the waiver with a new until date after a new approval.',
          ...(commit
            ? { data: { kind: 'commits', commits: [{ sha: commit.sha, subject: commit.subject }] } }
            : {}),
        });
        continue;
      }
      if (where === undefined) {
        const names = lines.map((line) => quoteBranchName(line.line)).join(', ');
        findings.push({
          message:
            `The waiver for the commit ${waiver.commit} names no commit missing from ` +
            `${quoteBranchName(facts.patches.mainline)} on the lines checked (${names || 'none'}): ` +
            `it is merged already, or not a commit of these lines.`,
          hint: 'Remove the waiver, or correct its commit sha.',
          severity: 'warning',
        });
      }
    }
    return findings;
  },
};
