/**
 * The audit across an organisation, with GitHub Actions as the engine: the
 * repositories to audit (a list, or every repository with a topic), split
 * into matrix jobs within GitHub's limit, and the per-repository JSON reports
 * merged into one organisation report.
 */
import { countFindings, type Finding } from '@release-policy/core';
import { toGitHubApiError } from './errors.js';
import { escapeMarkdownCell } from './markdown.js';
import type { Octokit } from './octokit.js';
import type { StatusReport } from './status-report.js';

/** GitHub runs at most 256 jobs of one matrix. */
export const MAX_MATRIX_JOBS = 256;

/** Matrix jobs the reusable workflow declares; repositories beyond them are refused. */
export const MATRIX_GROUPS = 4;

/** Repositories listed at most, so a huge organisation stays a bounded call. */
export const MAX_ORG_REPOSITORIES = MAX_MATRIX_JOBS * MATRIX_GROUPS;

const LIST_ORG_REPOS = 'GET /orgs/{org}/repos';

/** Which repositories of an organisation to audit. */
export interface OrgSelection {
  org: string;
  /** Only repositories with this topic; every one when absent. */
  topic?: string;
}

/**
 * The organisation's repositories to audit, by full name in name order:
 * archived ones left out, and only those with `topic` when given. One
 * paginated listing (100 a page).
 *
 * @throws GitHubApiError when the listing fails.
 */
export async function listOrgRepositories(
  octokit: Octokit,
  selection: OrgSelection,
): Promise<string[]> {
  try {
    const repos = await octokit.paginate(octokit.rest.repos.listForOrg, {
      org: selection.org,
      type: 'all',
      sort: 'full_name',
      per_page: 100,
    });
    const topic = selection.topic?.toLowerCase();
    return repos
      .filter((r) => r.archived !== true)
      .filter((r) => topic === undefined || (r.topics ?? []).includes(topic))
      .map((r) => r.full_name);
  } catch (error) {
    throw toGitHubApiError(error, LIST_ORG_REPOS);
  }
}

/** The matrix of one group of repositories: `{ repository: [...] }`. */
export interface AuditMatrix {
  repository: string[];
}

/** The repositories split into {@link MATRIX_GROUPS} matrices of at most 256 jobs each. */
export interface AuditPlan {
  /** One matrix per group, in order; an empty group has an empty list. */
  groups: AuditMatrix[];
  count: number;
}

/**
 * Splits the repositories (duplicates removed, compared without case) into
 * matrices of at most {@link MAX_MATRIX_JOBS}.
 *
 * @throws RangeError when there are more than {@link MAX_ORG_REPOSITORIES}.
 */
export function planAuditMatrix(repositories: readonly string[]): AuditPlan {
  const seen = new Set<string>();
  const unique = repositories.filter((name) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length > MAX_ORG_REPOSITORIES) {
    throw new RangeError(
      `${unique.length} repositories are more than the ${MAX_ORG_REPOSITORIES} one organisation audit runs ` +
        `(${MATRIX_GROUPS} matrices of ${MAX_MATRIX_JOBS} jobs). Split them with a topic, e.g. topic: team-a, and call the workflow once per topic.`,
    );
  }
  const groups = Array.from({ length: MATRIX_GROUPS }, (_, i) => ({
    repository: unique.slice(i * MAX_MATRIX_JOBS, (i + 1) * MAX_MATRIX_JOBS),
  }));
  return { groups, count: unique.length };
}

/** One repository's line of the organisation report. */
export interface OrgRepositoryRow {
  repository: string;
  ok: boolean;
  errors: number;
  warnings: number;
  notices: number;
  /** Release lines in its status. */
  lines: number;
  /** Settings its token could not read. */
  unreadable: number;
  /** The rules with error findings, without repeats. */
  failing: string[];
}

/** The organisation report: one row per repository, and the totals. */
export interface OrgReport {
  repositories: OrgRepositoryRow[];
  /** Repositories whose audit failed. */
  failed: number;
  /** Files that were not a status report (named, not merged). */
  unreadable: string[];
}

function rowOf(report: StatusReport): OrgRepositoryRow {
  const findings: readonly Finding[] = report.findings;
  const counts = countFindings(findings);
  return {
    repository: report.status.repository,
    ok: report.ok,
    errors: counts.error,
    warnings: counts.warning,
    notices: counts.notice,
    lines: report.status.lines.length,
    unreadable: report.status.unreadable.length,
    failing: [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.rule))],
  };
}

function isStatusReport(value: unknown): value is StatusReport {
  if (typeof value !== 'object' || value === null) return false;
  const report = value as {
    ok?: unknown;
    status?: { repository?: unknown; lines?: unknown };
    findings?: unknown;
  };
  return (
    typeof report.ok === 'boolean' &&
    typeof report.status?.repository === 'string' &&
    Array.isArray(report.status.lines) &&
    Array.isArray(report.findings)
  );
}

/**
 * Merges the JSON reports of the matrix jobs (file name → parsed JSON, or
 * the text that did not parse) into one organisation report, sorted by
 * repository. A file that is not a status report is named, not merged.
 */
export function mergeStatusReports(files: ReadonlyMap<string, unknown>): OrgReport {
  const rows: OrgRepositoryRow[] = [];
  const unreadable: string[] = [];
  for (const [name, value] of files) {
    if (isStatusReport(value)) rows.push(rowOf(value));
    else unreadable.push(name);
  }
  rows.sort((a, b) => a.repository.localeCompare(b.repository));
  return { repositories: rows, failed: rows.filter((r) => !r.ok).length, unreadable };
}

/** The organisation report as Markdown: the summary table, failing repositories first. */
export function renderOrgMarkdown(report: OrgReport): string {
  const rows = [...report.repositories].sort((a, b) => Number(a.ok) - Number(b.ok));
  const table = rows.map(
    (r) =>
      `| ${escapeMarkdownCell(r.repository, 200)} | ${r.ok ? 'pass' : 'fail'} | ${r.errors} | ${r.warnings} | ${r.notices} | ${r.lines} | ${r.unreadable} | ${r.failing.map((rule) => escapeMarkdownCell(rule, 80)).join(', ')} |`,
  );
  const notes = report.unreadable.map(
    (name) => `- ${escapeMarkdownCell(name, 200)} is not a status report and was left out.`,
  );
  return [
    '### Release policy audit of the organisation',
    '',
    `${report.repositories.length} repositories audited, ${report.failed} failing.`,
    '',
    '| repository | audit | errors | warnings | notices | release lines | settings not read | failing rules |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...table,
    ...(notes.length > 0 ? ['', ...notes] : []),
    '',
  ].join('\n');
}
