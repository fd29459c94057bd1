/**
 * The request pipeline: route, parse, validate, authenticate, rate-limit,
 * inject faults, run the handler, validate the answer.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { randomBytes } from 'node:crypto';
import {
  htmlErrorPage,
  secondaryRateLimitMessage,
  type FaultRegistry,
  type FaultSpec,
} from './faults.js';
import { handlers } from './handlers/index.js';
import { errorBody, GitHubError, type EmulatorResponse, type HandlerContext } from './http.js';
import type { Violation, ViolationKind } from './log.js';
import { listAllowedMethods, matchRoute } from './router.js';
import { validateParameters, validateRequestBody, validateResponse } from './validation.js';

/** The incoming request, already read. */
export interface RawRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What to send back. `reset` destroys the socket instead; `hang` sends nothing. */
export interface Outcome {
  status: number;
  headers: Record<string, string>;
  /** Text to send (JSON already serialised). */
  text: string;
  /** Bytes to send instead of `text` (a downloaded blob). */
  bytes?: Buffer;
  /** The body as logged (parsed JSON or text). */
  logged: unknown;
  requestBody: unknown;
  query: Record<string, string>;
  operationId?: string;
  template?: string;
  fault?: FaultSpec['kind'];
  reset?: boolean;
  hang?: boolean;
}

/** Options of the pipeline that do not change per request. */
export interface DispatchOptions {
  token?: string;
  /**
   * Which host the request came to: the API, or the uploads host (GitHub's
   * uploads.github.com) that serves only the operations the description
   * puts there (release-asset uploads).
   */
  host: 'api' | 'uploads';
  strict: boolean;
  faults: FaultRegistry;
  record(violation: Violation): void;
}

const jsonType = 'application/json; charset=utf-8';

function jsonOutcome(status: number, body: unknown, base: Partial<Outcome> = {}): Outcome {
  return {
    query: {},
    requestBody: undefined,
    ...base,
    status,
    headers: { 'content-type': jsonType, ...(base.headers ?? {}) },
    text: body === undefined ? '' : JSON.stringify(body),
    logged: body,
  };
}

function quote(value: string, max = 120): string {
  const text = JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}..."` : text;
}

function isAuthorized(headers: IncomingHttpHeaders, token: string | undefined): boolean {
  if (token === undefined) return true;
  const value = headers.authorization ?? '';
  return value === `token ${token}` || value === `Bearer ${token}` || value === `bearer ${token}`;
}

/** Runs one request through the pipeline. */
export async function dispatch(
  ctx: HandlerContext,
  options: DispatchOptions,
  raw: RawRequest,
): Promise<Outcome> {
  const url = new URL(raw.url, 'http://emulator.invalid');
  const method = raw.method.toUpperCase();
  const path = url.pathname;
  const query = Object.fromEntries(url.searchParams.entries());
  const violate = (kind: ViolationKind, message: string, operationId?: string) =>
    options.record({ kind, method, path, operationId, message });

  let body: unknown;
  const text = raw.body.toString('utf8');
  let badJson = false;
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      badJson = true;
    }
  }

  if (path === '/graphql') {
    violate('graphql', `no GraphQL query is emulated; query was ${quote(text)}`);
    return jsonOutcome(
      200,
      { errors: [{ message: 'The emulator implements no GraphQL queries.' }] },
      { query },
    );
  }

  const match = matchRoute(method, path);
  if (!match) {
    const allowed = listAllowedMethods(path);
    violate(
      'unknown-route',
      allowed.length > 0
        ? `the description allows ${allowed.join(', ')} on this path, not ${method}`
        : `no operation of GitHub's REST description matches ${quote(path)}`,
    );
    return jsonOutcome(404, errorBody(404, 'Not Found'), { query, requestBody: body });
  }
  const { operation, params } = match;
  const hostProblem = checkHost(operation, options.host);
  if (hostProblem) {
    violate('unknown-route', hostProblem, operation.operationId);
    return jsonOutcome(404, errorBody(404, 'Not Found'), {
      query,
      operationId: operation.operationId,
    });
  }
  if (operation.rawBody) {
    // The body is the file itself (any media type), not JSON.
    body = undefined;
    badJson = false;
  }
  const base: Partial<Outcome> = {
    query,
    requestBody: operation.rawBody
      ? `<${raw.body.length} bytes>`
      : (body ?? (badJson ? text : undefined)),
    operationId: operation.operationId,
    template: operation.template,
  };

  if (badJson) {
    violate('request', `request body is not JSON: ${quote(text)}`, operation.operationId);
    return jsonOutcome(400, errorBody(400, 'Problems parsing JSON'), base);
  }
  const problems = [
    ...validateParameters(operation, params, query),
    ...validateRequestBody(operation, body),
  ];
  for (const p of problems) violate('request', p, operation.operationId);
  if (problems.length > 0 && options.strict) {
    return jsonOutcome(422, errorBody(422, `Invalid request.\n\n${problems.join('\n')}`), base);
  }

  if (!isAuthorized(raw.headers, options.token)) {
    return jsonOutcome(401, errorBody(401, 'Bad credentials'), base);
  }

  const fault = options.faults.take({
    method,
    path,
    template: operation.template,
    operationId: operation.operationId,
  });
  if (fault && fault.kind !== 'after-write') return faultOutcome(ctx, fault, base);

  const limited = applyRateLimit(ctx, operation.operationId);
  if (limited) return jsonOutcome(403, limited, base);

  const handler = handlers[operation.operationId];
  if (!handler) {
    violate(
      'unimplemented',
      `the emulator does not implement this operation yet (template ${operation.template}); add a handler in test/github-emulator/src/handlers/`,
      operation.operationId,
    );
    return jsonOutcome(
      501,
      errorBody(501, `Not implemented by the emulator: ${operation.operationId}`),
      base,
    );
  }

  let response: EmulatorResponse;
  try {
    response = await handler(ctx, {
      method,
      path,
      operationId: operation.operationId,
      template: operation.template,
      params,
      query,
      body,
      headers: raw.headers,
      ...(operation.rawBody ? { rawBody: raw.body } : {}),
    });
  } catch (error) {
    if (error instanceof GitHubError) response = { status: error.status, body: error.body };
    else {
      const message = error instanceof Error ? error.message : String(error);
      violate('emulator-error', message, operation.operationId);
      return jsonOutcome(500, errorBody(500, `Emulator error: ${message}`), base);
    }
  }

  if (fault?.kind === 'after-write') {
    return jsonOutcome(fault.status ?? 502, errorBody(fault.status ?? 502, 'Server Error'), {
      ...base,
      fault: fault.kind,
    });
  }

  if (!response.raw) {
    const bad = validateResponse(operation, response.status, response.body);
    for (const p of bad) violate('response', p, operation.operationId);
    if (bad.length > 0 && options.strict) {
      return jsonOutcome(
        500,
        errorBody(
          500,
          `The emulator built a response the description does not allow: ${bad.join('; ')}`,
        ),
        base,
      );
    }
  }
  if (response.raw) {
    return {
      ...base,
      query,
      requestBody: base.requestBody,
      status: response.status,
      headers: { 'content-type': response.raw.contentType, ...(response.headers ?? {}) },
      text: response.raw.text,
      logged: response.raw.text,
    };
  }
  return jsonOutcome(response.status, response.body, { ...base, headers: response.headers });
}

/** Why `operation` may not be called on `host`, or undefined when it may. */
function checkHost(
  operation: { uploadServer?: string; template: string },
  host: 'api' | 'uploads',
) {
  if (operation.uploadServer && host === 'api') {
    return `GitHub serves ${operation.template} on ${operation.uploadServer}, not on the API host; send it to the release's upload_url`;
  }
  if (!operation.uploadServer && host === 'uploads') {
    return `the uploads host serves release-asset uploads only, not ${operation.template}; send it to the API URL`;
  }
  return undefined;
}

/** Enforces the primary rate limit; returns an error body when it is exhausted. */
function applyRateLimit(ctx: HandlerContext, operationId: string) {
  const limit = ctx.state.rateLimit;
  const nowSeconds = Math.floor(ctx.now().getTime() / 1000);
  if (nowSeconds >= limit.reset) {
    limit.remaining = limit.limit;
    limit.reset = nowSeconds + 3600;
  }
  if (operationId === 'rate-limit/get') return undefined;
  if (limit.remaining <= 0) {
    return errorBody(
      403,
      "API rate limit exceeded for installation. (But here's the good news: Authenticated requests get a higher rate limit.)",
    );
  }
  limit.remaining -= 1;
  return undefined;
}

function faultOutcome(ctx: HandlerContext, fault: FaultSpec, base: Partial<Outcome>): Outcome {
  const withFault = { ...base, fault: fault.kind };
  switch (fault.kind) {
    case 'status':
      return jsonOutcome(fault.status, errorBody(fault.status, 'Server Error'), withFault);
    case 'secondary-rate-limit':
      return jsonOutcome(403, errorBody(403, secondaryRateLimitMessage), {
        ...withFault,
        headers: fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) },
      });
    case 'rate-limit': {
      const reset = Math.floor(ctx.now().getTime() / 1000) + (fault.resetInSeconds ?? 60);
      return jsonOutcome(
        fault.status ?? 403,
        errorBody(fault.status ?? 403, 'API rate limit exceeded for installation.'),
        {
          ...withFault,
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
        },
      );
    }
    case 'unauthorized':
      return jsonOutcome(401, errorBody(401, 'Bad credentials'), withFault);
    case 'forbidden':
      return jsonOutcome(
        403,
        errorBody(403, fault.message ?? 'Resource not accessible by integration'),
        withFault,
      );
    case 'reset':
      return { ...jsonOutcome(0, undefined, withFault), reset: true };
    case 'hang':
      return { ...jsonOutcome(0, undefined, withFault), hang: true };
    case 'truncated-json': {
      const full = JSON.stringify({ message: 'This body was cut short by the emulator', id: 1 });
      return {
        ...jsonOutcome(200, undefined, withFault),
        text: full.slice(0, 20),
        logged: full.slice(0, 20),
      };
    }
    case 'html':
      return {
        ...jsonOutcome(fault.status ?? 502, undefined, withFault),
        headers: { 'content-type': 'text/html; charset=utf-8' },
        text: htmlErrorPage,
        logged: htmlErrorPage,
      };
    case 'not-found-once':
      return jsonOutcome(404, errorBody(404, 'Not Found'), withFault);
    default:
      return jsonOutcome(500, errorBody(500, 'Unknown fault'), withFault);
  }
}

/** A request id like GitHub's `x-github-request-id`. */
export function newRequestId(): string {
  return randomBytes(8)
    .toString('hex')
    .toUpperCase()
    .replace(/(.{4})(.{4})(.{4})(.{4})/, '$1:$2:$3:$4');
}
