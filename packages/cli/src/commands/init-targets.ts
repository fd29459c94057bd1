import { lstat, realpath } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { quoteShellArgument, readErrorCode, UsageError } from '@release-policy/core';
import { isInsideRepository } from '@release-policy/git';

/** A folder `init` must not write into, and why. */
interface UnsafeFolder {
  /** Repository-relative, `/`-separated. */
  folder: string;
  /** `link`: leads outside the repository, into `.git` or nowhere; `file`: not a folder. */
  kind: 'link' | 'file';
}

/**
 * The folder on the way to `file` (repository-relative, `/`-separated) under
 * `root` that `init` must not write into: a symbolic link leading outside the
 * repository, into `.git` or nowhere, or a file. Undefined when every folder
 * that exists is a real folder inside the repository (the rest are created
 * there by the write).
 */
async function findUnsafeFolder(
  root: string,
  realRoot: string,
  file: string,
): Promise<UnsafeFolder | undefined> {
  const parts = file.split('/').slice(0, -1);
  for (let end = 1; end <= parts.length; end += 1) {
    const folder = parts.slice(0, end).join('/');
    const full = join(root, folder);
    let info;
    try {
      info = await lstat(full);
    } catch (error) {
      // Nothing there yet: the write creates this folder and the rest inside the repository.
      if (readErrorCode(error) === 'ENOENT') return undefined;
      throw error;
    }
    if (info.isSymbolicLink()) {
      // A link within the repository is followed; one leading nowhere is refused like one leading out.
      const real = await realpath(full).catch(() => undefined);
      if (real === undefined || !isInsideRepository(realRoot, real))
        return { folder, kind: 'link' };
    } else if (!info.isDirectory()) {
      return { folder, kind: 'file' };
    }
  }
  return undefined;
}

/** One refused folder, with its fix, as a sentence. */
function describeUnsafeFolder({ folder, kind }: UnsafeFolder): string {
  const quoted = JSON.stringify(folder);
  const shell = quoteShellArgument(folder);
  return kind === 'link'
    ? `${quoted} is a symbolic link that leads outside the repository (or into .git, or nowhere): ` +
        `replace it with a real folder (rm ${shell} && mkdir ${shell}), or run init with --dir in the repository it leads to.`
    : `${quoted} is a file, not a folder: move it away, or give the policy elsewhere with --output FILE.`;
}

/**
 * Checks every folder `init` is to write into before the first file is
 * written, so a refused run leaves nothing behind: no file is ever written
 * through a symbolic link out of the repository or into `.git` (the rule
 * the readers follow, `isInsideRepository`). Absolute paths (an explicit
 * `--output`) are the user's choice and not checked.
 * @throws UsageError naming each offending folder and its fix
 */
export async function checkInitTargets(root: string, files: readonly string[]): Promise<void> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch (error) {
    // No such folder yet: the write creates it and everything in it, so no link is on the way.
    if (readErrorCode(error) === 'ENOENT') return;
    throw error;
  }
  const found = new Map<string, UnsafeFolder>();
  for (const file of files) {
    if (isAbsolute(file)) continue;
    const unsafe = await findUnsafeFolder(root, realRoot, file);
    if (unsafe !== undefined) found.set(unsafe.folder, unsafe);
  }
  if (found.size === 0) return;
  throw new UsageError(
    `init writes only inside the repository, so nothing was written. ` +
      `${[...found.values()].map(describeUnsafeFolder).join(' ')} See docs/cli.md#init`,
  );
}
