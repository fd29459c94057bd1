import { describe, expect, it } from '@jest/globals';
import { ChangelogFileError, insertReleaseNotes } from './changelog-file.js';

const NOTES_1_1 =
  '## [1.1.0](https://x/compare/v1.0.0...v1.1.0) (2026-01-02)\n\n### Features\n\n* b\n';
const EXISTING =
  '# Changelog\n\nHand-written intro.\n\n## 1.0.0 (2025-01-01)\n\n* a  \t\n\n### [0.9.1] old\n\n* z\n';

describe('insertReleaseNotes', () => {
  it('puts new notes under the title and keeps every byte below it', () => {
    expect(
      insertReleaseNotes(
        '# Changelog\n\n## 1.0.0 (2025-01-01)\n\n* a  \t\n',
        '1.1.0',
        NOTES_1_1,
        'CHANGELOG.md',
      ),
    ).toBe(`# Changelog\n\n${NOTES_1_1}\n## 1.0.0 (2025-01-01)\n\n* a  \t\n`);
  });

  it('replaces the section of the same version only, however often it runs', () => {
    const once = insertReleaseNotes(
      `# Changelog\n\n${NOTES_1_1}\n## 1.0.0 (2025-01-01)\n\n* a\n`,
      '1.1.0',
      NOTES_1_1.replace('* b', '* c'),
      'CHANGELOG.md',
    );
    expect(once).toBe(
      `# Changelog\n\n${NOTES_1_1.replace('* b', '* c')}\n## 1.0.0 (2025-01-01)\n\n* a\n`,
    );
    expect(insertReleaseNotes(once, '1.1.0', NOTES_1_1.replace('* b', '* c'), 'CHANGELOG.md')).toBe(
      once,
    );
  });

  it('replaces an older version in the middle without touching the others', () => {
    expect(
      insertReleaseNotes(EXISTING, '1.0.0', '## 1.0.0 (2025-01-03)\n\n* new\n', 'CHANGELOG.md'),
    ).toBe(
      '# Changelog\n\nHand-written intro.\n\n## 1.0.0 (2025-01-03)\n\n* new\n\n### [0.9.1] old\n\n* z\n',
    );
  });

  it.each([
    ['an empty file', '', `# Changelog\n\n${NOTES_1_1}`],
    ['a file without a title', '## 1.0.0\n\n* a\n', `${NOTES_1_1}\n## 1.0.0\n\n* a\n`],
  ])('handles %s', (_name, existing, expected) => {
    expect(insertReleaseNotes(existing, '1.1.0', NOTES_1_1, 'CHANGELOG.md')).toBe(expected);
  });

  it('keeps a 100,000-line changelog below the new notes', () => {
    const old = Array.from({ length: 100_000 }, (_, i) => `* line ${i}`).join('\n');
    const text = insertReleaseNotes(
      `# Changelog\n\n## 1.0.0\n\n${old}\n`,
      '1.1.0',
      NOTES_1_1,
      'CHANGELOG.md',
    );
    expect(text).toBe(`# Changelog\n\n${NOTES_1_1}\n## 1.0.0\n\n${old}\n`);
  });

  it('refuses a file with conflict markers, naming the line', () => {
    expect(() =>
      insertReleaseNotes(
        '# Changelog\n<<<<<<< HEAD\na\n=======\nb\n>>>>>>> x\n',
        '1.1.0',
        NOTES_1_1,
        'CHANGELOG.md',
      ),
    ).toThrow(
      new ChangelogFileError(
        '"CHANGELOG.md" has a git conflict marker on line 2: "<<<<<<< HEAD". Resolve the conflict and commit the file, then run again; the file was left untouched.',
      ),
    );
  });

  describe('a released version', () => {
    const OLD =
      '# Changelog\n\n## 1.0.0 (2025-01-01)\n\n* a ([abc1234](https://x/commit/abc1234aaaaaaaaa))\n';
    const SAME =
      '## 1.0.0 (2025-02-02)\n\n* a, reworded ([abc1234](https://x/commit/abc1234aaaaaaaaa))\n';
    const OTHER = '## 1.0.0 (2025-02-02)\n\n* later 1234def\n';

    it('replaces its section with notes of the same commits', () => {
      expect(insertReleaseNotes(OLD, '1.0.0', SAME, 'CHANGELOG.md', { released: true })).toBe(
        `# Changelog\n\n${SAME}`,
      );
    });

    it('refuses notes of other commits, naming those lost and those added', () => {
      expect(() =>
        insertReleaseNotes(OLD, '1.0.0', OTHER, 'CHANGELOG.md', { released: true }),
      ).toThrow(
        new ChangelogFileError(
          '"CHANGELOG.md" already has the notes of "1.0.0", a released version, and other commits would replace them: ' +
            'it has 1 commit the new notes lack (abc1234); the new notes have 1 commit it lacks (1234def). ' +
            'Released notes are never replaced by notes of other commits: put commits made after the release under the next version ' +
            '(e.g. release-policy changelog --write CHANGELOG.md, which names the version the commits call for), ' +
            'and to rewrite the released notes, edit or delete that section by hand first. The file was left untouched. See docs/cli.md#changelog',
        ),
      );
    });

    it('replaces an unreleased section with any notes', () => {
      expect(insertReleaseNotes(OLD, '1.0.0', OTHER, 'CHANGELOG.md')).toBe(
        `# Changelog\n\n${OTHER}`,
      );
    });
  });
});
