import { readFileSync } from 'node:fs';
import {
  quoteValue,
  resolveBranchUnderTest,
  type BranchFacts,
  type Facts,
} from '@release-policy/core';

/** The pull request a run is about, from the event payload. */
export interface PullRequestContext {
  number: number;
  title: string;
  body: string;
  /** Head branch (short name) and commit. */
  headRef: string;
  headSha: string;
  /** Base branch (short name) and commit: read the policy from here. */
  baseRef: string;
  baseSha: string;
  /** `owner/repo` of the head; empty when the head repository was deleted. */
  headRepo: string;
  /** True when the head lives in another repository (its token is read-only). */
  isFork: boolean;
  draft: boolean;
  /** Login of the pull request's author. */
  author: string;
}

/** Everything a run knows about itself, read from the runner's environment. */
export interface RunContext {
  eventName: string;
  repo: { owner: string; repo: string };
  /** The commit the run is for (on pull requests: the test merge commit). */
  sha: string;
  /** Full ref, e.g. `refs/heads/main`, `refs/tags/v1.2.3`, `refs/pull/7/merge`. */
  ref: string;
  /** Short ref name, e.g. `main`, `v1.2.3`, `7/merge`. */
  refName: string;
  refType: 'branch' | 'tag' | '';
  /** Pull-request head and base branch names (`GITHUB_HEAD_REF`, `GITHUB_BASE_REF`); empty otherwise. */
  headRef: string;
  baseRef: string;
  serverUrl: string;
  apiUrl: string;
  runId: number;
  runAttempt: number;
  workflow: string;
  job: string;
  actor: string;
  /** The repository and ref of the running action (`GITHUB_ACTION_REPOSITORY`/`_REF`), when known. */
  actionRepository: string;
  actionRef: string;
  /** Present on pull-request events whose payload carries a pull request. */
  pullRequest?: PullRequestContext;
  /** Every problem met while reading the environment and payload; empty when none. */
  problems: string[];
}

/** The public GitHub API, used when neither `baseUrl` nor `GITHUB_API_URL` is set. */
export const DEFAULT_API_URL = 'https://api.github.com';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

/** Reads the event payload JSON; problems are collected, never thrown. */
function readPayload(path: string | undefined, problems: string[]): Json {
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    problems.push(
      `GITHUB_EVENT_PATH points at ${quoteValue(path)}, which cannot be read (${(error as Error).message}); ` +
        'pull-request details are unavailable.',
    );
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (isObject(parsed)) return parsed;
    problems.push(
      `The event payload at ${quoteValue(path)} is not a JSON object; pull-request details are unavailable.`,
    );
  } catch (error) {
    problems.push(
      `The event payload at ${quoteValue(path)} is not valid JSON (${(error as Error).message}); ` +
        'pull-request details are unavailable.',
    );
  }
  return {};
}

/** Extracts the pull request from a payload (`pull_request`, `pull_request_target`, reviews). */
export function readPullRequest(payload: Json): PullRequestContext | undefined {
  const pr = payload.pull_request;
  if (!isObject(pr)) return undefined;
  const number = typeof pr.number === 'number' ? pr.number : Number(payload.number);
  if (!Number.isSafeInteger(number) || number <= 0) return undefined;
  const head = isObject(pr.head) ? pr.head : {};
  const base = isObject(pr.base) ? pr.base : {};
  const headRepo = isObject(head.repo) ? str(head.repo.full_name) : '';
  const baseRepo = isObject(base.repo) ? str(base.repo.full_name) : '';
  return {
    number,
    title: str(pr.title),
    body: str(pr.body),
    headRef: str(head.ref),
    headSha: str(head.sha),
    baseRef: str(base.ref),
    baseSha: str(base.sha),
    headRepo,
    // A deleted head repository (null) is treated as a fork: assume the least access.
    isFork: !headRepo || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
    draft: pr.draft === true,
    author: isObject(pr.user) ? str(pr.user.login) : '',
  };
}

/**
 * Reads the run context from the environment the runner provides and the
 * event payload at `GITHUB_EVENT_PATH`. Never throws: anything missing or
 * unreadable is left empty and described in `problems`.
 */
export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const problems: string[] = [];
  const repository = env.GITHUB_REPOSITORY ?? '';
  const [owner = '', repo = ''] = repository.split('/');
  if (!owner || !repo || repository.split('/').length !== 2) {
    problems.push(
      `GITHUB_REPOSITORY is ${quoteValue(repository)}; expected "owner/repo", e.g. "octo-org/service". ` +
        'It is set by the Actions runner.',
    );
  }
  const payload = readPayload(env.GITHUB_EVENT_PATH, problems);
  const ref = env.GITHUB_REF ?? '';
  const refType =
    env.GITHUB_REF_TYPE === 'branch' || env.GITHUB_REF_TYPE === 'tag' ? env.GITHUB_REF_TYPE : '';
  const refName =
    env.GITHUB_REF_NAME ?? ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\/pull\//, '');
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    repo: { owner, repo },
    sha: env.GITHUB_SHA ?? '',
    ref,
    refName,
    refType,
    headRef: env.GITHUB_HEAD_REF ?? '',
    baseRef: env.GITHUB_BASE_REF ?? '',
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    apiUrl: (env.GITHUB_API_URL || DEFAULT_API_URL).replace(/\/+$/, ''),
    runId: positiveInt(env.GITHUB_RUN_ID, 0),
    runAttempt: positiveInt(env.GITHUB_RUN_ATTEMPT, 1),
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    actor: env.GITHUB_ACTOR ?? '',
    actionRepository: env.GITHUB_ACTION_REPOSITORY ?? '',
    actionRef: env.GITHUB_ACTION_REF ?? '',
    pullRequest: readPullRequest(payload),
    problems,
  };
}

/** Link to the run's page (job summary included), or `undefined` without a run id. */
export function formatRunUrl(context: RunContext): string | undefined {
  if (!context.runId || !context.repo.owner || !context.repo.repo) return undefined;
  const { owner, repo } = context.repo;
  const attempt = context.runAttempt > 1 ? `/attempts/${context.runAttempt}` : '';
  return `${context.serverUrl}/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/actions/runs/${context.runId}${attempt}`;
}

/** Where the documentation links point when the running action's repository is unknown. */
export const FALLBACK_DOCS_BASE_URL = 'https://github.com/release-policy/release-policy/blob/main/';

/**
 * Where rule documentation links point: the running action's own repository
 * at its ref (`GITHUB_ACTION_REPOSITORY`, `GITHUB_ACTION_REF`). When that is
 * unknown (a local action, `uses: ./…`, leaves it empty) the project's
 * documentation on its default branch, {@link FALLBACK_DOCS_BASE_URL}, so a
 * link is never relative to a page it does not belong to.
 */
export function resolveDocsBaseUrl(context: RunContext): string {
  if (!/^[\w.-]+\/[\w.-]+$/.test(context.actionRepository)) return FALLBACK_DOCS_BASE_URL;
  const ref = /^[\w./-]+$/.test(context.actionRef) ? context.actionRef : 'HEAD';
  return `${context.serverUrl}/${context.actionRepository}/blob/${ref}/`;
}

/**
 * The branch a run checks, and for a pull request its base: the explicit
 * inputs first, then the pull request, then the pushed branch, decided by
 * core's `resolveBranchUnderTest` (the CLI asks the same function). Undefined
 * when the run is not for a branch (a tag push, a manual run without one).
 */
export function resolveRunBranch(
  context: RunContext,
  inputs: { branch?: string; base?: string } = {},
): BranchFacts | undefined {
  const pr = context.pullRequest;
  const head = pr?.headRef || context.headRef;
  return resolveBranchUnderTest({
    branch: inputs.branch,
    base: inputs.base,
    pullRequest: head ? { head, base: pr?.baseRef || context.baseRef } : undefined,
    pushedRef: context.refType === 'branch' ? `refs/heads/${context.refName}` : undefined,
  });
}

/**
 * The run's facts for the checks: what the run is for (event and ref, so the
 * branch check can say why there is no branch) and the branch under test,
 * from `resolveRunBranch` with the action's `branch` and `base` inputs.
 */
export function gatherRunFacts(
  context: RunContext,
  inputs: { branch?: string; base?: string } = {},
): Pick<Facts, 'run' | 'branch'> {
  const branch = resolveRunBranch(context, inputs);
  const run = { event: context.eventName, ref: context.ref };
  return branch ? { run, branch } : { run };
}
