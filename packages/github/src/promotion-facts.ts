/**
 * The facts of a promotion, read from the API: the commit and its author,
 * the deployments of the target environment and of the commit everywhere,
 * and, on a runner, the run's environment reviews with each reviewer's
 * permission and team membership (never `author_association`).
 */
import {
  findEnvironmentSpec,
  findRollbackTarget,
  isApprovalEnvironment,
  quoteValue,
  type ApprovalFact,
  type DeploymentEntry,
  type Policy,
  type PromotionFacts,
} from '@release-policy/core';
import type { RepositoryRef } from './api-facts.js';
import { mergeDeployments, readDeployments } from './deployments.js';
import { callGitHubApi, GitHubApiError, PromotionError } from './errors.js';
import type { Octokit } from './octokit.js';
import { ACTIONS_DOCS } from './text.js';

const GET_COMMIT = 'GET /repos/{owner}/{repo}/commits/{ref}';
const RUN_REVIEWS = 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals';
const PERMISSION = 'GET /repos/{owner}/{repo}/collaborators/{username}/permission';
const MEMBERSHIP = 'GET /orgs/{org}/teams/{team_slug}/memberships/{username}';

/** What a promotion asks for. */
export interface PromotionRequest {
  environment: string;
  /** The version to promote (its tag is the policy's first tag prefix plus it). */
  version?: string;
  /** A ref to promote instead (branch, tag or sha); the run's commit when neither is given. */
  ref?: string;
  artifact?: { name: string; digest: string };
  step?: number;
  rollback: boolean;
  emergency?: string;
}

/** What {@link gatherPromotionFacts} needs. */
export interface GatherPromotionInput {
  octokit: Octokit;
  repo: RepositoryRef;
  policy: Policy;
  request: PromotionRequest;
  /** The run promoting; without it (the CLI) no reviews are read and the approvals rule is skipped. */
  run?: { id: number; starter: string; sha: string };
  /** The time reviews are read at (the API gives reviews no time). */
  now: Date;
}

/**
 * Reads everything the promotion rules judge.
 *
 * @throws PromotionError when the ref names no commit; GitHubApiError when a call fails
 */
export async function gatherPromotionFacts(input: GatherPromotionInput): Promise<PromotionFacts> {
  const { octokit, repo, policy, request } = input;
  // One gathering reads each deployment's statuses once, whichever lists it.
  const known = new Map<number, DeploymentEntry>();
  const target = await readDeployments(octokit, repo, { environment: request.environment }, known);
  let commit: { sha: string; author?: string } | undefined;
  let version = request.version ?? '';
  if (request.rollback) {
    const back = findRollbackTarget(target, request.environment);
    if (back) {
      commit = await readCommit(octokit, repo, back.sha);
      version = back.version;
    }
  } else {
    const ref = resolvePromotedRef(request, policy, input.run?.sha);
    commit = await readCommit(octokit, repo, ref);
    if (!version) version = request.ref ?? commit.sha.slice(0, 12);
  }
  const ofCommit = commit
    ? await readDeployments(octokit, repo, { sha: commit.sha, max: 100 }, known)
    : [];
  // What the environment before holds now, so a refusal can name it.
  const after = findEnvironmentSpec(policy, request.environment)?.after;
  const before = after
    ? await readDeployments(octokit, repo, { environment: after, max: 5 }, known)
    : [];
  const approvals = input.run
    ? await readApprovals(octokit, repo, policy, request.environment, input.run.id, input.now)
    : undefined;
  return {
    environment: request.environment,
    version,
    commit: commit?.sha ?? '',
    ...(request.artifact ? { artifact: request.artifact } : {}),
    ...(request.step !== undefined ? { step: request.step } : {}),
    rollback: request.rollback,
    ...(request.emergency !== undefined ? { emergency: request.emergency } : {}),
    ...(input.run ? { runId: input.run.id, starter: input.run.starter } : {}),
    ...(commit?.author ? { author: commit.author } : {}),
    deployments: mergeDeployments(target, ofCommit, before),
    ...(approvals ? { approvals } : {}),
  };
}

/** The ref a promotion names: the version's tag, the ref given, or the run's commit. */
function resolvePromotedRef(request: PromotionRequest, policy: Policy, runSha?: string): string {
  if (request.version) return `${policy.versioning.tagPrefix[0] ?? ''}${request.version}`;
  if (request.ref) return request.ref;
  if (runSha) return runSha;
  throw new PromotionError(
    'Nothing names what to promote: give the version (e.g. 1.4.0, whose tag v1.4.0 must exist) or a ref, ' +
      `or set rollback to return to the previous version. Read more: ${ACTIONS_DOCS}#promote-inputs`,
  );
}

async function readCommit(
  octokit: Octokit,
  repo: RepositoryRef,
  ref: string,
): Promise<{ sha: string; author?: string }> {
  try {
    const { data } = await callGitHubApi(GET_COMMIT, () =>
      octokit.rest.repos.getCommit({ ...repo, ref }),
    );
    return { sha: data.sha, ...(data.author?.login ? { author: data.author.login } : {}) };
  } catch (error) {
    if (error instanceof GitHubApiError && (error.status === 404 || error.status === 422)) {
      throw new PromotionError(
        `The ref ${quoteValue(ref)} names no commit of ${repo.owner}/${repo.repo}. Give a version whose tag exists ` +
          `(e.g. 1.4.0 for the tag v1.4.0), a branch, a tag or a full sha. Read more: ${ACTIONS_DOCS}#promote-inputs`,
        { cause: error },
      );
    }
    throw error;
  }
}

/** The run's reviews of the environment and its gates, each with the reviewer's permission and teams. */
async function readApprovals(
  octokit: Octokit,
  repo: RepositoryRef,
  policy: Policy,
  environment: string,
  runId: number,
  now: Date,
): Promise<ApprovalFact[]> {
  const { data } = await callGitHubApi(RUN_REVIEWS, () =>
    octokit.rest.actions.getReviewsForRun({ ...repo, run_id: runId }),
  );
  const teams = (findEnvironmentSpec(policy, environment)?.approvals.from ?? []).filter((f) =>
    f.includes('/'),
  );
  const people = new Map<string, { permission: string; teams: string[] }>();
  const approvals: ApprovalFact[] = [];
  for (const review of data) {
    const login = review.user.login;
    for (const env of review.environments) {
      if (env.name === undefined || !isApprovalEnvironment(environment, env.name)) continue;
      let person = people.get(login.toLowerCase());
      if (!person) {
        person = {
          permission: await readPermission(octokit, repo, login),
          teams: await readTeams(octokit, login, teams),
        };
        people.set(login.toLowerCase(), person);
      }
      approvals.push({
        login,
        type: review.user.type,
        environment: env.name,
        state: review.state,
        permission: person.permission,
        teams: person.teams,
        comment: review.comment,
        seenAt: now.toISOString(),
      });
    }
  }
  return approvals;
}

async function readPermission(
  octokit: Octokit,
  repo: RepositoryRef,
  username: string,
): Promise<string> {
  try {
    const { data } = await callGitHubApi(PERMISSION, () =>
      octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username }),
    );
    // role_name is the real role (maintain, triage); permission the legacy one.
    return data.role_name || data.permission;
  } catch (error) {
    // 404: not a collaborator at all, which is no permission.
    if (error instanceof GitHubApiError && error.status === 404) return 'none';
    throw error;
  }
}

async function readTeams(
  octokit: Octokit,
  username: string,
  teams: readonly string[],
): Promise<string[]> {
  const member: string[] = [];
  for (const team of teams) {
    const [org = '', slug = ''] = team.split('/');
    try {
      const { data } = await callGitHubApi(MEMBERSHIP, () =>
        octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username }),
      );
      if (data.state === 'active') member.push(team);
    } catch (error) {
      // 404 is GitHub's answer for "not a member" (and for a team the token cannot see).
      if (!(error instanceof GitHubApiError && error.status === 404)) throw error;
    }
  }
  return member;
}
