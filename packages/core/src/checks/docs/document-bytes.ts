/**
 * What a document's bytes are, however they were read (a file of the working
 * tree, a blob at a git revision, a file through the contents API): text, or
 * the problem that keeps them from being read as Markdown. One rule for every
 * reader, so a template read at a pull request's base is judged as a
 * document of the working tree is.
 */
import type { DocumentFile } from '../../facts.js';

/** The largest document read, in bytes. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

/** How many leading bytes are searched for a NUL to call a file binary. */
const BINARY_PROBE_BYTES = 8000;

/**
 * The document `path` of `size` bytes from its `bytes`: its text when they
 * are UTF-8 without a NUL in the first bytes, else the problem `binary`; a
 * `size` over {@link MAX_DOCUMENT_BYTES} is `too-large` whatever was read. Pure.
 */
export function convertDocumentBytes(path: string, size: number, bytes: Uint8Array): DocumentFile {
  if (size > MAX_DOCUMENT_BYTES) return { path, size, problem: 'too-large' };
  if (bytes.subarray(0, BINARY_PROBE_BYTES).includes(0)) return { path, size, problem: 'binary' };
  try {
    return { path, size, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Text that is not UTF-8 cannot be read as Markdown: report it as binary.
    return { path, size, problem: 'binary' };
  }
}
