/**
 * The configuration audit's facts, read through the API and never changed:
 * environments, branch protection and rulesets of mainline and the lines,
 * tag rulesets, the workflow files, and what is deployed where. A setting the
 * token cannot read (403) becomes an `unreadable` fact naming the
 * permission, never a failure and never a silent pass.
 */
import {
  findLiveDeployment,
  listPolicyEnvironments,
  planAuditBranches,
  planTagSample,
  type AuditFacts,
  type DeploymentEntry,
  type Policy,
} from '@release-policy/core';
import type { RepositoryRef } from './repository-ref.js';
import { SettingReader } from './setting-reader.js';
import { readBranchProtections, readTagProtection } from './audit-protection.js';
import { readAuditEnvironments } from './audit-environments.js';
import { readDeployments } from './deployments.js';
import type { Octokit } from './octokit.js';
import { readWorkflowUses } from './audit-workflows.js';

/** What {@link gatherAuditFacts} needs. */
export interface GatherAuditFactsInput {
  octokit: Octokit;
  repo: RepositoryRef;
  policy: Policy;
}

const GET_REPO = 'GET /repos/{owner}/{repo}';

/**
 * The deployments of each of the policy's environments, newest first, down
 * to its live promotion: the statuses of older ones are not read. GitHub's
 * own deployments of jobs bound to an environment are read on the way (they
 * have no evidence record, so they are never what went live).
 */
async function readLiveDeployments(
  octokit: Octokit,
  repo: RepositoryRef,
  policy: Policy,
): Promise<DeploymentEntry[]> {
  const deployments: DeploymentEntry[] = [];
  for (const { name } of listPolicyEnvironments(policy)) {
    const until = (entry: DeploymentEntry) => findLiveDeployment([entry], name) !== undefined;
    deployments.push(...(await readDeployments(octokit, repo, { environment: name, until })));
  }
  return deployments;
}
const LIST_REFS = 'GET /repos/{owner}/{repo}/git/matching-refs/{ref}';

/** Every ref name under `refs/<prefix>/`, short (`main`, `v1.4.0`): GitHub answers them in one list. */
async function listRefNames(
  octokit: Octokit,
  repo: RepositoryRef,
  prefix: 'heads' | 'tags',
): Promise<string[]> {
  const { data } = await octokit.rest.git.listMatchingRefs({ ...repo, ref: `${prefix}/` });
  return data.map((r) => r.ref.slice(`refs/${prefix}/`.length));
}

/**
 * Reads every audit fact of one repository with few requests (one listing
 * per kind of setting, then one or two reads per audited line, environment
 * and workflow file).
 *
 * @throws GitHubApiError when a call fails for a reason other than a missing permission.
 */
export async function gatherAuditFacts(input: GatherAuditFactsInput): Promise<AuditFacts> {
  const { octokit, repo, policy } = input;
  const reader = new SettingReader();
  const repository = await reader.read(
    'repository',
    GET_REPO,
    async () => (await octokit.rest.repos.get({ ...repo })).data,
  );
  const webUrl = repository?.html_url ?? `https://github.com/${repo.owner}/${repo.repo}`;
  const branchNames = await reader.read('branches', LIST_REFS, () =>
    listRefNames(octokit, repo, 'heads'),
  );
  const tagNames = await reader.read('tags', LIST_REFS, () => listRefNames(octokit, repo, 'tags'));
  const environments = await readAuditEnvironments(octokit, repo, policy, reader);
  const planned = branchNames
    ? planAuditBranches(branchNames, policy).filter((b) => branchNames.includes(b.name))
    : undefined;
  const branches = planned
    ? await readBranchProtections(octokit, repo, planned, reader)
    : undefined;
  const tags = await readTagProtection(
    octokit,
    repo,
    planTagSample(tagNames ?? [], policy),
    reader,
  );
  const workflows = await readWorkflowUses(octokit, repo, policy, reader);
  const deployments = await reader.read(
    'deployments',
    'GET /repos/{owner}/{repo}/deployments',
    () => readLiveDeployments(octokit, repo, policy),
    'deployments: read',
  );
  return {
    repository: `${repo.owner}/${repo.repo}`,
    webUrl,
    ...(environments ? { environments } : {}),
    ...(branches ? { branches } : {}),
    ...(tags ? { tags } : {}),
    ...(workflows ? { workflows } : {}),
    ...(tagNames ? { tagNames } : {}),
    ...(deployments ? { deployments } : {}),
    unreadable: reader.unreadable,
  };
}
