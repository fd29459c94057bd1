/**
 * Matches a request (method + raw path) to an operation of the OpenAPI
 * description. Literal segments win over parameters; parameters marked
 * `x-multi-segment` (refs, file paths, tags) may hold slashes, sent raw or
 * percent-encoded as Octokit does.
 */
import { listOperations, type OpenApiOperation } from './openapi.js';

/** A matched operation and its decoded path parameters. */
export interface RouteMatch {
  operation: OpenApiOperation;
  params: Record<string, string>;
}

interface CompiledRoute {
  operation: OpenApiOperation;
  names: string[];
  strict: RegExp;
  greedy: RegExp | undefined;
  /** Higher is more specific: literal characters count, parameters do not. */
  score: number;
}

let compiled: Map<string, CompiledRoute[]> | undefined;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileRoute(operation: OpenApiOperation): CompiledRoute {
  const multi = new Set(
    operation.parameters.filter((p) => p.in === 'path' && p['x-multi-segment']).map((p) => p.name),
  );
  const names: string[] = [];
  let strict = '';
  let greedy = '';
  let score = 0;
  for (const part of operation.template.split(/(\{[^}]+\})/)) {
    const param = /^\{([^}]+)\}$/.exec(part);
    if (param?.[1]) {
      names.push(param[1]);
      strict += '([^/]+)';
      // A multi-segment parameter may hold slashes; at the end it may be empty
      // (`/contents/` is the repository root).
      const last = operation.template.endsWith(part);
      greedy += multi.has(param[1]) ? (last ? '(.*)' : '(.+)') : '([^/]+)';
    } else {
      strict += escapeRegExp(part);
      greedy += escapeRegExp(part);
      score += part.length;
    }
  }
  return {
    operation,
    names,
    strict: new RegExp(`^${strict}$`),
    greedy: multi.size > 0 ? new RegExp(`^${greedy}$`) : undefined,
    score,
  };
}

function routesFor(method: string): CompiledRoute[] {
  if (!compiled) {
    compiled = new Map();
    for (const operation of listOperations()) {
      const list = compiled.get(operation.method) ?? [];
      list.push(compileRoute(operation));
      compiled.set(operation.method, list);
    }
    for (const list of compiled.values()) list.sort((a, b) => b.score - a.score);
  }
  return compiled.get(method.toUpperCase()) ?? [];
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function tryMatch(route: CompiledRoute, pattern: RegExp, path: string): RouteMatch | undefined {
  const found = pattern.exec(path);
  if (!found) return undefined;
  const params: Record<string, string> = {};
  route.names.forEach((name, i) => {
    params[name] = decode(found[i + 1] ?? '');
  });
  return { operation: route.operation, params };
}

/**
 * Finds the operation for `method` and a raw (still percent-encoded) path
 * without query string. Returns undefined when the description has none.
 */
export function matchRoute(method: string, rawPath: string): RouteMatch | undefined {
  const path = rawPath.length > 1 ? rawPath.replace(/\/+$/, '') : rawPath;
  const routes = routesFor(method);
  for (const route of routes) {
    const hit = tryMatch(route, route.strict, path);
    if (hit) return hit;
  }
  for (const candidate of new Set([path, rawPath])) {
    for (const route of routes) {
      if (!route.greedy) continue;
      const hit = tryMatch(route, route.greedy, candidate);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Lists the methods the description allows on a raw path (for error messages). */
export function listAllowedMethods(rawPath: string): string[] {
  return ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => matchRoute(m, rawPath));
}
