import { describe, it, expect } from '@jest/globals';
import { documentVersion, mentionsVersion } from './document-version.js';
import { makePolicy } from '../testing/policies.js';
import { makeDocumentFacts } from '../testing/document-facts.js';

const now = new Date('2025-01-01T00:00:00Z');
const FILE = 'docs/release/release-notes.md';

describe('mentionsVersion', () => {
  it.each([
    ['## 1.4.0\n', true],
    ['Released v1.4.0.', true],
    ['(1.4.0)', true],
    ['11.4.0', false],
    ['1.4.0.1', false],
    ['1.4.0-rc.1', false],
    ['v1.4.01', false],
    ['', false],
  ])('%j mentions 1.4.0: %j', (text, expected) => {
    expect(mentionsVersion(text, '1.4.0')).toBe(expected);
  });
});

describe('document-version', () => {
  const policy = makePolicy();
  it.each([
    ['# Release 1.4.0\n', []],
    [
      '# Release 11.4.0\n',
      [
        `The document "${FILE}", required for a minor release (the release type "minor" given), does not mention the version "1.4.0" being released. Name it as a whole word, e.g. "## 1.4.0" or "v1.4.0".`,
      ],
    ],
  ])('checks %j', (text, expected) => {
    const facts = makeDocumentFacts(policy, {
      releaseType: 'minor',
      version: '1.4.0',
      files: { [FILE]: text },
    });
    expect(documentVersion.applies({ facts, policy, now })).toBe(true);
    expect(documentVersion.evaluate({ facts, policy, now }).map((f) => f.message)).toEqual(
      expected,
    );
  });

  it('is skipped when the version is not known', () => {
    const facts = makeDocumentFacts(policy, { releaseType: 'minor', files: { [FILE]: 'x' } });
    expect(documentVersion.applies({ facts, policy, now })).toBe(false);
  });
});
