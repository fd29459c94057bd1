import { describe, it, expect } from '@jest/globals';
import { documentSections } from './document-sections.js';
import { makePolicy } from '../testing/policies.js';
import { makeDocumentFacts } from '../testing/document-facts.js';

const now = new Date('2025-01-01T00:00:00Z');
const FILE = 'docs/release/rollback.md';
const policy = makePolicy({
  documents: [
    {
      path: FILE,
      requiredFor: ['patch'],
      sections: [
        { title: 'Triggers', aliases: [] },
        { title: 'Rollback', aliases: ['回滚'] },
        { title: 'Verification', aliases: [] },
      ],
      mentionVersion: false,
      updated: false,
      placeholders: ['TODO'],
    },
  ],
});

function run(text: string): Array<[number | undefined, string]> {
  const facts = makeDocumentFacts(policy, { releaseType: 'patch', files: { [FILE]: text } });
  return documentSections
    .evaluate({ facts, policy, now })
    .map((f) => [f.line, f.message.slice(0, f.message.indexOf('. ') + 1)]);
}

const where = `The document "${FILE}", required for a patch release (the release type "patch" given),`;

describe('document-sections', () => {
  it.each<[string, string, Array<[number | undefined, string]>]>([
    [
      'every section filled in',
      '# Triggers\nerrors\n## Rollback\nredeploy\n## Verification\nsmoke\n',
      [],
    ],
    [
      'an alias and any level, case-insensitively',
      '### triggers\nx\n# 回滚\ny\n## VERIFICATION\nz\n',
      [],
    ],
    [
      'a missing section, at the end of the section before it',
      '## Triggers\nerrors\nmore\n\n## Verification\nsmoke\n',
      [[3, `${where} has no section "Rollback" (or "回滚").`]],
    ],
    [
      'a missing first section, at the next one',
      '# Intro\n\n## Rollback\nredeploy\n## Verification\nsmoke\n',
      [[3, `${where} has no section "Triggers".`]],
    ],
    [
      'a section only inside a quote or a code fence',
      '# Triggers\nx\n> ## Rollback\n> y\n\n```\n## Verification\n```\n',
      [
        [
          8,
          `${where} lacks 2 required sections with content: "Rollback" (or "回滚") (missing, line 8), "Verification" (missing, line 8).`,
        ],
      ],
    ],
    [
      'an empty section, at its heading',
      '# Triggers\n\n## Rollback\n<!-- how -->\n## Verification\nsmoke\n',
      [
        [
          3,
          'The section "Rollback" of the document "docs/release/rollback.md", required for a patch release (the release type "patch" given), is empty.',
        ],
      ],
    ],
    [
      'zero-width and full-width characters in headings',
      '# Trig\u200Bgers\nx\n# Ｒｏｌｌｂａｃｋ\ny\n# Verification\nz\n',
      [],
    ],
  ])('%s', (_name, text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

describe('document-sections with several gaps', () => {
  it('makes one finding per document at its first gap, listing every gap with its line in data', () => {
    const facts = makeDocumentFacts(policy, {
      releaseType: 'patch',
      files: { [FILE]: '# Intro\nx\n\n## Rollback\n\n## Notes\ny\n' },
    });
    const findings = documentSections.evaluate({ facts, policy, now });
    expect(findings).toEqual([
      {
        file: FILE,
        line: 4,
        message: `${where} lacks 3 required sections with content: "Triggers" (missing, line 4), "Rollback" (or "回滚") (empty, line 4), "Verification" (missing, line 4). Add each heading with its content, for example "## Triggers" followed by a paragraph.`,
        hint: 'Add or fill in each section listed, starting with "## Triggers" here.',
        data: {
          kind: 'documents',
          documents: [
            {
              path: FILE,
              sections: [
                { title: 'Triggers', gap: 'missing', line: 4 },
                { title: 'Rollback', gap: 'empty', line: 4 },
                { title: 'Verification', gap: 'missing', line: 4 },
              ],
            },
          ],
        },
      },
    ]);
  });

  it('names the first three sections and counts the rest', () => {
    const many = makePolicy({
      documents: [
        {
          path: FILE,
          requiredFor: ['patch'],
          sections: ['A', 'B', 'C', 'D', 'E'].map((title) => ({ title, aliases: [] })),
          mentionVersion: false,
          updated: false,
          placeholders: [],
        },
      ],
    });
    const facts = makeDocumentFacts(many, { releaseType: 'patch', files: { [FILE]: '# Z\nz\n' } });
    const [finding] = documentSections.evaluate({ facts, policy: many, now });
    expect(finding?.message).toContain(
      'lacks 5 required sections with content: "A" (missing, line 1), "B" (missing, line 1), "C" (missing, line 1) and 2 more.',
    );
    expect(finding?.data?.kind === 'documents' && finding.data.documents[0]?.sections.length).toBe(
      5,
    );
  });
});
