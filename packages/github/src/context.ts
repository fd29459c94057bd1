import { readFileSync } from 'node:fs';
import {
  formatReleaseDocsBaseUrl,
  quoteValue,
  resolveBranchUnderTest,
  type BranchFacts,
  type Facts,
} from '@release-policy/core';
import { RunContextError } from './errors.js';
import { ACTIONS_DOCS } from './text.js';

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
  /**
   * On a pull-request event, what its payload lacks to name the pull request
   * and its base, e.g. `pull_request.base.ref and pull_request.base.sha`;
   * undefined when nothing is missing or the event is not about a pull request.
   */
  missingPullRequest?: string;
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

/** The advice every unreadable-payload error ends with. */
const PAYLOAD_ADVICE =
  'The runner writes the event payload as JSON to the file named by GITHUB_EVENT_PATH; a step that ' +
  'rewrites or truncates that file, or a full disk, leaves it unreadable. Re-run the job, or unset ' +
  `GITHUB_EVENT_PATH when running outside Actions. Read more: ${ACTIONS_DOCS}#troubleshooting`;

/**
 * Reads the event payload JSON. Throws RunContextError when the file cannot
 * be read or is not a JSON object: without it a pull request's base (whose
 * policy governs the run) is unknown, so guessing would be unsafe. The
 * message never quotes the file's content.
 */
function readPayload(path: string | undefined): Json {
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new RunContextError(
      `The event payload GITHUB_EVENT_PATH=${quoteValue(path)} cannot be read (${typeof code === 'string' ? code : 'error'}). ${PAYLOAD_ADVICE}`,
      { cause: error },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new RunContextError(
      `The event payload at GITHUB_EVENT_PATH=${quoteValue(path)} is not valid JSON ` +
        `(${text.length} characters, cut short or damaged?). ${PAYLOAD_ADVICE}`,
      { cause: error },
    );
  }
  if (isObject(parsed)) return parsed;
  throw new RunContextError(
    `The event payload at GITHUB_EVENT_PATH=${quoteValue(path)} is JSON but not an object ` +
      `(it is ${Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : `a ${typeof parsed}`}). ${PAYLOAD_ADVICE}`,
  );
}

/** The events whose payload carries a `pull_request` object. */
const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
]);

/**
 * What a pull-request event's payload lacks to name the pull request and its
 * base, in words (`a "pull_request" object`, `pull_request.number`, …);
 * undefined when nothing is missing or `eventName` is not a pull-request event.
 */
export function describeMissingPullRequest(eventName: string, payload: Json): string | undefined {
  if (!PULL_REQUEST_EVENTS.has(eventName)) return undefined;
  const pr = payload.pull_request;
  if (!isObject(pr)) return 'a "pull_request" object';
  const missing: string[] = [];
  const number = typeof pr.number === 'number' ? pr.number : Number(payload.number);
  if (!Number.isSafeInteger(number) || number <= 0) missing.push('pull_request.number');
  const base = isObject(pr.base) ? pr.base : {};
  if (!str(base.ref) && !str(base.sha))
    missing.push('pull_request.base.ref and pull_request.base.sha');
  return missing.length > 0 ? missing.join(', ') : undefined;
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
 * event payload at `GITHUB_EVENT_PATH`. A missing or malformed variable is
 * left empty and described in `problems`.
 * @throws RunContextError when the event payload cannot be read or is not a JSON object.
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
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const ref = env.GITHUB_REF ?? '';
  const refType =
    env.GITHUB_REF_TYPE === 'branch' || env.GITHUB_REF_TYPE === 'tag' ? env.GITHUB_REF_TYPE : '';
  const refName =
    env.GITHUB_REF_NAME ?? ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\/pull\//, '');
  return {
    eventName,
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
    missingPullRequest: describeMissingPullRequest(eventName, payload),
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

/**
 * Where the documentation links point when the running action's repository
 * is unknown: the docs of the release this bundle was built from.
 */
export const FALLBACK_DOCS_BASE_URL = formatReleaseDocsBaseUrl();

/**
 * Where rule documentation links point: the running action's own repository
 * at its ref (`GITHUB_ACTION_REPOSITORY`, `GITHUB_ACTION_REF`), so the docs
 * match the code that runs. When that is unknown (a local action, `uses:
 * ./…`, leaves it empty) the docs of the release this bundle was built from,
 * {@link FALLBACK_DOCS_BASE_URL}, so a link is never relative to a page it
 * does not belong to.
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
