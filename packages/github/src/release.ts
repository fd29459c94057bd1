/**
 * Publishes release notes as the GitHub Release of a tag, safely re-run:
 * the release is found by listing (drafts included, which get-by-tag does
 * not find), updated when it exists, created otherwise; a create that
 * answers 422 `already_exists` or fails after writing is followed by a new
 * look-up, so every path ends with exactly one release. The notes live in a
 * marked block of the body; text a person wrote outside it is kept.
 */
import { GitHubApiError, toGitHubApiError } from './errors.js';
import { sanitizeOutgoingText } from './secrets.js';
import type { RepositoryRef } from './api-facts.js';
import type { Octokit } from './octokit.js';

/**
 * Release notes ready to leave the action (the release body, the notes file,
 * the changelog): every secret the run knows redacted, and control, bidi and
 * zero-width characters shown as escapes like every other output, except the
 * zero-width space the notes put after `@` so a mention notifies nobody.
 */
export function sanitizeReleaseNotes(notes: string): string {
  return sanitizeOutgoingText(notes).replaceAll('@\\u200b', '@\u200b');
}

/** The markers around the notes in a release body. */
export const NOTES_START = '<!-- release-policy:notes:start -->';
export const NOTES_END = '<!-- release-policy:notes:end -->';

/** What to publish. */
export interface PublishReleaseInput {
  octokit: Octokit;
  repo: RepositoryRef;
  tag: string;
  /** The release title, e.g. `v1.4.0`. */
  name: string;
  /** The Markdown of the notes. */
  notes: string;
  draft: boolean;
  prerelease: boolean;
}

/** The release as it ended. */
export interface PublishedRelease {
  id: number;
  url: string;
  status: 'created' | 'updated';
}

interface ReleaseRecord {
  id: number;
  tag_name: string;
  body?: string | null;
  html_url: string;
  draft: boolean;
}

const LIST = 'GET /repos/{owner}/{repo}/releases';
const CREATE = 'POST /repos/{owner}/{repo}/releases';
const UPDATE = 'PATCH /repos/{owner}/{repo}/releases/{release_id}';

/**
 * The body with the notes in the marked block: the block replaced when the
 * body has one, else added at the top, above what a person wrote. Pure.
 */
export function mergeReleaseBody(body: string, notes: string): string {
  const block = `${NOTES_START}\n${notes.trimEnd()}\n${NOTES_END}`;
  const start = body.indexOf(NOTES_START);
  const end = start === -1 ? -1 : body.indexOf(NOTES_END, start);
  if (start !== -1 && end !== -1) {
    return `${body.slice(0, start)}${block}${body.slice(end + NOTES_END.length)}`;
  }
  return body.trim() === '' ? block : `${block}\n\n${body}`;
}

async function callApi<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toGitHubApiError(error, operation);
  }
}

/** The release of the tag, drafts included; the oldest when there are several. */
async function findRelease(input: PublishReleaseInput): Promise<ReleaseRecord | undefined> {
  const { octokit, repo } = input;
  const all = (await callApi(LIST, () =>
    octokit.paginate(octokit.rest.repos.listReleases, { ...repo, per_page: 100 }),
  )) as ReleaseRecord[];
  return all.filter((r) => r.tag_name === input.tag).sort((a, b) => a.id - b.id)[0];
}

/**
 * The state fields an update sends: a draft is published when the policy
 * asks for published releases, and nothing else. A published release is never
 * made a draft again: a maintainer published it, and a re-run of the tag's
 * workflow must not take it back. `prerelease` is left as found: it follows
 * from the tag's version, the same on every run of the tag, so the create
 * already set it; a different value on an existing release was set by a
 * person (an rc promoted to a full release), which a re-run must not undo.
 * Omitted fields are left as GitHub has them, so a release published between
 * our look-up and our update stays published.
 */
function computeStateChange(input: PublishReleaseInput, found: ReleaseRecord): { draft?: false } {
  return found.draft && !input.draft ? { draft: false } : {};
}

async function updateRelease(
  input: PublishReleaseInput,
  found: ReleaseRecord,
): Promise<PublishedRelease> {
  const { octokit, repo } = input;
  const response = await callApi(UPDATE, () =>
    octokit.rest.repos.updateRelease({
      ...repo,
      release_id: found.id,
      tag_name: input.tag,
      name: input.name,
      body: mergeReleaseBody(found.body ?? '', sanitizeReleaseNotes(input.notes)),
      ...computeStateChange(input, found),
    }),
  );
  return { id: response.data.id, url: response.data.html_url, status: 'updated' };
}

/** True when a failed create may have happened anyway, or lost a race: look again. */
function isWorthLookingAgain(error: unknown): boolean {
  return (
    error instanceof GitHubApiError &&
    (error.status === 422 || error.kind === 'server' || error.kind === 'network')
  );
}

/**
 * Creates or updates the tag's release with the notes.
 * @throws GitHubApiError when GitHub refuses, after the look-up that follows a failed create
 */
export async function publishRelease(input: PublishReleaseInput): Promise<PublishedRelease> {
  const found = await findRelease(input);
  if (found) return updateRelease(input, found);
  const { octokit, repo } = input;
  try {
    const response = await callApi(CREATE, () =>
      octokit.rest.repos.createRelease({
        ...repo,
        tag_name: input.tag,
        name: input.name,
        body: mergeReleaseBody('', sanitizeReleaseNotes(input.notes)),
        draft: input.draft,
        prerelease: input.prerelease,
        // Never retried blindly: a create that failed after writing is found by the look-up below.
        request: { retries: 0 },
      }),
    );
    return { id: response.data.id, url: response.data.html_url, status: 'created' };
  } catch (error) {
    if (!isWorthLookingAgain(error)) throw error;
    // Another run created it, or our create went through before the answer was lost.
    const again = await findRelease(input);
    if (!again) throw error;
    return updateRelease(input, again);
  }
}
