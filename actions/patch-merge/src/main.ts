import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import {
  classifyLineCommits,
  patchesCheck,
  planForwardPorts,
  plural,
  quoteBranchName,
  type ForwardPortPlan,
  type PatchFacts,
  type Policy,
} from '@release-policy/core';
import { createGit, gatherPatchFacts, pushForwardPort } from '@release-policy/git';
import {
  ACTIONS_DOCS,
  formatForwardPortTitle,
  gatherRunFacts,
  InputError,
  logData,
  parseBooleanInput,
  renderForwardPortBody,
  runPolicyAction,
  upsertForwardPortPull,
  type ActInput,
  type ActResult,
  type GatherInput,
  type Gathered,
  type Octokit,
  type RecordInput,
} from '@release-policy/github';

/**
 * The patch-merge action: every patch shipped on a maintenance line is in
 * mainline. On a pull request into mainline (a release), mainline is the
 * pull request's test merge: the next main version.
 */
export async function run(): Promise<void> {
  await runPolicyAction({
    check: patchesCheck,
    gather: gatherPatches,
    // Forward ports are wanted exactly when patches are missing, i.e. when the check fails.
    act: openForwardPorts,
    actsWhenFailing: true,
    record: writeReport,
  });
}

/** The `lines` input: names one per line or comma-separated; undefined when empty. */
function readLines(input: string | undefined): string[] | undefined {
  const lines = (input ?? '')
    .split(/[\n,]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return lines.length > 0 ? lines : undefined;
}

async function gatherPatches({
  context,
  policy,
  workspace,
  inputs,
}: GatherInput): Promise<Gathered> {
  const git = createGit({ cwd: workspace });
  const run = gatherRunFacts(context, {});
  // A depth-1 checkout hides the lines' history: complete it, or stop with the fix.
  await git.completeHistory({ advice: 'action' });
  const mainline = inputs.get('mainline') || policy.mainline;
  const patches = await gatherPatchFacts({
    git,
    policy,
    mainline,
    ...(context.baseRef === mainline ? { mainlineRevision: 'HEAD' } : {}),
    lines: readLines(inputs.get('lines')),
    now: new Date(),
  });
  return {
    facts: { ...run, patches },
    fields: { mainline, ...describeLines(patches, policy) },
  };
}

/** One summary row per line: how many of its commits have each status, e.g. `1 missing, 2 exempt`. */
function describeLines(patches: PatchFacts, policy: Policy): Record<string, string> {
  const lines = classifyLineCommits(patches, policy, new Date(patches.checkedAt));
  if (lines.length === 0) return { lines: '(none)' };
  return Object.fromEntries(
    lines.map((line) => {
      const counts = new Map<string, number>();
      for (const commit of line.commits)
        counts.set(commit.status, (counts.get(commit.status) ?? 0) + 1);
      const text = [...counts].map(([status, count]) => `${count} ${status}`).join(', ');
      return [`line ${line.line}`, text || 'every commit merged'];
    }),
  );
}

/** Writes the JSON report (every commit with its status and evidence) and sets the `report` output. */
async function writeReport({ policy, facts, evaluation, env }: RecordInput): Promise<void> {
  if (!policy || !facts?.patches || !evaluation) return;
  const path = join(env.RUNNER_TEMP ?? '.', 'release-policy-patches.json');
  const report = {
    ok: evaluation.ok,
    findings: evaluation.findings,
    ...patchesCheck.report?.(facts, policy, new Date(facts.patches.checkedAt)),
  };
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  core.setOutput('report', path);
}

/** One entry of the `forward-ports` output. */
interface ForwardPortOutput {
  line: string;
  branch: string;
  pullRequest: { number: number; url: string } | null;
  picked: string[];
  skipped: { sha: string; subject: string; reason: string }[];
}

/**
 * Act phase, with `open-forward-ports: true`: per line with missing commits,
 * the forward-port branch is made or continued and pushed, and its one pull
 * request into mainline is opened or updated.
 */
async function openForwardPorts(input: ActInput): Promise<ActResult> {
  const { inputs, facts, policy } = input;
  const wanted = inputs.get('open-forward-ports');
  if (!parseBooleanInput('open-forward-ports', wanted, false, 'patch-merge') || !facts.patches) {
    return {};
  }
  const { octokit } = input;
  if (!octokit) {
    throw new InputError(
      'open-forward-ports is true, which opens pull requests through the GitHub API, but no token was given. ' +
        'Pass the token input (the default, ${{ github.token }}, works) with contents: write and pull-requests: write. ' +
        `Read more: ${ACTIONS_DOCS}#patch-merge-inputs`,
    );
  }
  const plans = planForwardPorts(
    classifyLineCommits(facts.patches, policy, new Date(facts.patches.checkedAt)),
  );
  const ports: ForwardPortOutput[] = [];
  for (const plan of plans) {
    ports.push(await openForwardPort(input, octokit, facts.patches.mainline, plan));
  }
  const opened = ports.filter((port) => port.pullRequest !== null).length;
  return {
    outputs: { 'forward-ports': JSON.stringify(ports) },
    description: `Forward ports: ${plural(opened, 'pull request')} opened or updated for ${plural(plans.length, 'line')} with missing commits.`,
  };
}

/** One line's forward port: the branch pushed, then its pull request opened or updated. */
async function openForwardPort(
  input: ActInput,
  octokit: Octokit,
  mainline: string,
  plan: ForwardPortPlan,
): Promise<ForwardPortOutput> {
  const { context, env, workspace } = input;
  const pushed = await pushForwardPort({
    repository: { cwd: workspace, env },
    mainline,
    branch: plan.branch,
    commits: plan.commits,
    tempDir: env.RUNNER_TEMP || tmpdir(),
  });
  const output: ForwardPortOutput = {
    line: plan.line,
    branch: plan.branch,
    pullRequest: null,
    picked: pushed.picked.map((commit) => commit.sha),
    skipped: pushed.skipped.map(({ sha, subject, reason }) => ({ sha, subject, reason })),
  };
  if (!pushed.ahead) {
    // Every pick conflicted or was empty: a branch equal to mainline cannot be a pull request.
    logData(
      `Forward port of ${quoteBranchName(plan.line)}: no commit could be picked onto ${quoteBranchName(mainline)}, so no pull request was opened; ${plural(pushed.skipped.length, 'commit')} left out (see the forward-ports output).`,
    );
    return output;
  }
  const pull = await upsertForwardPortPull({
    octokit,
    repo: context.repo,
    base: mainline,
    head: plan.branch,
    title: formatForwardPortTitle(plan.line, mainline),
    body: renderForwardPortBody({
      line: plan.line,
      mainline,
      branch: plan.branch,
      picked: pushed.picked,
      skipped: pushed.skipped,
    }),
  });
  logData(
    `Forward port of ${quoteBranchName(plan.line)}: pull request #${pull.number} ${pull.status}, ${plural(pushed.picked.length, 'commit')} picked, ${pushed.skipped.length} not picked.`,
  );
  return { ...output, pullRequest: { number: pull.number, url: pull.url } };
}
