import { constants } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { readErrorCode } from '@release-policy/core';

/**
 * Reading a policy file from disk safely, for the CLI and the actions alike:
 * only a regular file is read (never a symbolic link, a FIFO or a device),
 * checked with `fstat` on the opened handle so nothing can be swapped in
 * between, and never more than {@link MAX_POLICY_FILE_BYTES}. A policy's text
 * ends up in messages, so a link to `.git/config` or `/proc/self/environ`
 * must not be read at all.
 */

/** The largest policy file read, in bytes (1 MiB); real policies are a few kilobytes. */
export const MAX_POLICY_FILE_BYTES = 1024 * 1024;

/** Why a policy file was not read. */
export type PolicyFileProblem =
  /** Nothing at the path. */
  | 'missing'
  /** A part of the path is a file, not a directory. */
  | 'path-not-directory'
  /** The path is a symbolic link. */
  | 'symlink'
  /** The path is a directory. */
  | 'directory'
  /** A FIFO, socket or device: reading it could block or never end. */
  | 'not-regular'
  /** Larger than {@link MAX_POLICY_FILE_BYTES}. */
  | 'too-large'
  /** Its real folder lies outside the repository, or inside `.git`. */
  | 'outside'
  /** Any other failure to open or read it (permissions, I/O). */
  | 'unreadable';

/** What {@link readPolicyFileSafely} found: the bytes (decoded by the loader, which checks UTF-8), or why it was not read. */
export type PolicyFileRead =
  | { status: 'read'; bytes: Uint8Array }
  | {
      status: 'refused';
      problem: PolicyFileProblem;
      /** The system error code, e.g. `EACCES`, when there was one. */
      code?: string;
      /** The file's size in bytes, for `too-large`. */
      size?: number;
      /** The system error, when there was one (the `cause` of the caller's error). */
      cause?: unknown;
    };

/** Why `open` failed, as a problem. */
function classifyOpenFailure(code: string | undefined): PolicyFileProblem {
  if (code === 'ENOENT') return 'missing';
  if (code === 'ENOTDIR') return 'path-not-directory';
  // O_NOFOLLOW makes open fail with ELOOP on a symbolic link (EMLINK on some BSDs).
  if (code === 'ELOOP' || code === 'EMLINK') return 'symlink';
  if (code === 'EISDIR') return 'directory';
  return 'unreadable';
}

/** Reads at most `limit + 1` bytes, so a file that grew after `fstat` is still caught. */
async function readBounded(handle: FileHandle, limit: number): Promise<Buffer | undefined> {
  const buffer = Buffer.alloc(limit + 1);
  let length = 0;
  while (length < buffer.length) {
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return length > limit ? undefined : buffer.subarray(0, length);
}

/**
 * Reads the policy file at `path` (absolute) when it is a regular file of at
 * most {@link MAX_POLICY_FILE_BYTES}; otherwise says why not. The file is
 * opened without following a final symbolic link and without blocking (a FIFO
 * would otherwise wait for a writer forever), then checked with `fstat` on
 * the handle, then read bounded. Never throws for a file problem.
 */
export async function readPolicyFileSafely(
  path: string,
  limit = MAX_POLICY_FILE_BYTES,
): Promise<PolicyFileRead> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = readErrorCode(error);
    return { status: 'refused', problem: classifyOpenFailure(code), code, cause: error };
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) {
      // The system's own word for it, as a read would have failed.
      const cause = Object.assign(new Error(`EISDIR: ${path} is a directory`), { code: 'EISDIR' });
      return { status: 'refused', problem: 'directory', code: 'EISDIR', cause };
    }
    if (!info.isFile()) return { status: 'refused', problem: 'not-regular' };
    if (info.size > limit) return { status: 'refused', problem: 'too-large', size: info.size };
    const bytes = await readBounded(handle, limit);
    if (!bytes) return { status: 'refused', problem: 'too-large', size: limit + 1 };
    return { status: 'read', bytes };
  } catch (error) {
    const code = readErrorCode(error);
    return { status: 'refused', problem: 'unreadable', code, cause: error };
  } finally {
    await handle.close();
  }
}

/** True when `inner` (a real path) lies inside `root` (a real path) and not inside its `.git`. */
function isInsideRepository(root: string, inner: string): boolean {
  const inside = nodePath.relative(root, inner);
  if (inside === '') return true;
  if (nodePath.isAbsolute(inside)) return false;
  const parts = inside.split(nodePath.sep);
  return parts[0] !== '..' && !parts.includes('.git');
}

/**
 * Reads the repository-relative policy file `path` from the working tree at
 * `root`: as {@link readPolicyFileSafely}, and also refused (`outside`) when
 * its folder, after symbolic links, leaves the repository or lies inside
 * `.git`. `path` must already be relative without `..` segments.
 */
export async function readPolicyFileInside(root: string, path: string): Promise<PolicyFileRead> {
  const full = nodePath.resolve(root, path);
  let folder: string;
  let realRoot: string;
  try {
    [folder, realRoot] = await Promise.all([realpath(nodePath.dirname(full)), realpath(root)]);
  } catch (error) {
    const code = readErrorCode(error);
    return { status: 'refused', problem: classifyOpenFailure(code), code, cause: error };
  }
  if (!isInsideRepository(realRoot, folder)) return { status: 'refused', problem: 'outside' };
  return readPolicyFileSafely(nodePath.join(folder, nodePath.basename(full)));
}

/**
 * Why a policy file was refused, as the middle of a sentence ("…cannot be
 * used: it is a symbolic link…"). Never quotes the file's content or a
 * link's target.
 */
export function describePolicyFileProblem(
  read: Extract<PolicyFileRead, { status: 'refused' }>,
): string {
  switch (read.problem) {
    case 'missing':
      return 'it does not exist';
    case 'symlink':
      return 'it is a symbolic link, and a policy file must be a regular file inside the repository (a link could lead to a file holding secrets)';
    case 'path-not-directory':
      return 'a part of its path is a file, not a directory';
    case 'directory':
      return 'it is a directory, not a file';
    case 'not-regular':
      return 'it is not a regular file (a FIFO, socket or device), so it was not read';
    case 'too-large':
      return `it is ${read.size ?? MAX_POLICY_FILE_BYTES + 1} bytes, larger than the ${MAX_POLICY_FILE_BYTES}-byte (1 MiB) limit for a policy file`;
    case 'outside':
      return 'its folder is a symbolic link that leads outside the repository (or into .git), and a policy file must be a regular file inside the repository';
    case 'unreadable':
      return read.code === 'EACCES' || read.code === 'EPERM'
        ? 'permission to read it was denied'
        : `reading it failed (${read.code ?? 'error'})`;
  }
}
