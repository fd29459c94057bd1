import { describe, expect, it } from '@jest/globals';
import type { ChangelogEntry } from './changelog-entries.js';
import { renderReleaseNotes } from './changelog-render.js';
import { collectRiskAssessments, findRiskSpec, readRiskSection } from './changelog-risk.js';
import { makePolicy } from './testing/policies.js';

const changeRequest = makePolicy().changeRequest;

describe('readRiskSection', () => {
  it.each([
    ['## Summary\nx\n\n## Risk\nLow: behind a flag.\n\n## Tests\ny', 'Low: behind a flag.'],
    ['### risk:\r\nHigh\r\n#### detail\r\nmigrations\r\n### Next', 'High\n#### detail\nmigrations'],
    ['## Risk\n<!-- say how risky -->\nMedium', 'Medium'],
    ['# 风险\n低：有开关保护\n# 验证计划\nx', '低：有开关保护'],
    ['## Ｒｉ\u200Bｓｋ\nlow', 'low'],
    ['No headings at all', ''],
    ['## Risk\nTODO\n', ''],
    ['## Risk\n\n<low, medium or high>\n', ''],
    ['> ## Risk\n> quoted\n\n```\n## Risk\nfenced\n```\n', ''],
  ])('reads %j as %j, as the change-request check reads its sections', (body, risk) => {
    expect(readRiskSection(body, changeRequest)).toBe(risk);
  });

  it("reads the heading and the placeholders the policy's change-request section gives", () => {
    const custom = {
      ...changeRequest,
      sections: [{ title: 'Rollout danger', aliases: ['Risk', 'Gefahr'] }],
      placeholders: ['n/a'],
    };
    expect(readRiskSection('## Gefahr\nhoch\n', custom)).toBe('hoch');
    expect(readRiskSection('## Rollout danger\nn/a\n', custom)).toBe('');
    expect(readRiskSection('## Rollout danger\nTODO\n', custom)).toBe('TODO');
  });

  it('reads a plain Risk heading when the change request has no risk section', () => {
    const none = { ...changeRequest, sections: [{ title: 'Reason', aliases: [] }] };
    expect(findRiskSpec(none)).toEqual({ title: 'Risk', aliases: [] });
    expect(readRiskSection('## Reason\nx\n## risk\nlow\n', none)).toBe('low');
  });
});

describe('collectRiskAssessments', () => {
  const entry: ChangelogEntry = {
    sha: 'a'.repeat(40),
    type: 'feat',
    subject: 'x',
    breaking: false,
    notes: [],
    pr: 3,
  };
  it('takes the pull requests the entries name or whose merge commit is in the range, newest first', () => {
    const pulls = [
      { number: 9, title: 'unrelated', body: '## Risk\nnone' },
      { number: 3, title: 'add x', body: '## Risk\nlow' },
      { number: 5, title: 'merged', body: '', mergeCommitSha: 'b'.repeat(40) },
    ];
    expect(
      collectRiskAssessments(
        [entry],
        [{ sha: 'b'.repeat(40), message: 'Merge' }],
        pulls,
        changeRequest,
      ),
    ).toEqual([
      { number: 5, title: 'merged', risk: '' },
      { number: 3, title: 'add x', risk: 'low' },
    ]);
  });

  it('renders them as the Risk assessment section, text neutralized', async () => {
    const markdown = await renderReleaseNotes(
      {
        version: '1.0.0',
        date: '2026-01-02',
        entries: [entry],
        risks: [
          { number: 5, title: 'merged <b>', risk: '' },
          { number: 3, title: 'add x', risk: 'low\n@ops knows' },
        ],
      },
      { ...makePolicy().changelog, contributors: false },
    );
    expect(markdown).toBe(
      [
        '## 1.0.0 (2026-01-02)',
        '',
        '### Features',
        '',
        `* x (#3) aaaaaaa`,
        '',
        '### Risk assessment',
        '',
        '* #5 merged &lt;b&gt;: not stated',
        '* #3 add x:',
        '  low',
        '  @\u200bops knows',
        '',
      ].join('\n'),
    );
  });
});
