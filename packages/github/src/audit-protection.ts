/**
 * How mainline, the lines and the release tags are protected: classic branch
 * protection and rulesets read together, as GitHub enforces both.
 */
import {
  matchRefPattern,
  type AuditBranch,
  type AuditTags,
  type PlannedBranch,
} from '@release-policy/core';
import type { RepositoryRef } from './repository-ref.js';
import type { SettingReader } from './setting-reader.js';
import { GitHubApiError, toGitHubApiError } from './errors.js';
import type { Octokit } from './octokit.js';

const GET_PROTECTION = 'GET /repos/{owner}/{repo}/branches/{branch}/protection';
const GET_BRANCH_RULES = 'GET /repos/{owner}/{repo}/rules/branches/{branch}';
const LIST_RULESETS = 'GET /repos/{owner}/{repo}/rulesets';

/** What one source of protection enforces on a branch. */
interface Enforcement {
  pullRequests: boolean;
  requiredChecks: string[];
  forcePushesBlocked: boolean;
  deletionBlocked: boolean;
}

/** A rule as GitHub lists it; parameters narrowed by `type`. */
interface RuleData {
  type: string;
  ruleset_id?: number;
  parameters?: { required_status_checks?: { context: string }[] };
}

/**
 * The classic protection of a branch; undefined when the branch is not
 * protected (GitHub's 404 "Branch not protected").
 */
async function readClassicProtection(
  octokit: Octokit,
  repo: RepositoryRef,
  branch: string,
): Promise<Enforcement | undefined> {
  try {
    const { data } = await octokit.rest.repos.getBranchProtection({ ...repo, branch });
    return {
      pullRequests: data.required_pull_request_reviews !== undefined,
      requiredChecks: data.required_status_checks?.contexts ?? [],
      forcePushesBlocked: data.allow_force_pushes?.enabled !== true,
      deletionBlocked: data.allow_deletions?.enabled !== true,
    };
  } catch (error) {
    const failure = toGitHubApiError(error, GET_PROTECTION);
    // 404 is GitHub's answer for an unprotected branch; a 403 (no permission) is not.
    if (failure.kind === 'not-found') return undefined;
    throw failure;
  }
}

function enforcementOfRules(rules: readonly RuleData[]): Enforcement {
  const types = new Set(rules.map((r) => r.type));
  return {
    pullRequests: types.has('pull_request'),
    requiredChecks: rules.flatMap((r) =>
      r.type === 'required_status_checks'
        ? (r.parameters?.required_status_checks ?? []).map((c) => c.context)
        : [],
    ),
    forcePushesBlocked: types.has('non_fast_forward') || types.has('update'),
    deletionBlocked: types.has('deletion') || types.has('update'),
  };
}

/** Branch protection and branch rulesets together: a setting holds when either enforces it. */
function combine(
  branch: PlannedBranch,
  classic: Enforcement | undefined,
  rules: readonly RuleData[],
): AuditBranch {
  const fromRules = enforcementOfRules(rules);
  const rulesetIds = [...new Set(rules.map((r) => r.ruleset_id))];
  const sources = [
    ...(classic ? ['branch protection'] : []),
    ...rulesetIds.map((id) => `ruleset ${id ?? '?'}`),
  ];
  return {
    name: branch.name,
    kind: branch.kind,
    sources,
    pullRequests: fromRules.pullRequests || (classic?.pullRequests ?? false),
    requiredChecks: [...new Set([...fromRules.requiredChecks, ...(classic?.requiredChecks ?? [])])],
    forcePushesBlocked: fromRules.forcePushesBlocked || (classic?.forcePushesBlocked ?? false),
    deletionBlocked: fromRules.deletionBlocked || (classic?.deletionBlocked ?? false),
  };
}

/**
 * Each planned branch's protection: two requests per branch (its classic
 * protection and the rules GitHub applies to it, which resolves ruleset
 * patterns such as `release/*` itself). Undefined when the token can read
 * neither; a branch whose classic protection is unreadable is judged by its
 * rulesets, with the unreadable setting recorded.
 */
export async function readBranchProtections(
  octokit: Octokit,
  repo: RepositoryRef,
  planned: readonly PlannedBranch[],
  reader: SettingReader,
): Promise<AuditBranch[] | undefined> {
  const branches: AuditBranch[] = [];
  for (const branch of planned) {
    const rules = await reader.read(
      `rulesets of the branch ${JSON.stringify(branch.name)}`,
      GET_BRANCH_RULES,
      async () =>
        (await octokit.paginate(octokit.rest.repos.getBranchRules, {
          ...repo,
          branch: branch.name,
          per_page: 100,
        })) as RuleData[],
      'metadata: read',
    );
    let classicRead = true;
    const classic = await reader.read(
      `branch protection of ${JSON.stringify(branch.name)}`,
      GET_PROTECTION,
      async () => {
        try {
          return await readClassicProtection(octokit, repo, branch.name);
        } catch (error) {
          if (error instanceof GitHubApiError && error.kind === 'forbidden') classicRead = false;
          throw error;
        }
      },
      'administration: read',
    );
    if (rules === undefined && !classicRead) return undefined;
    branches.push(combine(branch, classic, rules ?? []));
  }
  return branches;
}

interface RulesetData {
  id: number;
  name: string;
  enforcement: string;
  conditions?: { ref_name?: { include?: string[]; exclude?: string[] } } | null;
  rules?: { type: string }[];
}

/**
 * Which active tag rulesets select `sample` and what they block: the tag
 * rulesets listed once, then each read for its conditions and rules.
 * Undefined when the token cannot read them.
 */
export async function readTagProtection(
  octokit: Octokit,
  repo: RepositoryRef,
  sample: string,
  reader: SettingReader,
): Promise<AuditTags | undefined> {
  const rulesets = await reader.read(
    'tag rulesets',
    LIST_RULESETS,
    async () => {
      const listed = await octokit.paginate(octokit.rest.repos.getRepoRulesets, {
        ...repo,
        targets: 'tag',
        per_page: 100,
      });
      const full: RulesetData[] = [];
      for (const summary of listed) {
        if (summary.enforcement !== 'active') continue;
        const { data } = await octokit.rest.repos.getRepoRuleset({
          ...repo,
          ruleset_id: summary.id,
        });
        full.push(data as RulesetData);
      }
      return full;
    },
    'metadata: read',
  );
  if (!rulesets) return undefined;
  const selecting = rulesets.filter((r) => selectsRef(r, sample));
  const types = new Set(selecting.flatMap((r) => (r.rules ?? []).map((rule) => rule.type)));
  return {
    sample,
    rulesets: selecting.map((r) => r.name),
    updateBlocked: types.has('update') || types.has('non_fast_forward'),
    deletionBlocked: types.has('deletion'),
  };
}

function selectsRef(ruleset: RulesetData, ref: string): boolean {
  const include = ruleset.conditions?.ref_name?.include ?? [];
  const exclude = ruleset.conditions?.ref_name?.exclude ?? [];
  const selects = (pattern: string) => pattern === '~ALL' || matchRefPattern(pattern, ref);
  return include.some(selects) && !exclude.some(selects);
}
