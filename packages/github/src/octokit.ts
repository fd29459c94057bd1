import { randomUUID } from 'node:crypto';
import * as core from '@actions/core';
// Not the package's entry: it parses GITHUB_EVENT_PATH when imported, so a damaged
// payload would crash the bundle with a raw stack trace before any message (see getOctokit).
import { GitHub, getOctokitOptions } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { InputError, RunContextError } from './errors.js';
import { quoteValue } from '@release-policy/core';
import { createActionsLog, type OctokitLog } from './log.js';
import { DEFAULT_API_URL } from './context.js';
import { ACTIONS_DOCS } from './text.js';

/** The Octokit this project uses: REST methods, pagination, retry and throttling. */
export type Octokit = InstanceType<typeof GitHub>;

/** `@actions/github`'s `getOctokit`, without importing its entry (whose import reads the event payload). */
function getOctokit(
  token: string,
  options: Parameters<typeof getOctokitOptions>[1],
  ...plugins: Parameters<typeof GitHub.plugin>
): Octokit {
  return new (GitHub.plugin(...plugins))(getOctokitOptions(token, options));
}

/** Retries of a failed request (5xx, network) before giving up. */
export const DEFAULT_RETRIES = 3;
/** Retries after a primary or secondary rate limit before giving up. */
export const DEFAULT_RATE_LIMIT_RETRIES = 2;
/** Longest wait, in seconds, a rate limit may ask for before the call gives up instead. */
export const DEFAULT_MAX_RETRY_AFTER = 120;

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
 * limits are waited out at most `rateLimitRetries` times.
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
      return true;
    };

  return getOctokit(
    token,
    {
      baseUrl,
      userAgent: options.userAgent ?? 'release-policy',
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
    },
    retry,
    throttling,
  );
}
