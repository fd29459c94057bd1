/**
 * Reads and writes the changelog file: strict UTF-8, and atomic writes (a
 * temporary file beside it, then a rename), so a failed run leaves the old
 * file whole. The text itself is computed by core's `insertReleaseNotes`.
 */
import { constants } from 'node:fs';
import { open, realpath, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  ChangelogFileError,
  explainVersionFilePath,
  insertReleaseNotes,
  quoteShellArgument,
  quoteValue,
  readErrorCode,
} from '@release-policy/core';
import { isInsideRepository } from './inside.js';

/** The largest changelog read: far above a long project's (100,000 lines is about 8 MB). */
export const MAX_CHANGELOG_BYTES = 32 * 1024 * 1024;

/**
 * The changelog's absolute path for the policy's `changelog.file` inside the
 * repository at `root`: a relative path without `..`, whose folder (after
 * symbolic links) is inside the repository and not inside `.git`.
 * @throws ChangelogFileError naming the path and what a changelog path is
 */
export async function resolveChangelogPath(root: string, file: string): Promise<string> {
  const problem = explainVersionFilePath(file);
  const teach = `The changelog is a file inside the repository, e.g. changelog.file: CHANGELOG.md; the file was left untouched.`;
  if (problem !== undefined) {
    throw new ChangelogFileError(`changelog.file ${quoteValue(file)} ${problem}. ${teach}`);
  }
  const path = join(root, file);
  const [realRoot, realFolder] = await Promise.all([
    realpath(root),
    realpath(dirname(path)).catch(() => undefined),
  ]);
  // A folder that does not exist yet holds nothing to follow; the write refuses it, naming it.
  if (realFolder === undefined) return path;
  if (!isInsideRepository(realRoot, realFolder)) {
    throw new ChangelogFileError(
      `changelog.file ${quoteValue(file)} is in a folder that leads outside the repository (a symbolic link) or into .git. ${teach}`,
    );
  }
  return path;
}

/** Reads at most `limit + 1` bytes of an open file. */
async function readBounded(handle: FileHandle, limit: number): Promise<Buffer | undefined> {
  const buffer = Buffer.alloc(Math.min(limit + 1, (await handle.stat()).size + 1));
  let length = 0;
  while (length < buffer.length) {
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return length > limit ? undefined : buffer.subarray(0, length);
}

/**
 * The changelog's bytes: a regular file (never through a symbolic link, a
 * FIFO or a device), at most {@link MAX_CHANGELOG_BYTES}; undefined when absent.
 */
async function readChangelogBytes(path: string): Promise<Buffer | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = readErrorCode(error);
    if (code === 'ENOENT') return undefined;
    const why =
      code === 'ELOOP' || code === 'EMLINK'
        ? 'it is a symbolic link; a changelog is a regular file, and a link is never followed'
        : `it cannot be opened (${code ?? 'error'})`;
    throw new ChangelogFileError(
      `${quoteValue(path)} was not read: ${why}. The file was left untouched.`,
      {
        cause: error,
      },
    );
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      throw new ChangelogFileError(
        `${quoteValue(path)} is not a regular file (a folder, a FIFO or a device), so no release notes were added to it.`,
      );
    }
    const bytes = await readBounded(handle, MAX_CHANGELOG_BYTES);
    if (bytes === undefined) {
      throw new ChangelogFileError(
        `${quoteValue(path)} is larger than ${MAX_CHANGELOG_BYTES} bytes, so it was not read. Move older releases to another file; the file was left untouched.`,
      );
    }
    return bytes;
  } finally {
    await handle.close();
  }
}

/**
 * The changelog's text, `''` when the file does not exist.
 * @throws ChangelogFileError when the file is a link, not a regular file, too large or not UTF-8
 */
export async function readChangelogFile(path: string): Promise<string> {
  // A missing file is a changelog without releases yet.
  const bytes = await readChangelogBytes(path);
  if (bytes === undefined) return '';
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

/** One release's notes for the changelog file. */
export interface ChangelogRelease {
  version: string;
  notes: string;
  /** The version has a release tag: its section is never replaced by notes of other commits. */
  released?: boolean;
}

/**
 * Puts one release's notes into the changelog at `path` (see core's
 * `insertReleaseNotes`) and writes it atomically; returns the new text.
 * @throws ChangelogFileError when the file is not UTF-8, has conflict markers,
 *   holds other notes of the released version, or its folder does not exist
 *   (the file is untouched)
 */
export async function writeChangelogFile(
  path: string,
  version: string,
  notes: string,
  label = basename(path),
  options: { released?: boolean } = {},
): Promise<string> {
  return writeReleasesToChangelog(path, [{ version, notes, ...options }], label);
}

/**
 * Puts several releases' notes into the changelog at `path`, in the order
 * given (oldest first ends with the newest on top), with one read and one
 * atomic write; returns the new text.
 * @throws ChangelogFileError when the file is not UTF-8, has conflict markers,
 *   holds other notes of a released version, or its folder does not exist
 *   (the file is untouched)
 */
export async function writeReleasesToChangelog(
  path: string,
  releases: readonly ChangelogRelease[],
  label = basename(path),
): Promise<string> {
  let text = await readChangelogFile(path);
  for (const release of releases) {
    text = insertReleaseNotes(text, release.version, release.notes, label, {
      released: release.released === true,
    });
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw convertMissingFolder(path, label, error) ?? error;
  }
  return text;
}

/**
 * The error for a write that failed because the changelog's folder is not
 * there, naming the folder as given and the fix; never the temporary file's
 * name. Undefined for any other failure. (A folder that is a file already
 * failed the read.)
 */
function convertMissingFolder(
  path: string,
  label: string,
  error: unknown,
): ChangelogFileError | undefined {
  if (readErrorCode(error) !== 'ENOENT') return undefined;
  const folder = label.includes('/') ? dirname(label) : dirname(path);
  return new ChangelogFileError(
    `The folder ${quoteValue(folder)} of the changelog ${quoteValue(label)} does not exist, so no release notes were written. ` +
      `Create the folder first (mkdir -p ${quoteShellArgument(folder)}), or give a changelog in an existing folder, e.g. CHANGELOG.md.`,
    { cause: error },
  );
}
