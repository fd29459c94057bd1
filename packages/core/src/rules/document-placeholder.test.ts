import { describe, it, expect } from '@jest/globals';
import { documentPlaceholder } from './document-placeholder.js';
import { makePolicy } from '../testing/policies.js';
import { makeDocumentFacts } from '../testing/document-facts.js';

const now = new Date('2025-01-01T00:00:00Z');
const FILE = 'docs/release/notes.md';
const policy = makePolicy({
  documents: [
    {
      path: FILE,
      requiredFor: ['minor'],
      sections: [
        { title: 'Changes', aliases: [] },
        { title: 'Risk', aliases: [] },
      ],
      mentionVersion: false,
      updated: false,
      template: 'docs/release/templates/notes.md',
      placeholders: ['TODO', 'TBD', '<…>', '…'],
    },
  ],
});

function run(file: {
  text: string;
  sameAsTemplate?: boolean;
}): Array<[number | undefined, string]> {
  const facts = makeDocumentFacts(policy, {
    releaseType: 'minor',
    files: { [FILE]: { size: file.text.length, ...file } },
  });
  return documentPlaceholder.evaluate({ facts, policy, now }).map((f) => [f.line, f.message]);
}

const where = `"${FILE}", required for a minor release (the release type "minor" given),`;

describe('document-placeholder', () => {
  it.each<
    [string, { text: string; sameAsTemplate?: boolean }, Array<[number | undefined, string]>]
  >([
    [
      'a filled-in document',
      { text: '## Changes\n- login\n## Risk\nlow\n', sameAsTemplate: false },
      [],
    ],
    [
      'placeholder sections, each at its first placeholder line',
      { text: '## Changes\n\n- TODO\n## Risk\n<low, medium or high>\n' },
      [
        [
          3,
          `The section "Changes" of the document ${where} holds only placeholder text (TODO, TBD, <…>, …). Replace it with the real content.`,
        ],
        [
          5,
          `The section "Risk" of the document ${where} holds only placeholder text (TODO, TBD, <…>, …). Replace it with the real content.`,
        ],
      ],
    ],
    [
      'a document that is only its template',
      { text: '## Changes\nTBD\n## Risk\nsome\n', sameAsTemplate: true },
      [
        [
          1,
          `The document ${where} is still identical to its template "docs/release/templates/notes.md". Fill it in for this release.`,
        ],
        [
          2,
          `The section "Changes" of the document ${where} holds only placeholder text (TODO, TBD, <…>, …). Replace it with the real content.`,
        ],
      ],
    ],
  ])('%s', (_name, file, expected) => {
    expect(run(file)).toEqual(expected);
  });
});
