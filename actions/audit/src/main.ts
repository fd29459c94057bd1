import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import {
  auditCheck,
  computeReleaseStatus,
  quoteValue,
  ReleasePolicyError,
} from '@release-policy/core';
import {
  createGit,
  gatherAuditDocumentFacts,
  gatherAuditPatchFacts,
  type AuditDocumentFacts,
  type AuditPatchFacts,
} from '@release-policy/git';
import {
  createOctokit,
  failWithError,
  gatherRunFacts,
  GitHubApiError,
  logData,
  parseBooleanInput,
  renderStatusMarkdown,
  runPolicyAction,
  toGitHubApiError,
  upsertStatusIssue,
  type ActInput,
  type ActResult,
  type GatherInput,
  type Gathered,
  type RecordInput,
  type StatusReport,
} from '@release-policy/github';
import { EvidenceStoreError, uploadEvidenceArtifact } from '@release-policy/github/evidence';

/** The JSON report's file name, in `RUNNER_TEMP` and in the artifact. */
const REPORT_FILE = 'release-policy-audit.json';

/**
 * The audit action: GitHub's settings enforce the policy (environments,
 * branch and tag protection, pinned workflows), and the release status of
 * every line goes to the job summary, a JSON report and the status issue.
 * With the `repository` input it audits another repository (the
 * organisation-wide matrix), reading that repository's policy.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const audited = await selectRepository(env);
  if (!audited) return;
  // The workspace holds the run's own repository: another one's lines are not in it.
  const other =
    (audited.GITHUB_REPOSITORY ?? '').toLowerCase() !== (env.GITHUB_REPOSITORY ?? '').toLowerCase()
      ? (audited.GITHUB_REPOSITORY ?? '')
      : undefined;
  await runPolicyAction(
    {
      check: auditCheck,
      gather: (input) => gatherRun(input, other),
      act: writeStatusIssue,
      actsWhenFailing: true,
      record: writeReport,
    },
    audited,
  );
}

/**
 * The run's environment, pointed at the `repository` input's default branch
 * when it names another repository (its policy is read from there);
 * undefined, with the step failed, when that repository cannot be read.
 */
async function selectRepository(env: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv | undefined> {
  const wanted = core.getInput('repository');
  const token = core.getInput('token');
  if (wanted === '' || wanted.toLowerCase() === (env.GITHUB_REPOSITORY ?? '').toLowerCase()) {
    return env;
  }
  const [owner = '', repo = '', ...rest] = wanted.split('/');
  // A malformed name or no token: the shared flow says what is wrong with it.
  if (!owner || !repo || rest.length > 0 || !token) return { ...env, GITHUB_REPOSITORY: wanted };
  try {
    const { data } = await createOctokit({ token, env }).rest.repos.get({ owner, repo });
    return {
      ...env,
      GITHUB_REPOSITORY: data.full_name,
      GITHUB_SHA: data.default_branch,
      GITHUB_REF: `refs/heads/${data.default_branch}`,
    };
  } catch (error) {
    // createOctokit's own errors (an API URL it cannot use) are converted already: converted once.
    failWithError(
      error instanceof ReleasePolicyError
        ? error
        : toGitHubApiError(error, 'GET /repos/{owner}/{repo}'),
    );
    return undefined;
  }
}

/**
 * The run's facts, the maintenance lines compared with mainline in the
 * checkout (after deepening a shallow one) and the next release's documents
 * read from its working tree; when they cannot be read, why (the
 * audit-patches rule reports the lines' reason as a notice, the status
 * shows both).
 */
async function gatherRun(
  { context, policy, workspace }: GatherInput,
  other: string | undefined,
): Promise<Gathered> {
  const git = createGit({ cwd: workspace });
  const held = quoteValue(process.env.GITHUB_REPOSITORY ?? '');
  const patches: AuditPatchFacts = other
    ? {
        patchesUnread: {
          reason: 'no-checkout',
          detail: `The workspace holds ${held}, not the audited ${quoteValue(other)}; the patch-merge action in that repository compares its lines.`,
        },
      }
    : await gatherAuditPatchFacts({ git, policy, advice: 'action', now: new Date() });
  const documents: AuditDocumentFacts = other
    ? {
        documentsUnread: {
          reason: 'no-checkout',
          detail: `The workspace holds ${held}, not the audited ${quoteValue(other)}; the docs-gate action in that repository checks its documents.`,
        },
      }
    : await gatherAuditDocumentFacts({ git, policy });
  return { facts: { ...gatherRunFacts(context, {}), ...patches, ...documents } };
}

/** Act phase: creates or updates the status issue (also when the audit failed). */
async function writeStatusIssue(input: ActInput): Promise<ActResult> {
  const { octokit, inputs, policy, facts, evaluation, context } = input;
  if (!parseBooleanInput('status-issue', inputs.get('status-issue'), true, 'audit')) {
    return { description: 'The status issue is off (status-issue: false).' };
  }
  const report = buildReport(input);
  if (!octokit || !facts.audit || !report) {
    return { description: 'The status issue was not written: the audit had no GitHub facts.' };
  }
  try {
    const result = await upsertStatusIssue({
      octokit,
      repo: context.repo,
      title: policy.audit.statusIssueTitle,
      body: renderStatusMarkdown(report),
      botLogin: inputs.get('bot-login') || 'github-actions[bot]',
    });
    return {
      outputs: { 'status-issue': result.number },
      description: `${STATUS_ISSUE_VERBS[result.status]} the status issue #${result.number}${evaluation.ok ? '' : ' (the audit found errors)'}.`,
    };
  } catch (error) {
    // Without issues: write the report still stands in the summary and the JSON file.
    if (error instanceof GitHubApiError && error.kind === 'forbidden') {
      core.warning(
        'The status issue could not be written: the token lacks issues: write. The status is in the job summary and the JSON report.',
      );
      return { description: 'The status issue was not written (no issues: write).' };
    }
    throw error;
  }
}

const STATUS_ISSUE_VERBS = {
  created: 'Created',
  updated: 'Updated',
  reopened: 'Reopened and updated',
};

function buildReport(input: RecordInput | ActInput): StatusReport | undefined {
  const { facts, policy, evaluation } = input;
  if (!facts || !policy || !evaluation) return undefined;
  const now = new Date();
  const status = computeReleaseStatus(facts, policy, now);
  if (!status) return undefined;
  return {
    ok: evaluation.ok,
    generatedAt: now.toISOString(),
    status,
    findings: evaluation.findings,
  };
}

/**
 * Record phase: the JSON report (the `report` output, uploaded as the
 * `artifact-name` artifact) and the status table in the job summary.
 */
async function writeReport(input: RecordInput): Promise<void> {
  const report = buildReport(input);
  if (!report) {
    if (input.act.status === 'not-run')
      logData(`The status report was not written (${input.act.reason}).`);
    return;
  }
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const path = join(input.env.RUNNER_TEMP || input.workspace, REPORT_FILE);
  await writeFile(path, json);
  core.setOutput('report', path);
  await uploadReport(input, json);
  if (input.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(renderStatusMarkdown(report)).write();
  }
}

/**
 * Uploads the JSON report as a workflow artifact (the `artifact-id`
 * output). Skipped with a notice outside GitHub Actions (no runtime token)
 * and when `artifact-name` is empty; a failed upload is a warning: the
 * report still stands in the summary, the issue and the `report` file.
 */
async function uploadReport(input: RecordInput, json: string): Promise<void> {
  // The runner passes the action.yml default (release-status); an empty value turns the upload off.
  const name = input.inputs.get('artifact-name');
  if (name === '') return;
  if (!input.env.ACTIONS_RUNTIME_TOKEN) {
    core.notice(
      `The JSON report was not uploaded as the artifact ${quoteValue(name)}: the run has no ACTIONS_RUNTIME_TOKEN (not on a GitHub Actions runner). It is in the file of the report output.`,
    );
    return;
  }
  try {
    const uploaded = await uploadEvidenceArtifact({
      name,
      files: [{ name: REPORT_FILE, content: json }],
    });
    core.setOutput('artifact-id', uploaded.id);
  } catch (error) {
    if (!(error instanceof EvidenceStoreError)) throw error;
    core.warning(
      `${error.message} The report is in the job summary and the file of the report output.`,
    );
  }
}
