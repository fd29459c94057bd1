/**
 * The risk assessment of a release: the risk section of each pull request
 * in its range (read with the change-request check's own section spec),
 * found in the merged pull requests listed once (by the number an entry
 * names, or by the commit the merge made).
 */
import type { ChangelogEntry } from './changelog-entries.js';
import { findSection } from './checks/docs/inspect.js';
import type { ChangeRequestPolicy, SectionSpec } from './config/schema.js';
import type { CommitFacts, MergedPullRequest } from './facts.js';
import {
  isPlaceholderLine,
  normalizeHeading,
  normalizeLineBreaks,
  parseMarkdownOutline,
} from './markdown.js';

/** One pull request's risk, as its author wrote it. */
export interface RiskAssessment {
  number: number;
  title: string;
  /** The text of its risk section, trimmed; `''` when it has none or only placeholders. */
  risk: string;
}

/** The heading of the risk when the change request's sections name none. */
const RISK: SectionSpec = { title: 'Risk', aliases: [] };

/**
 * The change request's section that holds the risk: the one whose title or
 * an alias is "Risk" (as headings compare: `风险` counts when it is an
 * alias of it), else a plain `Risk` heading.
 */
export function findRiskSpec(changeRequest: ChangeRequestPolicy): SectionSpec {
  const risk = normalizeHeading(RISK.title);
  return (
    changeRequest.sections.find((spec) =>
      [spec.title, ...spec.aliases].some((title) => normalizeHeading(title) === risk),
    ) ?? RISK
  );
}

/**
 * The text of the risk section of a pull request body, read as the
 * change-request check reads it (the policy's `change-request` section: its
 * heading and aliases, at any level, not inside a quote or a fence): its
 * lines up to the next heading of the same or a higher level, comments
 * removed, trimmed; `''` without one, or when it holds only placeholder
 * text (the template left as it was). Pure.
 */
export function readRiskSection(body: string, changeRequest: ChangeRequestPolicy): string {
  const outline = parseMarkdownOutline(body);
  const section = findSection(outline, findRiskSpec(changeRequest));
  if (!section || section.content.length === 0) return '';
  if (section.content.every((c) => isPlaceholderLine(c.text, changeRequest.placeholders))) {
    return '';
  }
  return normalizeLineBreaks(body)
    .split('\n')
    .slice(section.line, section.endLine)
    .join('\n')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .trim();
}

/**
 * The risk of every pull request in a release: those its entries name
 * (`(#123)`) and those whose merge commit is in its commits, newest number
 * first. Pure.
 */
export function collectRiskAssessments(
  entries: readonly ChangelogEntry[],
  commits: readonly CommitFacts[],
  pulls: readonly MergedPullRequest[],
  changeRequest: ChangeRequestPolicy,
): RiskAssessment[] {
  const numbers = new Set(entries.flatMap((e) => (e.pr === undefined ? [] : [e.pr])));
  const shas = new Set(commits.map((c) => c.sha));
  return pulls
    .filter(
      (p) =>
        numbers.has(p.number) || (p.mergeCommitSha !== undefined && shas.has(p.mergeCommitSha)),
    )
    .sort((a, b) => b.number - a.number)
    .map((p) => ({
      number: p.number,
      title: p.title,
      risk: readRiskSection(p.body, changeRequest),
    }));
}
