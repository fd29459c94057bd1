import { describe, it, expect } from '@jest/globals';
import { findInvalidUtf8 } from './policy-text.js';

/** What the native decoder says of `bytes`: true when it decodes them without an error. */
function decodes(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('findInvalidUtf8', () => {
  // parsePolicyBytes decodes with the native decoder and scans only when it fails: the two
  // must agree on every input, or a bad file would be read, or a good one rejected.
  it('agrees with the native decoder on every one- and two-byte sequence', () => {
    const disagreements: string[] = [];
    for (let a = 0; a < 256; a += 1) {
      for (let b = -1; b < 256; b += 1) {
        const bytes = Uint8Array.from(b < 0 ? [a] : [a, b]);
        if ((findInvalidUtf8(bytes) === undefined) !== decodes(bytes)) {
          disagreements.push(Buffer.from(bytes).toString('hex'));
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it.each([
    ['accepts a three-byte character', [0xe2, 0x82, 0xac], undefined],
    ['accepts a four-byte character', [0xf0, 0x9f, 0x98, 0x80], undefined],
    ['accepts the last code point, U+10FFFF', [0xf4, 0x8f, 0xbf, 0xbf], undefined],
    ['rejects a code point past U+10FFFF at its first byte', [0xf4, 0x90, 0x80, 0x80], 0],
    ['rejects an overlong three-byte form', [0xe0, 0x80, 0xaf], 0],
    ['rejects an overlong four-byte form', [0xf0, 0x80, 0x80, 0xaf], 0],
    ['rejects an encoded surrogate after a letter', [0x41, 0xed, 0xb0, 0x80], 1],
    [
      'rejects a four-byte character cut short, at its first byte',
      [0x41, 0x42, 0xf0, 0x9f, 0x98],
      2,
    ],
    ['rejects a stray continuation byte', [0x41, 0x80], 1],
  ])('%s', (_name, bytes, expected) => {
    const input = Uint8Array.from(bytes);
    expect(findInvalidUtf8(input)).toBe(expected);
    expect(decodes(input)).toBe(expected === undefined);
  });
});
