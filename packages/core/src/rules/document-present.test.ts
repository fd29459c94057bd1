import { describe, it, expect } from '@jest/globals';
import { documentPresent } from './document-present.js';
import { makePolicy } from '../testing/policies.js';
import { makeDocumentFacts, type DocumentFactsInput } from '../testing/document-facts.js';

const now = new Date('2025-01-01T00:00:00Z');
const policy = makePolicy({
  documents: [
    {
      path: 'docs/release/rollback.md',
      requiredFor: ['major', 'minor'],
      sections: [],
      mentionVersion: false,
      updated: false,
      placeholders: [],
    },
  ],
});

function run(input: DocumentFactsInput) {
  const ctx = { facts: makeDocumentFacts(policy, input), policy, now };
  if (!documentPresent.applies(ctx)) return 'skipped';
  return documentPresent.evaluate(ctx).map((f) => [f.file, f.line, f.message]);
}

const where =
  '"docs/release/rollback.md", required for a minor release (the release type "minor" given),';

describe('document-present', () => {
  it('is an error-level docs rule', () => {
    expect(documentPresent).toMatchObject({
      id: 'document-present',
      check: 'docs',
      defaultSeverity: 'error',
    });
  });

  it.each<[string, DocumentFactsInput, unknown]>([
    ['a run that does not release', { files: {} }, 'skipped'],
    ['a release type that does not need the document', { releaseType: 'patch', files: {} }, []],
    [
      'a present text document',
      { releaseType: 'minor', files: { 'docs/release/rollback.md': '# Rollback\nrun it\n' } },
      [],
    ],
    [
      'a missing document',
      { releaseType: 'minor', files: {} },
      [
        [
          'docs/release/rollback.md',
          undefined,
          `The document ${where} is missing: no file in the repository matches it. Add it, e.g. with "release-policy init --docs", which writes a template to fill in.`,
        ],
      ],
    ],
    [
      'an empty document',
      { releaseType: 'minor', files: { 'docs/release/rollback.md': ' \n\n' } },
      [
        [
          'docs/release/rollback.md',
          1,
          `The document ${where} is empty. Expected a Markdown text file with its required sections.`,
        ],
      ],
    ],
    [
      'a binary document',
      {
        releaseType: 'minor',
        files: { 'docs/release/rollback.md': { size: 10, problem: 'binary' } },
      },
      [
        [
          'docs/release/rollback.md',
          undefined,
          `The document ${where} is a binary file, not a text document. Expected a Markdown text file with its required sections.`,
        ],
      ],
    ],
    [
      'a 20 MB document',
      {
        releaseType: 'minor',
        files: { 'docs/release/rollback.md': { size: 20_000_000, problem: 'too-large' } },
      },
      [
        [
          'docs/release/rollback.md',
          undefined,
          `The document ${where} is 20000000 bytes, larger than the 1 MiB limit for documents, so it was not read. Expected a Markdown text file with its required sections.`,
        ],
      ],
    ],
  ])('%s', (_name, input, expected) => {
    expect(run(input)).toEqual(expected);
  });
});

describe('document-present with a glob', () => {
  const globPolicy = makePolicy({
    documents: [
      {
        path: 'docs/release/*.md',
        requiredFor: ['major'],
        sections: [],
        mentionVersion: false,
        updated: false,
        placeholders: [],
      },
    ],
  });

  it('reports a glob that matches nothing on the glob', () => {
    const facts = makeDocumentFacts(globPolicy, { releaseType: 'major' });
    expect(
      documentPresent.evaluate({ facts, policy: globPolicy, now }).map((f) => [f.file, f.message]),
    ).toEqual([
      [
        'docs/release/*.md',
        'The document "docs/release/*.md", required for a major release (the release type "major" given), is missing: no file in the repository matches it. Add it, e.g. with "release-policy init --docs", which writes a template to fill in.',
      ],
    ]);
  });
});
