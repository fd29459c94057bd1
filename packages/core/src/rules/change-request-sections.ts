import { appliesToChangeRequest, checkSections } from '../checks/docs/inspect.js';
import { parseMarkdownOutline } from '../markdown.js';
import type { Rule, RuleFinding } from './types.js';

/** A pull request's description holds the change request: each required section, filled in. */
export const changeRequestSections: Rule = {
  id: 'change-request-sections',
  check: 'docs',
  description:
    "A pull request's description holds each required change-request section (Reason, Impact analysis, Verification plan, Risk by default), filled in.",
  defaultSeverity: 'error',
  applies: ({ facts, policy }) => appliesToChangeRequest(facts, policy),
  evaluate({ facts, policy }) {
    const pr = facts.pullRequest;
    if (!pr) return [];
    const { sections, placeholders } = policy.changeRequest;
    const outline = parseMarkdownOutline(pr.body);
    const findings: RuleFinding[] = [];
    for (const check of checkSections(outline, sections, placeholders)) {
      if (check.gap === undefined) continue;
      const title = JSON.stringify(check.spec.title);
      const aliases = check.spec.aliases.length
        ? ` (or ${check.spec.aliases.map((a) => JSON.stringify(a)).join(', ')})`
        : '';
      const problem =
        check.gap === 'missing'
          ? `has no section ${title}${aliases}`
          : check.gap === 'empty'
            ? `has an empty section ${title}`
            : `has only placeholder text in the section ${title}`;
      findings.push({
        message: `The description of pull request #${pr.number} ${problem}. A change request states ${sections.map((s) => s.title).join(', ')}, each under its heading, e.g. "## ${check.spec.title}" followed by a paragraph.`,
        hint: `Edit the pull request description and fill in "## ${check.spec.title}", then re-run the check.`,
      });
    }
    return findings;
  },
};
