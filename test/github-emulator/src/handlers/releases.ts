/**
 * Releases. Drafts are invisible to get-by-tag and latest; a second release
 * for a tag that already has a published one answers 422 `already_exists`;
 * publishing a release whose tag does not exist creates the tag.
 */
import {
  json,
  listResponse,
  notFound,
  numberParam,
  requireRepo,
  validationFailed,
  type EmulatorRequest,
  type Handler,
  type HandlerContext,
} from '../http.js';
import { renderReleaseAsset } from '../render-asset.js';
import { nodeId, renderUser, repoApiUrl, repoWebUrl } from '../render.js';
import { sameRepo, type ReleaseRecord, type RepoRecord } from '../state.js';

/** Renders a `release`. */
export function renderRelease(ctx: HandlerContext, repo: RepoRecord, release: ReleaseRecord) {
  const api = repoApiUrl(ctx.urls, repo);
  const web = repoWebUrl(ctx.urls, repo);
  const self = `${api}/releases/${release.id}`;
  const tagPath = release.draft ? `untagged-${release.id}` : encodeURIComponent(release.tagName);
  return {
    url: self,
    html_url: `${web}/releases/tag/${tagPath}`,
    assets_url: `${self}/assets`,
    upload_url: `${ctx.urls.uploads}/repos/${repo.fullName}/releases/${release.id}/assets{?name,label}`,
    tarball_url: release.draft ? null : `${api}/tarball/${encodeURIComponent(release.tagName)}`,
    zipball_url: release.draft ? null : `${api}/zipball/${encodeURIComponent(release.tagName)}`,
    id: release.id,
    node_id: nodeId('RE', release.id),
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    body: release.body,
    draft: release.draft,
    prerelease: release.prerelease,
    immutable: false,
    created_at: release.createdAt,
    published_at: release.publishedAt,
    author: renderUser(ctx.state, ctx.urls, release.author),
    assets: ctx.state.releaseAssets
      .filter((a) => a.releaseId === release.id && sameRepo(a.repo, repo.fullName))
      .map((a) => renderReleaseAsset(ctx, repo, release, a)),
  };
}

function releasesOf(ctx: HandlerContext, repo: RepoRecord): ReleaseRecord[] {
  return ctx.state.releases.filter((r) => sameRepo(r.repo, repo.fullName));
}

/** The repository and release of the request, or a thrown 404. */
export function requireRelease(ctx: HandlerContext, req: EmulatorRequest) {
  const repo = requireRepo(ctx, req);
  const id = numberParam(req, 'release_id');
  const release = releasesOf(ctx, repo).find((r) => r.id === id);
  if (!release) throw notFound();
  return { repo, release };
}

interface ReleaseBody {
  tag_name?: string;
  target_commitish?: string;
  name?: string;
  body?: string;
  draft?: boolean;
  prerelease?: boolean;
}

function assertTagFree(ctx: HandlerContext, repo: RepoRecord, tag: string, except?: number) {
  const taken = releasesOf(ctx, repo).some((r) => r.tagName === tag && !r.draft && r.id !== except);
  if (taken)
    throw validationFailed({ resource: 'Release', code: 'already_exists', field: 'tag_name' });
}

/** Creates `refs/tags/<tag>` at the target when a published release needs it. */
async function ensureTag(ctx: HandlerContext, repo: RepoRecord, release: ReleaseRecord) {
  if (release.draft) return;
  const name = `refs/tags/${release.tagName}`;
  if (await ctx.git.getRef(repo, name)) return;
  const sha = await ctx.git.resolveCommit(repo, release.targetCommitish);
  if (!sha) {
    throw validationFailed({ resource: 'Release', code: 'invalid', field: 'target_commitish' });
  }
  ctx.seed.ref({ repo: repo.fullName, ref: name, sha });
}

const createRelease: Handler = async (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const body = req.body as ReleaseBody;
  const tagName = body.tag_name ?? '';
  const draft = body.draft ?? false;
  assertTagFree(ctx, repo, tagName);
  const candidate: ReleaseRecord = {
    repo: repo.fullName,
    id: 0,
    tagName,
    targetCommitish: body.target_commitish ?? repo.defaultBranch,
    name: body.name ?? tagName,
    body: body.body ?? null,
    draft,
    prerelease: body.prerelease ?? false,
    author: ctx.state.viewer,
    createdAt: ctx.stamp(),
    publishedAt: draft ? null : ctx.stamp(),
  };
  await ensureTag(ctx, repo, candidate);
  const { id: _id, ...seed } = candidate;
  const release = ctx.seed.release(seed);
  const rendered = renderRelease(ctx, repo, release);
  return json(201, rendered, { location: rendered.url });
};

const getRelease: Handler = (ctx, req) => {
  const { repo, release } = requireRelease(ctx, req);
  return json(200, renderRelease(ctx, repo, release));
};

const getReleaseByTag: Handler = (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const release = releasesOf(ctx, repo).find((r) => r.tagName === req.params.tag && !r.draft);
  if (!release) throw notFound();
  return json(200, renderRelease(ctx, repo, release));
};

const getLatestRelease: Handler = (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const latest = releasesOf(ctx, repo)
    .filter((r) => !r.draft && !r.prerelease)
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.id - a.id)[0];
  if (!latest) throw notFound();
  return json(200, renderRelease(ctx, repo, latest));
};

const listReleases: Handler = (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const releases = releasesOf(ctx, repo).sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id,
  );
  return listResponse(
    ctx,
    req,
    releases.map((r) => renderRelease(ctx, repo, r)),
  );
};

const updateRelease: Handler = async (ctx, req) => {
  const { repo, release } = requireRelease(ctx, req);
  const body = req.body as ReleaseBody;
  const next: ReleaseRecord = { ...release };
  if (body.tag_name !== undefined) next.tagName = body.tag_name;
  if (body.target_commitish !== undefined) next.targetCommitish = body.target_commitish;
  if (body.name !== undefined) next.name = body.name;
  if (body.body !== undefined) next.body = body.body;
  if (body.prerelease !== undefined) next.prerelease = body.prerelease;
  if (body.draft !== undefined) next.draft = body.draft;
  if (!next.draft) assertTagFree(ctx, repo, next.tagName, release.id);
  if (release.draft && !next.draft) next.publishedAt = ctx.stamp();
  await ensureTag(ctx, repo, next);
  Object.assign(release, next);
  return json(200, renderRelease(ctx, repo, release));
};

const deleteRelease: Handler = (ctx, req) => {
  const { release } = requireRelease(ctx, req);
  ctx.state.releases.splice(ctx.state.releases.indexOf(release), 1);
  // GitHub deletes a release's assets with it.
  ctx.state.releaseAssets = ctx.state.releaseAssets.filter((a) => a.releaseId !== release.id);
  return { status: 204 };
};

export const releaseHandlers: Record<string, Handler> = {
  'repos/create-release': createRelease,
  'repos/get-release': getRelease,
  'repos/get-release-by-tag': getReleaseByTag,
  'repos/get-latest-release': getLatestRelease,
  'repos/list-releases': listReleases,
  'repos/update-release': updateRelease,
  'repos/delete-release': deleteRelease,
};
