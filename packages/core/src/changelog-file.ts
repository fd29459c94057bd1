/**
 * The text of a changelog file with one release's notes put in: at the top,
 * under the title, or in place of that version's earlier notes. Every other
 * byte stays as it was. Pure; the adapters read and write the file.
 */
import { ReleasePolicyError } from './errors.js';
import { plural, quoteValue } from './text.js';

/** The changelog file cannot take the notes: it is not UTF-8, or it has conflict markers. */
export class ChangelogFileError extends ReleasePolicyError {
  /** Printed as `error.type` and `name`; see {@link ReleasePolicyError.type}. */
  static override readonly type = 'ChangelogFileError';
}

const CONFLICT_MARKERS = ['<<<<<<< ', '=======', '>>>>>>> '];

/** The version a heading line names (`## [1.4.0](...) (date)`, `### 1.4.0`), or undefined. */
function readHeadingVersion(line: string): string | undefined {
  const match = /^#{1,3} \[?v?(\d+\.\d+\.\d+[0-9A-Za-z.+-]*)\]?/.exec(line);
  return match?.[1];
}

/** The line index where a new section goes: after a leading `# Title` and its blank lines. */
function findInsertionLine(lines: readonly string[]): number {
  if (!(lines[0] ?? '').startsWith('# ') || readHeadingVersion(lines[0] ?? '') !== undefined)
    return 0;
  let i = 1;
  while (i < lines.length && lines[i]?.trim() === '') i += 1;
  return i;
}

/** How {@link insertReleaseNotes} treats the version's section. */
export interface InsertReleaseNotesOptions {
  /**
   * The version is released (it has a release tag): its section in the file
   * is replaced only by notes of the same commits (a new date, a fixed
   * subject), never by notes of other commits.
   */
  released?: boolean;
}

/**
 * The commits a section names, by their abbreviated id (7 hex digits), its
 * heading line left out (a compare link may name a commit, and the date
 * changes from run to run). The notes name each commit as `abc1234` or
 * `[abc1234](…/commit/<full id>)`; the full id after `/commit/` is skipped.
 */
function listSectionCommits(lines: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const line of lines.slice(1)) {
    for (const match of line.matchAll(/(?<![0-9A-Za-z/])[0-9a-f]{7,40}(?![0-9A-Za-z])/g)) {
      ids.add(match[0].slice(0, 7));
    }
  }
  return ids;
}

/**
 * @throws ChangelogFileError when the released version's section in the file
 *   names other commits than the new notes: replacing it would lose the notes
 *   of what was released.
 */
function checkReleasedSection(
  old: readonly string[],
  notes: string,
  version: string,
  path: string,
): void {
  const before = listSectionCommits(old);
  const after = listSectionCommits(notes.trimEnd().split('\n'));
  const lost = [...before].filter((id) => !after.has(id));
  const added = [...after].filter((id) => !before.has(id));
  if (lost.length === 0 && added.length === 0) return;
  const first = (ids: string[]) => ids.slice(0, 5).join(', ') + (ids.length > 5 ? ', …' : '');
  const differences = [
    ...(lost.length > 0
      ? [`it has ${plural(lost.length, 'commit')} the new notes lack (${first(lost)})`]
      : []),
    ...(added.length > 0
      ? [`the new notes have ${plural(added.length, 'commit')} it lacks (${first(added)})`]
      : []),
  ];
  throw new ChangelogFileError(
    `${quoteValue(path)} already has the notes of ${quoteValue(version)}, a released version, and other commits would replace them: ${differences.join('; ')}. ` +
      'Released notes are never replaced by notes of other commits: put commits made after the release under the next version ' +
      '(e.g. release-policy changelog --write CHANGELOG.md, which names the version the commits call for), ' +
      'and to rewrite the released notes, edit or delete that section by hand first. The file was left untouched. See docs/cli.md#changelog',
  );
}

/**
 * Puts a release's notes into a changelog's text: replaces the section of
 * the same version when there is one (up to the next version heading), else
 * inserts the notes at the top, under the `# Title` line when the file starts
 * with one. A new file gets the title `# Changelog`.
 *
 * @throws ChangelogFileError when the text has git conflict markers, or when
 *   `options.released` and the version's section names other commits than `notes`.
 */
export function insertReleaseNotes(
  existing: string,
  version: string,
  notes: string,
  path: string,
  options: InsertReleaseNotesOptions = {},
): string {
  const lines = existing.split('\n');
  const conflict = lines.findIndex((line) =>
    CONFLICT_MARKERS.some((m) => line === m.trim() || line.startsWith(m)),
  );
  if (conflict !== -1) {
    throw new ChangelogFileError(
      `${quoteValue(path)} has a git conflict marker on line ${conflict + 1}: ${quoteValue(lines[conflict])}. ` +
        'Resolve the conflict and commit the file, then run again; the file was left untouched.',
    );
  }
  const block = `${notes.trimEnd()}\n`;
  if (existing === '') return `# Changelog\n\n${block}`;
  const start = lines.findIndex((line) => readHeadingVersion(line) === version);
  if (start !== -1) {
    let end = start + 1;
    while (end < lines.length && readHeadingVersion(lines[end] ?? '') === undefined) end += 1;
    if (options.released === true)
      checkReleasedSection(lines.slice(start, end), notes, version, path);
    const before = start > 0 ? `${lines.slice(0, start).join('\n')}\n` : '';
    return end < lines.length
      ? `${before}${block}\n${lines.slice(end).join('\n')}`
      : `${before}${block}`;
  }
  const at = findInsertionLine(lines);
  const head = lines.slice(0, at).join('\n');
  const tail = lines.slice(at).join('\n');
  return `${at > 0 ? `${head}\n` : ''}${block}\n${tail}`;
}
