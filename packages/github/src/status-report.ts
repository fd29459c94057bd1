/**
 * The release status as Markdown (job summary, status issue) and as the JSON
 * report: where every release line stands in every environment, pending
 * promotions, the next release's documents, missing patches and the
 * audit's findings. Every name is untrusted text and escaped for the table
 * cell it lands in.
 */
import {
  countFindings,
  plural,
  OTHER_LINE,
  sortFindings,
  type Finding,
  type ReleaseStatus,
  type StatusLine,
  type StatusPatches,
} from '@release-policy/core';
import { escapeMarkdownCell, escapeMarkdownText, readFirstLine } from './markdown.js';

/** Findings listed at most in the Markdown; the JSON report has them all. */
export const MAX_STATUS_FINDINGS = 100;

/** The JSON status report: the status, the findings and whether the audit passed. */
export interface StatusReport {
  ok: boolean;
  /** When the audit ran (ISO 8601). */
  generatedAt: string;
  status: ReleaseStatus;
  findings: Finding[];
}

function renderDeployedCell(entry: StatusLine['deployed'][number]): string {
  const d = entry.deployment;
  if (!d) return '—';
  const who = d.by ? ` by ${escapeMarkdownCell(d.by, 80)}` : '';
  return `${escapeMarkdownCell(d.version, 80)}<br>${escapeMarkdownCell(d.at.slice(0, 10))}${who}`;
}

function renderLines(status: ReleaseStatus): string[] {
  if (status.lines.length === 0) return ['No release tags and no deployments yet.'];
  const head = ['line', 'latest', ...status.environments.map((e) => escapeMarkdownCell(e, 80))];
  const rows = status.lines.map((line) => {
    const name = line.line === OTHER_LINE ? line.line : escapeMarkdownCell(line.line);
    const latest = line.latestTag ? escapeMarkdownCell(line.latestTag) : '—';
    return `| ${[name, latest, ...line.deployed.map(renderDeployedCell)].join(' | ')} |`;
  });
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows];
}

function renderPending(status: ReleaseStatus): string[] {
  const pending = status.lines.flatMap((line) => line.pending);
  if (pending.length === 0) return [];
  return [
    '',
    '**Pending promotions**',
    '',
    ...pending.map(
      (p) =>
        `- ${escapeMarkdownText(p.version, 80)}: ${escapeMarkdownText(p.from, 80)} → ${escapeMarkdownText(p.to, 80)}`,
    ),
  ];
}

/** The missing commits of a line as a cell: short shas and subjects, then how many more. */
function renderMissingCell(patches: StatusPatches): string {
  if (patches.missing === 0) return 'none';
  const shown = patches.missingCommits.map(
    (c) => `${c.sha.slice(0, 12)} ${escapeMarkdownCell(c.subject, 80)}`,
  );
  const more = patches.missing - shown.length;
  return [`${patches.missing}:`, ...shown, ...(more > 0 ? [`and ${more} more`] : [])].join('<br>');
}

function renderPatches(status: ReleaseStatus): string[] {
  const title = ['', '**Patches missing from mainline**', ''];
  if (status.patchesUnread) {
    return [
      ...title,
      `Not compared: ${escapeMarkdownText(status.patchesUnread.detail, 400)} Check out the whole history (actions/checkout with \`fetch-depth: 0\`).`,
    ];
  }
  if (!status.patches) return [];
  if (status.patches.length === 0) return [...title, 'No maintenance lines.'];
  const rows = status.patches.map(
    (p) => `| ${escapeMarkdownCell(p.line)} | ${p.commits} | ${renderMissingCell(p)} |`,
  );
  return [...title, '| line | commits | missing |', '| --- | --- | --- |', ...rows];
}

const RELEASE_TYPE_SOURCES = {
  version: 'the version analysis’s next version',
  default: 'no version facts: the main-version step',
};

/** The next release's documents: one row per document the policy requires for its type. */
function renderDocuments(status: ReleaseStatus): string[] {
  if (status.documentsUnread) {
    const { reason, detail } = status.documentsUnread;
    // A not-mainline detail already says what to do: run the audit on the mainline.
    const advice =
      reason === 'no-checkout'
        ? ' Check out the repository before the audit (actions/checkout).'
        : '';
    return [
      '',
      '**Documents of the next release**',
      '',
      `Not read: ${escapeMarkdownText(detail, 400)}${advice}`,
    ];
  }
  const docs = status.nextReleaseDocuments;
  if (!docs) return [];
  const title = [
    '',
    `**Documents of the next release**: line ${escapeMarkdownText(docs.line, 40)} on ${escapeMarkdownText(docs.branch, 80)}, a ${docs.releaseType} release (${RELEASE_TYPE_SOURCES[docs.releaseTypeFrom]}); the docs check gates the release, the audit does not fail on them.`,
    '',
  ];
  if (docs.items.length === 0) {
    return [...title, `The policy requires no documents for a ${docs.releaseType} release.`];
  }
  const rows = docs.items.map(
    (d) =>
      `| ${escapeMarkdownCell(d.path, 200)} | ${d.state} | ${d.detail === undefined ? '' : escapeMarkdownCell(d.detail, 400)} |`,
  );
  return [...title, '| document | state | detail |', '| --- | --- | --- |', ...rows];
}

function renderFindingsTable(findings: readonly Finding[]): string[] {
  const counts = countFindings(findings);
  const title = `**Settings and findings**: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.notice, 'notice')}`;
  if (findings.length === 0) return ['', title, '', 'Every setting audited enforces the policy.'];
  const shown = sortFindings(findings).slice(0, MAX_STATUS_FINDINGS);
  const rows = shown.map((f) => {
    const { line } = readFirstLine(f.message);
    const where = f.file ? `${escapeMarkdownCell(f.file)}${f.line ? `:${f.line}` : ''}` : '';
    const hint = f.hint ? `<br>${escapeMarkdownCell(f.hint, 400)}` : '';
    return `| ${f.severity} | ${escapeMarkdownCell(f.rule)} | ${escapeMarkdownCell(line)}${hint} | ${where} |`;
  });
  const more =
    findings.length > shown.length
      ? ['', `_${findings.length - shown.length} more findings are in the JSON report._`]
      : [];
  return [
    '',
    title,
    '',
    '| severity | rule | finding | file |',
    '| --- | --- | --- | --- |',
    ...rows,
    ...more,
  ];
}

/** The status report as Markdown, headed by the repository's name. */
export function renderStatusMarkdown(report: StatusReport): string {
  const { status } = report;
  return [
    `### Release status of ${escapeMarkdownText(status.repository, 200)}`,
    '',
    `${report.ok ? 'The audit passed' : 'The audit failed'} on ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    ...renderLines(status),
    ...renderPending(status),
    ...renderDocuments(status),
    ...renderPatches(status),
    ...renderFindingsTable(report.findings),
    '',
  ].join('\n');
}
