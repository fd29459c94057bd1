/**
 * Scenario helpers for the promote action's end-to-end tests: one emulator
 * per file, one repository per scenario (so scenarios run in parallel), a
 * policy file and tagged commits seeded, and runs of the committed bundle
 * as a given run id and starter.
 */
import {
  buildEventPayload,
  fakeSha,
  runAction,
  type ActionRun,
  type Emulator,
} from '@release-policy/github-emulator';
import { ACTIONS, OWNER, POLICY_PATH } from './helpers.js';

/** A scenario's repository: its name and the commit each version tag points at. */
export interface PromoteRepo {
  fullName: string;
  name: string;
  /** The commit of the run (the mainline head). */
  head: string;
  /** The commit of each version, by version. */
  versions: Record<string, string>;
}

/**
 * Seeds a repository with the policy at its head and one tagged commit per
 * version (authored by `author`); the repository must be one the emulator
 * was started with.
 */
export function seedPromoteRepo(
  emulator: Emulator,
  name: string,
  policy: string,
  versions: readonly string[] = ['1.4.0'],
  author = 'dave',
): PromoteRepo {
  const fullName = `${OWNER}/${name}`;
  const head = fakeSha(`${name}:head`);
  emulator.seed.commit({ repo: fullName, sha: head, message: 'chore: head' });
  emulator.seed.file({ repo: fullName, ref: head, path: POLICY_PATH, content: policy });
  const shas: Record<string, string> = {};
  for (const version of versions) {
    const sha = fakeSha(`${name}:${version}`);
    emulator.seed.commit({ repo: fullName, sha, message: `feat: ${version}`, authorLogin: author });
    emulator.seed.ref({ repo: fullName, ref: `refs/tags/v${version}`, sha });
    shas[version] = sha;
  }
  return { fullName, name, head, versions: shas };
}

/** How one promotion runs. */
export interface PromoteSpec {
  inputs: Record<string, string>;
  runId?: number;
  /** Who started the run (GITHUB_ACTOR and GITHUB_TRIGGERING_ACTOR). */
  starter?: string;
  /** The action's folder (default: the committed bundle's, `actions/promote`). */
  actionDir?: string;
  /** Extra environment variables of the process. */
  env?: Record<string, string>;
}

/** Runs the committed promote bundle in `repo` as a push to main. */
export function runPromote(
  emulator: Emulator,
  repo: PromoteRepo,
  spec: PromoteSpec,
): Promise<ActionRun> {
  const payload = buildEventPayload('push', {
    overrides: {
      ref: 'refs/heads/main',
      after: repo.head,
      before: fakeSha(`${repo.name}:before`),
      base_ref: null,
      created: false,
      deleted: false,
      repository: { name: repo.name, full_name: repo.fullName, owner: { login: OWNER } },
    },
  }) as Record<string, unknown>;
  return runAction({
    actionDir: spec.actionDir ?? ACTIONS.promote,
    eventName: 'push',
    payload,
    inputs: { comment: 'false', ...spec.inputs },
    emulator,
    repository: repo.fullName,
    actor: spec.starter ?? 'carol',
    env: { GITHUB_RUN_ID: String(spec.runId ?? 4242), ...spec.env },
  });
}

/** Records a review of `environments` in run `runId` by `user`. */
export function seedReview(
  emulator: Emulator,
  repo: PromoteRepo,
  runId: number,
  user: string,
  environments: string[],
  state: 'approved' | 'rejected' = 'approved',
): void {
  for (const name of environments) {
    if (!emulator.state.environments.some((e) => e.repo === repo.fullName && e.name === name)) {
      emulator.seed.environment({ repo: repo.fullName, name });
    }
  }
  emulator.seed.user(user);
  emulator.state.approvals.push({
    repo: repo.fullName,
    runId,
    environments,
    state,
    comment: `reviewed by ${user}`,
    user,
    createdAt: new Date().toISOString(),
  });
}

/** Seeds a deployment of `version` to `environment` that went live `hoursAgo` hours ago (or ended in `state`). */
export function seedLiveDeployment(
  emulator: Emulator,
  repo: PromoteRepo,
  environment: string,
  version: string,
  options: {
    hoursAgo?: number;
    state?: 'success' | 'in_progress' | 'failure';
    runId?: number;
    percent?: number;
  } = {},
): number {
  const sha = repo.versions[version] ?? fakeSha(version);
  const at = new Date(Date.now() - (options.hoursAgo ?? 1) * 3_600_000).toISOString();
  const record = {
    format: 'release-policy/evidence@1',
    environment,
    version,
    commit: sha,
    percent: options.percent ?? 100,
    rollback: false,
    approvals: [],
    ...(options.runId !== undefined ? { run: { id: options.runId } } : {}),
  };
  const deployment = emulator.seed.deployment({
    repo: repo.fullName,
    sha,
    ref: `v${version}`,
    environment,
    payload: { 'release-policy': record },
    createdAt: at,
  });
  emulator.seed.deploymentStatus({
    repo: repo.fullName,
    deploymentId: deployment.id,
    state: options.state ?? 'success',
    createdAt: at,
  });
  return deployment.id;
}

/**
 * Seeds the deployment GitHub itself creates for a job bound to an
 * environment: no evidence record, `in_progress`, its status linking the run's job.
 */
export function seedJobDeployment(
  emulator: Emulator,
  repo: PromoteRepo,
  environment: string,
  runId: number,
): number {
  const deployment = emulator.seed.deployment({
    repo: repo.fullName,
    sha: repo.head,
    ref: 'main',
    environment,
  });
  emulator.seed.deploymentStatus({
    repo: repo.fullName,
    deploymentId: deployment.id,
    state: 'in_progress',
    logUrl: `https://github.com/${repo.fullName}/actions/runs/${runId}/job/1`,
  });
  return deployment.id;
}

/** The latest state of each deployment of `environment` in `repo`, oldest first, as `id:state`. */
export function deploymentStates(
  emulator: Emulator,
  repo: PromoteRepo,
  environment: string,
): string[] {
  return emulator.state.deployments
    .filter((d) => d.repo === repo.fullName && d.environment === environment)
    .sort((a, b) => a.id - b.id)
    .map((d) => {
      const latest = emulator.state.deploymentStatuses
        .filter((s) => s.deploymentId === d.id)
        .sort((a, b) => b.id - a.id)[0];
      return `${d.ref === d.sha ? d.sha.slice(0, 7) : d.ref}:${latest?.state ?? 'none'}`;
    });
}
