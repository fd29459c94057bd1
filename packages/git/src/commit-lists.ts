import { Readable } from 'node:stream';
import { formatRange, formatStdinRevisions, type RevisionRange } from './arguments.js';
import { GitError } from './errors.js';
import { runGit } from './exec.js';
import { convertFormatError } from './log.js';
import { LogFormatError, readSha } from './log-parser.js';
import type { GitRunner } from './runner.js';

/** One commit as far as its subject goes. */
export interface CommitSubject {
  /** Full sha. */
  sha: string;
  /** The subject (git's `%s`); untrusted text. */
  subject: string;
}

/**
 * The sha and subject of every commit in `from..to` (merges included),
 * newest first, in one `git log` that reads no message body, trailer or
 * diff: a long range costs only its walk.
 * @throws GitError for a refused revision, a failing git, or output of an unexpected shape.
 */
export async function readSubjects(
  runner: GitRunner,
  range: RevisionRange,
): Promise<CommitSubject[]> {
  const args = ['-c', 'log.showSignature=false', 'log', '--format=%H%x00%s%x00'];
  args.push('--end-of-options', formatRange(args, range), '--');
  const { stdout } = await runner.run(args);
  // Each record is `<sha> NUL <subject> NUL`, records separated by a line break; a subject holds neither.
  const fields = stdout.toString('utf8').split('\0');
  const commits: CommitSubject[] = [];
  try {
    for (let i = 0; i + 1 < fields.length; i += 2) {
      commits.push({
        sha: readSha((fields[i] ?? '').replace(/^\n/, '')),
        subject: fields[i + 1] ?? '',
      });
    }
    const rest = fields.length % 2 === 1 ? (fields.at(-1) ?? '') : 'an unfinished record';
    if (rest.trim() !== '') {
      throw new LogFormatError(
        `git log ended with ${JSON.stringify(rest.slice(0, 80))}; expected records of a sha and a subject, each ending with NUL.`,
      );
    }
  } catch (error) {
    throw convertFormatError(error, args);
  }
  return commits;
}

/**
 * The paths each of `commits` (full shas) changes, as git's tree diff sees
 * them without rename detection (a rename changes its old and its new path):
 * commit sha → paths. One `git log --name-only --no-walk` for all of them,
 * read from standard input; merges are skipped and have no entry, a commit
 * that changes nothing has an empty list.
 * @throws GitError for a commit that is not a full sha, a failing git, or output of an unexpected shape.
 */
export async function readChangedPaths(
  runner: GitRunner,
  commits: readonly string[],
): Promise<Map<string, string[]>> {
  const changed = new Map<string, string[]>();
  if (commits.length === 0) return changed;
  const args = ['-c', 'log.showSignature=false', 'log', '--format=%x00%H', '--name-only'];
  args.push('--no-renames', '--no-relative', '--root', '-z', '--no-merges');
  const input = formatStdinRevisions(args, { commits });
  args.push('--stdin', '--no-walk=unsorted', '--');
  const { stdout } = await runGit(runner.config, args, [0], Readable.from([input ?? ''])).catch(
    async (error: unknown) => {
      throw error instanceof GitError ? await runner.sharpen(error) : error;
    },
  );
  try {
    collectChangedPaths(stdout.toString('utf8'), changed);
  } catch (error) {
    throw convertFormatError(error, args);
  }
  return changed;
}

/**
 * Reads `--format=%x00%H --name-only -z` output: per commit an empty field,
 * its sha, then its paths, each field ending with NUL; git puts a line break
 * before a commit's first path. A path is never empty, so an empty field
 * always starts a commit.
 */
function collectChangedPaths(text: string, changed: Map<string, string[]>): void {
  const fields = text.split('\0');
  let paths: string[] | undefined;
  let first = false;
  for (let i = 0; i < fields.length; i += 1) {
    const field = fields[i] ?? '';
    if (field === '') {
      if (i === fields.length - 1) break;
      i += 1;
      paths = [];
      changed.set(readSha(fields[i] ?? ''), paths);
      first = true;
    } else if (paths === undefined) {
      throw new LogFormatError(
        `git log printed ${JSON.stringify(field.slice(0, 80))} before any commit; expected NUL and a commit sha first.`,
      );
    } else {
      paths.push(first && field.startsWith('\n') ? field.slice(1) : field);
      first = false;
    }
  }
}
