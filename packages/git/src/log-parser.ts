import {
  quoteValue,
  ReleasePolicyError,
  type CommitFacts,
  type CommitTrailer,
} from '@release-policy/core';

/**
 * The fields of one `git log` record, in the order of {@link LOG_FORMAT}.
 * Each ends with a NUL, which no commit message, name or email can contain,
 * so hostile text cannot forge a record; git adds a line break after each record.
 */
const LOG_FIELDS = [
  ['sha', '%H'],
  ['parents', '%P'],
  ['authorName', '%an'],
  ['authorEmail', '%ae'],
  ['authoredAt', '%aI'],
  ['committerName', '%cn'],
  ['committerEmail', '%ce'],
  ['committedAt', '%cI'],
  ['subject', '%s'],
  ['body', '%b'],
  // `git interpret-trailers --parse` semantics: only trailers, continuation lines unfolded.
  ['trailers', '%(trailers:only,unfold)'],
  ['message', '%B'],
] as const;

/** The `git log` format the parser reads: every field of {@link CommitFacts}, each followed by NUL. */
export const LOG_FORMAT = LOG_FIELDS.map(([, placeholder]) => `${placeholder}%x00`).join('');

/**
 * The `git log` format {@link CommitMessageParser} reads: the sha and the raw
 * message (`%B`), each followed by NUL. About a third of the bytes of
 * {@link LOG_FORMAT}, for readers that need nothing else.
 */
export const MESSAGE_LOG_FORMAT = '%H%x00%B%x00';

/** One commit as far as its message goes: what the version check reads. */
export type CommitMessage = Pick<CommitFacts, 'sha' | 'message'>;

const NUL = 0;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
/** Strict ISO 8601 as git's `%aI`/`%cI` print it. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/;

/** Output of `git log` or `git patch-id` that does not have the expected shape. */
export class LogFormatError extends ReleasePolicyError {
  /** Printed as `error.type` and `name`; see {@link ReleasePolicyError.type}. */
  static override readonly type = 'LogFormatError';
}

/**
 * Splits a byte stream into NUL-terminated fields. Bytes are decoded up to
 * the last NUL of each chunk at once: a NUL is never part of a multi-byte
 * UTF-8 sequence, so each field decodes as it would alone, and characters
 * split across chunks wait for the rest of their bytes.
 */
class NulFieldSplitter {
  private parts: Buffer[] = [];

  /** The fields `chunk` completes, decoded, in stream order. */
  split(chunk: Buffer): string[] {
    const last = chunk.lastIndexOf(NUL);
    if (last === -1) {
      if (chunk.length > 0) this.parts.push(chunk);
      return [];
    }
    const head = chunk.subarray(0, last);
    const bytes = this.parts.length === 0 ? head : Buffer.concat([...this.parts, head]);
    this.parts = last + 1 < chunk.length ? [chunk.subarray(last + 1)] : [];
    return bytes.toString('utf8').split('\0');
  }

  /** The bytes after the last NUL, decoded. */
  readRest(): string {
    return Buffer.concat(this.parts).toString('utf8');
  }

  /** Forgets the bytes after the last NUL. */
  clear(): void {
    this.parts = [];
  }
}

/**
 * Parses `git log` output of NUL-terminated fields incrementally, a fixed
 * number per record with the sha first: feed it chunks as they arrive, get
 * back each record as soon as it is complete. Memory holds at most one
 * unfinished record.
 */
export class LogRecordParser<T> {
  private readonly splitter = new NulFieldSplitter();
  private fields: string[] = [];

  constructor(
    private readonly fieldCount: number,
    private readonly convert: (fields: readonly string[]) => T,
  ) {}

  /** Consumes one chunk and returns the records it completed, in stream order; throws LogFormatError. */
  push(chunk: Buffer): T[] {
    const done: T[] = [];
    for (const field of this.splitter.split(chunk)) {
      // The sha is checked at once, so output of an unexpected shape fails early.
      this.fields.push(this.fields.length === 0 ? readSha(trimLeadingLineBreaks(field)) : field);
      if (this.fields.length === this.fieldCount) {
        done.push(this.convert(this.fields));
        this.fields = [];
      }
    }
    return done;
  }

  /** Checks that the stream ended between records; throws LogFormatError otherwise. */
  end(): void {
    const rest = this.splitter.readRest();
    if (this.fields.length > 0 || rest.trim() !== '') {
      throw new LogFormatError(
        `git log output ended inside a commit record (sha ${JSON.stringify(this.fields[0] ?? '')}, ${this.fields.length} of ${this.fieldCount} fields, ${rest.length} trailing characters); expected records of ${this.fieldCount} NUL-terminated fields, the sha first.`,
      );
    }
    this.splitter.clear();
  }
}

/**
 * Parses `git log --format=<LOG_FORMAT>` output incrementally: feed it chunks
 * as they arrive, get back each commit as soon as its record is complete.
 * Multi-byte characters split across chunks decode correctly. Memory holds at
 * most one unfinished record.
 */
export class CommitLogParser extends LogRecordParser<CommitFacts> {
  constructor() {
    super(LOG_FIELDS.length, convertRecord);
  }
}

/**
 * Parses `git log --format=<MESSAGE_LOG_FORMAT>` output incrementally, as
 * {@link CommitLogParser} does: each commit's sha and message, the message
 * with its trailing line breaks removed as in {@link CommitFacts}.
 */
export class CommitMessageParser extends LogRecordParser<CommitMessage> {
  constructor() {
    super(2, (fields) => ({ sha: fields[0] ?? '', message: trimLineBreaks(fields[1] ?? '') }));
  }
}

/** Builds a commit from the fields of one complete record, in the order of LOG_FIELDS. */
function convertRecord(fields: readonly string[]): CommitFacts {
  const [sha = '', parents = '', authorName = '', authorEmail = '', authoredAt = ''] = fields;
  const [committerName = '', committerEmail = '', committedAt = '', subject = ''] = fields.slice(5);
  const [body = '', trailers = '', message = ''] = fields.slice(9);
  return {
    sha,
    message: trimLineBreaks(message),
    subject,
    body: trimLineBreaks(body),
    author: { name: authorName, email: authorEmail },
    committer: { name: committerName, email: committerEmail },
    authoredAt: readDate(authoredAt, sha),
    committedAt: readDate(committedAt, sha),
    parents: parents === '' ? [] : parents.split(' ').map(readSha),
    trailers: parseTrailers(trailers),
  };
}

/**
 * Parses git's `%(trailers:only,unfold)` output: one `Key: value` line per
 * trailer. The key never contains `": "` (git keys are letters, digits and
 * `-`), so the first `": "` separates it from the value.
 */
function parseTrailers(text: string): CommitTrailer[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const at = line.indexOf(': ');
      return at === -1
        ? { key: line.replace(/:\s*$/, ''), value: '' }
        : { key: line.slice(0, at), value: line.slice(at + 2) };
    });
}

/** The text without trailing `\n` and `\r\n` line breaks (a lone trailing `\r` stays). */
export function trimLineBreaks(text: string): string {
  let end = text.length;
  while (text.charCodeAt(end - 1) === LINE_FEED) {
    end -= 1;
    if (text.charCodeAt(end - 1) === CARRIAGE_RETURN) end -= 1;
  }
  return end === text.length ? text : text.slice(0, end);
}

/** git ends each record with a line break, so the next record's sha follows one. */
function trimLeadingLineBreaks(text: string): string {
  let start = 0;
  while (text.charCodeAt(start) === LINE_FEED) start += 1;
  return start === 0 ? text : text.slice(start);
}

/** Checks one sha of git's output; throws LogFormatError when it is not one. */
export function readSha(text: string): string {
  if (!SHA.test(text)) {
    throw new LogFormatError(
      `git printed ${quoteValue(text)} where a commit sha was expected (40 or 64 hex digits, e.g. "3f2a…").`,
    );
  }
  return text;
}

function readDate(text: string, sha: string): string {
  if (!ISO_DATE.test(text)) {
    throw new LogFormatError(
      `git log printed ${JSON.stringify(text.slice(0, 80))} as a date of commit ${sha}; expected strict ISO 8601, e.g. "2024-05-01T12:00:00+02:00".`,
    );
  }
  return text;
}
