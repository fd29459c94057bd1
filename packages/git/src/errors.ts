import { ReleasePolicyError, truncateText } from '@release-policy/core';

/** Where git problems are explained, relative to the repository root. */
export const GIT_DOCS = 'docs/git.md';

/** The most stderr a GitError keeps, in characters. */
const STDERR_LIMIT = 4000;
/** The most characters of one argument shown in a message. */
const ARG_LIMIT = 200;

/** What went wrong, as far as a hint can tell from git's output. */
export type GitFailureKind =
  | 'not-a-repository'
  | 'no-work-tree'
  | 'unknown-revision'
  | 'shallow'
  | 'dubious-ownership'
  | 'no-commits'
  | 'git-not-found'
  | 'invalid-argument'
  | 'other';

/** Everything a GitError records about the failed command. */
export interface GitErrorDetails {
  /** The git command's arguments (without the binary and the fixed `-c` settings). */
  args: readonly string[];
  /** git's exit code; null when git did not run or was killed by a signal. */
  exitCode: number | null;
  /** git's standard error output. Trimmed and capped by the constructor. */
  stderr?: string;
  /** Set when the problem was found before running git (e.g. a revision starting with `-`). */
  reason?: string;
  /** True when the repository is known to be a shallow clone (sharpens the hint). */
  shallow?: boolean;
  /** Overrides the kind guessed from stderr. */
  kind?: GitFailureKind;
}

/**
 * A git command failed, or was refused before it ran. The message names the
 * command (arguments as a JSON array, never a shell string), git's first line
 * of stderr, and a hint for common causes.
 */
export class GitError extends ReleasePolicyError {
  /** Printed as `error.type` and `name`; see {@link ReleasePolicyError.type}. */
  static override readonly type = 'GitError';
  /** The git command's arguments (without the binary and the fixed `-c` settings). */
  readonly args: string[];
  /** git's exit code; null when git did not run or was killed by a signal. */
  readonly exitCode: number | null;
  /** git's standard error, trimmed and capped at a few thousand characters. */
  readonly stderr: string;
  /** What went wrong, as far as the hint could tell. */
  readonly kind: GitFailureKind;

  constructor(details: GitErrorDetails, options?: { cause?: unknown }) {
    const stderr = truncateText((details.stderr ?? '').trim(), STDERR_LIMIT);
    const kind = details.kind ?? classifyGitFailure(stderr, details.shallow === true);
    super(formatGitError(details, stderr, kind), options);
    this.args = [...details.args];
    this.exitCode = details.exitCode;
    this.stderr = stderr;
    this.kind = kind;
  }
}

/**
 * Guesses why git failed from its stderr. `shallow` turns an unknown
 * revision into a shallow-clone problem, its most common cause in CI.
 */
export function classifyGitFailure(stderr: string, shallow = false): GitFailureKind {
  if (/not a git repository/i.test(stderr)) return 'not-a-repository';
  if (/must be run in a work tree/i.test(stderr)) return 'no-work-tree';
  if (/dubious ownership/i.test(stderr)) return 'dubious-ownership';
  if (/does not have any commits yet/i.test(stderr)) return 'no-commits';
  if (/shallow/i.test(stderr)) return 'shallow';
  if (
    /unknown revision|bad revision|needed a single revision|invalid object name|not a valid object name|not a valid commit name|bad object/i.test(
      stderr,
    )
  ) {
    return shallow ? 'shallow' : 'unknown-revision';
  }
  return 'other';
}

const hints: Record<GitFailureKind, { text: string; anchor: string } | undefined> = {
  'not-a-repository': {
    text: 'Run the command inside a git working tree (or pass its directory as the working directory); in a workflow, run actions/checkout first.',
    anchor: 'not-a-repository',
  },
  'no-work-tree': {
    text: "This is a bare repository or a .git folder, which have no working tree: run the command in the checked-out folder, e.g. the clone's top directory.",
    anchor: 'no-working-tree',
  },
  'unknown-revision': {
    text: 'Check the spelling of the revision, e.g. "main" or "v1.2.3". In CI the clone may lack tags and other branches: fetch the full history, e.g. actions/checkout with fetch-depth: 0.',
    anchor: 'unknown-revision',
  },
  shallow: {
    text: 'This is a shallow clone, so older commits and tags are missing: fetch the full history, e.g. actions/checkout with fetch-depth: 0.',
    anchor: 'shallow-clone',
  },
  'dubious-ownership': {
    text: 'git refuses a repository owned by another user: mark it safe, e.g. git config --global --add safe.directory <path>.',
    anchor: 'dubious-ownership',
  },
  'no-commits': {
    text: 'The repository has no commits yet: commit something first, e.g. git commit --allow-empty -m "chore: initial commit".',
    anchor: 'no-commits',
  },
  'git-not-found': {
    text: 'Install git and make sure it is on PATH (or pass the path of the git binary), and check that the working directory exists.',
    anchor: 'git-not-found',
  },
  'invalid-argument': {
    text: 'Pass a plain revision or path such as "main", "v1.2.3" or "package.json"; names starting with "-" are refused because git would read them as options.',
    anchor: 'invalid-argument',
  },
  other: undefined,
};

function formatGitError(details: GitErrorDetails, stderr: string, kind: GitFailureKind): string {
  const command = `git ${formatArgs(details.args)}`;
  const lines: string[] = [];
  if (details.reason !== undefined) {
    lines.push(`${command} was not run: ${details.reason}`);
  } else {
    const status =
      details.exitCode === null ? 'did not finish' : `exited with code ${details.exitCode}`;
    lines.push(`${command} ${status}.`);
    const first = stderr.split(/\r?\n/, 1)[0]?.trim();
    if (first) lines.push(`git said: ${first}`);
  }
  const hint = hints[kind];
  if (hint) lines.push(`Hint: ${hint.text}`, `See ${GIT_DOCS}#${hint.anchor}`);
  else lines.push(`See ${GIT_DOCS}`);
  return lines.join('\n');
}

/** Shows arguments as a JSON array, each long argument truncated. */
export function formatArgs(args: readonly string[]): string {
  return JSON.stringify(args.map((a) => truncateText(a, ARG_LIMIT)));
}
