/**
 * Release assets. Uploads arrive on the uploads host (the release's
 * `upload_url`), with the file as the raw body and its media type in
 * `Content-Type`; a second asset of the same name answers 422
 * `already_exists`, as GitHub does. Deleting a release deletes its assets.
 */
import { createHash } from 'node:crypto';
import {
  json,
  listResponse,
  notFound,
  numberParam,
  requireRepo,
  unprocessable,
  validationFailed,
  type EmulatorRequest,
  type Handler,
  type HandlerContext,
} from '../http.js';
import { renderReleaseAsset } from '../render-asset.js';
import { sameRepo, type ReleaseAssetRecord } from '../state.js';
import { requireRelease } from './releases.js';

function requireAsset(ctx: HandlerContext, req: EmulatorRequest) {
  const repo = requireRepo(ctx, req);
  const id = numberParam(req, 'asset_id');
  const asset = ctx.state.releaseAssets.find((a) => a.id === id && sameRepo(a.repo, repo.fullName));
  const release = ctx.state.releases.find((r) => r.id === asset?.releaseId);
  if (!asset || !release) throw notFound();
  return { repo, release, asset };
}

const uploadReleaseAsset: Handler = (ctx, req) => {
  const { repo, release } = requireRelease(ctx, req);
  const name = req.query.name ?? '';
  if (name.trim() === '') throw unprocessable('Validation Failed: name is required');
  const contentType = req.headers['content-type'];
  if (typeof contentType !== 'string' || contentType === '') {
    throw unprocessable("Bad Content-Type header value: the upload needs the file's media type");
  }
  const data = req.rawBody ?? Buffer.alloc(0);
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) !== data.length) {
    throw unprocessable(
      `Content-Length ${declared} differs from the ${data.length} bytes received`,
    );
  }
  const taken = ctx.state.releaseAssets.some((a) => a.releaseId === release.id && a.name === name);
  if (taken)
    throw validationFailed({ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' });
  const stamp = ctx.stamp();
  const asset: ReleaseAssetRecord = {
    repo: repo.fullName,
    releaseId: release.id,
    id: ctx.state.nextId++,
    name,
    label: req.query.label ?? null,
    contentType,
    data: Buffer.from(data),
    digest: `sha256:${createHash('sha256').update(data).digest('hex')}`,
    uploader: ctx.state.viewer,
    createdAt: stamp,
    updatedAt: stamp,
  };
  ctx.state.releaseAssets.push(asset);
  return json(201, renderReleaseAsset(ctx, repo, release, asset));
};

const listReleaseAssets: Handler = (ctx, req) => {
  const { repo, release } = requireRelease(ctx, req);
  const assets = ctx.state.releaseAssets.filter((a) => a.releaseId === release.id);
  return listResponse(
    ctx,
    req,
    assets.map((a) => renderReleaseAsset(ctx, repo, release, a)),
  );
};

const getReleaseAsset: Handler = (ctx, req) => {
  const { repo, release, asset } = requireAsset(ctx, req);
  return json(200, renderReleaseAsset(ctx, repo, release, asset));
};

const deleteReleaseAsset: Handler = (ctx, req) => {
  const { asset } = requireAsset(ctx, req);
  ctx.state.releaseAssets.splice(ctx.state.releaseAssets.indexOf(asset), 1);
  return { status: 204 };
};

export const releaseAssetHandlers: Record<string, Handler> = {
  'repos/upload-release-asset': uploadReleaseAsset,
  'repos/list-release-assets': listReleaseAssets,
  'repos/get-release-asset': getReleaseAsset,
  'repos/delete-release-asset': deleteReleaseAsset,
};
