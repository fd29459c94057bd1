import { describe, expect, it } from '@jest/globals';
import { CommitLogParser, LogFormatError } from './log-parser.js';

const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);
const SHA_256 = 'c'.repeat(64);

/** Builds output the way `git log --format=%H%x00%B%x00` prints it. */
function record(sha: string, message: string): string {
  return `${sha}\0${message}\n\0\n`;
}

function parseInChunks(bytes: Buffer, cuts: number[]) {
  const parser = new CommitLogParser();
  const out = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    out.push(...parser.push(bytes.subarray(start, cut)));
    start = cut;
  }
  parser.end();
  return out;
}

describe('CommitLogParser', () => {
  const messages = [
    'feat: ünïcödé 🚀 and 中文\n\nbody with "quotes" and \\x00 and %x00 as text',
    'fix: crlf\r\n\r\nline two\r\n',
    'chore: trailing blank lines\n\n\n',
  ];
  const bytes = Buffer.from(
    record(SHA_A, messages[0]!) + record(SHA_B, messages[1]!) + record(SHA_256, messages[2]!),
  );
  const expected = [
    { sha: SHA_A, message: messages[0] },
    { sha: SHA_B, message: 'fix: crlf\r\n\r\nline two' },
    { sha: SHA_256, message: 'chore: trailing blank lines' },
  ];

  it('parses the whole output in one chunk', () => {
    expect(parseInChunks(bytes, [])).toEqual(expected);
  });

  it('parses the same output split at every byte position, even inside multi-byte characters', () => {
    for (let cut = 1; cut < bytes.length; cut += 1) {
      expect(parseInChunks(bytes, [cut])).toEqual(expected);
    }
  });

  it('parses output delivered one byte at a time', () => {
    const cuts = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    expect(parseInChunks(bytes, cuts)).toEqual(expected);
  });

  it('returns each commit as soon as its record is complete', () => {
    const parser = new CommitLogParser();
    const first = record(SHA_A, 'one');
    expect(parser.push(Buffer.from(first.slice(0, 41)))).toEqual([]);
    expect(parser.push(Buffer.from(first.slice(41)))).toEqual([{ sha: SHA_A, message: 'one' }]);
  });

  it('accepts empty output', () => {
    expect(parseInChunks(Buffer.alloc(0), [])).toEqual([]);
  });

  it.each([
    ['a sha that is not hex', `${'z'.repeat(40)}\0msg\n\0\n`, `"${'z'.repeat(40)}"`],
    ['a short sha', `abc123\0msg\n\0\n`, '"abc123"'],
    ['a long line, cut', `${'y'.repeat(500)}\0msg\n\0\n`, `"${'y'.repeat(78)}…`],
  ])('rejects %s, quoting it', (_name, text, quoted) => {
    expect(() => new CommitLogParser().push(Buffer.from(text))).toThrow(
      new LogFormatError(
        `git log printed ${quoted} where a commit sha was expected (40 or 64 hex digits, e.g. "3f2a…").`,
      ),
    );
  });

  it.each([
    ['inside a message', `${SHA_A}\0unfinished`],
    ['after a sha', `${SHA_A}\0`],
    ['inside a sha', SHA_A.slice(0, 10)],
  ])('reports output that ends %s', (_name, text) => {
    const parser = new CommitLogParser();
    parser.push(Buffer.from(text));
    expect(() => parser.end()).toThrow(LogFormatError);
  });
});
