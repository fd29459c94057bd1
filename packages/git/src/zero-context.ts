/**
 * The zero-context patch (`git log -p -U0`) of a commit, made from the patch
 * git printed with context, and the line splitting its reader needs. Written
 * here because git cannot print both patches in one run: without this, a
 * second `git log -p -U0` reads and diffs every commit again.
 */

/**
 * Turns one commit's patch, as `git log -p` prints it with context, into the
 * patch `git log -p -U0` prints, as `git patch-id` reads it: the same commit
 * line and file headers, the same changed lines in the same order, no
 * context lines, each hunk headed by its own counts. patch-id hashes every
 * line of a hunk but the `@@` header, whose line numbers it ignores (it reads
 * the counts only to find where the hunk ends), and skips every `\ No newline
 * at end of file` line. git's diff is the same with any number of context
 * lines, which only decide how changes group into hunks (the reader pins
 * `--inter-hunk-context=0`, git's default, so `-U0` puts every group of
 * changed lines in a hunk of its own).
 */
export class ContextStripper {
  private readonly out: string[] = [];
  private hunk: string[] | undefined;
  private before = 0;
  private after = 0;
  private removed = 0;
  private added = 0;

  /** Takes the next line of the commit's patch (without its line break). */
  take(line: string): void {
    if (this.hunk === undefined) {
      // patch-id skips every `\ No newline at end of file`; -U0 prints none after a context line.
      if (line.startsWith('\\ ')) return;
      const counts = line.startsWith('@@ -') ? parseHunkCounts(line) : undefined;
      if (counts === undefined) {
        this.out.push(line);
        return;
      }
      [this.before, this.after] = counts;
      this.hunk = [];
      this.removed = 0;
      this.added = 0;
      this.closeIfDone();
      return;
    }
    const first = line.charAt(0);
    if (first === '-') {
      this.before -= 1;
      this.removed += 1;
      this.hunk.push(line);
    } else if (first === '+') {
      this.after -= 1;
      this.added += 1;
      this.hunk.push(line);
    } else if (first === ' ' || line === '') {
      // A context line ('' would be one printed under diff.suppressBlankEmpty): counted, not kept.
      this.before -= 1;
      this.after -= 1;
    } else if (first !== '\\') {
      // Not a hunk's line: the hunk was shorter than its header said.
      this.close();
      this.take(line);
      return;
    }
    this.closeIfDone();
  }

  /** The patch without context, one string per line; the stripper is spent. */
  finish(): string[] {
    this.close();
    return this.out;
  }

  private closeIfDone(): void {
    if (this.before <= 0 && this.after <= 0) this.close();
  }

  private close(): void {
    if (this.hunk === undefined) return;
    this.out.push(`@@ -0,${this.removed} +0,${this.added} @@`);
    // One line at a time: a spread of a hunk of 100,000s of lines overflows the call stack.
    for (const line of this.hunk) this.out.push(line);
    this.hunk = undefined;
  }
}

/** The old and new line counts of a hunk header (`@@ -12,3 +12,4 @@`; a missing count is 1). */
function parseHunkCounts(line: string): [number, number] | undefined {
  const match = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(line);
  if (match === null) return undefined;
  return [Number(match[1] ?? 1), Number(match[2] ?? 1)];
}

/**
 * Splits text that arrives in chunks into lines (without their `\n`). Each
 * chunk is searched once: a line longer than many chunks (a minified file
 * in a patch) is kept as its parts and joined once, never scanned again per
 * chunk.
 */
export class LineSplitter {
  private parts: string[] = [];

  /** The lines the chunk completes, in order. */
  push(chunk: string): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
      this.parts.push(chunk.slice(start, end));
      lines.push(this.parts.join(''));
      this.parts = [];
      start = end + 1;
    }
    if (start < chunk.length) this.parts.push(chunk.slice(start));
    return lines;
  }

  /** The last line when the text did not end with a line break; undefined when it did. */
  end(): string | undefined {
    const last = this.parts.join('');
    this.parts = [];
    return last === '' ? undefined : last;
  }
}
