/** Renders a release asset (`release-asset`) from its record. */
import type { HandlerContext } from './http.js';
import { nodeId, renderUser, repoApiUrl, repoWebUrl } from './render.js';
import type { ReleaseAssetRecord, ReleaseRecord, RepoRecord } from './state.js';

/** A `release-asset` with every field the description requires. */
export function renderReleaseAsset(
  ctx: HandlerContext,
  repo: RepoRecord,
  release: ReleaseRecord,
  asset: ReleaseAssetRecord,
) {
  const tag = release.draft ? `untagged-${release.id}` : encodeURIComponent(release.tagName);
  return {
    url: `${repoApiUrl(ctx.urls, repo)}/releases/assets/${asset.id}`,
    browser_download_url: `${repoWebUrl(ctx.urls, repo)}/releases/download/${tag}/${encodeURIComponent(asset.name)}`,
    id: asset.id,
    node_id: nodeId('RA', asset.id),
    name: asset.name,
    label: asset.label,
    state: 'uploaded' as const,
    content_type: asset.contentType,
    size: asset.data.length,
    digest: asset.digest,
    download_count: 0,
    created_at: asset.createdAt,
    updated_at: asset.updatedAt,
    uploader: renderUser(ctx.state, ctx.urls, asset.uploader),
  };
}
