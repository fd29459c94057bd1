/**
 * Test helper: repositories in the emulator whose GitHub settings enforce
 * the default policy, for the audit's tests, end-to-end tests and bench.
 */
import { EVIDENCE_FORMAT, EVIDENCE_PAYLOAD_KEY } from '@release-policy/core';
import { fakeSha, type Emulator } from '@release-policy/github-emulator';

export const WORKFLOW_PATH = '.github/workflows/release-policy.yml';

/** A workflow using the actions pinned to `ref`. */
export function renderWorkflow(ref: string): string {
  return [
    'name: release-policy',
    'on: [pull_request]',
    'jobs:',
    '  release-policy:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v5',
    `      - uses: release-policy/release-policy/actions/branch-name@${ref}`,
    `      - uses: "release-policy/release-policy/actions/version@${ref}" # pinned`,
    '',
  ].join('\n');
}

/**
 * Seeds `owner/name` enforcing the default policy: the four environments
 * (staging, production and production's approval gate with reviewers,
 * self-review prevented, protected branches only), a ruleset on mainline and
 * `release/*`, a tag ruleset, a pinned workflow, releases v1.3.0 and v1.4.0,
 * and 1.4.0 promoted to staging and 1.3.0 to production. Returns the full name.
 */
export function seedCompliantRepo(emulator: Emulator, name: string, owner = 'octo-org'): string {
  const repo = `${owner}/${name}`;
  const seed = emulator.seed;
  if (!emulator.state.repos.some((r) => r.fullName === repo)) seed.repo({ owner, name });
  const sha = fakeSha(`${repo}:main`);
  // The policy is read at the run's commit: the API must see it.
  seed.commit({ repo, sha, message: 'chore: the audited commit' });
  for (const ref of [
    'heads/main',
    'heads/release/1.4',
    'heads/feature/CHG-1-x',
    'tags/v1.3.0',
    'tags/v1.4.0',
  ]) {
    seed.ref({ repo, ref: `refs/${ref}`, sha });
  }
  if (!emulator.state.teams.some((t) => t.org === owner && t.slug === 'release-managers')) {
    seed.teamMember(owner, 'release-managers', { username: 'mia' });
  }
  for (const env of ['dev', 'test']) seed.environment({ repo, name: env });
  // The default policy: one approval for staging, two for production (its
  // second in the gate environment production-approval-2).
  for (const env of ['staging', 'production', 'production-approval-2']) {
    seed.environment({
      repo,
      name: env,
      reviewers: [{ type: 'Team', slug: 'release-managers' }],
      preventSelfReview: true,
      deploymentBranchPolicy: { protectedBranches: true, customBranchPolicies: false },
    });
  }
  seed.ruleset({
    repo,
    name: 'lines',
    include: ['~DEFAULT_BRANCH', 'refs/heads/release/*'],
    rules: [
      { type: 'pull_request', requiredApprovals: 1 },
      {
        type: 'required_status_checks',
        contexts: ['release-policy / release policy'],
        strict: true,
      },
      { type: 'non_fast_forward' },
      { type: 'deletion' },
    ],
  });
  seed.ruleset({
    repo,
    name: 'release tags',
    target: 'tag',
    include: ['refs/tags/v*'],
    rules: [{ type: 'update' }, { type: 'deletion' }],
  });
  seed.file({ repo, ref: 'main', path: WORKFLOW_PATH, content: renderWorkflow('v1') });
  deploy(emulator, repo, 'staging', '1.4.0');
  deploy(emulator, repo, 'production', '1.3.0');
  return repo;
}

/**
 * A promotion of `version` to `environment` as the promote action leaves it:
 * a deployment of the commit (its sha as the ref) with the evidence record
 * in its payload, then the deployment GitHub makes for the promoting job
 * bound to the environment (the branch as the ref, no record), both
 * successful.
 */
export function deploy(
  emulator: Emulator,
  repo: string,
  environment: string,
  version: string,
): void {
  const sha = fakeSha(`${repo}:v${version}`);
  const creator = 'github-actions[bot]';
  const record = { format: EVIDENCE_FORMAT, environment, version, commit: sha, percent: 100 };
  const promotion = emulator.seed.deployment({
    repo,
    ref: sha,
    sha,
    environment,
    creator,
    payload: { [EVIDENCE_PAYLOAD_KEY]: record },
  });
  emulator.seed.deploymentStatus({ repo, deploymentId: promotion.id, state: 'success' });
  const job = emulator.seed.deployment({
    repo,
    ref: 'main',
    sha: fakeSha(`${repo}:main`),
    environment,
    creator,
  });
  emulator.seed.deploymentStatus({ repo, deploymentId: job.id, state: 'success' });
}
