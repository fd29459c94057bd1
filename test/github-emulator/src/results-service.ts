/**
 * The runner's results service, as `@actions/artifact` (v2 and later) uses it:
 * Twirp JSON calls of `github.actions.results.api.v1.ArtifactService` under
 * `/twirp/`, authorised by the runtime token (`ACTIONS_RUNTIME_TOKEN`, a JWT
 * whose `scp` claim names the run's and job's backend ids), and the signed
 * blob URLs the artifact bytes go to, answered as Azure Blob Storage does
 * (stage block + commit block list, or a single put; get to download).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Outcome, RawRequest } from './dispatch.js';
import type { HandlerContext } from './http.js';
import type { Violation } from './log.js';
import type { ArtifactRecord } from './state.js';
import { BLOB_PREFIX, handleBlob, outcome, signedBlobUrl } from './blob-store.js';

/** The backend ids of the emulated run and job, as the runtime token carries them. */
export interface RunnerBackendIds {
  runBackendId: string;
  jobBackendId: string;
}

/** What the results service needs besides the state. */
export interface ResultsServiceOptions {
  /** The origin the service is served on, e.g. `http://127.0.0.1:5124`. */
  url: string;
  /** The runtime token requests must carry as `Bearer`. */
  token: string;
  ids: RunnerBackendIds;
  /** Key of the blob URLs' `sig`. */
  signingKey: string;
  record(violation: Violation): void;
}

const SERVICE = 'github.actions.results.api.v1.ArtifactService';

/** A fresh pair of backend ids (two UUID-like strings, as the runner's). */
export function createBackendIds(): RunnerBackendIds {
  const uuid = () =>
    randomBytes(16)
      .toString('hex')
      .replace(/(.{8})(.{4})(.{4})(.{4})(.{12})/, '$1-$2-$3-$4-$5');
  return { runBackendId: uuid(), jobBackendId: uuid() };
}

/**
 * An (unsigned) runtime token in the runner's shape: a JWT whose `scp` claim
 * holds `Actions.Results:<run backend id>:<job backend id>`.
 */
export function createRuntimeToken(ids: RunnerBackendIds): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = {
    scp: `Actions.ExampleScope Actions.Results:${ids.runBackendId}:${ids.jobBackendId}`,
    iss: 'github-emulator',
  };
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.emulator`;
}

/** A Twirp error: `{ code, msg }` with the code's HTTP status. */
function twirpError(code: string, msg: string, extra: Partial<Outcome>): Outcome {
  const status: Record<string, number> = {
    invalid_argument: 400,
    unauthenticated: 401,
    permission_denied: 403,
    not_found: 404,
    already_exists: 409,
    failed_precondition: 412,
    bad_route: 404,
  };
  const body = { code, msg };
  return {
    ...outcome(
      status[code] ?? 500,
      { 'content-type': 'application/json' },
      JSON.stringify(body),
      extra,
    ),
    logged: body,
  };
}

function twirpOk(body: unknown, extra: Partial<Outcome>): Outcome {
  return {
    ...outcome(200, { 'content-type': 'application/json' }, JSON.stringify(body), extra),
    logged: body,
  };
}

type Json = Record<string, unknown>;

function readString(body: Json, key: string): string {
  const value = body[key];
  return typeof value === 'string' ? value : '';
}

function renderListed(artifact: ArtifactRecord) {
  return {
    workflow_run_backend_id: artifact.runBackendId,
    workflow_job_run_backend_id: artifact.jobBackendId,
    database_id: String(artifact.id),
    name: artifact.name,
    size: String(artifact.size),
    created_at: artifact.createdAt,
    ...(artifact.digest ? { digest: artifact.digest } : {}),
  };
}

const known: Record<string, string[]> = {
  CreateArtifact: [
    'workflow_run_backend_id',
    'workflow_job_run_backend_id',
    'name',
    'expires_at',
    'version',
    'mime_type',
  ],
  FinalizeArtifact: [
    'workflow_run_backend_id',
    'workflow_job_run_backend_id',
    'name',
    'size',
    'hash',
  ],
  ListArtifacts: [
    'workflow_run_backend_id',
    'workflow_job_run_backend_id',
    'name_filter',
    'id_filter',
  ],
  GetSignedArtifactURL: ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name'],
  DeleteArtifact: ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name'],
};

type TwirpMethod = (
  ctx: HandlerContext,
  options: ResultsServiceOptions,
  body: Json,
  extra: Partial<Outcome>,
) => Outcome;

const finalizedNamed = (ctx: HandlerContext, run: string, name: string) =>
  ctx.state.artifacts.find((a) => a.finalized && a.runBackendId === run && a.name === name);

const twirpMethods: Record<string, TwirpMethod> = {
  CreateArtifact: (ctx, options, body, extra) => {
    const name = readString(body, 'name');
    const run = readString(body, 'workflow_run_backend_id');
    if (name === '') return twirpError('invalid_argument', 'name is required', extra);
    if (finalizedNamed(ctx, run, name)) {
      return twirpError(
        'already_exists',
        'an artifact with this name already exists on the workflow run',
        extra,
      );
    }
    // An upload that never finalized (a failed attempt) is replaced.
    ctx.state.artifacts = ctx.state.artifacts.filter(
      (a) => a.finalized || a.runBackendId !== run || a.name !== name,
    );
    const artifact: ArtifactRecord = {
      id: ctx.state.nextId++,
      runBackendId: run,
      jobBackendId: readString(body, 'workflow_job_run_backend_id'),
      name,
      mimeType: readString(body, 'mime_type') || null,
      expiresAt: readString(body, 'expires_at') || null,
      finalized: false,
      blocks: new Map(),
      content: undefined,
      contentType: null,
      size: 0,
      digest: null,
      createdAt: ctx.now().toISOString(),
    };
    ctx.state.artifacts.push(artifact);
    const expires = new Date(ctx.now().getTime() + 6 * 3600 * 1000);
    return twirpOk(
      { ok: true, signed_upload_url: signedBlobUrl(options, artifact, expires) },
      extra,
    );
  },
  FinalizeArtifact: (ctx, _options, body, extra) => {
    const run = readString(body, 'workflow_run_backend_id');
    const name = readString(body, 'name');
    const artifact = ctx.state.artifacts.find(
      (a) => !a.finalized && a.runBackendId === run && a.name === name,
    );
    if (!artifact)
      return twirpError(
        'not_found',
        `no artifact ${JSON.stringify(name)} is being uploaded in this run`,
        extra,
      );
    if (!artifact.content)
      return twirpError('failed_precondition', 'the artifact blob was never committed', extra);
    const size = Number(readString(body, 'size') || '0');
    if (size !== artifact.content.length) {
      return twirpError(
        'invalid_argument',
        `size ${size} differs from the ${artifact.content.length} bytes uploaded`,
        extra,
      );
    }
    const digest = `sha256:${createHash('sha256').update(artifact.content).digest('hex')}`;
    const hash = readString(body, 'hash');
    if (hash !== '' && hash !== digest) {
      return twirpError(
        'invalid_argument',
        `hash ${JSON.stringify(hash)} differs from the uploaded bytes' ${digest}`,
        extra,
      );
    }
    Object.assign(artifact, { finalized: true, size, digest, blocks: new Map() });
    return twirpOk({ ok: true, artifact_id: String(artifact.id) }, extra);
  },
  ListArtifacts: (ctx, _options, body, extra) => {
    const run = readString(body, 'workflow_run_backend_id');
    const nameFilter = body.name_filter;
    const idFilter = body.id_filter;
    const artifacts = ctx.state.artifacts.filter(
      (a) =>
        a.finalized &&
        a.runBackendId === run &&
        (typeof nameFilter !== 'string' || a.name === nameFilter) &&
        (idFilter === undefined || String(a.id) === String(idFilter)),
    );
    return twirpOk({ artifacts: artifacts.map(renderListed) }, extra);
  },
  GetSignedArtifactURL: (ctx, options, body, extra) => {
    const artifact = finalizedNamed(
      ctx,
      readString(body, 'workflow_run_backend_id'),
      readString(body, 'name'),
    );
    if (!artifact) return twirpError('not_found', 'artifact not found', extra);
    const expires = new Date(ctx.now().getTime() + 3600 * 1000);
    return twirpOk({ signed_url: signedBlobUrl(options, artifact, expires) }, extra);
  },
  DeleteArtifact: (ctx, _options, body, extra) => {
    const artifact = finalizedNamed(
      ctx,
      readString(body, 'workflow_run_backend_id'),
      readString(body, 'name'),
    );
    if (!artifact) return twirpError('not_found', 'artifact not found', extra);
    ctx.state.artifacts.splice(ctx.state.artifacts.indexOf(artifact), 1);
    return twirpOk({ ok: true, artifact_id: String(artifact.id) }, extra);
  },
};

function handleTwirp(
  ctx: HandlerContext,
  options: ResultsServiceOptions,
  raw: RawRequest,
  path: string,
): Outcome {
  const method = path.slice(`/twirp/${SERVICE}/`.length);
  const operationId = `results/${method}`;
  const violate = (message: string) =>
    options.record({
      kind: 'request',
      method: raw.method.toUpperCase(),
      path,
      operationId,
      message,
    });
  const text = raw.body.toString('utf8');
  let body: Json = {};
  try {
    body = text.trim() === '' ? {} : (JSON.parse(text) as Json);
  } catch {
    violate(`request body is not JSON: ${JSON.stringify(text.slice(0, 80))}`);
    return twirpError('malformed', 'the body is not JSON', { operationId });
  }
  const extra: Partial<Outcome> = {
    operationId,
    template: `/twirp/${SERVICE}/{method}`,
    requestBody: body,
  };
  const handler = twirpMethods[method];
  if (!path.startsWith(`/twirp/${SERVICE}/`) || !handler || raw.method.toUpperCase() !== 'POST') {
    options.record({
      kind: 'unknown-route',
      method: raw.method.toUpperCase(),
      path,
      message: `the results service has no Twirp method at ${JSON.stringify(path)}`,
    });
    return twirpError('bad_route', `no handler for path ${JSON.stringify(path)}`, extra);
  }
  if (raw.headers.authorization !== `Bearer ${options.token}`) {
    return twirpError('unauthenticated', 'the runtime token is missing or wrong', extra);
  }
  for (const key of Object.keys(body)) {
    if (!(known[method] ?? []).includes(key)) violate(`field "${key}" is not part of ${method}`);
  }
  if (readString(body, 'workflow_run_backend_id') !== options.ids.runBackendId) {
    violate('workflow_run_backend_id is not the run of the runtime token');
    return twirpError('permission_denied', "the run is not the runtime token's", extra);
  }
  return handler(ctx, options, body, extra);
}

/**
 * Answers one request to the results service: a Twirp call or a blob
 * operation. Unknown paths answer 404 and record an `unknown-route` violation.
 */
export function handleResultsRequest(
  ctx: HandlerContext,
  options: ResultsServiceOptions,
  raw: RawRequest,
): Outcome {
  const url = new URL(raw.url, options.url);
  if (url.pathname.startsWith('/twirp/')) return handleTwirp(ctx, options, raw, url.pathname);
  if (url.pathname.startsWith(BLOB_PREFIX)) return handleBlob(ctx, options, raw, url);
  options.record({
    kind: 'unknown-route',
    method: raw.method.toUpperCase(),
    path: url.pathname,
    message: `the results service serves /twirp/${SERVICE}/… and signed blob URLs, not ${JSON.stringify(url.pathname)}`,
  });
  return twirpError('bad_route', 'not found', {});
}
