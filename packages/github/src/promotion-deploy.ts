/**
 * Creates the GitHub Deployment of a promotion and walks it through its
 * statuses: `in_progress`, then `success` (the deployment it replaces is
 * marked `inactive`) or `failure`. Re-run safe: a re-run of the same run
 * takes over the deployment it left behind instead of creating another, and
 * a create whose answer was lost is found again instead of sent again, so
 * the environment ends with one live deployment. Concurrent promotions:
 * the one whose deployment was created first goes on; any other yields with
 * a failure status and a {@link PromotionError}.
 */
import {
  EVIDENCE_PAYLOAD_KEY,
  readEvidencePayload,
  type EvidenceRecord,
} from '@release-policy/core';
import type { RepositoryRef } from './api-facts.js';
import { readDeployments } from './deployments.js';
import { callGitHubApi, GitHubApiError, PromotionError } from './errors.js';
import type { Octokit } from './octokit.js';
import { sanitizeOutgoingText } from './secrets.js';
import { ACTIONS_DOCS } from './text.js';

const CREATE = 'POST /repos/{owner}/{repo}/deployments';
const LIST = 'GET /repos/{owner}/{repo}/deployments';
const STATUS = 'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses';

/** What {@link deployPromotion} needs. */
export interface DeployPromotionInput {
  octokit: Octokit;
  repo: RepositoryRef;
  /** The evidence record: stored as the deployment's payload. */
  record: EvidenceRecord;
  /** The workflow run promoting; its deployments are taken over on a re-run. */
  runId?: number;
  /** The newest deployment id of the environment when the facts were read: anything newer is concurrent. */
  seenUpTo: number;
  /** True for the environment the policy lists last (GitHub's `production_environment`). */
  production: boolean;
  /** The run's web address, for the statuses' log link. */
  logUrl?: string;
  /** Where the environment is reached, for the success status. */
  environmentUrl?: string;
  /** Told the deployment's id as soon as it exists, so a later failure can be marked on it. */
  created?: (id: number) => void;
  /**
   * Stores the evidence once the deployment may go live and before it does
   * (the promote action uploads the artifact and the release asset here): a
   * failure leaves what was live still live, and the promote action's record
   * phase marks this deployment `failure` (it never went live).
   */
  storeEvidence?: (id: number) => Promise<void>;
  /** Told the deployment's id once it is `success`: from then on it must never be marked failed. */
  wentLive?: (id: number) => void;
}

/** The live deployment and what it replaced. */
export interface DeployedPromotion {
  id: number;
  /** The deployments marked inactive because this one replaced them. */
  replaced: number[];
}

/**
 * Creates (or takes over) the deployment, marks it in progress, yields to
 * an older concurrent promotion, stores the evidence, then marks it
 * successful and the one it replaced inactive.
 *
 * @throws PromotionError when a concurrent promotion goes first; GitHubApiError when a call fails; what `storeEvidence` throws
 */
export async function deployPromotion(input: DeployPromotionInput): Promise<DeployedPromotion> {
  const { octokit, repo, record } = input;
  const own = await findOwnDeployment(input);
  const finished = own === undefined ? undefined : await finishLiveDeployment(input, own);
  if (finished) return finished;
  const id = own ?? (await createDeployment(input));
  input.created?.(id);
  const links = {
    ...(input.logUrl ? { log_url: input.logUrl } : {}),
    ...(input.environmentUrl ? { environment_url: input.environmentUrl } : {}),
  };
  await postStatus(
    octokit,
    repo,
    id,
    'in_progress',
    `Promoting ${record.version} (${record.percent}%)`,
    links,
  );
  const current = await readDeployments(octokit, repo, {
    environment: record.environment,
    max: 100,
  });
  // A deployment recorded with this run's id is its own (an earlier attempt), never a rival.
  const rival = current.find(
    (d) =>
      d.id !== id &&
      d.id > input.seenUpTo &&
      d.id < id &&
      (input.runId === undefined || d.runId !== input.runId),
  );
  if (rival) {
    await postStatus(octokit, repo, id, 'failure', `Yielded to deployment #${rival.id}`, links);
    throw new PromotionError(
      `Another promotion of ${JSON.stringify(record.environment)} started at the same time (deployment #${rival.id} of ` +
        `${JSON.stringify(rival.version)}) and goes first; this one stopped before going live (deployment #${id} is marked failure). ` +
        `Run this promotion again when that one has finished. Read more: ${ACTIONS_DOCS}#promote-concurrency`,
    );
  }
  // Before going live, so a failure to store leaves the environment as it was (the deployment is
  // marked failure, the one it would replace stays live) and a re-run of the job takes the
  // deployment over, stores again (both stores replace by name) and ends the same as one clean run.
  await input.storeEvidence?.(id);
  await postStatus(octokit, repo, id, 'success', `${record.version} live at ${record.percent}%`, {
    ...links,
    auto_inactive: true,
  });
  input.wentLive?.(id);
  // GitHub's auto_inactive leaves production environments alone: replaced deployments are marked here.
  const replaced = current.filter((d) => d.id !== id && d.state === 'success').map((d) => d.id);
  for (const old of replaced) {
    await postStatus(octokit, repo, old, 'inactive', `Replaced by deployment #${id}`, {});
  }
  return { id, replaced };
}

/**
 * An earlier attempt's deployment that already went live (the attempt then
 * failed marking what it replaced inactive): it is left as it is, never
 * marked in progress or failed again, and the older deployments still live
 * are marked inactive. Undefined when `id` is not live: the caller goes on.
 */
async function finishLiveDeployment(
  input: DeployPromotionInput,
  id: number,
): Promise<DeployedPromotion | undefined> {
  const { octokit, repo, record } = input;
  const current = await readDeployments(octokit, repo, {
    environment: record.environment,
    max: 100,
  });
  if (current.find((d) => d.id === id)?.state !== 'success') return undefined;
  input.created?.(id);
  input.wentLive?.(id);
  const replaced = current.filter((d) => d.id < id && d.state === 'success').map((d) => d.id);
  for (const old of replaced) {
    await postStatus(octokit, repo, old, 'inactive', `Replaced by deployment #${id}`, {});
  }
  return { id, replaced };
}

/**
 * Marks a deployment failed: the act stopped after creating it and before it
 * went live. The reason is redacted and escaped like every outgoing text.
 */
export async function failPromotion(
  octokit: Octokit,
  repo: RepositoryRef,
  id: number,
  reason: string,
): Promise<void> {
  await postStatus(
    octokit,
    repo,
    id,
    'failure',
    sanitizeOutgoingText(reason, { singleLine: true }),
    {},
  );
}

/** The deployment this run created earlier for the same commit and step (a re-run), if any. */
async function findOwnDeployment(input: DeployPromotionInput): Promise<number | undefined> {
  if (input.runId === undefined) return undefined;
  const { record } = input;
  const { data } = await callGitHubApi(LIST, () =>
    input.octokit.rest.repos.listDeployments({
      ...input.repo,
      environment: record.environment,
      sha: record.commit,
      per_page: 100,
    }),
  );
  const own = data.find((d) => {
    const recorded = readEvidencePayload(d.payload);
    return recorded.runId === input.runId && (recorded.percent ?? 100) === record.percent;
  });
  return own?.id;
}

/** How many times a create that failed without an answer is sent again, once the look-up found nothing. */
const CREATE_ATTEMPTS = 2;

/**
 * Creates the deployment, never sent blindly twice: after a create that got
 * no answer (5xx, reset, timeout), the run's own deployment is looked up by
 * the run id in its record (GitHub applied the create and the answer was
 * lost), and only when there is none is the create sent again, at most
 * {@link CREATE_ATTEMPTS} times in all. Two deployments of one promotion
 * never come of it.
 */
async function createDeployment(input: DeployPromotionInput): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await sendCreateDeployment(input);
    } catch (error) {
      const unanswered =
        error instanceof GitHubApiError && (error.kind === 'server' || error.kind === 'network');
      if (!unanswered) throw error;
      const own = await findOwnDeployment(input);
      if (own !== undefined) return own;
      if (attempt >= CREATE_ATTEMPTS) throw error;
    }
  }
}

async function sendCreateDeployment(input: DeployPromotionInput): Promise<number> {
  const { record } = input;
  const { data } = await callGitHubApi(CREATE, () =>
    input.octokit.rest.repos.createDeployment({
      ...input.repo,
      ref: record.commit,
      environment: record.environment,
      // The promote check is the gate; the commit's own checks include this very run, still in progress.
      required_contexts: [],
      auto_merge: false,
      payload: { [EVIDENCE_PAYLOAD_KEY]: { ...record } },
      description:
        `${record.rollback ? 'Rollback to' : 'Promote'} ${record.version} (${record.percent}%)`.slice(
          0,
          140,
        ),
      production_environment: input.production,
      transient_environment: false,
      // Never retried blindly: a create that failed after writing is found by the look-up above.
      request: { retries: 0 },
    }),
  );
  if (!('id' in data)) {
    // 202: GitHub merged the default branch instead of deploying (auto_merge is off, so this is unexpected).
    throw new PromotionError(
      `GitHub did not create the deployment of ${record.commit}: ${JSON.stringify(data.message ?? '')}. Read more: ${ACTIONS_DOCS}#promote-action`,
    );
  }
  return data.id;
}

type StatusState = 'in_progress' | 'success' | 'failure' | 'inactive';

async function postStatus(
  octokit: Octokit,
  repo: RepositoryRef,
  id: number,
  state: StatusState,
  description: string,
  extra: { log_url?: string; environment_url?: string; auto_inactive?: boolean },
): Promise<void> {
  await callGitHubApi(STATUS, () =>
    octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: id,
      state,
      description: description.slice(0, 140),
      ...extra,
    }),
  );
}
