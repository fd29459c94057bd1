import { randomUUID } from 'node:crypto';
import * as core from '@actions/core';
import { HttpClient } from '@actions/http-client';
import { Octokit as OctokitCore } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { fetch as undiciFetch } from 'undici';
import { GitHubApiError, InputError, RunContextError } from './errors.js';
import { plural, quoteValue } from '@release-policy/core';
import { createActionsLog, type OctokitLog } from './log.js';
import { DEFAULT_API_URL } from './context.js';
import { ACTIONS_DOCS } from './text.js';

/**
 * The Octokit this project uses: REST methods, pagination, retry and
 * throttling. Composed here, as `@actions/github` composes its own, rather
 * than imported from it: every module of that package builds a `Context` when
 * imported, which parses GITHUB_EVENT_PATH, so a damaged payload would crash
 * the bundle with a raw stack trace before any message could be written.
 */
const ProjectOctokit = OctokitCore.plugin(restEndpointMethods, paginateRest, retry, throttling);

/** The Octokit this project uses: REST methods, pagination, retry and throttling. */
export type Octokit = InstanceType<typeof ProjectOctokit>;

/**
 * A fetch through the runner's proxy for `baseUrl` (HTTPS_PROXY, NO_PROXY…,
 * as `@actions/http-client` reads them), or undefined when there is none.
 */
function createProxyFetch(baseUrl: string): typeof fetch | undefined {
  const dispatcher = new HttpClient().getAgentDispatcher(baseUrl);
  if (!dispatcher) return undefined;
  // undici's fetch takes the same arguments as the global one, plus the dispatcher.
  const proxied = (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    });
  return proxied as unknown as typeof fetch;
}

/** The user agent, with the runner's orchestration id when it gives one (as `@actions/github` does). */
function describeUserAgent(base: string, env: NodeJS.ProcessEnv): string {
  const id = env.ACTIONS_ORCHESTRATION_ID?.trim();
  return id ? `${base} actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : base;
}

/** Retries of a failed request (5xx, network) before giving up. */
export const DEFAULT_RETRIES = 3;
/** Retries after a primary or secondary rate limit before giving up. */
export const DEFAULT_RATE_LIMIT_RETRIES = 2;
/** Longest wait, in seconds, a rate limit may ask for before the call gives up instead. */
export const DEFAULT_MAX_RETRY_AFTER = 120;

/**
 * Longest wait, in milliseconds, for one attempt's answer. An API (or a proxy)
 * that accepts the connection and never answers would otherwise hold each
 * attempt for the HTTP client's 300 s headers timeout.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;
/**
 * Longest time, in milliseconds, one call may spend on the network: its
 * attempts and the waits between retries of failed ones. Four silent attempts
 * (4 × 20 s) and the waits between them (1 + 4 + 9 s) end sooner, so a stuck
 * API fails the step well within two minutes. Rate-limit waits are not
 * counted: each moves the deadline back by its length (see
 * {@link DEFAULT_MAX_RETRY_AFTER}), so a call takes at most 100 s plus
 * 2 × 120 s of rate-limit waits, 340 s in all.
 */
export const DEFAULT_CALL_DEADLINE_MS = 100_000;

/** Statuses the retry plugin never retries; 403/429 rate limits belong to the throttling plugin. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

/** Options of {@link createOctokit}. */
export interface CreateOctokitOptions {
  token: string;
  /** API root; default `GITHUB_API_URL` read at call time, then `https://api.github.com`. */
  baseUrl?: string;
  userAgent?: string;
  /** Retries of 5xx and network failures (default 3). */
  retries?: number;
  /** Retries after rate limits (default 2). */
  rateLimitRetries?: number;
  /** Longest Retry-After honoured, in seconds (default 120); a longer one fails the call. */
  maxRetryAfterSeconds?: number;
  /** Milliseconds per second of back-off (default 1000); tests make it small. */
  retryAfterBaseMs?: number;
  /**
   * Writes by Octokits with the same id are paced together (GitHub asks for
   * about one write per second). Default: a fresh id per call, as separate
   * runs have.
   */
  throttleId?: string;
  /** Milliseconds one attempt may wait for its answer (default 20 s); tests make it small. */
  requestTimeoutMs?: number;
  /**
   * Milliseconds one call may spend on the network, retries included, rate-limit
   * waits not (default 100 s); tests make it small.
   */
  callDeadlineMs?: number;
  /** Where Octokit and the plugins log; default the job log through the safe helpers. */
  log?: OctokitLog;
  /** Environment to read `GITHUB_API_URL` from; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /**
   * Mask the token in the job log (default true). Off outside a runner (the
   * CLI): masking writes a workflow command, which would print the token.
   */
  maskToken?: boolean;
}

/** Resolves and checks the API root: explicit value, then `GITHUB_API_URL`, then the public API. */
export function resolveApiUrl(
  baseUrl: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const raw = (baseUrl ?? env.GITHUB_API_URL ?? '').trim() || DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error) {
    throw new RunContextError(
      `The GitHub API URL ${quoteValue(raw)} is not a URL. Expected an absolute http(s) URL, ` +
        `e.g. "https://api.github.com" or "https://github.example.com/api/v3". Read more: ${ACTIONS_DOCS}#github-enterprise-server`,
      { cause: error },
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RunContextError(
      `The GitHub API URL ${quoteValue(raw)} must use https (or http for a local server), ` +
        `e.g. "https://github.example.com/api/v3". Read more: ${ACTIONS_DOCS}#github-enterprise-server`,
    );
  }
  return raw.replace(/\/+$/, '');
}

/**
 * Makes an Octokit for the Actions runner: the token is masked in the log,
 * the API root honours `GITHUB_API_URL` (GitHub Enterprise Server) at call
 * time, failed requests are retried a bounded number of times, and rate
 * limits are waited out at most `rateLimitRetries` times. Every attempt has
 * its own timeout and every call a deadline, so an API that never answers
 * fails the call in bounded time with a {@link GitHubApiError} naming the
 * host and the operation.
 */
export function createOctokit(options: CreateOctokitOptions): Octokit {
  const token = options.token?.trim() ?? '';
  if (!token) {
    throw new InputError(
      'No GitHub token was given. Pass one in the `token` input, e.g. `token: ${{ github.token }}`, ' +
        `with the permissions the action needs. Read more: ${ACTIONS_DOCS}#token-and-permissions`,
    );
  }
  if (options.maskToken !== false) core.setSecret(token);
  const baseUrl = resolveApiUrl(options.baseUrl, options.env);
  const log = options.log ?? createActionsLog();
  const rateLimitRetries = options.rateLimitRetries ?? DEFAULT_RATE_LIMIT_RETRIES;
  const maxWait = options.maxRetryAfterSeconds ?? DEFAULT_MAX_RETRY_AFTER;
  const base = options.retryAfterBaseMs ?? 1000;
  // Each call's deadline, by its options object (the one the throttling plugin hands to onLimit).
  const deadlines = new WeakMap<object, CallDeadline>();

  const onLimit =
    (what: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number,
    ): boolean => {
      const where = `${request.method} ${request.url}`;
      if (retryCount >= rateLimitRetries) {
        log.warn(`GitHub ${what} on ${where}: giving up after ${retryCount} retries.`);
        return false;
      }
      if (retryAfter > maxWait) {
        log.warn(
          `GitHub ${what} on ${where}: it asks to wait ${retryAfter}s, longer than ${maxWait}s; giving up.`,
        );
        return false;
      }
      log.warn(
        `GitHub ${what} on ${where}: retrying in ${retryAfter}s (retry ${retryCount + 1} of ${rateLimitRetries}).`,
      );
      // The wait is GitHub's, not the network's: it must not use up the call's deadline.
      deadlines.get(request)?.extend(retryAfter * base);
      return true;
    };

  const proxyFetch = createProxyFetch(baseUrl);
  const octokit = new ProjectOctokit({
    auth: `token ${token}`,
    baseUrl,
    userAgent: describeUserAgent(options.userAgent ?? 'release-policy', options.env ?? process.env),
    ...(proxyFetch ? { request: { fetch: proxyFetch } } : {}),
    log,
    retry: {
      retries: options.retries ?? DEFAULT_RETRIES,
      retryAfterBaseValue: base,
      doNotRetry: DO_NOT_RETRY,
    },
    throttle: {
      id: options.throttleId ?? `release-policy-${randomUUID()}`,
      retryAfterBaseValue: base,
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
    },
  });
  limitRequestTime(
    octokit,
    {
      attemptMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      deadlineMs: options.callDeadlineMs ?? DEFAULT_CALL_DEADLINE_MS,
    },
    deadlines,
  );
  return octokit;
}

/** What a request hook is given: the route and where it goes. */
interface TimedRequestOptions {
  method: string;
  url: string;
  baseUrl: string;
  request?: { fetch?: typeof fetch; signal?: AbortSignal };
}

/** What {@link limitRequestTime} saw of one call, for its message. */
interface CallTiming {
  operation: string;
  host: string;
  attempts: number;
  attemptMs: number;
  deadlineMs: number;
  deadline: CallDeadline;
}

/** A call's deadline, which rate-limit waits move back. */
interface CallDeadline {
  /** Aborts when the call's network time is up. */
  readonly signal: AbortSignal;
  /** Milliseconds the deadline was moved back by, in all. */
  readonly extendedMs: number;
  /** Moves the deadline `ms` later: a rate-limit wait of that length is about to start. */
  extend(ms: number): void;
  /** Stops the timer: the call has ended. */
  clear(): void;
}

/** A deadline `ms` from now, ending with a `TimeoutError` as `AbortSignal.timeout` does. */
function startDeadline(ms: number): CallDeadline {
  const controller = new AbortController();
  let endsAt = performance.now() + ms;
  let extendedMs = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    const expire = () =>
      controller.abort(new DOMException('The call ran out of time.', 'TimeoutError'));
    timer = setTimeout(expire, Math.max(0, endsAt - performance.now()));
    // A pending deadline must not keep the process alive (as AbortSignal.timeout does not).
    timer.unref?.();
  };
  arm();
  return {
    signal: controller.signal,
    get extendedMs() {
      return extendedMs;
    },
    extend(extra) {
      if (controller.signal.aborted) return;
      clearTimeout(timer);
      endsAt += extra;
      extendedMs += extra;
      arm();
    },
    clear() {
      clearTimeout(timer);
    },
  };
}

/**
 * Bounds every call's time. The outermost hook (added after the retry and
 * throttling plugins) gives the call a deadline and a fetch whose every
 * attempt has its own timeout; retries reuse the call's options, so they share
 * both. The deadline is kept in `deadlines` under the call's options, where
 * the rate-limit handler moves it back by each wait it grants. A call that ran
 * out of time fails with {@link describeTimeout}'s message.
 */
function limitRequestTime(
  octokit: Octokit,
  limits: { attemptMs: number; deadlineMs: number },
  deadlines: WeakMap<object, CallDeadline>,
): void {
  octokit.hook.wrap('request', async (request, raw) => {
    const options = raw as unknown as TimedRequestOptions;
    const deadline = startDeadline(limits.deadlineMs);
    deadlines.set(raw, deadline);
    const timing: CallTiming = {
      operation: `${options.method} ${describeRoute(options.url)}`,
      host: describeHost(options.url, options.baseUrl),
      attempts: 0,
      ...limits,
      deadline,
    };
    const send = options.request?.fetch ?? globalThis.fetch;
    const timedFetch: typeof fetch = (input, init) => {
      timing.attempts += 1;
      const signals = [AbortSignal.timeout(limits.attemptMs), deadline.signal];
      if (init?.signal) signals.push(init.signal);
      return send(input, { ...init, signal: AbortSignal.any(signals) });
    };
    // The hooks inside (retry, throttling) are bound to this very options object: change it in place.
    raw.request = { ...raw.request, fetch: timedFetch };
    const call = Promise.resolve(request(raw));
    try {
      return await raceDeadline(call, deadline.signal);
    } catch (error) {
      if (deadline.signal.aborted || isTimeout(error)) throw describeTimeout(timing, error);
      throw error;
    } finally {
      deadline.clear();
    }
  });
}

/** `call`, or a rejection as soon as `deadline` fires (the call's later outcome is ignored). */
function raceDeadline<T>(call: Promise<T>, deadline: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const expire = () => reject(deadline.reason);
    deadline.addEventListener('abort', expire, { once: true });
    call.then(
      (value) => {
        deadline.removeEventListener('abort', expire);
        resolve(value);
      },
      (error: unknown) => {
        deadline.removeEventListener('abort', expire);
        reject(error);
      },
    );
  });
}

/** True for an attempt ended by its timeout (Octokit wraps the fetch error as its `cause`). */
function isTimeout(error: unknown): boolean {
  // By shape: the DOMException may come from another realm, where `instanceof Error` fails.
  const named = (value: unknown) =>
    typeof value === 'object' && value !== null && 'name' in value && value.name === 'TimeoutError';
  return named(error) || (error instanceof Error && named(error.cause));
}

/** The route without host or query: the template, or the path of a full URL (pagination). */
function describeRoute(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

/** The host a call went to: the full URL's (pagination), else the API root's. */
function describeHost(url: string, baseUrl: string): string {
  for (const candidate of [url, baseUrl]) {
    try {
      return new URL(candidate).host;
    } catch {
      // A route template is not a URL; the API root is.
    }
  }
  return baseUrl;
}

/** The error of a call that ran out of time: what, where, how long, and what to do. */
function describeTimeout(timing: CallTiming, cause: unknown): GitHubApiError {
  const each = `${timing.attemptMs / 1000} s`;
  const waited = timing.deadline.extendedMs;
  const waits = waited > 0 ? ` (not counting ${waited / 1000} s of rate-limit waits)` : '';
  return new GitHubApiError(
    `${timing.operation} on ${timing.host} got no answer: ${plural(timing.attempts, 'attempt')}, ` +
      `each given ${each}, within the call's limit of ${timing.deadlineMs / 1000} s${waits}. ` +
      `The server (or a proxy in front of it) accepted the connection and sent nothing. ` +
      `Check that ${timing.host} is up (for github.com: https://www.githubstatus.com) and that the runner ` +
      `can reach it, then re-run the job. Read more: ${ACTIONS_DOCS}#retries`,
    { status: 0, operation: timing.operation, kind: 'network' },
    { cause },
  );
}
