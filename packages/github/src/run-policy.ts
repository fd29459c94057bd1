import { readFile } from 'node:fs/promises';
import { isAbsolute, join, normalize } from 'node:path';
import {
  defaultPolicy,
  loadPolicy,
  POLICY_PATH,
  ReleasePolicyError,
  type Policy,
} from '@release-policy/core';
import type { RunContext } from './context.js';
import type { Octokit } from './octokit.js';
import { fetchPolicyText } from './policy.js';
import { ACTIONS_DOCS, quoteValue } from './text.js';

/** Where to look for the policy of this run. */
export interface RunPolicyRequest {
  context: RunContext;
  /** Repository-relative path of the policy file. */
  path: string;
  octokit?: Octokit;
  /** The checked-out repository, used when there is no token. */
  workspace?: string;
}

/**
 * Loads the policy that governs this run. For a pull request it is read from
 * the BASE commit through the API, so a pull request cannot relax the rules
 * it is checked against; for any other event from the commit being checked
 * (the API at the run's sha, or the workspace when there is no token). An
 * absent file means the embedded default policy; a malformed one throws
 * `ConfigError` with every problem at file:line:col.
 */
export async function loadRunPolicy(request: RunPolicyRequest): Promise<Policy> {
  const path = checkPolicyPath(request.path);
  const { context, octokit } = request;
  const pr = context.pullRequest;
  if (pr) {
    if (!octokit) {
      throw new ReleasePolicyError(
        'A pull request is checked against the policy of its base branch, which is read through the GitHub API, ' +
          'but no token was given. Pass the token input (the default, ${{ github.token }}, works) with contents: read. ' +
          `Read more: ${ACTIONS_DOCS}#policy-file`,
      );
    }
    const ref = pr.baseSha || pr.baseRef;
    const text = await fetchPolicyText(octokit, { ...context.repo, ref, path });
    return text === undefined ? defaultPolicy() : loadPolicy(text, path);
  }
  if (octokit && context.repo.owner && context.sha) {
    const text = await fetchPolicyText(octokit, { ...context.repo, ref: context.sha, path });
    return text === undefined ? defaultPolicy() : loadPolicy(text, path);
  }
  if (request.workspace) {
    let text: string | undefined;
    try {
      text = await readFile(join(request.workspace, path), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return text === undefined ? defaultPolicy() : loadPolicy(text, path);
  }
  return defaultPolicy();
}

/** The policy path must stay inside the repository: relative, no `..`. */
function checkPolicyPath(path: string): string {
  const trimmed = path.trim() || POLICY_PATH;
  const normal = normalize(trimmed).replace(/\\/g, '/');
  if (isAbsolute(trimmed) || normal.startsWith('../') || normal === '..') {
    throw new ReleasePolicyError(
      `The policy input ${quoteValue(path)} leaves the repository. Give a repository-relative path, ` +
        `e.g. ".github/release-policy.yml". Read more: ${ACTIONS_DOCS}#policy-file`,
    );
  }
  return normal;
}
