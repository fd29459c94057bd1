import { ReleasePolicyError } from '@release-policy/core';
import { toGitHubApiError } from './errors.js';
import type { Octokit } from './octokit.js';
import { ACTIONS_DOCS, quoteValue } from './text.js';

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

/**
 * Reads a policy file's text through the contents API, at `ref`.
 * Returns `undefined` when the file does not exist (404), so the caller can
 * fall back to the default policy. Pull requests must pass their base, so a
 * pull request cannot relax the rules it is checked against.
 */
export async function fetchPolicyText(
  octokit: Octokit,
  location: PolicyLocation,
): Promise<string | undefined> {
  const path = location.path.replace(/^\.?\/+/, '');
  let data: unknown;
  try {
    const response = await octokit.rest.repos.getContent({
      owner: location.owner,
      repo: location.repo,
      path,
      ref: location.ref || undefined,
      mediaType: { format: 'raw' },
    });
    data = response.data;
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return undefined;
    throw toGitHubApiError(error, OPERATION);
  }
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new TextDecoder('utf-8').decode(data);
  if (Array.isArray(data)) {
    throw new ReleasePolicyError(
      `The policy path ${quoteValue(path)} at ${quoteValue(location.ref)} is a directory, not a file. ` +
        `Expected a YAML file, e.g. ".github/release-policy.yml". Read more: ${ACTIONS_DOCS}#policy-file`,
    );
  }
  throw new ReleasePolicyError(
    `The policy path ${quoteValue(path)} at ${quoteValue(location.ref)} is not a regular file ` +
      `(a symlink or submodule?). Expected a YAML file, e.g. ".github/release-policy.yml". Read more: ${ACTIONS_DOCS}#policy-file`,
  );
}
