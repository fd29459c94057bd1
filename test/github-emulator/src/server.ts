/**
 * The emulator: a loopback HTTP server with GitHub's REST behaviour, a typed
 * state to seed and inspect, a request log, violations and fault injection.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { dispatch, newRequestId, type Outcome } from './dispatch.js';
import { FaultRegistry, type FaultHandle, type FaultSpec } from './faults.js';
import { GitStore } from './git-store.js';
import { errorBody, type HandlerContext } from './http.js';
import { EmulatorViolationError, type RequestLogEntry, type Violation } from './log.js';
import type { Urls } from './render.js';
import {
  createBackendIds,
  createRuntimeToken,
  handleResultsRequest,
  type ResultsServiceOptions,
} from './results-service.js';
import { Seeder } from './seed.js';
import { createState, formatTimestamp, type EmulatorState, type RepoRecord } from './state.js';

/** How to start an emulator. */
export interface EmulatorOptions {
  /** Repositories to create: `owner/name` or a record seed. */
  repos?: (string | (Partial<Omit<RepoRecord, 'id'>> & Pick<RepoRecord, 'owner' | 'name'>))[];
  /** When set, every request needs `Authorization: token <it>` or `Bearer <it>`, else 401. */
  token?: string;
  /**
   * Default true: requests outside the description are answered 422 and
   * emulator responses outside it 500 (both are recorded as violations either way).
   */
  strict?: boolean;
  /** Login the token belongs to (default `github-actions[bot]`). */
  viewer?: string;
  /** What `GET /user` answers (default 403, as for an Actions installation token). */
  viewerStatus?: 200 | 401 | 403;
  /** Base of web links (default `https://github.com`). */
  webUrl?: string;
  /** The emulator's clock (default: the real one). */
  now?: () => Date;
  /**
   * Serve the API under this path, as GitHub Enterprise Server does
   * (`/api/v3`); default none. `url` and every link include it; requests
   * outside it answer 404 and count as `unknown-route` violations.
   */
  pathPrefix?: string;
}

/** A running emulator. */
export interface Emulator {
  /** Base URL for `GITHUB_API_URL`, e.g. `http://127.0.0.1:5123` (plus `pathPrefix`). */
  readonly url: string;
  /** The token requests must carry, when one was set. */
  readonly token: string | undefined;
  /**
   * Base of release-asset uploads (GitHub's uploads.github.com): another
   * origin, e.g. `http://127.0.0.1:5125`; a release's `upload_url` points here.
   */
  readonly uploadsUrl: string;
  /** The runner's results service for `@actions/artifact`: `ACTIONS_RESULTS_URL`. */
  readonly resultsUrl: string;
  /** The runner's `ACTIONS_RUNTIME_TOKEN` the results service accepts. */
  readonly runtimeToken: string;
  readonly state: EmulatorState;
  /** Helpers that add records with realistic defaults. */
  readonly seed: Seeder;
  /** Every request in order of arrival. */
  readonly requests: RequestLogEntry[];
  /** Every difference from the description. */
  readonly violations: Violation[];
  /** Injects a fault; see `FaultSpec`. */
  fault(spec: FaultSpec): FaultHandle;
  /** Removes all faults that have not fired yet. */
  clearFaults(): void;
  /** The logged requests of one operation, e.g. `issues/create-comment`. */
  requestsFor(operationId: string): RequestLogEntry[];
  /** Throws `EmulatorViolationError` listing every violation, if there is any. */
  assertNoViolations(): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function rateLimitHeaders(state: EmulatorState, resource: string): Record<string, string> {
  const { limit, remaining, reset } = state.rateLimit;
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': String(reset),
    'x-ratelimit-used': String(limit - remaining),
    'x-ratelimit-resource': resource,
  };
}

/** Checks and normalises a path prefix: `''` or e.g. `/api/v3` (no trailing slash). */
function normalizePrefix(prefix: string | undefined): string {
  const value = (prefix ?? '').replace(/\/+$/, '');
  if (value !== '' && (!value.startsWith('/') || /[?#%\s]/.test(value))) {
    throw new TypeError(
      `A path prefix is a plain absolute path, got ${JSON.stringify(prefix)}; e.g. "/api/v3".`,
    );
  }
  return value;
}

/** The request target below `prefix`, or undefined when it lies outside it. */
function stripPrefix(target: string, prefix: string): string | undefined {
  if (!target.startsWith(prefix)) return undefined;
  const rest = target.slice(prefix.length);
  if (rest === '' || rest.startsWith('?')) return `/${rest}`;
  return rest.startsWith('/') ? rest : undefined;
}

/** The answer to a request outside the path prefix. */
function outsidePrefix(): Outcome {
  const body = errorBody(404, 'Not Found');
  return {
    status: 404,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    text: JSON.stringify(body),
    logged: body,
    requestBody: undefined,
    query: {},
  };
}

/** The emulator's hosts: the API, GitHub's uploads host, the runner's results service. */
type Host = 'api' | 'uploads' | 'results';

/**
 * The uploads host's path prefix: none on github.com (uploads.github.com),
 * `/api/uploads` next to GitHub Enterprise Server's `/api/v3`.
 */
function uploadsPrefix(prefix: string): string {
  if (prefix === '') return '';
  return prefix.endsWith('/v3') ? `${prefix.slice(0, -3)}/uploads` : `${prefix}/uploads`;
}

/** The 500 answer to a request the pipeline itself failed on, recorded as a violation. */
function failedOutcome(error: unknown, req: IncomingMessage, violations: Violation[]): Outcome {
  const message = error instanceof Error ? error.message : String(error);
  violations.push({
    kind: 'emulator-error',
    method: req.method ?? 'GET',
    path: req.url ?? '/',
    message,
  });
  return {
    status: 500,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    text: JSON.stringify({ message: `Emulator error: ${message}` }),
    logged: { message },
    requestBody: undefined,
    query: {},
  };
}

function logRequest(
  requests: RequestLogEntry[],
  req: IncomingMessage,
  path: string,
  outcome: Outcome,
): void {
  requests.push({
    seq: requests.length + 1,
    method: (req.method ?? 'GET').toUpperCase(),
    path,
    query: outcome.query,
    operationId: outcome.operationId,
    template: outcome.template,
    status: outcome.reset || outcome.hang ? 0 : outcome.status,
    requestHeaders: { ...req.headers },
    requestBody: outcome.requestBody,
    responseBody: outcome.logged,
    ...(outcome.fault ? { fault: outcome.fault } : {}),
  });
}

/** Starts an emulator on 127.0.0.1 with a random port. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const prefix = normalizePrefix(options.pathPrefix);
  const now = options.now ?? (() => new Date());
  const state = createState(now());
  if (options.viewer) state.viewer = options.viewer;
  if (options.viewerStatus) state.viewerStatus = options.viewerStatus;
  const seed = new Seeder(state, now);
  seed.user(state.viewer);
  for (const repo of options.repos ?? []) {
    if (typeof repo !== 'string') seed.repo(repo);
    else {
      const [owner, name] = repo.split('/');
      if (!owner || !name) {
        throw new TypeError(
          `A repository is written "owner/name", got ${JSON.stringify(repo)}; e.g. "octo-org/app".`,
        );
      }
      seed.repo({ owner, name });
    }
  }

  const requests: RequestLogEntry[] = [];
  const violations: Violation[] = [];
  const faults = new FaultRegistry();
  const urls: Urls = {
    api: '',
    uploads: '',
    web: (options.webUrl ?? 'https://github.com').replace(/\/$/, ''),
  };
  const ctx: HandlerContext = {
    state,
    seed,
    git: new GitStore(state),
    urls,
    now,
    stamp: () => formatTimestamp(now()),
  };
  const record = (v: Violation) => violations.push(v);
  const dispatchOptions = (host: 'api' | 'uploads') => ({
    token: options.token,
    strict: options.strict ?? true,
    faults,
    record,
    host,
  });
  const ids = createBackendIds();
  const results: ResultsServiceOptions = {
    url: '',
    token: createRuntimeToken(ids),
    ids,
    signingKey: randomBytes(16).toString('hex'),
    record,
  };
  const sockets = new Set<Socket>();

  /** Answers one request to `host`; the API host honours the path prefix. */
  const answer = async (host: Host, req: IncomingMessage, body: Buffer) => {
    const raw = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body };
    if (host === 'results')
      return { outcome: handleResultsRequest(ctx, results, raw), path: raw.url };
    const hostPrefix = host === 'api' ? prefix : uploadsPrefix(prefix);
    const target = stripPrefix(raw.url, hostPrefix);
    if (target === undefined) {
      violations.push({
        kind: 'unknown-route',
        method: raw.method.toUpperCase(),
        path: raw.url.split('?')[0] ?? '/',
        message: `the ${host === 'api' ? 'API' : 'uploads host'} is served under the path prefix ${JSON.stringify(hostPrefix)}, which this request lacks`,
      });
      return { outcome: outsidePrefix(), path: raw.url };
    }
    return {
      outcome: await dispatch(ctx, dispatchOptions(host), { ...raw, url: target }),
      path: target,
    };
  };

  const listen = (host: Host) =>
    createServer((req: IncomingMessage, res: ServerResponse) => {
      void (async () => {
        const body = await readBody(req);
        let outcome: Outcome;
        let target = req.url ?? '/';
        try {
          ({ outcome, path: target } = await answer(host, req, body));
        } catch (error) {
          outcome = failedOutcome(error, req, violations);
        }
        const path = target.split('?')[0] ?? '/';
        logRequest(requests, req, path, outcome);
        // Never answered; close() destroys the socket if the client has not.
        if (outcome.hang) return;
        if (outcome.reset) {
          req.socket.destroy();
          return;
        }
        const payload = outcome.bytes ?? outcome.text;
        const github =
          host === 'results'
            ? {}
            : {
                ...rateLimitHeaders(state, path === '/graphql' ? 'graphql' : 'core'),
                'x-github-request-id': newRequestId(),
                'x-github-api-version-selected': '2022-11-28',
                'x-github-media-type': 'github.v3; format=json',
              };
        res.writeHead(outcome.status, {
          ...github,
          ...outcome.headers,
          'content-length': String(Buffer.byteLength(payload)),
        });
        res.end(payload);
      })();
    });

  const servers = {
    api: listen('api'),
    uploads: listen('uploads'),
    results: listen('results'),
  } satisfies Record<Host, Server>;
  const port = async (server: Server) => {
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return (server.address() as AddressInfo).port;
  };
  urls.api = `http://127.0.0.1:${await port(servers.api)}${prefix}`;
  urls.uploads = `http://127.0.0.1:${await port(servers.uploads)}${uploadsPrefix(prefix)}`;
  results.url = `http://127.0.0.1:${await port(servers.results)}`;

  return {
    url: urls.api,
    token: options.token,
    uploadsUrl: urls.uploads,
    resultsUrl: results.url,
    runtimeToken: results.token,
    state,
    seed,
    requests,
    violations,
    fault: (spec) => faults.add(spec),
    clearFaults: () => faults.clear(),
    requestsFor: (operationId) => requests.filter((r) => r.operationId === operationId),
    assertNoViolations: () => {
      if (violations.length > 0) throw new EmulatorViolationError([...violations]);
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all(
        Object.values(servers).map(
          (server) => new Promise<void>((resolve) => server.close(() => resolve())),
        ),
      );
    },
  };
}
