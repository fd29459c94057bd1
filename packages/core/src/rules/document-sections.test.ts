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
        [8, `${where} has no section "Rollback" (or "回滚").`],
        [8, `${where} has no section "Verification".`],
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
