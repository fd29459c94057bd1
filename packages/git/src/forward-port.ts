/**
 * Forward ports: a branch made from mainline that cherry-picks a maintenance
 * line's missing commits with `-x`, pushed to the remote with the checkout's
 * own credentials. The picks happen in a temporary worktree, so the checked
 * out files and HEAD stay as they were.
 *
 * Re-run safe by adding only new picks: when the branch already exists on
 * the remote it is fetched and continued, commits it already holds (by their
 * `(cherry picked from commit X)` line) are not picked again, and the push is
 * a fast-forward, never forced, so a pick a person resolved and pushed there
 * is kept. A kept branch that mainline already contains (its pull request was
 * merged with a merge commit) is started again from mainline.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  quoteBranchName,
  readCherryPickSources,
  ReleasePolicyError,
  type ForwardPortCommit,
} from '@release-policy/core';
import { checkArgument } from './arguments.js';
import { GitError } from './errors.js';
import { runGitWithin } from './exec.js';
import type { GitProcessConfig } from './spawn.js';
import { createGit, type CreateGitOptions } from './git.js';
import { resolveMainline } from './patches.js';
import { createGitRunner, type GitRunner } from './runner.js';

/** How long one push, fetch or ls-remote may take. */
export const REMOTE_TIMEOUT_MS = 120_000;

/** The identity of the picks when the repository configures none. */
export const FORWARD_PORT_IDENTITY = {
  name: 'github-actions[bot]',
  email: '41898729+github-actions[bot]@users.noreply.github.com',
} as const;

/** The branch or a commit to pick cannot be used. */
export class ForwardPortError extends ReleasePolicyError {
  /** Printed as `error.type` and `name`; see {@link ReleasePolicyError.type}. */
  static override readonly type = 'ForwardPortError';
}

/** What {@link pushForwardPort} makes. */
export interface ForwardPortInput {
  /** The checked-out repository. */
  repository: CreateGitOptions;
  /** The mainline branch, e.g. `main` (or its `origin/` copy in a CI clone). */
  mainline: string;
  /** The branch to make or continue, e.g. `release-policy/forward-port/3.5.x`. */
  branch: string;
  /** The commits to pick, oldest first. */
  commits: readonly ForwardPortCommit[];
  /** A folder for the temporary worktree (e.g. the runner's temp folder). */
  tempDir: string;
  /** The remote to push to; `origin` when absent. */
  remote?: string;
  /** Milliseconds for each remote command; {@link REMOTE_TIMEOUT_MS} when absent. */
  timeoutMs?: number;
}

/** Why a commit was not picked. */
export type ForwardPortSkipReason = 'conflict' | 'empty' | 'already-on-branch';

/** What {@link pushForwardPort} did. */
export interface ForwardPortResult {
  branch: string;
  /** The branch's commit after the picks. */
  head: string;
  /** True when the branch existed on the remote and was continued. */
  reused: boolean;
  /** True when the branch was pushed (false when nothing changed, or nothing could be picked). */
  pushed: boolean;
  /** True when the branch holds commits mainline lacks, so a pull request can be opened. */
  ahead: boolean;
  /** The commits picked by this run, oldest first. */
  picked: ForwardPortCommit[];
  /** The commits not picked by this run, and why. */
  skipped: (ForwardPortCommit & { reason: ForwardPortSkipReason })[];
}

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * Makes (or continues) the forward-port branch in a temporary worktree,
 * cherry-picks the commits with `-x` in one sequence, skipping each pick that
 * conflicts or comes out empty (`git cherry-pick --skip` abandons that one
 * pick and goes on), and pushes the branch when it changed. The picks are
 * committed as the repository's configured user, else
 * {@link FORWARD_PORT_IDENTITY}; their authors stay the original ones.
 *
 * @throws ForwardPortError for a commit that is not a full sha or a branch git refuses
 * @throws GitError when git fails (e.g. the push is refused: no `contents: write`)
 */
export async function pushForwardPort(input: ForwardPortInput): Promise<ForwardPortResult> {
  checkForwardPortInput(input);
  const config = toProcessConfig(input.repository);
  const runner = createGitRunner(config);
  const remote = input.remote ?? 'origin';
  const timeoutMs = input.timeoutMs ?? REMOTE_TIMEOUT_MS;
  const mainlineSha = await resolveMainline(createGit(input.repository), input.mainline);
  const existing = await fetchRemoteBranch(config, remote, input.branch, timeoutMs);
  // A kept branch whose pull request was merged with a merge commit is
  // already in mainline: start again from mainline (the push stays a
  // fast-forward) rather than from the old branch.
  const start =
    existing === undefined || (await isAncestor(runner, existing, mainlineSha))
      ? mainlineSha
      : existing;
  const onBranch =
    start === existing ? await listPickedSources(runner, mainlineSha, existing) : new Set();
  const already = input.commits.filter((c) => onBranch.has(c.sha));
  const todo = input.commits.filter((c) => !onBranch.has(c.sha));
  const folder = await mkdtemp(join(input.tempDir, 'release-policy-forward-port-'));
  const worktree = join(folder, 'worktree');
  await runner.run(['worktree', 'add', '--quiet', '--detach', worktree, start]);
  try {
    const work = createGitRunner({ ...config, cwd: worktree });
    const identity = await readIdentityArgs(runner);
    const skipped = await pickCommits(work, identity, todo);
    const head = await work.text(['rev-parse', 'HEAD']);
    const pushed = head !== start;
    if (pushed) {
      await runGitWithin(
        { ...config, cwd: worktree },
        ['push', '--quiet', '--no-verify', remote, `HEAD:refs/heads/${input.branch}`],
        timeoutMs,
      );
    }
    const skippedShas = new Set(skipped.map((s) => s.sha));
    return {
      branch: input.branch,
      head,
      reused: existing !== undefined,
      pushed,
      ahead: await isAhead(work, mainlineSha, head),
      picked: todo.filter((c) => !skippedShas.has(c.sha)),
      skipped: [
        ...already.map((c) => ({ ...c, reason: 'already-on-branch' as const })),
        ...skipped,
      ],
    };
  } finally {
    // The worktree was temporary: remove it whatever happened, and forget it.
    await runner.run(['worktree', 'remove', '--force', worktree]).catch(() => undefined);
    await rm(folder, { recursive: true, force: true });
    await runner.run(['worktree', 'prune']).catch(() => undefined);
  }
}

function toProcessConfig(options: CreateGitOptions): GitProcessConfig {
  return {
    cwd: options.cwd,
    gitBinary: options.gitBinary ?? 'git',
    env: options.env ?? process.env,
  };
}

function checkForwardPortInput(input: ForwardPortInput): void {
  const bad = input.commits.find((c) => !SHA.test(c.sha));
  if (bad !== undefined) {
    throw new ForwardPortError(
      `The commit ${JSON.stringify(bad.sha.slice(0, 80))} to forward-port is not a full sha; ` +
        'expected 40 (or 64) lowercase hex digits, as the patch report gives them.',
    );
  }
  checkArgument(['push'], input.branch, 'revision');
  if (!/^[A-Za-z0-9._/-]+$/.test(input.branch) || input.branch.includes('..')) {
    throw new ForwardPortError(
      `The forward-port branch ${quoteBranchName(input.branch)} is not a plain branch name; ` +
        'expected letters, digits, ".", "_", "-" and "/", e.g. release-policy/forward-port/3.5.x.',
    );
  }
}

/**
 * The branch's commit on the remote, fetched into its remote-tracking
 * branch; undefined when the remote has no such branch.
 */
async function fetchRemoteBranch(
  config: GitProcessConfig,
  remote: string,
  branch: string,
  timeoutMs: number,
): Promise<string | undefined> {
  const ref = `refs/heads/${branch}`;
  // Exit 2: no ref matched, the branch does not exist yet.
  const listed = await runGitWithin(
    config,
    ['ls-remote', '--exit-code', '--heads', remote, ref],
    timeoutMs,
    [0, 2],
  );
  if (listed.exitCode === 2) return undefined;
  const sha = readListedSha(listed.stdout.toString('utf8'), ref, remote);
  if (sha === undefined) return undefined;
  await runGitWithin(
    config,
    ['fetch', '--quiet', '--no-tags', remote, `+${ref}:refs/remotes/${remote}/${branch}`],
    timeoutMs,
  );
  return sha;
}

/**
 * The sha `git ls-remote` lists for exactly `ref`. Its pattern matches the
 * tail of a ref name, so `refs/heads/X` also lists `refs/heads/refs/heads/X`:
 * every line is read and only the exact ref is kept. When only such a longer
 * ref exists, `git push HEAD:refs/heads/X` would update it instead (push
 * matches a destination the same way), so that is refused.
 *
 * @throws ForwardPortError when the remote holds a longer ref ending in `ref` but not `ref` itself
 */
function readListedSha(output: string, ref: string, remote: string): string | undefined {
  const listed = output
    .split('\n')
    .map((line) => line.trim().split('\t'))
    .filter(([sha, name]) => sha !== undefined && SHA.test(sha) && name !== undefined);
  const exact = listed.find(([, name]) => name === ref);
  if (exact !== undefined) return exact[0];
  const longer = listed.find(([, name]) => name?.endsWith(`/${ref}`));
  if (longer !== undefined) {
    throw new ForwardPortError(
      `The remote ${JSON.stringify(remote)} has ${JSON.stringify(longer[1])} but no ${JSON.stringify(ref)}; ` +
        'git push would update that longer ref in place of the forward-port branch. ' +
        'Delete or rename it on the remote, then run again.',
    );
  }
  return undefined;
}

/** True when `commit` is `other` or one of its ancestors. */
async function isAncestor(runner: GitRunner, commit: string, other: string): Promise<boolean> {
  const result = await runner.run(['merge-base', '--is-ancestor', commit, other], [0, 1]);
  return result.exitCode === 0;
}

/** True when `head` holds at least one commit `base` lacks (a pull request would not be empty). */
async function isAhead(work: GitRunner, base: string, head: string): Promise<boolean> {
  const count = await work.text(['rev-list', '--count', `${base}..${head}`]);
  return Number.parseInt(count, 10) > 0;
}

/** The line commits the branch already holds picks of: the `(cherry picked from commit X)` lines of its own commits. */
async function listPickedSources(
  runner: GitRunner,
  mainlineSha: string,
  head: string,
): Promise<Set<string>> {
  const { stdout } = await runner.run(['log', '--format=%B%x00', `${mainlineSha}..${head}`, '--']);
  return new Set(stdout.toString('utf8').split('\0').flatMap(readCherryPickSources));
}

/** `-c` settings naming the committer when the repository configures no user (else none). */
async function readIdentityArgs(runner: GitRunner): Promise<string[]> {
  const read = async (key: string) =>
    (await runner.run(['config', '--get', key], [0, 1])).stdout.toString('utf8').trim();
  const [name, email] = await Promise.all([read('user.name'), read('user.email')]);
  if (name !== '' && email !== '') return [];
  return [
    '-c',
    `user.name=${FORWARD_PORT_IDENTITY.name}`,
    '-c',
    `user.email=${FORWARD_PORT_IDENTITY.email}`,
  ];
}

/**
 * Picks `commits` with `-x` in one `git cherry-pick` sequence. At each stop,
 * the stopped commit (CHERRY_PICK_HEAD) is a conflict when the index has
 * unmerged paths, else an empty pick (its change is already there); it is
 * abandoned with `git cherry-pick --skip`, which goes on with the rest.
 * Returns the skipped commits.
 */
async function pickCommits(
  work: GitRunner,
  identity: readonly string[],
  commits: readonly ForwardPortCommit[],
): Promise<(ForwardPortCommit & { reason: ForwardPortSkipReason })[]> {
  const skipped: (ForwardPortCommit & { reason: ForwardPortSkipReason })[] = [];
  if (commits.length === 0) return skipped;
  const bySha = new Map(commits.map((c) => [c.sha, c]));
  let result = await work.run(
    [...identity, 'cherry-pick', '-x', ...commits.map((c) => c.sha)],
    [0, 1],
  );
  // Each stop skips one commit: there are at most as many stops as commits.
  for (let stops = 0; result.exitCode !== 0; stops += 1) {
    const stopped = await readStoppedPick(work, result.stderr);
    const commit = bySha.get(stopped);
    if (commit === undefined || stops >= commits.length) {
      throw new GitError({
        args: ['cherry-pick', '-x'],
        exitCode: result.exitCode,
        stderr: result.stderr,
      });
    }
    const unmerged = await work.run(['ls-files', '--unmerged', '-z']);
    skipped.push({ ...commit, reason: unmerged.stdout.length > 0 ? 'conflict' : 'empty' });
    result = await work.run([...identity, 'cherry-pick', '--skip'], [0, 1]);
  }
  return skipped;
}

/** The commit a stopped cherry-pick stopped at; throws git's own failure when it did not stop at one. */
async function readStoppedPick(work: GitRunner, stderr: string): Promise<string> {
  const head = await work.run(['rev-parse', '--verify', '--quiet', 'CHERRY_PICK_HEAD'], [0, 1]);
  const sha = head.stdout.toString('utf8').trim();
  if (head.exitCode !== 0 || sha === '') {
    throw new GitError({ args: ['cherry-pick', '-x'], exitCode: 1, stderr });
  }
  return sha;
}
