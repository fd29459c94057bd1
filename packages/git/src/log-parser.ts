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

const NUL = 0;
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
/** Strict ISO 8601 as git's `%aI`/`%cI` print it. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/;

/** Output of `git log` or `git patch-id` that does not have the expected shape. */
export class LogFormatError extends ReleasePolicyError {}

/**
 * Parses `git log --format=<LOG_FORMAT>` output incrementally: feed it chunks
 * as they arrive, get back each commit as soon as its record is complete.
 * Fields are decoded only when complete, so multi-byte characters split
 * across chunks decode correctly. Memory holds at most one unfinished record.
 */
export class CommitLogParser {
  private parts: Buffer[] = [];
  private fields: string[] = [];

  /** Consumes one chunk and returns the commits it completed, in stream order; throws LogFormatError. */
  push(chunk: Buffer): CommitFacts[] {
    const done: CommitFacts[] = [];
    let start = 0;
    for (let i = chunk.indexOf(NUL, start); i !== -1; i = chunk.indexOf(NUL, start)) {
      this.parts.push(chunk.subarray(start, i));
      const field = Buffer.concat(this.parts).toString('utf8');
      this.parts = [];
      start = i + 1;
      // The sha is checked at once, so output of an unexpected shape fails early.
      this.fields.push(this.fields.length === 0 ? readSha(field.replace(/^\n+/, '')) : field);
      if (this.fields.length === LOG_FIELDS.length) {
        done.push(convertRecord(this.fields));
        this.fields = [];
      }
    }
    if (start < chunk.length) this.parts.push(chunk.subarray(start));
    return done;
  }

  /** Checks that the stream ended between records; throws LogFormatError otherwise. */
  end(): void {
    const rest = Buffer.concat(this.parts).toString('utf8');
    if (this.fields.length > 0 || rest.trim() !== '') {
      throw new LogFormatError(
        `git log output ended inside a commit record (sha ${JSON.stringify(this.fields[0] ?? '')}, ${this.fields.length} of ${LOG_FIELDS.length} fields, ${rest.length} trailing characters); expected records of ${LOG_FIELDS.length} NUL-terminated fields, the sha first.`,
      );
    }
    this.parts = [];
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

function trimLineBreaks(text: string): string {
  return text.replace(/(?:\r?\n)+$/, '');
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
