/**
 * What a promotion shows people: the job summary's pipeline picture (a
 * mermaid flowchart, the environment promoted to highlighted), the table of
 * environments, and the evidence record as Markdown and JSON. Untrusted
 * text (versions, logins, messages) is escaped; environment names come from
 * the policy, whose schema allows only letters, digits, `.`, `_` and `-`. Pure.
 */
import {
  findLiveDeployment,
  findSucceededDeployment,
  type DeploymentEntry,
  type EvidenceRecord,
  type Policy,
} from '@release-policy/core';
import { escapeMarkdownCell } from './markdown.js';

/** How the promotion ended, for the picture. */
export type PromotionOutcome = 'live' | 'refused' | 'failed';

const MARK: Record<string, string> = { done: '✔', current: '⏳', failed: '✖', none: '' };

function describeStage(
  environment: string,
  deployments: readonly DeploymentEntry[],
  record: EvidenceRecord,
  outcome: PromotionOutcome,
): keyof typeof MARK {
  if (environment === record.environment) {
    return outcome === 'live' ? 'done' : outcome === 'failed' ? 'failed' : 'current';
  }
  return findSucceededDeployment(deployments, environment, record.commit) ? 'done' : 'none';
}

/** A mermaid flowchart of the pipeline: `dev ✔ → test ✔ → staging ⏳ → production`. */
export function renderPipelineDiagram(
  policy: Policy,
  deployments: readonly DeploymentEntry[],
  record: EvidenceRecord,
  outcome: PromotionOutcome,
): string {
  const names = policy.environments.map((e) => e.name);
  const nodes = names.map((name, i) => {
    const mark = MARK[describeStage(name, deployments, record, outcome)];
    const percent =
      name === record.environment && record.percent < 100 ? ` ${record.percent}%` : '';
    return `e${i}["${name}${percent}${mark ? ` ${mark}` : ''}"]`;
  });
  const current = names.indexOf(record.environment);
  return [
    '```mermaid',
    'flowchart LR',
    `  ${nodes.join(' --> ')}`,
    '  classDef current stroke-width:4px,stroke:#d4a72c',
    ...(current >= 0 ? [`  class e${current} current`] : []),
    '```',
  ].join('\n');
}

/** The environments table: this commit's state in each, and what is live where it is known. */
export function renderEnvironmentsTable(
  policy: Policy,
  deployments: readonly DeploymentEntry[],
  record: EvidenceRecord,
): string {
  const rows = policy.environments.map((e) => {
    const ofCommit = findSucceededDeployment(deployments, e.name, record.commit);
    const live = findLiveDeployment(deployments, e.name);
    return [
      e.name,
      ofCommit ? `✔ since ${ofCommit.succeededAt ?? ''}` : '',
      live ? escapeMarkdownCell(live.version) : '',
      live?.succeededAt ?? '',
      escapeMarkdownCell((live?.approvers ?? []).join(', ')),
    ];
  });
  return [
    `| environment | ${escapeMarkdownCell(record.commit.slice(0, 12))} | live version | live since | approvers |`,
    '| --- | --- | --- | --- | --- |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

/** The evidence record for people: a table of what was decided, then the record itself as JSON. */
export function renderEvidenceMarkdown(record: EvidenceRecord): string {
  const cell = (text: string) => escapeMarkdownCell(text);
  const approvals =
    record.approvals
      .map((a) => `${cell(a.login)} (${cell(a.environment)}, ${cell(a.at)})`)
      .join('<br>') || 'none';
  const rows: [string, string][] = [
    ['environment', cell(record.environment)],
    ['version', cell(record.version)],
    ['commit', cell(record.commit)],
    [
      'artifact',
      record.artifact ? `${cell(record.artifact.name)} ${cell(record.artifact.digest)}` : 'none',
    ],
    ['percent', `${record.percent}%`],
    ['rollback', record.rollback ? 'yes' : 'no'],
    ['emergency', record.emergency !== undefined ? cell(record.emergency) : 'no'],
    [
      'previous version',
      record.previousVersion !== undefined ? cell(record.previousVersion) : 'none',
    ],
    ['approvals', approvals],
    ['window', cell(record.window)],
    ['checks passed', record.checks.passed.join(', ') || 'none'],
    [
      'findings',
      record.checks.findings.map((f) => `${f.rule} (${f.severity})`).join(', ') || 'none',
    ],
    ['at', cell(record.at)],
  ];
  const json = JSON.stringify(record, null, 2);
  const fence = '`'.repeat(Math.max(3, ...[...json.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return [
    '| evidence | |',
    '| --- | --- |',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    '',
    `${fence}json`,
    json,
    fence,
  ].join('\n');
}
