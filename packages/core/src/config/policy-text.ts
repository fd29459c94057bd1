/**
 * Checks on the policy's bytes and text that run before the YAML parser:
 * valid UTF-8, no NUL, no CR-only line breaks, and a nesting depth limit.
 * Each is a problem the parser would otherwise report as unrelated syntax
 * errors, accept in silence, or crash on (a deep nesting overflows the stack).
 */
import type { CST } from 'yaml';
import { seeDocs } from './messages.js';

/** Lists and mappings may nest at most this deep (the top-level mapping is level 1). */
export const MAX_NESTING_DEPTH = 64;

/** A problem found in the text, at a character offset. */
export interface TextProblem {
  offset: number;
  message: string;
}

const encodingDocs = seeDocs('encoding');

/** The 1-based line and column (in characters) of an offset, counting LF line breaks. */
export function locateOffset(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The offset of the first byte that is not part of a well-formed UTF-8
 * sequence (overlong forms, surrogates and code points above U+10FFFF
 * included), or `undefined` when every byte is.
 */
export function findInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const length = measureUtf8Sequence(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return undefined;
}

/** The length of the well-formed UTF-8 sequence at `i`, or 0 (the Unicode table 3-7 ranges). */
function measureUtf8Sequence(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const inRange = (at: number, low: number, high: number): boolean =>
    at < bytes.length && bytes[at]! >= low && bytes[at]! <= high;
  if (b0 >= 0xc2 && b0 <= 0xdf) return inRange(i + 1, 0x80, 0xbf) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const low = b0 === 0xe0 ? 0xa0 : 0x80;
    const high = b0 === 0xed ? 0x9f : 0xbf;
    return inRange(i + 1, low, high) && inRange(i + 2, 0x80, 0xbf) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const low = b0 === 0xf0 ? 0x90 : 0x80;
    const high = b0 === 0xf4 ? 0x8f : 0xbf;
    const rest = inRange(i + 2, 0x80, 0xbf) && inRange(i + 3, 0x80, 0xbf);
    return inRange(i + 1, low, high) && rest ? 4 : 0;
  }
  return 0;
}

/** Explains a byte that is not UTF-8. */
export function describeInvalidUtf8(byte: number): string {
  const hex = byte.toString(16).toUpperCase().padStart(2, '0');
  return (
    `The policy is not valid UTF-8: the byte 0x${hex} here does not start or continue a ` +
    `UTF-8 character (the file may be saved as Latin-1, Windows-1252 or UTF-16). Save the ` +
    `file as UTF-8 text; every character, including those in patterns, must be UTF-8. ` +
    encodingDocs
  );
}

/**
 * Finds a NUL character and CR-only line breaks, each reported once at its
 * first occurrence. Either stops the YAML reading: the parser would report
 * them as unrelated syntax errors, or accept a NUL inside a name.
 */
export function checkPolicyCharacters(text: string): TextProblem[] {
  const problems: TextProblem[] = [];
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    problems.push({
      offset: nul,
      message:
        'The policy contains a NUL character (U+0000). A policy is UTF-8 text and no name, ' +
        'pattern or value may hold a NUL; a NUL usually means the file was saved as UTF-16 ' +
        `or is not text. Remove it, or save the file as UTF-8 text. ${encodingDocs}`,
    });
  }
  const cr = text.search(/\r(?!\n)/);
  if (cr !== -1) {
    problems.push({
      offset: cr,
      message:
        'The policy uses CR line breaks (a carriage return with no line feed after it), as ' +
        'classic Mac OS editors wrote them; YAML would read the whole file as one line. Save ' +
        `the file with LF (or CRLF) line breaks. ${encodingDocs}`,
    });
  }
  return problems;
}

/** A syntax token of the YAML parser's concrete tree, as far as the depth walk reads it. */
interface DepthToken {
  type?: string;
  offset?: number;
  value?: unknown;
  items?: readonly { key?: unknown; value?: unknown }[];
}

function isCollection(token: DepthToken): boolean {
  return (
    token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection'
  );
}

/**
 * Finds the first list or mapping nested deeper than {@link MAX_NESTING_DEPTH}
 * in the YAML parser's token tree (the lexer's output, before any document is
 * composed; the loader composes the document from the same tokens). It reads
 * the tree with an explicit stack, so no recursion runs before the depth is
 * known to be safe.
 */
export function checkNestingDepth(tokens: readonly CST.Token[]): TextProblem | undefined {
  let first: number | undefined;
  for (const document of tokens) {
    const stack: [unknown, number][] = [[document, 0]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop()!;
      if (node === null || typeof node !== 'object') continue;
      const token = node as DepthToken;
      const level = isCollection(token) ? depth + 1 : depth;
      if (level > MAX_NESTING_DEPTH && token.offset !== undefined) {
        first = Math.min(first ?? token.offset, token.offset);
        continue;
      }
      for (const item of token.items ?? []) stack.push([item.key, level], [item.value, level]);
      if (token.value !== null && typeof token.value === 'object') stack.push([token.value, level]);
    }
  }
  if (first === undefined) return undefined;
  return {
    offset: first,
    message:
      `The policy nests lists and mappings more than ${MAX_NESTING_DEPTH} levels deep; this ` +
      `is the first value past that depth. A policy needs a few levels (section, kind, ` +
      `list), so the file is rejected rather than read. Remove the extra "[", "{" or "-" ` +
      `levels, for example: patterns: ['feature/{ticket}-{slug}']. ${encodingDocs}`,
  };
}
