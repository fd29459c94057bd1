/**
 * The patches check: every patch shipped on a maintenance line is in
 * mainline (merged forward, cherry-picked with -x, the same patch or pull
 * request), exempt by the policy or waived until a date.
 */
import { patchMerged } from '../../rules/patch-merged.js';
import { patchWaiver } from '../../rules/patch-waiver.js';
import { defineCheck, type CheckValues } from '../types.js';
import { classifyLineCommits } from './classify.js';
import { patchesSection } from './section.js';

/** The patches check. */
export const patchesCheck = defineCheck({
  name: 'patches',
  title: 'Patches in mainline',
  action: 'patch-merge',
  command: {
    name: 'patches',
    summary: 'check that every patch on a maintenance line is in mainline',
    usage: '[--mainline BRANCH] [--line NAME ...]',
    example: 'release-policy patches --mainline main --line 3.5.x',
  },
  sections: [patchesSection],
  rules: [patchMerged, patchWaiver],
  needs: ['patches'],
  outputs: [
    {
      name: 'missing-count',
      description:
        'How many commits on the maintenance lines checked are not in mainline, not exempt and not waived.',
    },
    {
      name: 'report',
      description:
        'Path of the JSON report: every commit of each line with its status and evidence; empty in the CLI, which prints it with --json.',
    },
    {
      name: 'forward-ports',
      description:
        'The forward-port pull requests opened or updated, as a JSON array of objects with line, branch, pullRequest (number and url, null when none could be opened), picked (shas) and skipped (sha, subject, reason: conflict, empty or already-on-branch); empty unless open-forward-ports is true, and in the CLI.',
    },
  ],
  summarize(facts, policy): CheckValues {
    if (!facts.patches) return {};
    const lines = classifyLineCommits(facts.patches, policy, new Date(facts.patches.checkedAt));
    const missing = lines.flatMap((line) => line.commits.filter((c) => c.status === 'missing'));
    return { 'missing-count': missing.length };
  },
  describe(values): Record<string, string> {
    if (values['missing-count'] === undefined) return {};
    return { 'missing patches': String(values['missing-count']) };
  },
  report(facts, policy, now) {
    if (!facts.patches) return {};
    return { lines: classifyLineCommits(facts.patches, policy, now) };
  },
});
