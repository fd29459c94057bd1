/**
 * Validates requests and responses against GitHub's OpenAPI description with
 * Ajv. The description is added once per process; validators are compiled
 * lazily per JSON pointer and cached.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import {
  loadOpenApiDocument,
  resolvePointer,
  escapePointerToken,
  type OpenApiOperation,
} from './openapi.js';

const cache = new Map<string, ValidateFunction>();
let primary: Ajv | undefined;
let fallback: Ajv | undefined;

function createAjv(discriminator: boolean): Ajv {
  const ajv = new Ajv({
    strict: false,
    validateSchema: false,
    discriminator,
    allErrors: true,
    logger: false,
  });
  addFormats(ajv);
  // Formats GitHub's description uses that ajv-formats does not know.
  ajv.addFormat('repo.nwo', /^[^/\s]+\/[^/\s]+$/);
  ajv.addFormat('timestamp', true);
  ajv.addSchema(loadOpenApiDocument() as unknown as Record<string, unknown>, 'gh');
  return ajv;
}

/**
 * Returns the compiled validator for a schema at `pointer` inside the
 * description (e.g. `/components/schemas/simple-user`), compiling it once.
 * Ajv's discriminator support refuses `mapping`; such schemas are compiled
 * without discriminator support, where `oneOf` still checks the same thing.
 */
export function getValidator(pointer: string): ValidateFunction {
  const hit = cache.get(pointer);
  if (hit) return hit;
  primary ??= createAjv(true);
  let validate: ValidateFunction | undefined;
  try {
    validate = primary.getSchema(`gh#${pointer}`);
  } catch (error) {
    if (!/discriminator/.test(String(error))) throw error;
    fallback ??= createAjv(false);
    validate = fallback.getSchema(`gh#${pointer}`);
  }
  if (!validate) throw new Error(`No schema at ${JSON.stringify(pointer)} in the description.`);
  cache.set(pointer, validate);
  return validate;
}

/** Formats Ajv errors as `at <path>: <message> (<detail>)`, at most `limit` of them. */
export function formatAjvErrors(errors: readonly ErrorObject[] | null | undefined, limit = 8) {
  const list = errors ?? [];
  const lines = list.slice(0, limit).map((e) => {
    const where = e.instancePath === '' ? '(root)' : e.instancePath;
    const params = e.params as Record<string, unknown>;
    const detail =
      params.missingProperty ??
      params.additionalProperty ??
      (params.allowedValues ? JSON.stringify(params.allowedValues) : undefined);
    return `at ${where}: ${e.message ?? 'invalid'}${detail !== undefined ? ` (${String(detail)})` : ''}`;
  });
  if (list.length > limit) lines.push(`... and ${list.length - limit} more`);
  return lines.join('; ');
}

function quote(value: unknown, max = 80): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max)}...` : text;
}

function coerce(value: string, schema: Record<string, unknown> | undefined): unknown {
  const type = schema?.type;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) {
    return Number(value);
  }
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  if (type === 'array') return value.split(',');
  return value;
}

function resolveSchema(pointer: string): Record<string, unknown> | undefined {
  const document = loadOpenApiDocument();
  let schema = resolvePointer(document, pointer) as Record<string, unknown> | undefined;
  for (let i = 0; i < 5 && typeof schema?.$ref === 'string'; i += 1) {
    schema = resolvePointer(document, schema.$ref) as Record<string, unknown> | undefined;
  }
  return schema;
}

/**
 * Checks path and query parameters. Returns one message per problem: missing
 * required parameters, values outside the parameter schema, and query
 * parameters the operation does not describe.
 */
export function validateParameters(
  operation: OpenApiOperation,
  pathParams: Record<string, string>,
  query: Record<string, string>,
): string[] {
  const problems: string[] = [];
  const known = new Set<string>();
  for (const param of operation.parameters) {
    if (param.in !== 'path' && param.in !== 'query') continue;
    const source = param.in === 'path' ? pathParams : query;
    if (param.in === 'query') known.add(param.name);
    const raw = source[param.name];
    if (raw === undefined) {
      if (param.required) problems.push(`${param.in} parameter "${param.name}" is required`);
      continue;
    }
    const schema = resolveSchema(param.schemaPointer);
    const validate = getValidator(param.schemaPointer);
    const value = coerce(raw, schema);
    if (!validate(value)) {
      problems.push(
        `${param.in} parameter "${param.name}" = ${quote(raw)} ${formatAjvErrors(validate.errors)}`,
      );
    }
  }
  for (const name of Object.keys(query)) {
    if (!known.has(name)) {
      const allowed = [...known].join(', ') || 'none';
      problems.push(`query parameter "${name}" is not described (allowed: ${allowed})`);
    }
  }
  return problems;
}

/**
 * Checks a JSON request body against the operation's `application/json`
 * request schema. Top-level properties the schema does not name are reported
 * too: GitHub ignores them, so they are almost always a typo in our code.
 */
export function validateRequestBody(operation: OpenApiOperation, body: unknown): string[] {
  if (!operation.requestBodyPointer) {
    return body === undefined ? [] : ['the operation takes no JSON request body'];
  }
  if (body === undefined) return operation.requestBodyRequired ? ['a JSON body is required'] : [];
  const validate = getValidator(operation.requestBodyPointer);
  const problems: string[] = [];
  if (!validate(body)) problems.push(`request body ${formatAjvErrors(validate.errors)}`);
  const schema = resolveSchema(operation.requestBodyPointer);
  const properties = schema?.properties as Record<string, unknown> | undefined;
  if (
    properties &&
    schema?.additionalProperties === undefined &&
    body !== null &&
    typeof body === 'object' &&
    !Array.isArray(body)
  ) {
    for (const key of Object.keys(body)) {
      if (!(key in properties)) {
        problems.push(
          `request body property "${key}" is not described (known: ${Object.keys(properties).join(', ')})`,
        );
      }
    }
  }
  return problems;
}

/** Where the `application/json` schema of a documented response lives, if anywhere. */
export function findResponseSchemaPointer(
  operation: OpenApiOperation,
  status: number,
): { documented: boolean; pointer?: string } {
  const document = loadOpenApiDocument();
  const key = operation.statuses.includes(String(status)) ? String(status) : undefined;
  if (!key) return { documented: false };
  let base = `${operation.pointer}/responses/${escapePointerToken(key)}`;
  const response = resolvePointer(document, base) as Record<string, unknown> | undefined;
  if (typeof response?.$ref === 'string') base = response.$ref.replace(/^#/, '');
  const schema = resolvePointer(document, `${base}/content/application~1json/schema`);
  return {
    documented: true,
    pointer: schema ? `${base}/content/application~1json/schema` : undefined,
  };
}

/**
 * Checks a response against the description. A success status the operation
 * does not document is a problem; error statuses GitHub omits from the
 * description (404 on most reads) are accepted as long as the body is an
 * object with a `message`.
 */
export function validateResponse(
  operation: OpenApiOperation,
  status: number,
  body: unknown,
): string[] {
  const { documented, pointer } = findResponseSchemaPointer(operation, status);
  if (!documented) {
    if (status < 400) {
      return [`status ${status} is not documented (documented: ${operation.statuses.join(', ')})`];
    }
    const ok = body !== null && typeof body === 'object' && 'message' in body;
    return ok ? [] : [`error response ${status} has no "message"`];
  }
  if (!pointer || body === undefined) return [];
  const validate = getValidator(pointer);
  return validate(body) ? [] : [`response ${status} ${formatAjvErrors(validate.errors)}`];
}
