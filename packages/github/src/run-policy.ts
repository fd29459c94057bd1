import { isAbsolute, normalize } from 'node:path';
import {
  defaultPolicy,
  loadPolicyBytes,
  POLICY_PATH,
  quoteValue,
  type Policy,
} from '@release-policy/core';
import type { RunContext } from './context.js';
import { InputError, PolicyFileError, RunContextError } from './errors.js';
import type { Octokit } from './octokit.js';
import { fetchPolicyFile } from './policy.js';
import { describePolicyFileProblem, readPolicyFileInside } from './policy-file.js';
import { ACTIONS_DOCS } from './text.js';

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
 * The `source` shown for the default policy when the file is absent, e.g.
 * `(default policy: no .github/release-policy.yml at 1a2b3c4)`.
 */
export function describeDefaultPolicySource(path: string, where: string): string {
  const at = /^[0-9a-f]{40,64}$/i.test(where) ? `at ${where.slice(0, 7)}` : where;
  return `(default policy: no ${path} ${at})`;
}

/**
 * The commit (else branch) a pull request's policy is read at: its base, so
 * a pull request cannot relax the rules it is checked against. Undefined for
 * a run that is no pull request's. What the policy names as part of itself
 * (the documents' templates) is read at the same ref.
 */
export function resolvePolicyRef(context: RunContext): string | undefined {
  const pr = context.pullRequest;
  return pr ? pr.baseSha || pr.baseRef : undefined;
}

/**
 * Loads the policy that governs this run. For a pull request it is read from
 * the BASE commit through the API, so a pull request cannot relax the rules
 * it is checked against; for any other event from the commit being checked
 * (the API at the run's sha, or the workspace when there is no token). A file
 * confirmed absent means the embedded default policy, whose `source` says
 * where it was looked for; a file the token cannot see fails
 * ({@link fetchPolicyFile}); a malformed one throws `ConfigError` with every
 * problem at file:line:col.
 */
export async function loadRunPolicy(request: RunPolicyRequest): Promise<Policy> {
  const path = checkPolicyPath(request.path);
  const { context, octokit } = request;
  const pr = context.pullRequest;
  const fromApi = async (ref: string): Promise<Policy> => {
    const file = await fetchPolicyFile(octokit as Octokit, { ...context.repo, ref, path });
    // Bytes, so the loader checks UTF-8 as for the working tree.
    if (file.bytes !== undefined) return loadPolicyBytes(file.bytes, path);
    return { ...defaultPolicy(), source: describeDefaultPolicySource(path, file.commitSha ?? ref) };
  };
  if (context.missingPullRequest) {
    // A pull-request event without its pull request would silently read the
    // policy from the head's merge commit, so a pull request could relax its own rules.
    throw new RunContextError(
      `The ${quoteValue(context.eventName)} event payload lacks ${context.missingPullRequest}, so the base branch ` +
        'whose policy governs this pull request is unknown. The runner writes a complete payload to GITHUB_EVENT_PATH; ' +
        'if a workflow rewrites it, keep pull_request.number, pull_request.base.ref and pull_request.base.sha. ' +
        `Read more: ${ACTIONS_DOCS}#policy-file`,
    );
  }
  if (pr) {
    if (!octokit) {
      throw new InputError(
        'A pull request is checked against the policy of its base branch, which is read through the GitHub API, ' +
          'but no token was given. Pass the token input (the default, ${{ github.token }}, works) with contents: read. ' +
          `Read more: ${ACTIONS_DOCS}#policy-file`,
      );
    }
    return fromApi(resolvePolicyRef(context) ?? pr.baseRef);
  }
  if (octokit && context.repo.owner && context.sha) return fromApi(context.sha);
  if (request.workspace) {
    const bytes = await readWorkspacePolicy(request.workspace, path);
    if (bytes !== undefined) return loadPolicyBytes(bytes, path);
    return { ...defaultPolicy(), source: describeDefaultPolicySource(path, 'in the working tree') };
  }
  return defaultPolicy();
}

/**
 * The policy file's bytes in the working tree; undefined when absent; a
 * teaching error otherwise: a symbolic link, a FIFO or device, a file over
 * 1 MiB or one whose folder leaves the repository is not read at all.
 */
async function readWorkspacePolicy(
  workspace: string,
  path: string,
): Promise<Uint8Array | undefined> {
  const read = await readPolicyFileInside(workspace, path);
  if (read.status === 'read') return read.bytes;
  if (read.problem === 'missing') return undefined;
  throw new PolicyFileError(
    `The policy file ${quoteValue(path)} in the working tree cannot be used: ${describePolicyFileProblem(read)}. ` +
      'Expected a readable YAML file, e.g. ".github/release-policy.yml", or no file at all for the default policy. ' +
      `Read more: ${ACTIONS_DOCS}#policy-file`,
    { cause: read.cause },
  );
}

/** The policy path must stay inside the repository: relative, no `..`. */
function checkPolicyPath(path: string): string {
  const trimmed = path.trim() || POLICY_PATH;
  const normal = normalize(trimmed).replace(/\\/g, '/');
  if (isAbsolute(trimmed) || normal.startsWith('../') || normal === '..') {
    throw new InputError(
      `The policy input ${quoteValue(path)} leaves the repository. Give a repository-relative path, ` +
        `e.g. ".github/release-policy.yml". Read more: ${ACTIONS_DOCS}#policy-file`,
    );
  }
  return normal;
}
