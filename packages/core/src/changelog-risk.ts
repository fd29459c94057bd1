/**
 * The risk assessment of a release: the `Risk` section of each pull request
 * in its range, found in the merged pull requests listed once (by the
 * number an entry names, or by the commit the merge made).
 */
import type { ChangelogEntry } from './changelog-entries.js';
import type { CommitFacts, MergedPullRequest } from './facts.js';

/** One pull request's risk, as its author wrote it. */
export interface RiskAssessment {
  number: number;
  title: string;
  /** The text of its `Risk` section, trimmed; `''` when it has none. */
  risk: string;
}

/** A Markdown heading line: its level and text; undefined for other lines. */
function readHeading(line: string): { level: number; text: string } | undefined {
  const match = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
  return match ? { level: (match[1] ?? '').length, text: match[2] ?? '' } : undefined;
}

/**
 * The text under a `Risk` (or `Risk assessment`) heading of a pull request
 * body, up to the next heading of the same or a higher level; `''` without
 * one. Pure.
 */
export function readRiskSection(body: string): string {
  const lines = body.replace(/\r\n/g, '\n').split('\n');
  const start = lines.findIndex((line) =>
    /^risk( assessment)?:?$/i.test(readHeading(line)?.text ?? ''),
  );
  if (start === -1) return '';
  const level = readHeading(lines[start] ?? '')?.level ?? 1;
  let end = start + 1;
  while (end < lines.length) {
    const heading = readHeading(lines[end] ?? '');
    if (heading && heading.level <= level) break;
    end += 1;
  }
  return lines
    .slice(start + 1, end)
    .join('\n')
    .replace(/<!--[\s\S]*?-->/g, '')
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
): RiskAssessment[] {
  const numbers = new Set(entries.flatMap((e) => (e.pr === undefined ? [] : [e.pr])));
  const shas = new Set(commits.map((c) => c.sha));
  return pulls
    .filter(
      (p) =>
        numbers.has(p.number) || (p.mergeCommitSha !== undefined && shas.has(p.mergeCommitSha)),
    )
    .sort((a, b) => b.number - a.number)
    .map((p) => ({ number: p.number, title: p.title, risk: readRiskSection(p.body) }));
}
