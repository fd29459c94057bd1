/**
 * The GitHub settings a repository needs before the policy is enforced, as
 * `release-policy init` prints them: what to set in the repository's
 * settings, and the `gh api` command that sets it. A policy file is only
 * worth what GitHub enforces (docs/actions.md#reusable-workflow).
 */

import {
  escapeInvisible,
  listApprovalGates,
  quoteShellArgument,
  type Policy,
} from '@release-policy/core';

/** An environment the promote starter deploys to, and how many distinct people approve it. */
export interface InitEnvironment {
  name: string;
  approvals: number;
  /** The continuous environment: every change merged into mainline goes there. */
  automatic?: boolean;
}

/**
 * The environments of a policy as `init` sets them up: the GitHub
 * environments and approval gates it prints, the promote starter's choices
 * and approvals map, the continuous starter's environment. One source, so the
 * settings, the starters and the promote action's count never disagree.
 */
export function listInitEnvironments(policy: Pick<Policy, 'environments'>): InitEnvironment[] {
  return policy.environments.map((environment) => ({
    name: environment.name,
    approvals: environment.approvals.required,
    ...(environment.automatic ? { automatic: true } : {}),
  }));
}

/** The check a protected line requires: the starter's caller job / the reusable workflow's job. */
export const REQUIRED_CHECK = 'release-policy / release policy';

/** One setting: what it does, and the REST call (`gh api`) that makes it. */
export interface GitHubSetting {
  what: string;
  /** The REST operation, as GitHub's OpenAPI description names it. */
  operationId: string;
  method: 'PUT' | 'POST';
  /** The API path; `{owner}/{repo}` is filled in by `gh api` from the current repository. */
  path: string;
  body: Record<string, unknown>;
}

function describeEnvironment(
  environment: InitEnvironment,
  gate: boolean,
  mainline: string,
): string {
  if (gate)
    return `approval gate of ${environment.name}: the same required reviewers, self-review prevented`;
  if (environment.approvals === 0)
    return environment.automatic
      ? `the automatic environment: no reviewers, deployments from ${mainline} only`
      : `no reviewers; deployments from ${mainline}, release branches and release tags only`;
  return `${environment.approvals} distinct approvals: required reviewers here and in each approval gate, self-review prevented`;
}

function listEnvironmentSettings(environment: InitEnvironment, mainline: string): GitHubSetting[] {
  const names = [environment.name, ...listApprovalGates(environment.name, environment.approvals)];
  return names.flatMap((name, index): GitHubSetting[] => {
    const reviewed = environment.approvals > 0;
    const body: Record<string, unknown> = {
      deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
      ...(reviewed
        ? { prevent_self_review: true, reviewers: [{ type: 'Team', id: '$TEAM_ID' }] }
        : {}),
    };
    const refs = environment.automatic
      ? [{ name: mainline, type: 'branch' }]
      : [
          { name: mainline, type: 'branch' },
          { name: 'release/*', type: 'branch' },
          { name: 'v*', type: 'tag' },
        ];
    return [
      {
        what: `environment ${name}: ${describeEnvironment(environment, index > 0, mainline)}`,
        operationId: 'repos/create-or-update-environment',
        method: 'PUT',
        path: `repos/{owner}/{repo}/environments/${encodeURIComponent(name)}`,
        body,
      },
      ...refs.map((ref) => ({
        what: `environment ${name}: deployments from ${ref.type} ${ref.name}`,
        operationId: 'repos/create-deployment-branch-policy',
        method: 'POST' as const,
        path: `repos/{owner}/{repo}/environments/${encodeURIComponent(name)}/deployment-branch-policies`,
        body: ref,
      })),
    ];
  });
}

/** The rulesets: the mainline and release lines take changes only through checked pull requests; release tags never move. */
function listRulesets(): GitHubSetting[] {
  return [
    {
      what: `ruleset "release-policy lines": main, release/** and *.x only through pull requests that passed "${REQUIRED_CHECK}"; no force push, no deletion`,
      operationId: 'repos/create-repo-ruleset',
      method: 'POST',
      path: 'repos/{owner}/{repo}/rulesets',
      body: {
        name: 'release-policy lines',
        target: 'branch',
        enforcement: 'active',
        conditions: {
          ref_name: {
            include: ['~DEFAULT_BRANCH', 'refs/heads/release/**', 'refs/heads/*.x'],
            exclude: [],
          },
        },
        rules: [
          { type: 'deletion' },
          { type: 'non_fast_forward' },
          {
            type: 'pull_request',
            parameters: {
              required_approving_review_count: 1,
              dismiss_stale_reviews_on_push: true,
              require_code_owner_review: false,
              require_last_push_approval: true,
              required_review_thread_resolution: false,
            },
          },
          {
            type: 'required_status_checks',
            parameters: {
              strict_required_status_checks_policy: true,
              required_status_checks: [{ context: REQUIRED_CHECK }],
            },
          },
        ],
      },
    },
    {
      what: 'ruleset "release tags": tags v* cannot be moved or deleted',
      operationId: 'repos/create-repo-ruleset',
      method: 'POST',
      path: 'repos/{owner}/{repo}/rulesets',
      body: {
        name: 'release tags',
        target: 'tag',
        enforcement: 'active',
        conditions: { ref_name: { include: ['refs/tags/v*'], exclude: [] } },
        rules: [{ type: 'deletion' }, { type: 'non_fast_forward' }, { type: 'update' }],
      },
    },
  ];
}

/** Every setting `init` prints for the policy, in the order to make them. */
export function listGitHubSettings(
  policy: Pick<Policy, 'environments' | 'mainline'>,
): GitHubSetting[] {
  return [
    ...listInitEnvironments(policy).flatMap((environment) =>
      listEnvironmentSettings(environment, policy.mainline),
    ),
    ...listRulesets(),
  ];
}

/**
 * One `gh api` command for a setting. The body goes on standard input as
 * JSON in a heredoc whose one expansion is `$TEAM_ID` (the reviewers' team):
 * every other `$`, backquote and backslash is escaped, so a mainline or an
 * environment name from the policy is data, never run; the path is quoted.
 */
export function renderGhApiCommand(setting: GitHubSetting): string {
  const json = JSON.stringify(setting.body)
    .replace(/[\\$`]/g, (char) => `\\${char}`)
    .replace(/"\\\$TEAM_ID"/g, '$TEAM_ID');
  return `gh api -X ${setting.method} ${quoteShellArgument(setting.path)} --input - <<JSON\n${json}\nJSON`;
}

/**
 * The settings as a shell script to read or run: each setting's description
 * as a comment, then its command; first how to get the reviewers' team id.
 */
export function renderGitHubSettings(settings: readonly GitHubSetting[]): string {
  return [
    '# Then make GitHub enforce the policy: in the Settings of the repository, or by',
    '# running these gh api commands inside the repository as an admin. Reviewers are',
    '# one team, by id (see docs/cli.md#init for what each setting protects):',
    'TEAM_ID=$(gh api orgs/YOUR-ORG/teams/YOUR-TEAM --jq .id)',
    ...settings.flatMap((setting, index) => [
      '',
      `# ${index + 1}. ${escapeInvisible(setting.what, { singleLine: true })}`,
      renderGhApiCommand(setting),
    ]),
  ].join('\n');
}
