/**
 * The text of a changelog file with one release's notes put in: at the top,
 * under the title, or in place of that version's earlier notes. Every other
 * byte stays as it was. Pure; the adapters read and write the file.
 */
import { ReleasePolicyError } from './errors.js';
import { quoteValue } from './text.js';

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

/**
 * Puts a release's notes into a changelog's text: replaces the section of
 * the same version when there is one (up to the next version heading), else
 * inserts the notes at the top, under the `# Title` line when the file starts
 * with one. A new file gets the title `# Changelog`.
 *
 * @throws ChangelogFileError when the text has git conflict markers.
 */
export function insertReleaseNotes(
  existing: string,
  version: string,
  notes: string,
  path: string,
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
