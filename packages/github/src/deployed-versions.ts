/**
 * What is deployed in each environment, read straight from the Deployments
 * API: per environment, the newest deployment whose latest status is
 * `success`.
 */
import type { DeployedVersion } from '@release-policy/core';
import type { RepositoryRef } from './repository-ref.js';
import type { Octokit } from './octokit.js';

/** Deployments of one environment looked at, newest first, before giving up. */
export const MAX_DEPLOYMENTS_PER_ENVIRONMENT = 10;

/**
 * The newest successful deployment of each environment in `environments`:
 * one listing per environment (newest first), then the latest status of each
 * deployment until one succeeded, at most {@link MAX_DEPLOYMENTS_PER_ENVIRONMENT}.
 * An environment with none is left out.
 *
 * @throws the Octokit's error when a call fails (the caller converts it).
 */
export async function readDeployedVersions(
  octokit: Octokit,
  repo: RepositoryRef,
  environments: readonly string[],
): Promise<DeployedVersion[]> {
  const deployed: DeployedVersion[] = [];
  for (const environment of environments) {
    const { data: deployments } = await octokit.rest.repos.listDeployments({
      ...repo,
      environment,
      per_page: MAX_DEPLOYMENTS_PER_ENVIRONMENT,
    });
    for (const deployment of deployments) {
      const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
        ...repo,
        deployment_id: deployment.id,
        per_page: 1,
      });
      const latest = statuses[0];
      if (latest?.state !== 'success') continue;
      deployed.push({
        environment,
        ref: deployment.ref,
        sha: deployment.sha,
        at: latest.created_at,
        by: deployment.creator?.login ?? '',
      });
      break;
    }
  }
  return deployed;
}
