/**
 * The signed blob URLs of the emulated results service, answered as Azure
 * Blob Storage does for `@azure/storage-blob`: stage block + commit block
 * list (what `uploadStream` does), a single put, and get to download.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Outcome, RawRequest } from './dispatch.js';
import type { HandlerContext } from './http.js';
import type { ArtifactRecord } from './state.js';

/** Where the blobs live on the results service's origin. */
export const BLOB_PREFIX = '/_blobs/artifacts/';

/** What signing a blob URL needs. */
export interface BlobSigning {
  /** The origin the service is served on. */
  url: string;
  /** Key of the blob URLs' `sig`. */
  signingKey: string;
}

/** An answer with a text body. */
export function outcome(
  status: number,
  headers: Record<string, string>,
  text: string,
  extra: Partial<Outcome>,
): Outcome {
  return { status, headers, text, logged: text, requestBody: undefined, query: {}, ...extra };
}

/** An Azure Storage error: XML body and `x-ms-error-code`. */
function blobError(
  status: number,
  code: string,
  message: string,
  extra: Partial<Outcome>,
): Outcome {
  const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  return outcome(
    status,
    { 'content-type': 'application/xml', 'x-ms-error-code': code },
    xml,
    extra,
  );
}

function blobHeaders(ctx: HandlerContext): Record<string, string> {
  return {
    'x-ms-request-id': randomBytes(16).toString('hex'),
    'x-ms-version': '2025-01-05',
    date: ctx.now().toUTCString(),
    'last-modified': ctx.now().toUTCString(),
    etag: `"0x${randomBytes(8).toString('hex').toUpperCase()}"`,
    'x-ms-request-server-encrypted': 'true',
  };
}

function sign(options: BlobSigning, id: number): string {
  return createHmac('sha256', options.signingKey).update(String(id)).digest('base64url');
}

export function signedBlobUrl(
  options: BlobSigning,
  artifact: ArtifactRecord,
  expires: Date,
): string {
  const url = new URL(`${BLOB_PREFIX}${artifact.id}.zip`, options.url);
  url.searchParams.set('sv', '2025-01-05');
  url.searchParams.set('se', expires.toISOString());
  url.searchParams.set('sig', sign(options, artifact.id));
  return url.toString();
}

/** Parses a commit-block-list body: the block ids in order. */
function parseBlockList(xml: string): string[] {
  const ids: string[] = [];
  for (const match of xml.matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g))
    ids.push(match[2] ?? '');
  return ids;
}

/** Answers one blob request on a signed URL. */
export function handleBlob(
  ctx: HandlerContext,
  options: BlobSigning,
  raw: RawRequest,
  url: URL,
): Outcome {
  const method = raw.method.toUpperCase();
  const comp = url.searchParams.get('comp');
  const kind =
    method === 'GET'
      ? 'get'
      : comp === 'block'
        ? 'put-block'
        : comp === 'blocklist'
          ? 'put-block-list'
          : 'put';
  const extra: Partial<Outcome> = {
    operationId: `blob/${kind}`,
    template: `${BLOB_PREFIX}{artifact_id}.zip`,
    query: Object.fromEntries(url.searchParams.entries()),
    requestBody:
      kind === 'put-block-list'
        ? raw.body.toString('utf8')
        : raw.body.length > 0
          ? `<${raw.body.length} bytes>`
          : undefined,
  };
  const id = Number(url.pathname.slice(BLOB_PREFIX.length).replace(/\.zip$/, ''));
  const artifact = ctx.state.artifacts.find((a) => a.id === id);
  if (!artifact) return blobError(404, 'BlobNotFound', 'The specified blob does not exist.', extra);
  if (url.searchParams.get('sig') !== sign(options, id)) {
    return blobError(
      403,
      'AuthenticationFailed',
      'Server failed to authenticate the request.',
      extra,
    );
  }
  const headers = blobHeaders(ctx);
  if (kind === 'get') {
    if (!artifact.finalized || !artifact.content)
      return blobError(404, 'BlobNotFound', 'The specified blob does not exist.', extra);
    return {
      ...outcome(
        200,
        { ...headers, 'content-type': artifact.contentType ?? 'application/zip' },
        '',
        extra,
      ),
      bytes: artifact.content,
      logged: `<${artifact.content.length} bytes>`,
    };
  }
  if (method !== 'PUT' || artifact.finalized) {
    return blobError(
      409,
      'BlobImmutable',
      'This operation is not permitted on a finalized artifact.',
      extra,
    );
  }
  const contentType = (raw.headers['x-ms-blob-content-type'] as string | undefined) ?? null;
  if (kind === 'put-block') {
    artifact.blocks.set(url.searchParams.get('blockid') ?? '', Buffer.from(raw.body));
  } else if (kind === 'put-block-list') {
    const ids = parseBlockList(raw.body.toString('utf8'));
    const missing = ids.filter((b) => !artifact.blocks.has(b));
    if (missing.length > 0)
      return blobError(400, 'InvalidBlockList', 'The specified block list is invalid.', extra);
    artifact.content = Buffer.concat(ids.map((b) => artifact.blocks.get(b) ?? Buffer.alloc(0)));
    artifact.contentType = contentType;
  } else {
    artifact.content = Buffer.from(raw.body);
    artifact.contentType = contentType;
  }
  return outcome(201, { ...headers, 'content-length': '0' }, '', extra);
}
