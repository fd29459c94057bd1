import { describe, expect, it } from '@jest/globals';
import { ReleasePolicyError } from '@release-policy/core';
import { CommitLogParser, CommitMessageParser, LogFormatError } from './log-parser.js';

const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);
const SHA_256 = 'c'.repeat(64);
const DATE = '2024-05-01T12:00:00+02:00';

/** The fields of one record as git prints them for LOG_FORMAT; `message` is the raw %B. */
interface RecordFields {
  sha: string;
  message: string;
  parents?: string;
  subject?: string;
  body?: string;
  trailers?: string;
}

/** Builds output the way `git log --format=<LOG_FORMAT>` prints it. */
function record(fields: RecordFields): string {
  const { sha, message, parents = '', subject = 's', body = '', trailers = '' } = fields;
  const values = [sha, parents, 'A', 'a@example.com', DATE, 'C', 'c@example.com', DATE];
  return `${[...values, subject, body, trailers, `${message}\n`].join('\0')}\0\n`;
}

/** The commit the parser makes of `record(fields)`. */
function commitOf(fields: RecordFields & { trailerList?: { key: string; value: string }[] }) {
  return {
    sha: fields.sha,
    message: fields.message.replace(/(?:\r?\n)+$/, ''),
    subject: fields.subject ?? 's',
    body: (fields.body ?? '').replace(/(?:\r?\n)+$/, ''),
    author: { name: 'A', email: 'a@example.com' },
    committer: { name: 'C', email: 'c@example.com' },
    authoredAt: DATE,
    committedAt: DATE,
    parents: fields.parents === undefined || fields.parents === '' ? [] : fields.parents.split(' '),
    trailers: fields.trailerList ?? [],
  };
}

function parseInChunks(
  bytes: Buffer,
  cuts: number[],
  parser: { push(chunk: Buffer): unknown[]; end(): void } = new CommitLogParser(),
) {
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
  const records = [
    {
      sha: SHA_A,
      message: 'feat: ünïcödé 🚀 and 中文\n\nbody with "quotes" and \\x00 and %x00 as text',
      subject: 'feat: ünïcödé 🚀 and 中文',
      body: 'body with "quotes" and \\x00 and %x00 as text\n',
      parents: `${SHA_B} ${SHA_256}`,
    },
    {
      sha: SHA_B,
      message: 'fix: crlf\r\n\r\nline two\r\n\r\nRefs: CHG-1\r\nSigned-off-by: A <a@x>\r\n',
      subject: 'fix: crlf',
      body: 'line two\r\n\r\nRefs: CHG-1\r\nSigned-off-by: A <a@x>\r\n',
      trailers: 'Refs: CHG-1\nSigned-off-by: A <a@x>\nEmpty: \n',
      parents: SHA_256,
      trailerList: [
        { key: 'Refs', value: 'CHG-1' },
        { key: 'Signed-off-by', value: 'A <a@x>' },
        { key: 'Empty', value: '' },
      ],
    },
    { sha: SHA_256, message: 'chore: trailing blank lines\n\n\n' },
  ];
  const bytes = Buffer.from(records.map(record).join(''));
  const expected = records.map(commitOf);

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
    const first = record({ sha: SHA_A, message: 'one' });
    const last = first.lastIndexOf('\0');
    expect(parser.push(Buffer.from(first.slice(0, last)))).toEqual([]);
    expect(parser.push(Buffer.from(first.slice(last)))).toEqual([
      commitOf({ sha: SHA_A, message: 'one' }),
    ]);
  });

  it('accepts empty output', () => {
    expect(parseInChunks(Buffer.alloc(0), [])).toEqual([]);
  });

  it.each([
    [
      'a sha that is not hex',
      record({ sha: 'z'.repeat(40), message: 'm' }),
      'git printed "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz" where a commit sha was expected (40 or 64 hex digits, e.g. "3f2a…").',
    ],
    [
      'a short sha',
      record({ sha: 'abc123', message: 'm' }),
      'git printed "abc123" where a commit sha was expected (40 or 64 hex digits, e.g. "3f2a…").',
    ],
    [
      'a parent that is not a sha',
      record({ sha: SHA_A, message: 'm', parents: `${SHA_B} forged` }),
      'git printed "forged" where a commit sha was expected (40 or 64 hex digits, e.g. "3f2a…").',
    ],
    [
      'a date that is not ISO 8601',
      record({ sha: SHA_A, message: 'm' }).replace(DATE, 'yesterday'),
      `git log printed "yesterday" as a date of commit ${SHA_A}; expected strict ISO 8601, e.g. "2024-05-01T12:00:00+02:00".`,
    ],
  ])('rejects %s with a LogFormatError', (_name, text, message) => {
    const error = (() => {
      try {
        return new CommitLogParser().push(Buffer.from(text));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(LogFormatError);
    expect(error).toBeInstanceOf(ReleasePolicyError);
    expect(error).toMatchObject({ name: 'LogFormatError', message });
  });

  it.each([
    ['inside a message', `${SHA_A}\0unfinished`, 1],
    ['after a sha', `${SHA_A}\0`, 1],
    ['inside a sha', SHA_A.slice(0, 10), 0],
  ])('reports output that ends %s', (_name, text, fields) => {
    const parser = new CommitLogParser();
    parser.push(Buffer.from(text));
    expect(() => parser.end()).toThrow(LogFormatError);
    expect(() => parser.end()).toThrow(`${fields} of 12 fields`);
  });
});

describe('CommitMessageParser', () => {
  const messages = [
    { sha: SHA_A, message: 'feat: ünïcödé 🚀 and 中文\n\nbody\nBREAKING CHANGE: é\n' },
    { sha: SHA_256, message: 'fix: crlf\r\n\r\nline two\r\n\r\n' },
    { sha: SHA_B, message: 'docs: trailing blank lines\n\n\n' },
    { sha: SHA_A, message: '' },
  ];
  /** Output the way `git log --format=<MESSAGE_LOG_FORMAT>` prints it (%B ends with a line break). */
  const bytes = Buffer.from(
    messages.map(({ sha, message }) => `${sha}\0${message}${message ? '\n' : ''}\0\n`).join(''),
  );
  const expected = [
    { sha: SHA_A, message: 'feat: ünïcödé 🚀 and 中文\n\nbody\nBREAKING CHANGE: é' },
    { sha: SHA_256, message: 'fix: crlf\r\n\r\nline two' },
    { sha: SHA_B, message: 'docs: trailing blank lines' },
    { sha: SHA_A, message: '' },
  ];

  it('parses the sha and message of each record, trailing line breaks removed', () => {
    expect(parseInChunks(bytes, [], new CommitMessageParser())).toEqual(expected);
  });

  it('parses the same output split at every byte position, even inside multi-byte characters', () => {
    for (let cut = 1; cut < bytes.length; cut += 1) {
      expect(parseInChunks(bytes, [cut], new CommitMessageParser())).toEqual(expected);
    }
  });

  it('parses output delivered in three pieces, a record spanning all of them', () => {
    const cuts = [3, 50];
    expect(parseInChunks(bytes, cuts, new CommitMessageParser())).toEqual(expected);
  });

  it('decodes invalid UTF-8 as each field alone would decode it', () => {
    const broken = Buffer.concat([
      Buffer.from(`${SHA_A}\0fix: `),
      Buffer.from([0xe2, 0x82]),
      Buffer.from('\0\n'),
    ]);
    expect(parseInChunks(broken, [], new CommitMessageParser())).toEqual([
      { sha: SHA_A, message: 'fix: \ufffd' },
    ]);
  });

  it('rejects a sha that is not hex with a LogFormatError', () => {
    const push = () => new CommitMessageParser().push(Buffer.from(`${'z'.repeat(40)}\0m\0\n`));
    expect(push).toThrow(LogFormatError);
    expect(push).toThrow(`git printed "${'z'.repeat(40)}" where a commit sha was expected`);
  });

  it('reports output that ends inside a record, as a record of 2 fields', () => {
    const parser = new CommitMessageParser();
    parser.push(Buffer.from(`${SHA_A}\0unfinished`));
    expect(() => parser.end()).toThrow(
      `git log output ended inside a commit record (sha "${SHA_A}", 1 of 2 fields, 10 trailing characters); expected records of 2 NUL-terminated fields, the sha first.`,
    );
  });
});
