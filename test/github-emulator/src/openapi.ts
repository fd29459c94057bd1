/**
 * GitHub's own OpenAPI description (from `@octokit/openapi`), loaded once per
 * process, and the list of operations the router matches against.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A parameter object after following its `$ref`. */
export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Record<string, unknown>;
  'x-multi-segment'?: boolean;
  /** JSON pointer (inside the description) of this parameter's `schema`. */
  schemaPointer: string;
}

/** One operation: a method on a path template. */
export interface OpenApiOperation {
  operationId: string;
  method: string;
  /** The path template as written in the description, e.g. `/repos/{owner}/{repo}`. */
  template: string;
  /** JSON pointer of the operation object, e.g. `/paths/~1repos~1{owner}~1{repo}/get`. */
  pointer: string;
  parameters: OpenApiParameter[];
  /** JSON pointer of the `application/json` request body schema, when there is one. */
  requestBodyPointer?: string;
  requestBodyRequired: boolean;
  /** Documented statuses, as strings (`"200"`, `"404"`). */
  statuses: string[];
  /** The body is a file of any media type (no `application/json` schema). */
  rawBody: boolean;
  /**
   * The server the description puts this operation on instead of the API
   * (`https://uploads.github.com` for release-asset uploads), if any.
   */
  uploadServer?: string;
}

/** The parts of the description this package reads. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
}

const specPath = 'generated/api.github.com.json';
let cachedDocument: OpenApiDocument | undefined;
let cachedOperations: OpenApiOperation[] | undefined;

/** Escapes one JSON-pointer token (`~` -> `~0`, `/` -> `~1`). */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Loads (once per process) and returns GitHub's REST OpenAPI description. */
export function loadOpenApiDocument(): OpenApiDocument {
  if (cachedDocument) return cachedDocument;
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('@octokit/openapi/package.json');
  const file = packageJson.replace(/package\.json$/, specPath);
  const document = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  normalizeNullable(document);
  cachedDocument = document;
  return document;
}

/**
 * OpenAPI 3.0 allows `nullable: true` next to `oneOf`/`allOf`/`$ref` without a
 * `type`; Ajv refuses that. Such schemas are rewritten in place to
 * `anyOf: [<the schema>, { type: 'null' }]`, which means the same. A nullable
 * `enum` gets `null` added to its values.
 */
function normalizeNullable(node: unknown): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) normalizeNullable(item);
    return;
  }
  const record = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (key !== 'example' && key !== 'examples') normalizeNullable(value);
  }
  // Ajv checks `enum` even when the value is null: let null through.
  if (record.nullable === true && Array.isArray(record.enum) && !record.enum.includes(null)) {
    record.enum = [...record.enum, null];
  }
  if (record.nullable === true && record.type === undefined) {
    const rest = { ...record };
    delete rest.nullable;
    for (const key of Object.keys(record)) delete record[key];
    record.anyOf = [rest, { type: 'null' }];
  }
}

/** Follows a local `$ref` (`#/components/...`) inside the description. */
export function resolvePointer(document: OpenApiDocument, pointer: string): unknown {
  const tokens = pointer.replace(/^#?\//, '').split('/');
  let node: unknown = document;
  for (const raw of tokens) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

const methods = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];

/** Lists every operation of the description (cached per process). */
export function listOperations(): OpenApiOperation[] {
  if (cachedOperations) return cachedOperations;
  const document = loadOpenApiDocument();
  const operations: OpenApiOperation[] = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const method of methods) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (!op || typeof op.operationId !== 'string') continue;
      const pointer = `/paths/${escapePointerToken(template)}/${method}`;
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        template,
        pointer,
        parameters: readParameters(document, op, pointer),
        ...readRequestBody(document, op, pointer),
        statuses: Object.keys((op.responses as Record<string, unknown> | undefined) ?? {}),
        ...readBodyKind(op),
      });
    }
  }
  cachedOperations = operations;
  return operations;
}

/** Finds an operation by its operationId, e.g. `issues/create-comment`. */
export function findOperation(operationId: string): OpenApiOperation | undefined {
  return listOperations().find((op) => op.operationId === operationId);
}

function readBodyKind(
  op: Record<string, unknown>,
): Pick<OpenApiOperation, 'rawBody' | 'uploadServer'> {
  const content = (op.requestBody as { content?: Record<string, unknown> } | undefined)?.content;
  const rawBody =
    content !== undefined &&
    !content['application/json'] &&
    !content['application/x-www-form-urlencoded'];
  const servers = op.servers as { url?: unknown }[] | undefined;
  const server = typeof servers?.[0]?.url === 'string' ? servers[0].url : undefined;
  return { rawBody, ...(server ? { uploadServer: server } : {}) };
}

function readParameters(
  document: OpenApiDocument,
  op: Record<string, unknown>,
  pointer: string,
): OpenApiParameter[] {
  const list = (op.parameters as Record<string, unknown>[] | undefined) ?? [];
  return list.map((entry, index) => {
    const ref = typeof entry.$ref === 'string' ? entry.$ref : undefined;
    const param = (ref ? resolvePointer(document, ref) : entry) as Omit<
      OpenApiParameter,
      'schemaPointer'
    >;
    const base = ref ? ref.replace(/^#/, '') : `${pointer}/parameters/${index}`;
    return { ...param, schemaPointer: `${base}/schema` };
  });
}

function readRequestBody(
  document: OpenApiDocument,
  op: Record<string, unknown>,
  pointer: string,
): Pick<OpenApiOperation, 'requestBodyPointer' | 'requestBodyRequired'> {
  let body = op.requestBody as Record<string, unknown> | undefined;
  let base = `${pointer}/requestBody`;
  if (body && typeof body.$ref === 'string') {
    base = body.$ref.replace(/^#/, '');
    body = resolvePointer(document, body.$ref) as Record<string, unknown> | undefined;
  }
  const content = body?.content as Record<string, unknown> | undefined;
  if (!body || !content?.['application/json']) return { requestBodyRequired: false };
  return {
    requestBodyPointer: `${base}/content/application~1json/schema`,
    requestBodyRequired: body.required === true,
  };
}
