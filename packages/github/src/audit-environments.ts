/**
 * The repository's environments as the audit reads them: required
 * reviewers, self-review and where deployments may come from.
 */
import {
  listPolicyEnvironments,
  type AuditEnvironment,
  type DeploymentBranches,
  type Policy,
} from '@release-policy/core';
import type { RepositoryRef } from './repository-ref.js';
import type { SettingReader } from './setting-reader.js';
import type { Octokit } from './octokit.js';

const LIST_ENVIRONMENTS = 'GET /repos/{owner}/{repo}/environments';
const LIST_BRANCH_POLICIES =
  'GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies';

/** The parts of a protection rule the audit reads; GitHub's union, narrowed by `type`. */
interface ProtectionRule {
  type: string;
  prevent_self_review?: boolean;
  reviewers?: unknown[];
}

interface EnvironmentData {
  name: string;
  protection_rules?: ProtectionRule[];
  deployment_branch_policy?: {
    protected_branches: boolean;
    custom_branch_policies: boolean;
  } | null;
}

function readReviewers(env: EnvironmentData): { reviewers: number; preventSelfReview: boolean } {
  const rule = env.protection_rules?.find((r) => r.type === 'required_reviewers');
  return {
    reviewers: rule?.reviewers?.length ?? 0,
    preventSelfReview: rule?.prevent_self_review === true,
  };
}

async function readBranches(
  octokit: Octokit,
  repo: RepositoryRef,
  env: EnvironmentData,
  reader: SettingReader,
): Promise<DeploymentBranches> {
  const policy = env.deployment_branch_policy;
  if (!policy) return { kind: 'all' };
  if (policy.protected_branches) return { kind: 'protected' };
  const patterns = await reader.read(
    `deployment branch policies of the environment ${JSON.stringify(env.name)}`,
    LIST_BRANCH_POLICIES,
    async () => {
      const { data } = await octokit.rest.repos.listDeploymentBranchPolicies({
        ...repo,
        environment_name: env.name,
        per_page: 100,
      });
      return data.branch_policies.map((p) => ({
        name: p.name ?? '',
        type: p.type === 'tag' ? ('tag' as const) : ('branch' as const),
      }));
    },
    'actions: read',
  );
  return { kind: 'custom', patterns: patterns ?? [] };
}

/** Where deployments may come from, without reading the custom patterns. */
function describeUnreadBranches(env: EnvironmentData): DeploymentBranches {
  const policy = env.deployment_branch_policy;
  if (!policy) return { kind: 'all' };
  return policy.protected_branches ? { kind: 'protected' } : { kind: 'custom' };
}

/**
 * Every environment of the repository (100 a page, one page in practice);
 * the custom deployment branch patterns are read only for the environments
 * whose promotions need approvals. Undefined when the token cannot list them.
 */
export async function readAuditEnvironments(
  octokit: Octokit,
  repo: RepositoryRef,
  policy: Policy,
  reader: SettingReader,
): Promise<AuditEnvironment[] | undefined> {
  const listed = await reader.read(
    'environments',
    LIST_ENVIRONMENTS,
    async () => {
      const { data } = await octokit.rest.repos.getAllEnvironments({ ...repo, per_page: 100 });
      return (data.environments ?? []) as EnvironmentData[];
    },
    'actions: read',
  );
  if (!listed) return undefined;
  const approving = new Set(
    listPolicyEnvironments(policy)
      .filter((env) => env.approvals > 0)
      .map((env) => env.name.toLowerCase()),
  );
  const environments: AuditEnvironment[] = [];
  for (const env of listed) {
    const branches: DeploymentBranches = approving.has(env.name.toLowerCase())
      ? await readBranches(octokit, repo, env, reader)
      : describeUnreadBranches(env);
    environments.push({ name: env.name, ...readReviewers(env), branches });
  }
  return environments;
}
