/**
 * Where a promotion's evidence record is kept besides the deployment: a
 * workflow artifact (through `@actions/artifact`, which talks to the runner's
 * results service) and, for production, an asset of the GitHub Release.
 *
 * `@actions/artifact` adds about 5 MB to a bundle, so this module is its own
 * entry point (`@release-policy/github/evidence`) and is not re-exported by
 * the package index: only an action that uploads pays for it.
 *
 * Re-runs: an artifact name is unique within a workflow run, so uploading
 * under a name that already exists (a re-run of the step or of the job)
 * deletes the older artifact first, then uploads; the record of the latest
 * attempt is the one kept. A release asset with the same name is replaced the
 * same way.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArtifactClient } from '@actions/artifact';
import { quoteValue, ReleasePolicyError } from '@release-policy/core';
import type { Octokit } from './octokit.js';
import { ACTIONS_DOCS } from './text.js';

/** The API client the release-asset calls use: the project's Octokit. */
export type GitHubClient = Octokit;

/** One file of an evidence artifact: a plain file name and its text. */
export interface EvidenceFile {
  name: string;
  content: string;
}

/**
 * Storing or reading evidence failed: a bad file or artifact name, an
 * artifact that is not there, or the results service that did not answer in
 * time. The message names the artifact and what to do.
 */
export class EvidenceStoreError extends ReleasePolicyError {
  /** Printed as `error.type` and `name`; see {@link ReleasePolicyError.type}. */
  static override readonly type = 'EvidenceStoreError';
}

/**
 * Longest time, in milliseconds, one call to the results service may take,
 * the library's own retries included. `@actions/artifact` retries each Twirp
 * call 5 times (3 s, then ×1.5 each time) but sets no timeout on a request,
 * and gives up on a blob upload only after 5 minutes without progress; this
 * deadline ends a silent service sooner.
 */
export const EVIDENCE_CALL_DEADLINE_MS = 120_000;

/** Days an evidence artifact is kept when not said otherwise: the longest GitHub allows. */
export const DEFAULT_EVIDENCE_RETENTION_DAYS = 90;

const docs = `${ACTIONS_DOCS}#evidence-artifacts`;

/** Characters GitHub refuses in an artifact name (as `@actions/artifact` checks them). */
const FORBIDDEN_ARTIFACT_CHARACTERS = ['"', ':', '<', '>', '|', '*', '?', '\r', '\n', '\\', '/'];

/** A file name safe in any temp folder and inside a zip: no path, no leading dot. */
const SAFE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Problems with an artifact name, as sentences (empty when it is usable). */
export function checkArtifactName(name: string): string[] {
  const problems: string[] = [];
  if (name.trim() === '') problems.push('it is empty');
  const bad = FORBIDDEN_ARTIFACT_CHARACTERS.filter((c) => name.includes(c));
  if (bad.length > 0) problems.push(`it contains ${bad.map((c) => JSON.stringify(c)).join(', ')}`);
  return problems;
}

function assertArtifactName(name: string): void {
  const problems = checkArtifactName(name);
  if (problems.length === 0) return;
  throw new EvidenceStoreError(
    `The artifact name ${quoteValue(name)} cannot be used: ${problems.join('; ')}. ` +
      `Use letters, digits, dots, dashes and underscores, e.g. "promotion-production-1.4.0". Read more: ${docs}`,
  );
}

function assertFiles(name: string, files: readonly EvidenceFile[]): void {
  if (files.length === 0) {
    throw new EvidenceStoreError(
      `The evidence artifact ${quoteValue(name)} has no files; pass at least one, e.g. { name: "evidence.json", content }. Read more: ${docs}`,
    );
  }
  const seen = new Set<string>();
  for (const file of files) {
    if (!SAFE_FILE_NAME.test(file.name)) {
      throw new EvidenceStoreError(
        `The evidence file name ${quoteValue(file.name)} of artifact ${quoteValue(name)} is not a plain file name. ` +
          `Use up to 100 letters, digits, dots, dashes and underscores, not starting with a dot, e.g. "evidence.json". Read more: ${docs}`,
      );
    }
    if (seen.has(file.name)) {
      throw new EvidenceStoreError(
        `The evidence artifact ${quoteValue(name)} names the file ${quoteValue(file.name)} twice; each file needs its own name. Read more: ${docs}`,
      );
    }
    seen.add(file.name);
  }
}

/**
 * Runs `call`, failing with an {@link EvidenceStoreError} naming `what` when
 * it takes longer than `deadlineMs`. The library's request is not aborted
 * (it offers no signal), but the step goes on and reports.
 */
export async function withDeadline<T>(
  what: string,
  deadlineMs: number,
  call: () => Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(
        new EvidenceStoreError(
          `${what} did not finish within ${Math.round(deadlineMs / 1000)} s; the runner's results service did not answer. ` +
            `Re-run the job; if it keeps failing, check https://www.githubstatus.com. Read more: ${docs}`,
        ),
      );
    }, deadlineMs);
  });
  try {
    return await Promise.race([call(), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Wraps a library failure once, naming the artifact and the step that failed. */
function convertArtifactError(error: unknown, what: string): EvidenceStoreError {
  if (error instanceof EvidenceStoreError) return error;
  const text = error instanceof Error ? error.message : String(error);
  return new EvidenceStoreError(
    `${what} failed: ${quoteValue(text, 300)}. Artifacts need the runner's results service ` +
      `(ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL, set by GitHub-hosted and current self-hosted runners; not on GitHub Enterprise Server). Read more: ${docs}`,
    { cause: error },
  );
}

/**
 * Loads `@actions/artifact` when it is first needed. Loaded eagerly, it would
 * run `@actions/github`'s module code, which parses GITHUB_EVENT_PATH, so a
 * damaged event payload would crash the bundle with a raw stack trace before
 * the action could say anything; loaded here, that becomes our error.
 */
async function loadArtifactClient(what: string): Promise<ArtifactClient> {
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    return new DefaultArtifactClient();
  } catch (error) {
    throw convertArtifactError(error, what);
  }
}

/** A digest as `sha256:<hex>`, whichever form the library gave. */
function normalizeDigest(digest: string | undefined): string | undefined {
  if (!digest) return undefined;
  return digest.startsWith('sha256:') ? digest : `sha256:${digest}`;
}

/** Deletes this run's artifact called `name`, when there is one (a re-run). */
async function deleteExistingArtifact(client: ArtifactClient, name: string) {
  // Listing first: `deleteArtifact` of a missing name writes a warning annotation.
  const { artifacts } = await client.listArtifacts({ latest: true });
  if (artifacts.some((a) => a.name === name)) await client.deleteArtifact(name);
}

/**
 * Uploads `files` as one workflow artifact called `name` (zipped by
 * `@actions/artifact`). Re-run safe: an artifact of this run with the same
 * name is deleted first, so the newest attempt's record is the one kept.
 * The files are written to a fresh temp folder (under `RUNNER_TEMP`) and
 * removed afterwards. Returns the artifact id, its size in bytes and the
 * zip's digest as `sha256:<hex>`.
 *
 * @throws EvidenceStoreError for a bad name or file, when the results service
 *   refuses or fails, or when a call exceeds {@link EVIDENCE_CALL_DEADLINE_MS}.
 */
export async function uploadEvidenceArtifact(options: {
  name: string;
  files: readonly EvidenceFile[];
  retentionDays?: number;
}): Promise<{ id: number; size: number; digest: string | undefined }> {
  const { name, files } = options;
  assertArtifactName(name);
  assertFiles(name, files);
  const dir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), 'release-policy-evidence-'));
  try {
    const paths: string[] = [];
    for (const file of files) {
      const path = join(dir, file.name);
      await writeFile(path, file.content, { encoding: 'utf8', flag: 'wx' });
      paths.push(path);
    }
    const what = `Uploading the evidence artifact ${quoteValue(name)}`;
    const client = await loadArtifactClient(what);
    const result = await withDeadline(what, EVIDENCE_CALL_DEADLINE_MS, async () => {
      try {
        await deleteExistingArtifact(client, name);
        return await client.uploadArtifact(name, paths, dir, {
          retentionDays: options.retentionDays ?? DEFAULT_EVIDENCE_RETENTION_DAYS,
        });
      } catch (error) {
        throw convertArtifactError(error, what);
      }
    });
    if (result.id === undefined) {
      throw new EvidenceStoreError(
        `${what} ended without an artifact id from the results service. Re-run the job. Read more: ${docs}`,
      );
    }
    return { id: result.id, size: result.size ?? 0, digest: normalizeDigest(result.digest) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Finds this run's artifact called `name` (the newest, when a re-run left
 * several) and returns its id, name and digest as `sha256:<hex>`.
 *
 * @throws EvidenceStoreError naming the artifact when there is none, when it
 *   has no digest (uploaded by an old `upload-artifact`), or when the results
 *   service fails.
 */
export async function readArtifactDigest(
  name: string,
): Promise<{ id: number; name: string; digest: string }> {
  assertArtifactName(name);
  const what = `Reading the digest of the artifact ${quoteValue(name)}`;
  const artifacts = await withDeadline(what, EVIDENCE_CALL_DEADLINE_MS, async () => {
    try {
      // Listing, not `getArtifact`: a missing name must be our error, not the library's warning.
      return (await (await loadArtifactClient(what)).listArtifacts()).artifacts;
    } catch (error) {
      throw convertArtifactError(error, what);
    }
  });
  const found = artifacts.filter((a) => a.name === name).sort((a, b) => b.id - a.id)[0];
  if (!found) {
    const known = artifacts.map((a) => quoteValue(a.name)).slice(0, 5);
    throw new EvidenceStoreError(
      `This run has no artifact named ${quoteValue(name)}` +
        (known.length > 0 ? ` (it has ${known.join(', ')})` : ' (it has none)') +
        '. Upload it earlier in the same run (actions/upload-artifact@v4 or later) and pass that name in `artifact`. ' +
        `Read more: ${docs}`,
    );
  }
  const digest = normalizeDigest(found.digest);
  if (!digest) {
    throw new EvidenceStoreError(
      `The artifact ${quoteValue(name)} (id ${found.id}) has no digest; it was uploaded by a tool that does not record one. ` +
        `Upload it with actions/upload-artifact@v4 or later. Read more: ${docs}`,
    );
  }
  return { id: found.id, name: found.name, digest };
}

export { attachReleaseAsset } from './release-asset.js';
