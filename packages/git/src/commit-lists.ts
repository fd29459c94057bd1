import { Readable } from 'node:stream';
import {
  checkArgument,
  formatRange,
  formatStdinRevisions,
  type RevisionRange,
} from './arguments.js';
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
  if (commits.length === 0) return new Map();
  return readNames(runner, { commits });
}

/**
 * The paths each non-merge commit of `range` that changes one of `paths`
 * (literal, from the top) changes, every one of them (`--full-diff`),
 * without rename detection: commit sha → paths, in one walk that diffs
 * only the trees holding those paths (`--full-history`: no commit is hidden
 * by history simplification). Without `paths`, every commit of the range;
 * with none, nothing.
 * @throws GitError for a refused revision or path, a failing git, or output of an unexpected shape.
 */
export async function readChangedPathsInRange(
  runner: GitRunner,
  range: RevisionRange,
  paths?: readonly string[],
): Promise<Map<string, string[]>> {
  if (paths?.length === 0) return new Map();
  return readNames(runner, { range, paths });
}

/** One `git log --name-only -z` of listed commits, or of a range limited to paths (both on standard input). */
async function readNames(
  runner: GitRunner,
  spec: { commits?: readonly string[]; range?: RevisionRange; paths?: readonly string[] },
): Promise<Map<string, string[]>> {
  const changed = new Map<string, string[]>();
  const args = ['-c', 'log.showSignature=false', 'log', '--format=%x00%H', '--name-only'];
  args.push('--no-renames', '--no-relative', '--root', '-z', '--no-merges');
  if (spec.paths !== undefined) args.push('--full-history', '--full-diff');
  const input = formatStdinRevisions(args, { commits: spec.commits, paths: spec.paths });
  if (input !== undefined) args.push('--stdin');
  if (spec.range === undefined) args.push('--no-walk=unsorted', '--');
  else args.push('--end-of-options', formatRange(args, spec.range), '--');
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

/** Where a commit of `left...right` stands. */
export type CommitSide = 'left' | 'right' | 'boundary';

/** One commit of a symmetric difference, as far as patch matching needs it. */
export interface SideCommit {
  /** Full sha. */
  sha: string;
  side: CommitSide;
  /** Full shas of its parents (two or more for a merge). */
  parents: string[];
  /** The subject (git's `%s`); untrusted text. */
  subject: string;
  /** The whole message without its final line breaks; untrusted text. */
  message: string;
}

/** The fields a record of {@link readSymmetricDifference} prints after the NUL that starts it. */
const SIDE_FIELDS = 4;
const SIDE_MARKS: Readonly<Record<string, CommitSide>> = {
  '<': 'left',
  '>': 'right',
  '-': 'boundary',
};

/**
 * Every commit of `left...right`: those only `left` reaches, those only
 * `right` reaches, and the boundary (the commits both reach that are parents
 * of the others, among them every merge base), each with its parents,
 * subject and message, newest first, in one `git log` walk that reads no diff.
 * The merge bases of the two are among the boundary commits: when there is
 * exactly one, it is their only merge base (and the left side is then
 * `base..left`); when there is none, the histories are unrelated or equal.
 * @throws GitError for a refused or unknown revision, a failing git, or output of an unexpected shape.
 */
export async function readSymmetricDifference(
  runner: GitRunner,
  left: string,
  right: string,
): Promise<SideCommit[]> {
  const args = ['-c', 'log.showSignature=false', 'log', '--left-right', '--boundary'];
  args.push('--format=%x00%m%H%x00%P%x00%s%x00%B%x00', '-z', '--end-of-options');
  checkArgument(args, left, 'revision');
  checkArgument(args, right, 'revision');
  args.push(`${left}...${right}`, '--');
  const { stdout } = await runner.run(args);
  try {
    return parseSideRecords(stdout.toString('utf8'));
  } catch (error) {
    throw convertFormatError(error, args);
  }
}

/**
 * Reads `--format=%x00%m%H%x00%P%x00%s%x00%B%x00 -z` output: per commit an
 * empty field, the side mark with the sha, the parents, the subject and the
 * message, each field ending with NUL; git's `-z` separates commits with
 * another NUL (an empty field).
 */
function parseSideRecords(text: string): SideCommit[] {
  const fields = text.split('\0');
  const commits: SideCommit[] = [];
  const fail = (what: string) =>
    new LogFormatError(
      `git log printed ${what}; expected per commit an empty field, the side mark (<, > or -) and sha, the parents, the subject and the message, each ending with NUL, then an empty field.`,
    );
  let i = 0;
  while (i < fields.length - 1) {
    if (fields[i] !== '' || i + SIDE_FIELDS + 1 >= fields.length || fields[i + 5] !== '') {
      throw fail(
        `${JSON.stringify((fields[i] ?? '').slice(0, 80))} where a commit record should start`,
      );
    }
    const [marked = '', parents = '', subject = '', message = ''] = fields.slice(i + 1, i + 5);
    const side = SIDE_MARKS[marked.slice(0, 1)];
    if (side === undefined) {
      throw fail(`${JSON.stringify(marked.slice(0, 80))} as a side mark and sha`);
    }
    commits.push({
      sha: readSha(marked.slice(1)),
      side,
      parents: parents === '' ? [] : parents.split(' ').map(readSha),
      subject,
      message: message.replace(/(?:\r?\n)+$/, ''),
    });
    i += SIDE_FIELDS + 2;
  }
  if (fields.at(-1) !== '') throw fail('an unfinished record at the end');
  return commits;
}
