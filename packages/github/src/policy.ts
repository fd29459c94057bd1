import { quoteValue } from '@release-policy/core';
import { GitHubApiError, PolicyFileError, toGitHubApiError } from './errors.js';
import { MAX_POLICY_FILE_BYTES } from './policy-file.js';
import type { Octokit } from './octokit.js';
import { ACTIONS_DOCS } from './text.js';

/** Where to read a policy file from. */
export interface PolicyLocation {
  owner: string;
  repo: string;
  /** Branch, tag or commit; for a pull request, the BASE commit or branch. */
  ref: string;
  /** Repository-relative path, e.g. `.github/release-policy.yml`. */
  path: string;
}

const OPERATION = 'GET /repos/{owner}/{repo}/contents/{path}';
const COMMIT_OPERATION = 'GET /repos/{owner}/{repo}/commits/{ref}';

/** What {@link fetchPolicyFile} found. */
export interface PolicyFile {
  /** The file's text; `undefined` when the commit is visible and has no such file. */
  text: string | undefined;
  /** The file's bytes, for the loader's UTF-8 check; present exactly when `text` is. */
  bytes?: Uint8Array;
  /** The commit the absence was confirmed at (only set when `text` is undefined). */
  commitSha?: string;
}

/**
 * Reads a policy file's text through the contents API, at `ref`.
 * Returns `undefined` only when the file is confirmed absent (see
 * {@link fetchPolicyFile}), so the caller can fall back to the default
 * policy. Pull requests must pass their base, so a pull request cannot relax
 * the rules it is checked against.
 */
export async function fetchPolicyText(
  octokit: Octokit,
  location: PolicyLocation,
): Promise<string | undefined> {
  return (await fetchPolicyFile(octokit, location)).text;
}

/**
 * Reads a policy file through the contents API, at `ref`. A 404 is ambiguous
 * on GitHub: the file may be absent, or the token may not see the repository
 * (a private repository without `contents: read`) or the commit. So a 404 is
 * confirmed with `GET /repos/{owner}/{repo}/commits/{ref}`: when that commit
 * is visible the file is absent (`text` undefined, `commitSha` set); when it
 * is not, a teaching {@link GitHubApiError} is thrown instead of silently
 * using the default policy.
 */
export async function fetchPolicyFile(
  octokit: Octokit,
  location: PolicyLocation,
): Promise<PolicyFile> {
  const answer = await fetchRawContent(octokit, location, POLICY_SUBJECT);
  if ('commitSha' in answer) return { text: undefined, commitSha: answer.commitSha };
  const bytes = readPolicyData(answer.data, answer.path, location.ref);
  return { text: new TextDecoder('utf-8').decode(bytes), bytes };
}

/** What a file read through the contents API is, for the message when its commit is not visible. */
export interface ContentSubject {
  /** What the file is, capitalized, e.g. `The policy file`. */
  noun: string;
  /** What is NOT done in its place, e.g. `The default policy is NOT used`. */
  fallback: string;
}

const POLICY_SUBJECT: ContentSubject = {
  noun: 'The policy file',
  fallback: 'The default policy is NOT used',
};

/**
 * The raw contents answer for `location` (`path` without a leading `./` or
 * `/`), or the commit at which the file is confirmed absent: a 404 is
 * confirmed with `GET /repos/{owner}/{repo}/commits/{ref}`, and a commit the
 * token cannot see throws a teaching {@link GitHubApiError} naming `subject`.
 */
export async function fetchRawContent(
  octokit: Octokit,
  location: PolicyLocation,
  subject: ContentSubject,
): Promise<{ path: string; data: unknown } | { path: string; commitSha: string }> {
  const path = location.path.replace(/^\.?\/+/, '');
  try {
    const response = await octokit.rest.repos.getContent({
      owner: location.owner,
      repo: location.repo,
      path,
      ref: location.ref || undefined,
      mediaType: { format: 'raw' },
    });
    return { path, data: response.data };
  } catch (error) {
    if ((error as { status?: unknown }).status !== 404) throw toGitHubApiError(error, OPERATION);
    const commitSha = await confirmCommitVisible(octokit, location, { path, subject }, error);
    return { path, commitSha };
  }
}

/**
 * Confirms that the token sees the commit `location.ref` and returns its sha;
 * throws a {@link GitHubApiError} (kind `not-found`) when it does not.
 */
async function confirmCommitVisible(
  octokit: Octokit,
  location: PolicyLocation,
  { path, subject }: { path: string; subject: ContentSubject },
  contentsError: unknown,
): Promise<string> {
  const ref = location.ref || 'HEAD';
  try {
    const response = await octokit.rest.repos.getCommit({
      owner: location.owner,
      repo: location.repo,
      ref,
    });
    const sha = (response.data as { sha?: unknown }).sha;
    return typeof sha === 'string' ? sha : ref;
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status !== 404 && status !== 422) throw toGitHubApiError(error, COMMIT_OPERATION);
    const apiError = toGitHubApiError(error, COMMIT_OPERATION);
    throw new GitHubApiError(
      `${subject.noun} ${quoteValue(path)} could not be read at ${quoteValue(ref)} in ` +
        `${quoteValue(`${location.owner}/${location.repo}`)}: GitHub answered 404, and the commit itself ` +
        `is not visible to the token either (${COMMIT_OPERATION} answered ${String(status)}). ` +
        `${subject.fallback}, because the file may well exist. A private repository needs ` +
        '`permissions: { contents: read }` for the workflow token; ' +
        'a commit from another repository (a fork) cannot be read through this one. ' +
        `Read more: ${ACTIONS_DOCS}#policy-file`,
      {
        status: 404,
        operation: OPERATION,
        kind: 'not-found',
        requestId: apiError.requestId,
        apiMessage: apiError.apiMessage,
      },
      { cause: contentsError },
    );
  }
}

/**
 * The bytes of a raw contents answer (Octokit gives text or an ArrayBuffer);
 * undefined for anything else (a directory listing, a link's description).
 */
export function readRawBytes(data: unknown): Uint8Array | undefined {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : undefined;
}

/**
 * The bytes of a raw contents answer, at most {@link MAX_POLICY_FILE_BYTES}
 * (the limit the working-tree read has too); a teaching error for a
 * directory, a link, a file too large or anything else.
 */
function readPolicyData(data: unknown, path: string, ref: string): Uint8Array {
  const bytes = readRawBytes(data);
  if (bytes !== undefined) {
    if (bytes.length <= MAX_POLICY_FILE_BYTES) return bytes;
    throw new PolicyFileError(
      `The policy file ${quoteValue(path)} at ${quoteValue(ref)} is ${bytes.length} bytes, larger than the ` +
        `${MAX_POLICY_FILE_BYTES}-byte limit for a policy, so it was not read. A policy is a short YAML file, ` +
        `e.g. ".github/release-policy.yml". Read more: ${ACTIONS_DOCS}#policy-file`,
    );
  }
  if (Array.isArray(data)) {
    throw new PolicyFileError(
      `The policy path ${quoteValue(path)} at ${quoteValue(ref)} is a directory, not a file. ` +
        `Expected a YAML file, e.g. ".github/release-policy.yml". Read more: ${ACTIONS_DOCS}#policy-file`,
    );
  }
  const type =
    typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
  if (type === 'symlink') {
    // The target is not quoted: a policy file must be a regular file, wherever a link leads.
    throw new PolicyFileError(
      `The policy path ${quoteValue(path)} at ${quoteValue(ref)} is a symbolic link, so it was not read: ` +
        'a policy file must be a regular file inside the repository. Commit the policy itself at that path, ' +
        `e.g. ".github/release-policy.yml". Read more: ${ACTIONS_DOCS}#policy-file`,
    );
  }
  throw new PolicyFileError(
    `The policy path ${quoteValue(path)} at ${quoteValue(ref)} is not a regular file ` +
      `(a symlink or submodule?). Expected a YAML file, e.g. ".github/release-policy.yml". Read more: ${ACTIONS_DOCS}#policy-file`,
  );
}
