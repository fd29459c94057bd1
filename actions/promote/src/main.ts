import {
  buildEvidenceRecord,
  promoteCheck,
  quoteValue,
  type EvidenceRecord,
  type Policy,
  type PromotionFacts,
} from '@release-policy/core';
import {
  ACTIONS_DOCS,
  deployPromotion,
  failPromotion,
  formatRunUrl,
  gatherPromotionFacts,
  InputError,
  logData,
  parseBooleanInput,
  readPromotionArtifact,
  renderEnvironmentsTable,
  renderEvidenceMarkdown,
  renderPipelineDiagram,
  runPolicyAction,
  storePromotionEvidence,
  writeSummary,
  type ActInput,
  type ActResult,
  type GatherInput,
  type Gathered,
  type PromotionOutcome,
  type EvidenceStore,
  type RecordInput,
} from '@release-policy/github';
import {
  attachReleaseAsset,
  readArtifactDigest,
  uploadEvidenceArtifact,
} from '@release-policy/github/evidence';

/**
 * Where the evidence goes: the run's artifact service and the release's
 * assets. Only this action imports the artifact client (about 4 MB bundled).
 */
const EVIDENCE_STORE: EvidenceStore = {
  uploadEvidenceArtifact,
  readArtifactDigest,
  attachReleaseAsset,
};

/** What one promotion carries from its act to its record. */
interface PromotionRun {
  record?: EvidenceRecord;
  deploymentId?: number;
  /** True once the deployment is `success`: the record phase must never mark it failed. */
  live?: boolean;
}

/**
 * The promote action: checks the promotion against the policy's
 * environments, then creates the GitHub Deployment with its statuses and
 * evidence record, and shows the pipeline in the job summary.
 */
export async function run(): Promise<void> {
  const promotion: PromotionRun = {};
  await runPolicyAction({
    check: promoteCheck,
    gather: gatherPromotion,
    act: (input) => promote(input, promotion),
    record: (input) => recordPromotion(input, promotion),
  });
}

/** The `step` input: a whole percent from 1 to 100, or undefined when empty. */
function parseStep(raw: string): number | undefined {
  if (raw === '') return undefined;
  if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > 100) {
    throw new InputError(
      `The input "step" is ${quoteValue(raw)}, which is not a whole percent from 1 to 100. ` +
        `Give one of the environment's canary steps, e.g. step: 25, or leave it empty for the next step. Read more: ${ACTIONS_DOCS}#promote-inputs`,
    );
  }
  return Number(raw);
}

async function gatherPromotion({
  context,
  policy,
  inputs,
  octokit,
  env,
}: GatherInput): Promise<Gathered> {
  const environment = inputs.get('environment');
  if (!environment) {
    throw new InputError(
      `The input "environment" is empty. Name the environment to promote to, e.g. environment: production. Read more: ${ACTIONS_DOCS}#promote-inputs`,
    );
  }
  if (!octokit) {
    throw new InputError(
      `Promoting reads and creates deployments through the GitHub API, and the token input is empty. Give one with deployments: write, e.g. token: \${{ github.token }}. Read more: ${ACTIONS_DOCS}#promote-inputs`,
    );
  }
  const step = parseStep(inputs.get('step'));
  const rollback = parseBooleanInput('rollback', inputs.get('rollback'), false, 'promote');
  const emergency = inputs.get('emergency');
  const artifactName = inputs.get('artifact');
  const artifact = artifactName
    ? await readPromotionArtifact(artifactName, EVIDENCE_STORE)
    : undefined;
  const facts = await gatherPromotionFacts({
    octokit,
    repo: context.repo,
    policy,
    request: {
      environment,
      ...(inputs.get('version') ? { version: inputs.get('version') } : {}),
      ...(inputs.get('ref') ? { ref: inputs.get('ref') } : {}),
      ...(artifact ? { artifact } : {}),
      ...(step !== undefined ? { step } : {}),
      rollback,
      ...(emergency ? { emergency } : {}),
    },
    run: {
      id: context.runId,
      starter: env.GITHUB_TRIGGERING_ACTOR || context.actor,
      sha: context.sha,
    },
    now: new Date(),
  });
  return {
    facts: { promotion: facts },
    fields: {
      environment,
      version: facts.version || '(none)',
      commit: facts.commit.slice(0, 12) || '(none)',
      ...(rollback ? { rollback: 'yes' } : {}),
      ...(emergency ? { emergency: emergency } : {}),
    },
  };
}

/** The web page of the environment's deployments, when no environment-url is given. */
function describeEnvironmentUrl(input: ActInput, environment: string): string {
  const given = input.inputs.get('environment-url');
  if (given) return given;
  const { owner, repo } = input.context.repo;
  return `${input.context.serverUrl}/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/deployments/${encodeURIComponent(environment)}`;
}

/** Act phase: the deployment, its statuses and the evidence. */
async function promote(input: ActInput, promotion: PromotionRun): Promise<ActResult> {
  const facts = input.facts.promotion as PromotionFacts;
  const { policy, octokit, context } = input;
  const record = buildEvidenceRecord(facts, policy, input.evaluation, new Date());
  promotion.record = record;
  const production = policy.environments.at(-1)?.name === facts.environment;
  const seenUpTo = Math.max(
    0,
    ...facts.deployments.filter((d) => d.environment === facts.environment).map((d) => d.id),
  );
  const url = describeEnvironmentUrl(input, facts.environment);
  const logUrl = formatRunUrl(context);
  const deployed = await deployPromotion({
    octokit: octokit!,
    repo: context.repo,
    record,
    runId: context.runId,
    seenUpTo,
    production,
    ...(logUrl ? { logUrl } : {}),
    environmentUrl: url,
    created: (id) => {
      promotion.deploymentId = id;
    },
    // Stored before the deployment goes live: a failure here leaves what was live live and this
    // deployment marked failure, and a re-run of the job stores again (replacing by name) and goes
    // live, so a re-run ends as one clean run would. Stored after, a failure would leave either a
    // live deployment whose evidence is missing or, marked failed, nothing live at all.
    storeEvidence: async () => {
      await storePromotionEvidence(
        {
          octokit: octokit!,
          repo: context.repo,
          record,
          markdown: renderEvidenceMarkdown(record),
          ...(production && /^\d+\.\d+\.\d+/.test(record.version)
            ? { releaseTag: `${policy.versioning.tagPrefix[0] ?? ''}${record.version}` }
            : {}),
        },
        EVIDENCE_STORE,
      );
    },
    wentLive: () => {
      promotion.live = true;
    },
  });
  return {
    outputs: {
      'deployment-id': String(deployed.id),
      url,
      percent: String(record.percent),
      'previous-version': record.previousVersion ?? '',
    },
    description:
      `${record.rollback ? 'Rolled back' : 'Promoted'} ${quoteValue(record.version)} to ${quoteValue(record.environment)} ` +
      `at ${record.percent}% (deployment #${deployed.id}` +
      (deployed.replaced.length > 0 ? `, replacing #${deployed.replaced.join(', #')}` : '') +
      ').',
  };
}

function describeOutcome(input: RecordInput, promotion: PromotionRun): PromotionOutcome {
  // Live also when a step after going live failed: the picture shows what the environment runs.
  if (input.act.status === 'succeeded' || promotion.live === true) return 'live';
  return input.act.status === 'failed' ? 'failed' : 'refused';
}

/** Record phase: the pipeline picture, the environments and the evidence in the job summary. */
async function recordPromotion(input: RecordInput, promotion: PromotionRun): Promise<void> {
  const facts = input.facts?.promotion;
  const policy: Policy | undefined = input.policy;
  // A live deployment is never relabeled failed (that would leave nothing live): what failed after
  // it went live (marking the replaced one inactive) fails the step, and a re-run finishes it.
  if (
    input.act.status === 'failed' &&
    promotion.deploymentId !== undefined &&
    promotion.live !== true &&
    input.octokit
  ) {
    const reason =
      input.act.error instanceof Error ? input.act.error.message : String(input.act.error);
    // A re-run of this run takes the deployment over again (see docs/actions.md#promote-concurrency).
    await failPromotion(input.octokit, input.context.repo, promotion.deploymentId, reason);
  }
  if (!facts || !policy || !input.evaluation) return;
  const record =
    promotion.record ?? buildEvidenceRecord(facts, policy, input.evaluation, new Date());
  const outcome = describeOutcome(input, promotion);
  const parts = [
    `## Promotion to ${record.environment}`,
    renderPipelineDiagram(policy, facts.deployments, record, outcome),
    renderEnvironmentsTable(policy, facts.deployments, record),
  ];
  if (promotion.record) parts.push('### Evidence record', renderEvidenceMarkdown(promotion.record));
  else logData(`Nothing was deployed to ${quoteValue(record.environment)} (${outcome}).`);
  await writeSummary(`${parts.join('\n\n')}\n`);
}
