import { describe, it, expect } from '@jest/globals';
import { documentUpdated } from './document-updated.js';
import { makePolicy } from '../testing/policies.js';
import { makeDocumentFacts } from '../testing/document-facts.js';

const now = new Date('2025-01-01T00:00:00Z');
const FILE = 'docs/release/rollback.md';
const policy = makePolicy({
  documents: [
    {
      path: FILE,
      requiredFor: ['patch'],
      sections: [],
      mentionVersion: false,
      updated: true,
      placeholders: [],
    },
  ],
});

describe('document-updated', () => {
  it.each<[string, boolean | undefined, string[]]>([
    ['changed since the previous release', true, []],
    ['no previous release to compare with', undefined, []],
    [
      'unchanged since the previous release',
      false,
      [
        `The document "${FILE}", required for a patch release (the release type "patch" given), has not changed since the previous release "v1.4.0". Update it for this release.`,
      ],
    ],
  ])('%s', (_name, changed, expected) => {
    const facts = makeDocumentFacts(policy, {
      releaseType: 'patch',
      since: 'v1.4.0',
      files: { [FILE]: { size: 4, text: 'text', ...(changed === undefined ? {} : { changed }) } },
    });
    expect(documentUpdated.evaluate({ facts, policy, now }).map((f) => f.message)).toEqual(
      expected,
    );
  });
});
