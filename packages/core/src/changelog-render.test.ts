import { describe, expect, it } from '@jest/globals';
import type { ChangelogEntry } from './changelog-entries.js';
import { groupChangelogEntries, renderReleaseNotes } from './changelog-render.js';
import { makePolicy } from './testing/policies.js';

const policy = makePolicy().changelog;
const sha = (c: string): string => c.repeat(40);

const ENTRIES: ChangelogEntry[] = [
  {
    sha: sha('a'),
    type: 'feat',
    scope: 'api',
    subject: 'add tokens CHG-12',
    breaking: true,
    notes: ['tokens expire'],
    pr: 12,
    author: 'Ada',
  },
  {
    sha: sha('b'),
    type: 'fix',
    subject: 'close </details> for @someone',
    breaking: false,
    notes: [],
    author: 'Bob',
  },
  { sha: sha('c'), type: 'docs', subject: 'explain', breaking: false, notes: [], author: 'Ada' },
];

describe('groupChangelogEntries', () => {
  it('lists breaking changes first, then the visible types in policy order', () => {
    expect(
      groupChangelogEntries(ENTRIES, policy).map((s) => [s.title, s.entries.map((e) => e.sha[0])]),
    ).toEqual([
      ['⚠ BREAKING CHANGES', ['a']],
      ['Features', ['a']],
      ['Bug Fixes', ['b']],
    ]);
  });

  it('follows titles, order and hidden from the policy', () => {
    const custom = {
      ...policy,
      sections: [
        { type: 'docs', title: 'Docs', hidden: false },
        { type: 'feat', title: 'New', hidden: true },
      ],
    };
    expect(groupChangelogEntries(ENTRIES, custom).map((s) => s.title)).toEqual([
      '⚠ BREAKING CHANGES',
      'Docs',
    ]);
  });
});

describe('renderReleaseNotes', () => {
  it('writes the sections with links, tickets, neutralized text and contributors', async () => {
    const markdown = await renderReleaseNotes(
      {
        version: '1.4.0',
        previousTag: 'v1.3.0',
        tag: 'v1.4.0',
        date: '2026-01-02',
        repository: { host: 'https://github.com', owner: 'o', name: 'r' },
        entries: ENTRIES,
      },
      { ...policy, ticketPrefixes: ['CHG-'], ticketUrl: 'https://t.example/browse/{ticket}' },
    );
    expect(markdown).toBe(
      [
        '## [1.4.0](https://github.com/o/r/compare/v1.3.0...v1.4.0) (2026-01-02)',
        '',
        '### ⚠ BREAKING CHANGES',
        '',
        '* **api:** tokens expire',
        '',
        '### Features',
        '',
        `* **api:** add tokens [CHG-12](https://t.example/browse/CHG-12) ([#12](https://github.com/o/r/issues/12)) ([aaaaaaa](https://github.com/o/r/commit/${sha('a')}))`,
        '',
        '### Bug Fixes',
        '',
        `* close &lt;/details&gt; for @\u200bsomeone ([bbbbbbb](https://github.com/o/r/commit/${sha('b')}))`,
        '',
        '### Contributors',
        '',
        '* Ada',
        '* Bob',
        '',
      ].join('\n'),
    );
  });

  it('writes no links without a repository', async () => {
    const markdown = await renderReleaseNotes(
      { version: '0.1.0', date: '2026-01-02', entries: [ENTRIES[1] as ChangelogEntry] },
      { ...policy, contributors: false },
    );
    expect(markdown).toBe(
      [
        '## 0.1.0 (2026-01-02)',
        '',
        '### Bug Fixes',
        '',
        `* close &lt;/details&gt; for @\u200bsomeone bbbbbbb`,
        '',
      ].join('\n'),
    );
  });
});
