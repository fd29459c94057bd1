/**
 * What handlers receive and return, GitHub-style error bodies, and pagination.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { GitStore } from './git-store.js';
import type { Urls } from './render.js';
import type { Seeder } from './seed.js';
import { sameRepo, type EmulatorState, type RepoRecord } from './state.js';

/** A request after routing, parsing and validation. */
export interface EmulatorRequest {
  method: string;
  /** Raw path without query, e.g. `/repos/o/r/issues/1/comments`. */
  path: string;
  operationId: string;
  template: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  headers: IncomingHttpHeaders;
  /** The raw bytes, for operations whose body is a file (release-asset upload). */
  rawBody?: Buffer;
}

/** What a handler answers. `raw` replaces the JSON body (e.g. raw file contents). */
export interface EmulatorResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: { contentType: string; text: string };
}

/** Everything a handler may use. */
export interface HandlerContext {
  state: EmulatorState;
  seed: Seeder;
  git: GitStore;
  urls: Urls;
  now(): Date;
  /** Now as a GitHub timestamp. */
  stamp(): string;
}

export type Handler = (
  ctx: HandlerContext,
  req: EmulatorRequest,
) => EmulatorResponse | Promise<EmulatorResponse>;

const docs = 'https://docs.github.com/rest';

/** An error answer; handlers throw it and the server renders it. */
export class GitHubError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(String(body.message), options);
    this.name = 'GitHubError';
  }
}

/** A GitHub error body: `message`, `documentation_url`, `status`. */
export function errorBody(status: number, message: string, extra: Record<string, unknown> = {}) {
  return { message, documentation_url: docs, status: String(status), ...extra };
}

/** 404 Not Found, as GitHub answers for missing and invisible things alike. */
export function notFound(): GitHubError {
  return new GitHubError(404, errorBody(404, 'Not Found'));
}

/** 422 Validation Failed with one `errors` entry. */
export function validationFailed(error: {
  resource: string;
  code: string;
  field?: string;
  message?: string;
}): GitHubError {
  return new GitHubError(422, errorBody(422, 'Validation Failed', { errors: [error] }));
}

/** 422 with a plain message (GitHub's answer to a malformed request). */
export function unprocessable(message: string): GitHubError {
  return new GitHubError(422, errorBody(422, message));
}

/** The repository of the request, or a thrown 404. */
export function requireRepo(ctx: HandlerContext, req: EmulatorRequest): RepoRecord {
  const fullName = `${req.params.owner ?? ''}/${req.params.repo ?? ''}`;
  const repo = ctx.state.repos.find((r) => sameRepo(r.fullName, fullName));
  if (!repo) throw notFound();
  return repo;
}

/** Parses a numeric path parameter, or throws 404 as GitHub does for junk ids. */
export function numberParam(req: EmulatorRequest, name: string): number {
  const value = Number(req.params[name]);
  if (!Number.isInteger(value)) throw notFound();
  return value;
}

/** A JSON answer. */
export function json(status: number, body: unknown, headers?: Record<string, string>) {
  return { status, body, headers } satisfies EmulatorResponse;
}

/** The page size and number a list request asks for: 30 by default, 100 at most. */
export function readPage(req: EmulatorRequest): { perPage: number; page: number } {
  const perPage = Number(req.query.per_page ?? 30);
  const page = Number(req.query.page ?? 1);
  return {
    perPage: Number.isInteger(perPage) && perPage > 0 ? Math.min(perPage, 100) : 30,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/**
 * Slices `items` for the requested page and builds GitHub's Link header
 * (`prev`, `next`, `last`, `first`, each keeping the other query parameters).
 */
export function paginate<T>(
  ctx: HandlerContext,
  req: EmulatorRequest,
  items: readonly T[],
): { items: T[]; headers: Record<string, string> } {
  const { perPage, page } = readPage(req);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (n: number, rel: string) => {
    const url = new URL(`${ctx.urls.api}${req.path}`);
    for (const [k, v] of Object.entries(req.query)) url.searchParams.set(k, v);
    url.searchParams.set('page', String(n));
    return `<${url.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return { items: slice, headers: links.length > 0 ? { link: links.join(', ') } : {} };
}

/** A paginated JSON 200 answer. */
export function listResponse<T>(
  ctx: HandlerContext,
  req: EmulatorRequest,
  items: readonly T[],
): EmulatorResponse {
  const { items: page, headers } = paginate(ctx, req, items);
  return { status: 200, body: page, headers };
}
