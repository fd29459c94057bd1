/**
 * The workflow files of `.github/workflows` and their uses of this project's
 * actions, read through the contents API (one listing, one read per file).
 */
import type { AuditActionUse, AuditWorkflow, Policy } from '@release-policy/core';
import type { RepositoryRef } from './repository-ref.js';
import type { SettingReader } from './setting-reader.js';
import { toGitHubApiError } from './errors.js';
import type { Octokit } from './octokit.js';

const GET_CONTENT = 'GET /repos/{owner}/{repo}/contents/{path}';
const WORKFLOWS = '.github/workflows';

/** Workflow files read at most, so a repository with hundreds stays bounded. */
export const MAX_WORKFLOW_FILES = 50;

/** A `uses:` value of a step or a job: `- uses: x`, `uses: 'x'`, `uses: "x" # note`. */
const USES_LINE = /^\s*(?:-\s+)?uses:\s*["']?([^"'\s#]+)/;

/**
 * Every use of `repository`'s actions or workflows in a workflow's text
 * (owner/name compared case-insensitively, as GitHub does), with the ref
 * after `@` and the line.
 */
export function findActionUses(text: string, repository: string): AuditActionUse[] {
  const prefix = `${repository.toLowerCase()}/`;
  const uses: AuditActionUse[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const value = USES_LINE.exec(line)?.[1];
    if (value === undefined || !value.toLowerCase().startsWith(prefix)) return;
    const at = value.lastIndexOf('@');
    uses.push({ uses: value, ref: at < 0 ? '' : value.slice(at + 1), line: index + 1 });
  });
  return uses;
}

async function listWorkflowPaths(octokit: Octokit, repo: RepositoryRef): Promise<string[]> {
  try {
    const { data } = await octokit.rest.repos.getContent({ ...repo, path: WORKFLOWS });
    if (!Array.isArray(data)) return [];
    return data
      .filter((entry) => entry.type === 'file' && /\.ya?ml$/i.test(entry.name))
      .map((entry) => entry.path)
      .slice(0, MAX_WORKFLOW_FILES);
  } catch (error) {
    const failure = toGitHubApiError(error, GET_CONTENT);
    // No .github/workflows folder: no workflows, which the audit reports.
    if (failure.kind === 'not-found') return [];
    throw failure;
  }
}

async function readText(octokit: Octokit, repo: RepositoryRef, path: string): Promise<string> {
  const response = await octokit.rest.repos.getContent({
    ...repo,
    path,
    mediaType: { format: 'raw' },
  });
  const data: unknown = response.data;
  return typeof data === 'string' ? data : '';
}

/**
 * The workflow files on the default branch with their uses of the policy's
 * action repository. Undefined when the token cannot read contents.
 */
export async function readWorkflowUses(
  octokit: Octokit,
  repo: RepositoryRef,
  policy: Policy,
  reader: SettingReader,
): Promise<AuditWorkflow[] | undefined> {
  return reader.read('workflow files', GET_CONTENT, async () => {
    const workflows: AuditWorkflow[] = [];
    for (const path of await listWorkflowPaths(octokit, repo)) {
      const text = await readText(octokit, repo, path);
      workflows.push({ path, uses: findActionUses(text, policy.audit.actionRepository) });
    }
    return workflows;
  });
}
