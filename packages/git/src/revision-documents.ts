/**
 * Documents read at a git revision rather than from the working tree: the
 * templates of a policy read from a base branch (`--base`), so a template
 * changed in the checked-out tree does not change the gate. Read as
 * `readDocument` reads a file: a link is followed inside the revision's
 * tree, one leaving it (or entering `.git`) is said apart, and a folder, a
 * binary blob or one over `MAX_DOCUMENT_BYTES` is a problem, never read whole.
 */
import { posix } from 'node:path';
import { convertDocumentBytes, MAX_DOCUMENT_BYTES, quoteValue } from '@release-policy/core';
import type { DocumentRead, TemplateSource } from './documents.js';
import type { Git } from './git.js';

/** How many symbolic links are followed before giving up, as the system's ELOOP does. */
const MAX_LINK_HOPS = 40;

/** The longest link target read: a path, never a document. */
const MAX_LINK_BYTES = 4096;

/** The git mode of a symbolic link. */
const LINK_MODE = '120000';

/**
 * The repository path a link at `path` leads to; undefined when its target
 * is absolute, leaves the repository or enters `.git`.
 */
function resolveLinkTarget(path: string, target: string): string | undefined {
  if (target === '' || posix.isAbsolute(target)) return undefined;
  const joined = posix.normalize(posix.join(posix.dirname(path), target));
  if (joined === '..' || joined.startsWith('../')) return undefined;
  return joined.split('/').includes('.git') ? undefined : joined;
}

/**
 * Reads the document `path` as of `revision`; undefined when the revision
 * has no such entry.
 *
 * @throws GitError when git fails, e.g. the revision is not in this clone
 */
export async function readDocumentAt(
  git: Git,
  revision: string,
  path: string,
): Promise<DocumentRead | undefined> {
  // From the top directory: git reads `rev:./path` from the folder it runs in, `rev:path` from the top.
  let current = posix.normalize(path).replace(/^(?:\.\/)+/, '');
  for (let hop = 0; hop <= MAX_LINK_HOPS; hop += 1) {
    const entry = await git.readTreeEntryAt(revision, current);
    if (entry === undefined) {
      if (hop === 0) return undefined;
      return {
        path,
        size: 0,
        problem: 'unreadable',
        detail: 'a symbolic link to a file that does not exist',
      };
    }
    if (entry.mode === LINK_MODE) {
      const link = await git.readBlobAt(revision, current, MAX_LINK_BYTES);
      const next = link?.bytes && resolveLinkTarget(current, link.bytes.toString('utf8'));
      if (!next) return { path, outside: true };
      current = next;
      continue;
    }
    if (entry.type !== 'blob') return { path, size: 0, problem: 'not-file' };
    const blob = await git.readBlobAt(revision, current, MAX_DOCUMENT_BYTES);
    if (blob === undefined) return undefined;
    if (blob.bytes === undefined) return { path, size: blob.size, problem: 'too-large' };
    return convertDocumentBytes(path, blob.size, blob.bytes);
  }
  return { path, size: 0, problem: 'unreadable', detail: 'too many levels of symbolic links' };
}

/**
 * The templates as of `revision` (the base branch a policy was read from),
 * for `gatherDocumentFacts`.
 */
export function createRevisionTemplateSource(git: Git, revision: string): TemplateSource {
  return {
    where: `the base ${quoteValue(revision)}`,
    read: (path) => readDocumentAt(git, revision, path),
  };
}
