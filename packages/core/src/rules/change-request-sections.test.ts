import { describe, it, expect } from '@jest/globals';
import { changeRequestSections } from './change-request-sections.js';
import { makePolicy } from '../testing/policies.js';
import { FILLED_CHANGE_REQUEST, makePullRequest } from '../testing/document-facts.js';
import type { PullRequestFacts } from '../facts.js';
import { renderPullRequestTemplate } from '../checks/docs/templates.js';

const now = new Date('2025-01-01T00:00:00Z');
const policy = makePolicy();

function run(overrides: Partial<PullRequestFacts>): string[] | 'skipped' {
  const ctx = { facts: { pullRequest: makePullRequest(overrides) }, policy, now };
  if (!changeRequestSections.applies(ctx)) return 'skipped';
  return changeRequestSections.evaluate(ctx).map((f) => {
    expect(f.file).toBeUndefined();
    return f.message.slice(0, f.message.indexOf('. '));
  });
}

const missing = (title: string, alias: string) =>
  `The description of pull request #7 has no section "${title}" (or "${alias}")`;
const ALL_MISSING = [
  missing('Reason', '变更原因'),
  missing('Impact analysis', '影响分析'),
  missing('Verification plan', '验证计划'),
  missing('Risk', '风险'),
];

describe('change-request-sections', () => {
  it.each<[string, Partial<PullRequestFacts>, string[] | 'skipped']>([
    ['a filled-in change request', { body: FILLED_CHANGE_REQUEST }, []],
    [
      'the procedure’s own titles',
      { body: '# 变更原因\n修复\n# 影响分析\n登录\n# 验证计划\n测试\n# 风险\n低\n' },
      [],
    ],
    ['an empty body (GitHub sends null)', { body: '' }, ALL_MISSING],
    [
      'a body that is only the template',
      {
        body: '## Reason\n\n<why>\n\n## Impact analysis\nTODO\n## Verification plan\n\n## Risk\n…\n',
      },
      [
        'The description of pull request #7 has only placeholder text in the section "Reason"',
        'The description of pull request #7 has only placeholder text in the section "Impact analysis"',
        'The description of pull request #7 has an empty section "Verification plan"',
        'The description of pull request #7 has only placeholder text in the section "Risk"',
      ],
    ],
    [
      'a body that is exactly the pull request template "init" writes',
      { body: renderPullRequestTemplate(policy).text },
      [
        'The description of pull request #7 has only placeholder text in the section "Reason"',
        'The description of pull request #7 has only placeholder text in the section "Impact analysis"',
        'The description of pull request #7 has only placeholder text in the section "Verification plan"',
        'The description of pull request #7 has only placeholder text in the section "Risk"',
      ],
    ],
    [
      'zero-width and full-width characters inside the headings',
      {
        body: '## Rea\u200Bson\nSSO fails\n## Ｉｍｐａｃｔ ａｎａｌｙｓｉｓ\nlogin\n## \uFEFFVerification\u200D plan\nstaging\n## ＲＩＳＫ\nlow\n',
      },
      [],
    ],
    [
      'sections only inside a quote or a code fence',
      { body: `> ## Reason\n> x\n\n\`\`\`\n${FILLED_CHANGE_REQUEST}\`\`\`\n` },
      ALL_MISSING,
    ],
    [
      'a 65,536-character body',
      { body: `${FILLED_CHANGE_REQUEST}${'x'.repeat(65_536 - FILLED_CHANGE_REQUEST.length)}` },
      [],
    ],
    ['an exempt label', { labels: ['dependencies'] }, 'skipped'],
    ['an exempt bot', { author: 'dependabot[bot]', authorType: 'Bot' }, 'skipped'],
  ])('%s', (_name, overrides, expected) => {
    expect(run(overrides)).toEqual(expected);
  });
});
