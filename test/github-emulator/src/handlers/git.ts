/**
 * Git data: refs, commits, annotated tags, tags, comparisons.
 */
import {
  json,
  listResponse,
  notFound,
  requireRepo,
  unprocessable,
  type Handler,
  type HandlerContext,
} from '../http.js';
import { nodeId, repoApiUrl, repoWebUrl } from '../render.js';
import { renderCommit, renderGitCommit, renderRef, renderTagObject } from '../render-git.js';
import type { RefRecord, RepoRecord } from '../state.js';

async function refType(ctx: HandlerContext, repo: RepoRecord, ref: RefRecord) {
  return (await ctx.git.getTagObject(repo, ref.sha)) ? ('tag' as const) : ('commit' as const);
}

const getRef: Handler = async (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const ref = await ctx.git.getRef(repo, `refs/${req.params.ref ?? ''}`);
  if (!ref) throw notFound();
  return json(200, renderRef(ctx.urls, repo, ref, await refType(ctx, repo, ref)));
};

const listMatchingRefs: Handler = async (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const prefix = `refs/${req.params.ref ?? ''}`;
  const refs = (await ctx.git.listRefs(repo)).filter((r) => r.ref.startsWith(prefix));
  const rendered = [];
  for (const ref of refs)
    rendered.push(renderRef(ctx.urls, repo, ref, await refType(ctx, repo, ref)));
  return json(200, rendered);
};

async function requireObject(ctx: HandlerContext, repo: RepoRecord, sha: unknown) {
  if (typeof sha !== 'string') throw unprocessable('Invalid request.\n\n"sha" wasn\'t supplied.');
  const exists =
    (await ctx.git.getTagObject(repo, sha)) ?? (await ctx.git.resolveCommit(repo, sha));
  if (!exists || !/^[0-9a-f]{40}$/.test(sha)) throw unprocessable('Object does not exist');
  return sha;
}

const createRef: Handler = async (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const body = req.body as { ref?: unknown; sha?: unknown };
  const name = typeof body.ref === 'string' ? body.ref : '';
  if (!/^refs\/[^/]+\/.+/.test(name)) {
    throw unprocessable(
      `Reference name ${JSON.stringify(name)} must start with "refs/" and have at least two slashes, e.g. "refs/heads/release-1".`,
    );
  }
  if (await ctx.git.getRef(repo, name)) throw unprocessable('Reference already exists');
  const sha = await requireObject(ctx, repo, body.sha);
  const ref = ctx.seed.ref({ repo: repo.fullName, ref: name, sha });
  const rendered = renderRef(ctx.urls, repo, ref, await refType(ctx, repo, ref));
  return json(201, rendered, { location: rendered.url });
};

const updateRef: Handler = async (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const name = `refs/${req.params.ref ?? ''}`;
  const current = await ctx.git.getRef(repo, name);
  if (!current) throw unprocessable('Reference does not exist');
  const body = req.body as { sha?: unknown; force?: unknown };
  const sha = await requireObject(ctx, repo, body.sha);
  if (body.force !== true) {
    const history = await ctx.git.listCommits(repo, sha);
    if (!history.some((c) => c.sha === current.sha))
      throw unprocessable('Update is not a fast forward');
  }
  const ref = ctx.seed.ref({ repo: repo.fullName, ref: name, sha });
  return json(200, renderRef(ctx.urls, repo, ref, await refType(ctx, repo, ref)));
};

const getGitCommit: Handler = async (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const commit = await ctx.git.getCommit(repo, req.params.commit_sha ?? '');
  if (!commit) throw notFound();
  return json(200, renderGitCommit(ctx.urls, repo, commit));
};

const getTag: Handler = async (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const tag = await ctx.git.getTagObject(repo, req.params.tag_sha ?? '');
  if (!tag) throw notFound();
  return json(200, renderTagObject(ctx.urls, repo, tag));
};

async function requireCommit(ctx: HandlerContext, repo: RepoRecord, refish: string) {
  const sha = await ctx.git.resolveCommit(repo, refish);
  const commit = sha ? await ctx.git.getCommit(repo, sha) : undefined;
  if (!commit) throw unprocessable(`No commit found for SHA: ${refish}`);
  return commit;
}

const getCommit: Handler = async (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const commit = await requireCommit(ctx, repo, req.params.ref ?? '');
  return json(200, {
    ...renderCommit(ctx.state, ctx.urls, repo, commit),
    stats: { total: 0, additions: 0, deletions: 0 },
    files: [],
  });
};

const listCommits: Handler = async (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const head = await requireCommit(ctx, repo, req.query.sha ?? repo.defaultBranch);
  const since = req.query.since;
  const until = req.query.until;
  const commits = (await ctx.git.listCommits(repo, head.sha))
    .filter((c) => !since || c.committer.date >= since)
    .filter((c) => !until || c.committer.date <= until);
  return listResponse(
    ctx,
    req,
    commits.map((c) => renderCommit(ctx.state, ctx.urls, repo, c)),
  );
};

const listTags: Handler = async (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const api = repoApiUrl(ctx.urls, repo);
  const refs = (await ctx.git.listRefs(repo)).filter((r) => r.ref.startsWith('refs/tags/'));
  const tags = [];
  for (const ref of refs.sort((a, b) => b.ref.localeCompare(a.ref))) {
    const name = ref.ref.slice('refs/tags/'.length);
    const sha = (await ctx.git.resolveCommit(repo, ref.ref)) ?? ref.sha;
    tags.push({
      name,
      commit: { sha, url: `${api}/commits/${sha}` },
      zipball_url: `${api}/zipball/refs/tags/${name}`,
      tarball_url: `${api}/tarball/refs/tags/${name}`,
      node_id: nodeId('REF', `${repo.id}:${ref.ref}`),
    });
  }
  return listResponse(ctx, req, tags);
};

async function compare(ctx: HandlerContext, repo: RepoRecord, baseRef: string, headRef: string) {
  const base = await ctx.git.getCommit(repo, (await ctx.git.resolveCommit(repo, baseRef)) ?? '');
  const head = await ctx.git.getCommit(repo, (await ctx.git.resolveCommit(repo, headRef)) ?? '');
  if (!base || !head) throw notFound();
  const ahead = (await ctx.git.listCommits(repo, head.sha, { exclude: base.sha })).reverse();
  const behind = await ctx.git.listCommits(repo, base.sha, { exclude: head.sha });
  const baseHistory = new Set((await ctx.git.listCommits(repo, base.sha)).map((c) => c.sha));
  const mergeBase =
    (await ctx.git.listCommits(repo, head.sha)).find((c) => baseHistory.has(c.sha)) ?? base;
  const status =
    ahead.length === 0 && behind.length === 0
      ? 'identical'
      : behind.length === 0
        ? 'ahead'
        : ahead.length === 0
          ? 'behind'
          : 'diverged';
  const api = repoApiUrl(ctx.urls, repo);
  const web = `${repoWebUrl(ctx.urls, repo)}/compare/${baseRef}...${headRef}`;
  return json(200, {
    url: `${api}/compare/${baseRef}...${headRef}`,
    html_url: web,
    permalink_url: `${repoWebUrl(ctx.urls, repo)}/compare/${base.sha}...${head.sha}`,
    diff_url: `${web}.diff`,
    patch_url: `${web}.patch`,
    base_commit: renderCommit(ctx.state, ctx.urls, repo, base),
    merge_base_commit: renderCommit(ctx.state, ctx.urls, repo, mergeBase),
    status,
    ahead_by: ahead.length,
    behind_by: behind.length,
    total_commits: ahead.length,
    commits: ahead.slice(0, 250).map((c) => renderCommit(ctx.state, ctx.urls, repo, c)),
    files: [],
  });
}

const compareCommits: Handler = (ctx, req) =>
  compare(ctx, requireRepo(ctx, req), req.params.base ?? '', req.params.head ?? '');

const compareBasehead: Handler = (ctx, req) => {
  const [base, head] = (req.params.basehead ?? '').split('...');
  if (!base || !head) throw notFound();
  return compare(ctx, requireRepo(ctx, req), base, head);
};

export const gitHandlers: Record<string, Handler> = {
  'git/get-ref': getRef,
  'git/list-matching-refs': listMatchingRefs,
  'git/create-ref': createRef,
  'git/update-ref': updateRef,
  'git/get-commit': getGitCommit,
  'git/get-tag': getTag,
  'repos/get-commit': getCommit,
  'repos/list-commits': listCommits,
  'repos/list-tags': listTags,
  'repos/compare-commits': compareCommits,
  'repos/compare-commits-with-basehead': compareBasehead,
};
