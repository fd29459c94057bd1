import { quoteValue, type CommitFacts } from '@release-policy/core';

/** The `git log` format the parser reads: sha, NUL, raw message, NUL (git adds a newline after each record). */
export const LOG_FORMAT = '%H%x00%B%x00';

const NUL = 0;
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** A `git log` record that does not have the expected shape. */
export class LogFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LogFormatError';
  }
}

/**
 * Parses `git log --format=%H%x00%B%x00` output incrementally: feed it chunks
 * as they arrive, get back each commit as soon as its record is complete.
 * Fields are decoded only when complete, so multi-byte characters split
 * across chunks decode correctly. Memory holds at most one unfinished record.
 */
export class CommitLogParser {
  private parts: Buffer[] = [];
  private sha: string | undefined;

  /** Consumes one chunk and returns the commits it completed, in stream order. */
  push(chunk: Buffer): CommitFacts[] {
    const done: CommitFacts[] = [];
    let start = 0;
    for (let i = chunk.indexOf(NUL, start); i !== -1; i = chunk.indexOf(NUL, start)) {
      this.parts.push(chunk.subarray(start, i));
      const field = Buffer.concat(this.parts).toString('utf8');
      this.parts = [];
      start = i + 1;
      if (this.sha === undefined) {
        this.sha = readSha(field);
      } else {
        done.push({ sha: this.sha, message: field.replace(/(?:\r?\n)+$/, '') });
        this.sha = undefined;
      }
    }
    if (start < chunk.length) this.parts.push(chunk.subarray(start));
    return done;
  }

  /** Checks that the stream ended between records; throws LogFormatError otherwise. */
  end(): void {
    const rest = Buffer.concat(this.parts).toString('utf8');
    if (this.sha !== undefined || rest.trim() !== '') {
      throw new LogFormatError(
        `git log output ended inside a commit record (sha ${JSON.stringify(this.sha ?? '')}, ${rest.length} trailing characters); expected records of the form <sha>NUL<message>NUL.`,
      );
    }
    this.parts = [];
  }
}

function readSha(field: string): string {
  const sha = field.replace(/^\n+/, '');
  if (!SHA.test(sha)) {
    throw new LogFormatError(
      `git log printed ${quoteValue(sha)} where a commit sha was expected (40 or 64 hex digits, e.g. "3f2a…").`,
    );
  }
  return sha;
}
