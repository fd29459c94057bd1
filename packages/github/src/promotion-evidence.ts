/**
 * Where a promotion's evidence goes besides the deployment's payload: a
 * workflow artifact (JSON and Markdown) and, for the production environment,
 * an asset of the version's GitHub Release; and where the `artifact` input's
 * digest is read. All of it goes through one {@link EvidenceStore}, so the
 * storage is wired in one place.
 */
import type { EvidenceRecord } from '@release-policy/core';
import { callGitHubApi, GitHubApiError } from './errors.js';
import type { EvidenceFile } from './evidence-store.js';
import type { Octokit } from './octokit.js';

const GET_RELEASE = 'GET /repos/{owner}/{repo}/releases/tags/{tag}';

/** The storage calls a promotion makes (the artifact results service and release assets). */
export interface EvidenceStore {
  /** Uploads files as one workflow artifact; re-run safe (same name replaces). */
  uploadEvidenceArtifact(options: {
    name: string;
    files: readonly EvidenceFile[];
    retentionDays?: number;
  }): Promise<{ id: number; size: number; digest: string | undefined }>;
  /** Looks up an artifact of this run by name: its sha256 digest, or a typed error naming it. */
  readArtifactDigest(name: string): Promise<{ id: number; name: string; digest: string }>;
  /** Attaches (or replaces, re-run safe) a release asset. */
  attachReleaseAsset(
    octokit: Octokit,
    options: {
      owner: string;
      repo: string;
      releaseId: number;
      name: string;
      contentType: string;
      data: string;
    },
  ): Promise<{ id: number; url: string }>;
}

/** The file names of a promotion's evidence, e.g. `promotion-production-1.4.0.json`. */
export function nameEvidenceFiles(record: EvidenceRecord): {
  json: string;
  markdown: string;
  artifact: string;
} {
  const base = `promotion-${record.environment}-${record.version}-${record.percent}`.replace(
    /[^0-9A-Za-z._-]/g,
    '-',
  );
  return { json: `${base}.json`, markdown: `${base}.md`, artifact: base };
}

/**
 * The digest of the `artifact` input's artifact, uploaded earlier in the run.
 *
 * @throws EvidenceStoreError (from the store) when the run has no artifact of that name
 */
export async function readPromotionArtifact(
  name: string,
  store: EvidenceStore,
): Promise<{ name: string; digest: string }> {
  const found = await store.readArtifactDigest(name);
  return { name: found.name, digest: found.digest };
}

/** Where the evidence was stored. */
export interface StoredEvidence {
  artifactId?: number;
  assetUrl?: string;
}

/** The id of the release of `tag`; undefined when the version has no (published) release. */
async function findReleaseId(
  octokit: Octokit,
  repo: { owner: string; repo: string },
  tag: string,
): Promise<number | undefined> {
  try {
    const { data } = await callGitHubApi(GET_RELEASE, () =>
      octokit.rest.repos.getReleaseByTag({ ...repo, tag }),
    );
    return data.id;
  } catch (error) {
    // 404: the version has no published release to attach the record to; the artifact holds it.
    if (error instanceof GitHubApiError && error.status === 404) return undefined;
    throw error;
  }
}

/**
 * Uploads the evidence as a workflow artifact and, when `releaseTag` is
 * given (a production promotion of a released version), attaches it to the
 * tag's release. The store is passed in by the promote action from
 * `@release-policy/github/evidence`, so only that bundle carries the artifact client.
 */
export async function storePromotionEvidence(
  input: {
    octokit: Octokit;
    repo: { owner: string; repo: string };
    record: EvidenceRecord;
    markdown: string;
    /** The version's release tag, for the production environment: the record is attached to its release. */
    releaseTag?: string;
  },
  store: EvidenceStore,
): Promise<StoredEvidence> {
  const names = nameEvidenceFiles(input.record);
  const json = `${JSON.stringify(input.record, null, 2)}\n`;
  const uploaded = await store.uploadEvidenceArtifact({
    name: names.artifact,
    files: [
      { name: names.json, content: json },
      { name: names.markdown, content: input.markdown },
    ],
  });
  const releaseId = input.releaseTag
    ? await findReleaseId(input.octokit, input.repo, input.releaseTag)
    : undefined;
  if (releaseId === undefined) return { artifactId: uploaded.id };
  const asset = await store.attachReleaseAsset(input.octokit, {
    ...input.repo,
    releaseId,
    name: names.json,
    contentType: 'application/json',
    data: json,
  });
  return { artifactId: uploaded.id, assetUrl: asset.url };
}
