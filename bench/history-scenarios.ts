/**
 * The scenarios of the `history` section on a made history, and the checks
 * of every answer against what the generator knows: the CLI's exit code and
 * recommended version, the range peer's commits and tags, and the plain
 * `git log`'s commits. A wrong answer fails the bench instead of being timed.
 */
import { countReachableCommits, type HistoryRepo } from './history-repo.js';
import { formatCount } from './lib/table.js';

/** The most commits the CLI reads without a previous release tag (the version check's `MAX_COMMITS`, plus one to see the cut). */
export const CLI_COMMIT_LIMIT = 10_001;

/** One scenario: a CLI run, the git commands of the peer, and the answers to expect. */
export interface HistoryScenario {
  name: string;
  /** The checkout the commands run in. */
  cwd: string;
  /** Arguments after `node <cli>`. */
  cli: string[];
  /** The range peer's git commands, run one after the other. */
  peer: string[][];
  expectedExit: number;
  expectedRecommended: string;
  /** Commits the peer's `git log` must print, and tags its `git tag -l` must list. */
  expectedCommits: number;
  expectedTags: number;
  /** Commits the plain `git log` must print: every commit reachable from the checkout's branch. */
  expectedFullCommits: number;
}

const PEER_LOG = ['-c', 'log.showSignature=false', 'log', '--format=%H%x00%B%x00'];

/**
 * The second peer, as the issue measured: one plain `git log` in the
 * checkout, the whole history of its branch in the format a tool reads.
 */
export const FULL_LOG_PEER: readonly string[] = PEER_LOG;

/** Counts the commits of a `git log --format=%H%x00%B%x00` output (two NULs per commit). */
export function countLoggedCommits(log: string): number {
  return log.split('\0').length >> 1;
}

/**
 * The scenarios on a made history: mainline, maintenance line, a failing
 * explicit version, `check`, no tags, and `check` with a policy file
 * (`policyFile`: the file `init` writes, passed with `--policy`), which reads
 * and validates YAML where the others take the built-in default.
 */
export function listHistoryScenarios(
  repo: HistoryRepo,
  cli: string,
  policyFile: string,
): HistoryScenario[] {
  const { mainline, maintenance } = repo.plan;
  const tags = repo.plan.tagCount;
  const untaggedCommits = Math.min(
    repo.plan.commits.filter((c) => c.branch === 'main').length,
    CLI_COMMIT_LIMIT,
  );
  const range = (from: string) => [
    [...PEER_LOG, `${from}..HEAD`],
    ['tag', '-l'],
  ];
  const mainCommits = countReachableCommits(repo.plan, mainline.branch);
  const lineCommits = countReachableCommits(repo.plan, maintenance.branch);
  return [
    {
      name: `version, mainline (${mainline.commitsSince} commits since ${mainline.previousTag})`,
      cwd: repo.mainline,
      cli: [cli, 'version', '--json'],
      peer: range(mainline.previousTag),
      expectedExit: 0,
      expectedRecommended: mainline.recommended,
      expectedCommits: mainline.commitsSince,
      expectedTags: tags,
      expectedFullCommits: mainCommits,
    },
    {
      name: `version, maintenance line ${maintenance.branch} (checkout and --branch)`,
      cwd: repo.maintenance,
      cli: [cli, 'version', '--branch', maintenance.branch, '--json'],
      peer: range(maintenance.previousTag),
      expectedExit: 0,
      expectedRecommended: maintenance.recommended,
      expectedCommits: maintenance.commitsSince,
      expectedTags: tags,
      expectedFullCommits: lineCommits,
    },
    {
      name: `version ${mainline.declared}, mainline (already released: fails)`,
      cwd: repo.mainline,
      cli: [cli, 'version', mainline.declared, '--json'],
      peer: range(mainline.previousTag),
      expectedExit: 1,
      expectedRecommended: mainline.recommended,
      expectedCommits: mainline.commitsSince,
      expectedTags: tags,
      expectedFullCommits: mainCommits,
    },
    {
      name: 'check, mainline',
      cwd: repo.mainline,
      cli: [cli, 'check', '--json'],
      peer: range(mainline.previousTag),
      expectedExit: 0,
      expectedRecommended: mainline.recommended,
      expectedCommits: mainline.commitsSince,
      expectedTags: tags,
      expectedFullCommits: mainCommits,
    },
    {
      name: 'check, mainline, with the policy file init writes (--policy)',
      cwd: repo.mainline,
      cli: [cli, 'check', '--policy', policyFile, '--json'],
      peer: range(mainline.previousTag),
      expectedExit: 0,
      expectedRecommended: mainline.recommended,
      expectedCommits: mainline.commitsSince,
      expectedTags: tags,
      expectedFullCommits: mainCommits,
    },
    {
      name: `check, maintenance line ${maintenance.branch}`,
      cwd: repo.maintenance,
      cli: [cli, 'check', '--json'],
      peer: range(maintenance.previousTag),
      expectedExit: 0,
      expectedRecommended: maintenance.recommended,
      expectedCommits: maintenance.commitsSince,
      expectedTags: tags,
      expectedFullCommits: lineCommits,
    },
    {
      name: `version, no tags (newest ${formatCount(untaggedCommits)} commits)`,
      cwd: repo.untagged,
      cli: [cli, 'version', '--json'],
      peer: [
        [...PEER_LOG, `--max-count=${CLI_COMMIT_LIMIT}`, 'HEAD'],
        ['tag', '-l'],
      ],
      expectedExit: 0,
      expectedRecommended: '0.1.0',
      expectedCommits: untaggedCommits,
      expectedTags: 0,
      expectedFullCommits: mainCommits,
    },
  ];
}

/** What a CLI run left: its exit code and output. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Checks a CLI run's exit code and `version.recommended`; returns what is wrong, or undefined. */
export function checkCliAnswer(scenario: HistoryScenario, run: CliRun): string | undefined {
  const where = `"${scenario.name}"`;
  if (run.code !== scenario.expectedExit) {
    return `${where} should exit ${scenario.expectedExit} but exited ${run.code}: ${(run.stderr || run.stdout).trim().slice(0, 300)}`;
  }
  let recommended: unknown;
  try {
    recommended = (JSON.parse(run.stdout) as { version?: { recommended?: unknown } }).version
      ?.recommended;
  } catch {
    return `${where} printed no JSON: ${run.stdout.slice(0, 200)}`;
  }
  if (recommended !== scenario.expectedRecommended) {
    return `${where} recommends ${JSON.stringify(recommended)}, the generator expects "${scenario.expectedRecommended}"`;
  }
  return undefined;
}

/** Checks the peer's output: the commits of the range and every tag; returns what is wrong, or undefined. */
export function checkPeerAnswer(
  scenario: HistoryScenario,
  log: string,
  tags: string,
): string | undefined {
  const commits = countLoggedCommits(log);
  const tagCount = tags.split('\n').filter((t) => t !== '').length;
  if (commits !== scenario.expectedCommits || tagCount !== scenario.expectedTags) {
    return (
      `the peer of "${scenario.name}" read ${commits} commits and ${tagCount} tags, ` +
      `the generator expects ${scenario.expectedCommits} and ${scenario.expectedTags}`
    );
  }
  return undefined;
}

/** Checks the plain `git log`: every commit of the branch; returns what is wrong, or undefined. */
export function checkFullLogAnswer(scenario: HistoryScenario, log: string): string | undefined {
  const commits = countLoggedCommits(log);
  if (commits === scenario.expectedFullCommits) return undefined;
  return (
    `the plain git log of "${scenario.name}" read ${commits} commits, ` +
    `the generator expects ${scenario.expectedFullCommits}`
  );
}
