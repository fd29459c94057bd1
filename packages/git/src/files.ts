import { readFile, realpath, stat } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { explainVersionFilePath, ReleasePolicyError } from '@release-policy/core';
import { isInsideRepository } from './inside.js';

/** Where version files are documented. */
export const VERSION_FILES_DOCS = 'docs/policy.md#versioning';

/** The largest version file read from disk, in bytes. */
export const MAX_VERSION_FILE_BYTES = 1024 * 1024;

/** A version file could not be read safely: outside the working tree or inside `.git`, not a regular file, or too large. */
export class FileAccessError extends ReleasePolicyError {
  /** Printed as `error.type` and `name`; see {@link ReleasePolicyError.type}. */
  static override readonly type = 'FileAccessError';
  /** The path as given by the policy. */
  readonly file: string;
  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.file = file;
  }
}

/**
 * Checks a policy's version-file path before anything is read. Returns a
 * teaching problem, or undefined when the path is a plain relative path that
 * stays inside the working tree (no `..` segment, not absolute).
 */
export function checkRelativePath(path: string): string | undefined {
  const problem = explainVersionFilePath(path);
  if (problem === undefined) return undefined;
  return (
    `The version file path ${JSON.stringify(path)} ${problem}; expected a path relative to the ` +
    `repository root, e.g. "package.json" or "packages/app/package.json". See ${VERSION_FILES_DOCS}`
  );
}

/**
 * Reads `path` (relative, already checked with `checkRelativePath`) from the
 * working tree under `root`. Returns undefined when the file does not exist.
 * Throws FileAccessError when the real path (after symbolic links) leaves
 * `root` or lies inside its `.git`, is not a regular file, or is larger than MAX_VERSION_FILE_BYTES:
 * file contents end up in messages, so a link to e.g. a secrets file must not
 * be followed.
 */
export async function readFileInside(root: string, path: string): Promise<string | undefined> {
  const quoted = JSON.stringify(path);
  let real: string;
  try {
    real = await realpath(nodePath.resolve(root, path));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new FileAccessError(
      path,
      `Could not resolve the version file ${quoted}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  // The rule every reader follows: never out of the repository, never into .git
  // (its config can hold a token, and a version file's text is quoted in messages).
  if (!isInsideRepository(await realpath(root), real)) {
    throw new FileAccessError(
      path,
      `The version file ${quoted} leads outside the working tree or into .git (through a symbolic link, or a path inside .git), so it was not read; point the policy at a regular file inside the repository, e.g. "package.json". See ${VERSION_FILES_DOCS}`,
    );
  }
  const info = await stat(real);
  if (!info.isFile()) {
    throw new FileAccessError(
      path,
      `The version file ${quoted} is not a regular file (a directory?); expected a file such as "package.json". See ${VERSION_FILES_DOCS}`,
    );
  }
  if (info.size > MAX_VERSION_FILE_BYTES) {
    throw new FileAccessError(
      path,
      `The version file ${quoted} is ${info.size} bytes, larger than the ${MAX_VERSION_FILE_BYTES}-byte limit for version files; point the policy at the small file that declares the version. See ${VERSION_FILES_DOCS}`,
    );
  }
  return readFile(real, 'utf8');
}
