/**
 * Reads and writes the changelog file: strict UTF-8, and atomic writes (a
 * temporary file beside it, then a rename), so a failed run leaves the old
 * file whole. The text itself is computed by core's `insertReleaseNotes`.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ChangelogFileError, insertReleaseNotes, quoteValue } from '@release-policy/core';

/**
 * The changelog's text, `''` when the file does not exist.
 * @throws ChangelogFileError when the file is not UTF-8
 */
export async function readChangelogFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    // A missing file is a changelog without releases yet; other errors (a folder, no access) are real.
    // (Matched by shape: Node's errors may come from another realm.)
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT')
      return '';
    throw error;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new ChangelogFileError(
      `${quoteValue(path)} is not UTF-8 text, so the release notes cannot be added to it safely. ` +
        'Convert it to UTF-8 (e.g. iconv -f latin1 -t utf-8) and commit it; the file was left untouched.',
      { cause: error },
    );
  }
}

/**
 * Puts one release's notes into the changelog at `path` (see core's
 * `insertReleaseNotes`) and writes it atomically; returns the new text.
 * @throws ChangelogFileError when the file is not UTF-8 or has conflict markers (the file is untouched)
 */
export async function writeChangelogFile(
  path: string,
  version: string,
  notes: string,
  label = basename(path),
): Promise<string> {
  return writeReleasesToChangelog(path, [{ version, notes }], label);
}

/**
 * Puts several releases' notes into the changelog at `path`, in the order
 * given (oldest first ends with the newest on top), with one read and one
 * atomic write; returns the new text.
 * @throws ChangelogFileError when the file is not UTF-8 or has conflict markers (the file is untouched)
 */
export async function writeReleasesToChangelog(
  path: string,
  releases: readonly { version: string; notes: string }[],
  label = basename(path),
): Promise<string> {
  let text = await readChangelogFile(path);
  for (const release of releases)
    text = insertReleaseNotes(text, release.version, release.notes, label);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return text;
}
