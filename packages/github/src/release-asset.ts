/**
 * Attaching a file to a GitHub Release, re-run safe. Kept apart from the
 * artifact code so that it costs a bundle nothing more than Octokit.
 */
import { quoteValue } from '@release-policy/core';
import { GitHubApiError, toGitHubApiError } from './errors.js';
import type { Octokit } from './octokit.js';

/** What {@link attachReleaseAsset} attaches. */
export interface ReleaseAssetInput {
  owner: string;
  repo: string;
  releaseId: number;
  /** The asset's file name, e.g. `evidence-production.json`. */
  name: string;
  /** Its media type, e.g. `application/json`. */
  contentType: string;
  data: string;
}

const UPLOAD_OPERATION = 'POST {upload_url} (upload a release asset)';

/** Deletes every asset of the release called `name` (at most one, unless a race left two). */
async function deleteAssetsNamed(octokit: Octokit, input: ReleaseAssetInput): Promise<void> {
  const { owner, repo, releaseId: release_id, name } = input;
  let assets: { id: number; name: string }[];
  try {
    assets = await octokit.paginate(octokit.rest.repos.listReleaseAssets, {
      owner,
      repo,
      release_id,
      per_page: 100,
    });
  } catch (error) {
    throw toGitHubApiError(error, 'GET /repos/{owner}/{repo}/releases/{release_id}/assets');
  }
  for (const asset of assets.filter((a) => a.name === name)) {
    try {
      await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: asset.id });
    } catch (error) {
      // Already gone (a concurrent run deleted it): what we wanted.
      if (toGitHubApiError(error, '').status === 404) continue;
      throw toGitHubApiError(error, 'DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}');
    }
  }
}

/** The release's `upload_url`: GitHub serves uploads from another host than the API. */
async function readUploadUrl(octokit: Octokit, input: ReleaseAssetInput): Promise<string> {
  try {
    const { data } = await octokit.rest.repos.getRelease({
      owner: input.owner,
      repo: input.repo,
      release_id: input.releaseId,
    });
    return data.upload_url;
  } catch (error) {
    throw toGitHubApiError(error, 'GET /repos/{owner}/{repo}/releases/{release_id}');
  }
}

async function uploadAsset(octokit: Octokit, uploadUrl: string, input: ReleaseAssetInput) {
  const { data } = await octokit.request({
    method: 'POST',
    url: uploadUrl,
    name: input.name,
    data: input.data,
    headers: {
      'content-type': input.contentType,
      'content-length': Buffer.byteLength(input.data),
    },
  });
  const asset = data as { id: number; browser_download_url: string };
  return { id: asset.id, url: asset.browser_download_url };
}

/**
 * Attaches `data` to the release as the asset `name`, replacing an asset of
 * that name (a re-run, or an earlier promotion of the same version). The
 * upload goes to the release's `upload_url`, which is where GitHub (and
 * GitHub Enterprise Server) serves uploads. Returns the asset id and its
 * download URL. Each call has the Octokit's timeout and bounded retries.
 *
 * @throws GitHubApiError when a call fails, naming the operation.
 */
export async function attachReleaseAsset(
  octokit: Octokit,
  options: ReleaseAssetInput,
): Promise<{ id: number; url: string }> {
  const uploadUrl = await readUploadUrl(octokit, options);
  await deleteAssetsNamed(octokit, options);
  try {
    return await uploadAsset(octokit, uploadUrl, options);
  } catch (error) {
    const converted = toGitHubApiError(error, UPLOAD_OPERATION);
    // 422: an asset of that name appeared between the delete and the upload
    // (two runs at once); replace it once more, then give up.
    if (converted.status !== 422) throw converted;
  }
  await deleteAssetsNamed(octokit, options);
  try {
    return await uploadAsset(octokit, uploadUrl, options);
  } catch (error) {
    const converted = toGitHubApiError(error, UPLOAD_OPERATION);
    if (converted.status !== 422) throw converted;
    throw new GitHubApiError(
      `${converted.message} The release asset ${quoteValue(options.name)} was replaced twice and re-created by someone else each time; run the promotion once at a time.`,
      converted,
      { cause: error },
    );
  }
}
