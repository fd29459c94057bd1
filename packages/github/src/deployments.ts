/**
 * Deployments as the promotion rules and the history read them: each with
 * its latest state, when it first went live and what its evidence record
 * says. Status lists are read per deployment, so the lists are bounded.
 */
import {
  readEvidencePayload,
  type DeploymentEntry,
  type DeploymentState,
} from '@release-policy/core';
import type { RepositoryRef } from './repository-ref.js';
import { callGitHubApi } from './errors.js';
import type { Octokit } from './octokit.js';

/** Deployments of the target environment read at most, newest first. */
export const DEFAULT_MAX_DEPLOYMENTS = 30;

const LIST_DEPLOYMENTS = 'GET /repos/{owner}/{repo}/deployments';
const LIST_STATUSES = 'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses';

/** A deployment as the API lists it, as far as we read it. */
interface DeploymentData {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  payload: unknown;
  created_at: string;
  creator: { login: string } | null;
}

/** Which deployments to list: by environment, by commit, or both. */
export interface DeploymentQuery {
  environment?: string;
  sha?: string;
  /** At most this many, newest first (default {@link DEFAULT_MAX_DEPLOYMENTS}, at most 100). */
  max?: number;
  /**
   * Stops at the first deployment this is true for (it is included): the
   * statuses of older ones are not read. The audit stops at the live one.
   */
  until?: (entry: DeploymentEntry) => boolean;
}

/**
 * The deployments `query` selects, newest first, each with its statuses
 * read: the latest state, and when it first reached `success`; down to the
 * first that `query.until` accepts, when given.
 *
 * @throws GitHubApiError when a call fails (after the Octokit's own retries)
 */
export async function readDeployments(
  octokit: Octokit,
  repo: RepositoryRef,
  query: DeploymentQuery,
  /** Deployments already read in this run, by id: their statuses are not read again. */
  known: Map<number, DeploymentEntry> = new Map(),
): Promise<DeploymentEntry[]> {
  const perPage = Math.min(query.max ?? DEFAULT_MAX_DEPLOYMENTS, 100);
  const { data } = await callGitHubApi(LIST_DEPLOYMENTS, () =>
    octokit.rest.repos.listDeployments({
      ...repo,
      per_page: perPage,
      ...(query.environment !== undefined ? { environment: query.environment } : {}),
      ...(query.sha !== undefined ? { sha: query.sha } : {}),
    }),
  );
  const entries: DeploymentEntry[] = [];
  for (const deployment of data as DeploymentData[]) {
    const entry =
      known.get(deployment.id) ?? (await readDeploymentEntry(octokit, repo, deployment));
    known.set(entry.id, entry);
    entries.push(entry);
    if (query.until?.(entry) === true) break;
  }
  return entries;
}

async function readDeploymentEntry(
  octokit: Octokit,
  repo: RepositoryRef,
  deployment: DeploymentData,
): Promise<DeploymentEntry> {
  const { data: statuses } = await callGitHubApi(LIST_STATUSES, () =>
    octokit.rest.repos.listDeploymentStatuses({
      ...repo,
      deployment_id: deployment.id,
      per_page: 100,
    }),
  );
  // GitHub lists statuses newest first; the id orders them when times tie.
  const ordered = [...statuses].sort((a, b) => b.id - a.id);
  const succeeded = ordered.filter((s) => s.state === 'success').at(-1);
  const record = readEvidencePayload(deployment.payload);
  // A deployment GitHub made for a job bound to the environment has no record: its run is in its status links.
  const linked = ordered
    .map((st) => /\/actions\/runs\/(\d+)(?:\/|$)/.exec(st.log_url ?? st.target_url ?? '')?.[1])
    .find((id) => id !== undefined);
  return {
    ...(linked !== undefined ? { runId: Number(linked) } : {}),
    id: deployment.id,
    environment: deployment.environment,
    sha: deployment.sha,
    createdAt: deployment.created_at,
    creator: deployment.creator?.login ?? 'ghost',
    state: (ordered[0]?.state ?? 'pending') as DeploymentState,
    ...(succeeded ? { succeededAt: succeeded.created_at } : {}),
    ...record,
    ...(record.version === undefined ? { unrecorded: true } : {}),
    version: record.version ?? deployment.ref,
  };
}

/**
 * The deployment history of one environment, newest first: who deployed
 * which version when, its state, approvers, canary percent and rollbacks
 * (from each deployment's evidence record).
 *
 * @throws GitHubApiError when a call fails
 */
export function listDeploymentHistory(
  octokit: Octokit,
  repo: RepositoryRef,
  environment: string,
  max = DEFAULT_MAX_DEPLOYMENTS,
): Promise<DeploymentEntry[]> {
  return readDeployments(octokit, repo, { environment, max });
}

/** Merges lists of deployments by id, newest first. */
export function mergeDeployments(...lists: readonly DeploymentEntry[][]): DeploymentEntry[] {
  const byId = new Map<number, DeploymentEntry>();
  for (const list of lists) for (const d of list) byId.set(d.id, d);
  return [...byId.values()].sort((a, b) => b.id - a.id);
}
