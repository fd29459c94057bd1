import { Readable } from 'node:stream';
import {
  checkArgument,
  formatRange,
  formatStdinRevisions,
  type RevisionRange,
} from './arguments.js';
import { GitError } from './errors.js';
import { runGit } from './exec.js';
import { collectBatches, convertFormatError, streamRecords } from './log.js';
import { LogFormatError, LogRecordParser, readSha, trimLineBreaks } from './log-parser.js';
import type { GitRunner } from './runner.js';

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
  /**
   * The whole message without its final line breaks, for the right side's
   * commits only (the others are not kept); untrusted text.
   */
  message?: string;
}

/**
 * The `git log` format {@link readSymmetricDifference} reads: sha, side mark
 * (`<`, `>` or `-`), parents, subject and message, each followed by NUL
 * (which no message can contain); git adds a line break after each record.
 */
const SIDE_FORMAT = '%H%x00%m%x00%P%x00%s%x00%B%x00';
const SIDE_MARKS: Readonly<Record<string, CommitSide>> = {
  '<': 'left',
  '>': 'right',
  '-': 'boundary',
};

/**
 * Every commit of `left...right`: those only `left` reaches, those only
 * `right` reaches, and the boundary (the commits both reach that are parents
 * of the others, among them every merge base), each with its parents and
 * subject (and, on the right side, its message), newest first, in one
 * `git log` walk that reads no diff. Records are parsed as git prints them:
 * the left side's messages (a mainline's, possibly its whole history) are
 * never held. The merge bases of the two are among the boundary commits:
 * when there is exactly one, it is their only merge base (and the left side
 * is then `base..left`); when there is none, the histories are unrelated or equal.
 * @throws GitError for a refused or unknown revision, a failing git, or output of an unexpected shape.
 */
export async function readSymmetricDifference(
  runner: GitRunner,
  left: string,
  right: string,
): Promise<SideCommit[]> {
  const args = ['-c', 'log.showSignature=false', 'log', '--left-right', '--boundary'];
  args.push(`--format=${SIDE_FORMAT}`, '--end-of-options');
  checkArgument(args, left, 'revision');
  checkArgument(args, right, 'revision');
  args.push(`${left}...${right}`, '--');
  const parser = new LogRecordParser(5, convertSideRecord);
  return collectBatches(streamRecords(runner, args, parser));
}

/** Builds a commit from the fields of one record of {@link SIDE_FORMAT}; throws LogFormatError. */
function convertSideRecord(fields: readonly string[]): SideCommit {
  const [sha = '', mark = '', parents = '', subject = '', message = ''] = fields;
  const side = SIDE_MARKS[mark];
  if (side === undefined) {
    throw new LogFormatError(
      `git log printed ${JSON.stringify(mark.slice(0, 80))} as the side of commit ${sha}; expected <, > or -.`,
    );
  }
  const commit: SideCommit = {
    sha,
    side,
    parents: parents === '' ? [] : parents.split(' ').map(readSha),
    subject,
  };
  if (side === 'right') commit.message = trimLineBreaks(message);
  return commit;
}
