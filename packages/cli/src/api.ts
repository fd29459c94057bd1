import { FACT_SOURCES, type CheckDefinition, type Finding } from '@release-policy/core';
import type { Git } from '@release-policy/git';
import type {
  CreateOctokitOptions,
  Octokit,
  OctokitLog,
  RepositoryRef,
} from '@release-policy/github';
import { sanitizeForTerminal } from './output.js';
import { loadRepositoryOption, parseRemoteUrl } from './repo.js';

/** How the CLI reaches the GitHub API: an Octokit and the repository to ask about. */
export interface GitHubAccess {
  octokit: Octokit;
  repo: RepositoryRef;
}

/** A check that did not run, and why. */
export interface SkippedCheck {
  check: string;
  reason: string;
}

/** What {@link resolveGitHubAccess} decided: the access, or the checks it had to skip. */
export interface GitHubAccessResult {
  /** Set when some check needs the API and a token and a repository were found. */
  access?: GitHubAccess;
  /** The checks to run. */
  checks: readonly CheckDefinition[];
  /** The checks left out; empty when none. */
  skipped: SkippedCheck[];
}

/** What the CLI knows that decides the access. */
export interface GitHubAccessRequest {
  checks: readonly CheckDefinition[];
  env: Record<string, string | undefined>;
  git: Git;
  /** `--repo OWNER/NAME`, when given. */
  repo?: string;
  /** Where the API client's warnings go (the terminal's stderr). */
  stderr: (text: string) => void;
  /**
   * Time limits of each API call (default: each attempt 20 s, each call
   * 100 s, waits between retries 1, 4, 9 s, as in the actions); tests make them small.
   */
  timeouts?: Pick<CreateOctokitOptions, 'requestTimeoutMs' | 'callDeadlineMs' | 'retryAfterBaseMs'>;
}

const NO_TOKEN = 'no GitHub token: set GITHUB_TOKEN or GH_TOKEN';
const NO_REPOSITORY = 'no GitHub repository: give --repo OWNER/NAME (origin is not a GitHub URL)';

/** True when the check needs a kind of facts only the GitHub API knows. */
export function needsGitHubApi(check: CheckDefinition): boolean {
  return check.needs.some((kind) => FACT_SOURCES[kind] === 'github');
}

/**
 * Decides how the checks reach the API. Nothing is asked of git or GitHub
 * unless a check needs a GitHub fact. The token is `GITHUB_TOKEN`, else
 * `GH_TOKEN`; the API root `GITHUB_API_URL` (default the public API); the
 * repository `--repo`, else the `origin` remote. Without a token or a
 * repository, the checks that need the API are skipped (never failed).
 */
export async function resolveGitHubAccess(
  request: GitHubAccessRequest,
): Promise<GitHubAccessResult> {
  const needing = request.checks.filter(needsGitHubApi);
  const wanting = request.checks.filter((check) =>
    (check.wants ?? []).some((kind) => FACT_SOURCES[kind] === 'github'),
  );
  if (needing.length === 0 && wanting.length === 0) return { checks: request.checks, skipped: [] };
  const token = (request.env.GITHUB_TOKEN || request.env.GH_TOKEN || '').trim();
  const repo = !token
    ? undefined
    : request.repo
      ? loadRepositoryOption(request.repo)
      : await readOriginRepository(request.git);
  if (!token || !repo) {
    // A check that only wants the API's facts runs without them.
    if (needing.length === 0) return { checks: request.checks, skipped: [] };
    const reason = token ? NO_REPOSITORY : NO_TOKEN;
    return {
      checks: request.checks.filter((check) => !needsGitHubApi(check)),
      skipped: needing.map((check) => ({ check: check.name, reason })),
    };
  }
  // Loaded only here: the API client and its HTTP stack cost a run that never calls GitHub.
  const { createOctokit } = await import('@release-policy/github');
  const octokit = createOctokit({
    token,
    env: request.env,
    // Outside a runner: masking would print the token, and the job log's helpers do not apply.
    maskToken: false,
    log: createTerminalLog(request.stderr),
    userAgent: 'release-policy-cli',
    // A server that never answers fails the call in bounded time, naming the host and the request.
    ...request.timeouts,
  });
  return { access: { octokit, repo }, checks: request.checks, skipped: [] };
}

/**
 * The notice that says which checks were skipped and how to run them, or
 * none when nothing was skipped.
 */
export function convertSkippedChecksToFindings(skipped: readonly SkippedCheck[]): Finding[] {
  if (skipped.length === 0) return [];
  const names = skipped.map((s) => JSON.stringify(s.check)).join(', ');
  const noToken = skipped.some((s) => s.reason === NO_TOKEN);
  return [
    {
      rule: 'github-api',
      severity: 'notice',
      message:
        `Skipped ${skipped.length === 1 ? 'the check' : 'the checks'} ${names}: ` +
        `${skipped.length === 1 ? 'it needs' : 'they need'} facts only the GitHub API knows, and there is ` +
        (noToken
          ? 'no token. Give one in GITHUB_TOKEN or GH_TOKEN, e.g. GITHUB_TOKEN=$(gh auth token) release-policy check.'
          : 'no GitHub repository: the origin remote is missing or not a GitHub URL. Give one, e.g. --repo octo-org/service.'),
      docs: 'docs/cli.md#github-api',
    },
  ];
}

/** The repository the `origin` remote points at; undefined without one or for a non-GitHub URL. */
export async function readOriginRepository(git: Git): Promise<RepositoryRef | undefined> {
  const url = await git.readRemoteUrl('origin');
  return url === undefined ? undefined : parseRemoteUrl(url);
}

/** Octokit's warnings (rate-limit waits, retries) on stderr; its debug and info lines dropped. */
export function createTerminalLog(stderr: (text: string) => void): OctokitLog {
  const write = (message: string) => stderr(`release-policy: ${sanitizeForTerminal(message)}\n`);
  return { debug() {}, info() {}, warn: write, error: write };
}
