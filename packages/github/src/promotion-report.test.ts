import { describe, expect, it } from '@jest/globals';
import { defaultPolicy, type EvidenceRecord } from '@release-policy/core';
import {
  renderEnvironmentsTable,
  renderEvidenceMarkdown,
  renderPipelineDiagram,
} from './promotion-report.js';

const A = 'a'.repeat(40);
const record: EvidenceRecord = {
  format: 'release-policy/evidence@1',
  environment: 'staging',
  version: '1.4.0',
  commit: A,
  percent: 100,
  rollback: false,
  approvals: [{ login: 'alice', environment: 'staging', at: '2026-06-03T10:00:00Z' }],
  window: 'open: no windows or freezes apply',
  checks: { passed: ['promote-order'], findings: [] },
  at: '2026-06-03T10:00:00.000Z',
};
const deployments = [
  {
    id: 1,
    environment: 'dev',
    sha: A,
    version: '1.4.0',
    createdAt: 't',
    creator: 'x',
    state: 'inactive' as const,
    succeededAt: '2026-06-01T00:00:00Z',
  },
  {
    id: 2,
    environment: 'test',
    sha: A,
    version: '1.4.0',
    createdAt: 't',
    creator: 'x',
    state: 'success' as const,
    succeededAt: '2026-06-02T00:00:00Z',
    approvers: ['bob'],
  },
];

describe('renderPipelineDiagram', () => {
  it.each([
    ['live', 'e0["dev ✔"] --> e1["test ✔"] --> e2["staging ✔"] --> e3["production"]'],
    ['refused', 'e0["dev ✔"] --> e1["test ✔"] --> e2["staging ⏳"] --> e3["production"]'],
    ['failed', 'e0["dev ✔"] --> e1["test ✔"] --> e2["staging ✖"] --> e3["production"]'],
  ] as const)(
    'draws the pipeline of a %s promotion, the environment highlighted',
    (outcome, line) => {
      expect(renderPipelineDiagram(defaultPolicy(), deployments, record, outcome)).toBe(
        [
          '```mermaid',
          'flowchart LR',
          `  ${line}`,
          '  classDef current stroke-width:4px,stroke:#d4a72c',
          '  class e2 current',
          '```',
        ].join('\n'),
      );
    },
  );

  it('shows the canary percent of the environment promoted to', () => {
    const canary = { ...record, percent: 25 };
    expect(renderPipelineDiagram(defaultPolicy(), deployments, canary, 'live')).toContain(
      'e2["staging 25% ✔"]',
    );
  });
});

describe('renderEnvironmentsTable', () => {
  it('lists each environment with this commit, the live version and its approvers', () => {
    expect(renderEnvironmentsTable(defaultPolicy(), deployments, record).split('\n')).toEqual([
      '| environment | aaaaaaaaaaaa | live version | live since | approvers |',
      '| --- | --- | --- | --- | --- |',
      '| dev | ✔ since 2026-06-01T00:00:00Z |  |  |  |',
      '| test | ✔ since 2026-06-02T00:00:00Z | 1.4.0 | 2026-06-02T00:00:00Z | bob |',
      '| staging |  |  |  |  |',
      '| production |  |  |  |  |',
    ]);
  });
});

describe('renderEvidenceMarkdown', () => {
  it('escapes untrusted text in the table and fences the JSON past any backticks in it', () => {
    const hostile = { ...record, version: '1.4.0 | @all ```', emergency: '<b>x</b>' };
    const markdown = renderEvidenceMarkdown(hostile);
    expect(markdown).toContain('| version | 1.4.0 &#124; &#64;all &#96;&#96;&#96; |');
    expect(markdown).toContain('| emergency | &lt;b&gt;x&lt;/b&gt; |');
    expect(markdown).toContain('\n````json\n');
    expect(markdown.endsWith('\n````')).toBe(true);
    const json = markdown.slice(markdown.indexOf('````json\n') + 9, markdown.lastIndexOf('\n````'));
    expect(JSON.parse(json)).toEqual(hostile);
  });
});
