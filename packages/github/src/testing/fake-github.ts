/**
 * A minimal loopback stand-in for the GitHub REST API, for this package's
 * tests only: issue comments (list with pages, create, update, delete), file
 * contents, and injectable faults. The full emulator lives elsewhere; keep
 * this one small.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string };
  html_url: string;
}

export interface RecordedRequest {
  method: string;
  /** Path after the API prefix, without the query. */
  path: string;
  query: URLSearchParams;
  authorization: string;
}

/**
 * A fault answers matching requests with `status` (and `body`, `headers`),
 * `times` times. With `afterWrite`, the request is carried out first and the
 * error is answered anyway, like a 502 from a proxy after the write happened.
 */
export interface Fault {
  method?: string;
  path?: RegExp;
  status: number;
  times?: number;
  afterWrite?: boolean;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeGitHub {
  /** API root to pass as `baseUrl`, e.g. `http://127.0.0.1:PORT/api/v3`. */
  url: string;
  comments: FakeComment[];
  /** File contents by `ref:path`. */
  files: Map<string, string>;
  requests: RecordedRequest[];
  faults: Fault[];
  addComment(issue: number, login: string, body: string): FakeComment;
  commentsOn(issue: number): FakeComment[];
  close(): Promise<void>;
}

export interface FakeGitHubOptions {
  /** Path prefix of the API, as on GitHub Enterprise Server (`/api/v3`). Default ''. */
  prefix?: string;
  /** Token to login; any other token is rejected with 401. Default: any token is `github-actions[bot]`. */
  tokens?: Record<string, string>;
}

function send(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const type =
    typeof body === 'string'
      ? 'application/vnd.github.raw; charset=utf-8'
      : 'application/json; charset=utf-8';
  res.writeHead(status, {
    'content-type': type,
    'x-github-request-id': `FAKE-${status}`,
    ...headers,
  });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** Starts the stand-in on 127.0.0.1 with a free port. */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const prefix = options.prefix ?? '';
  let nextId = 1000;
  const state = {
    comments: [] as FakeComment[],
    files: new Map<string, string>(),
    requests: [] as RecordedRequest[],
    faults: [] as Fault[],
  };
  let origin = '';

  const addComment = (issue: number, login: string, body: string): FakeComment => {
    nextId += 1;
    const comment = {
      id: nextId,
      issue,
      body,
      user: { login },
      html_url: `https://github.test/c/${nextId}`,
    };
    state.comments.push(comment);
    return comment;
  };

  async function route(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    path: string,
    login: string,
  ) {
    const method = req.method ?? 'GET';
    let m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(path);
    if (m && method === 'GET') {
      const issue = Number(m[1]);
      const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
      const page = Number(url.searchParams.get('page') ?? 1);
      const all = state.comments.filter((c) => c.issue === issue);
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> = {};
      if (page * perPage < all.length) {
        const next = new URL(url.toString(), origin);
        next.searchParams.set('page', String(page + 1));
        next.searchParams.set('per_page', String(perPage));
        headers.link = `<${origin}${prefix}${path}?${next.searchParams}>; rel="next"`;
      }
      return () => send(res, 200, slice, headers);
    }
    if (m && method === 'POST') {
      const { body } = await readJson(req);
      const comment = addComment(Number(m[1]), login, String(body ?? ''));
      return () => send(res, 201, comment);
    }
    m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path);
    if (m) {
      const comment = state.comments.find((c) => c.id === Number(m?.[1]));
      if (!comment) return () => send(res, 404, { message: 'Not Found' });
      if (method === 'PATCH') {
        comment.body = String((await readJson(req)).body ?? '');
        return () => send(res, 200, comment);
      }
      if (method === 'DELETE') {
        state.comments.splice(state.comments.indexOf(comment), 1);
        return () => send(res, 204);
      }
    }
    m = /^\/repos\/[^/]+\/[^/]+\/contents\/(.+)$/.exec(path);
    if (m && method === 'GET') {
      const file = decodeURIComponent(m[1] ?? '');
      const key = `${url.searchParams.get('ref') ?? ''}:${file}`;
      const text = state.files.get(key);
      if (text === undefined) {
        const dir = [...state.files.keys()].some((k) => k.startsWith(`${key}/`));
        return dir
          ? () => send(res, 200, [{ type: 'file', name: 'x' }])
          : () => send(res, 404, { message: 'Not Found' });
      }
      return () => send(res, 200, text);
    }
    return () => send(res, 404, { message: `Not Found: ${method} ${path}` });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
    const method = req.method ?? 'GET';
    const authorization = String(req.headers.authorization ?? '');
    state.requests.push({ method, path, query: url.searchParams, authorization });
    const token = authorization.replace(/^(token|bearer)\s+/i, '');
    const login = options.tokens
      ? options.tokens[token]
      : token
        ? 'github-actions[bot]'
        : undefined;
    if (!login) return send(res, 401, { message: 'Bad credentials' });
    const fault = state.faults.find(
      (f) =>
        (f.times ?? 1) > 0 && (!f.method || f.method === method) && (!f.path || f.path.test(path)),
    );
    if (fault) fault.times = (fault.times ?? 1) - 1;
    const fail = (f: Fault) =>
      send(res, f.status, f.body ?? { message: `fault ${f.status}` }, f.headers);
    if (fault && !fault.afterWrite) {
      req.resume();
      return fail(fault);
    }
    route(req, res, url, path, login).then(
      (respond) => (fault ? fail(fault) : respond()),
      (error: Error) => send(res, 500, { message: error.message }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}${prefix}`,
    ...state,
    addComment,
    commentsOn: (issue) =>
      state.comments.filter((c) => c.issue === issue).sort((a, b) => a.id - b.id),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
