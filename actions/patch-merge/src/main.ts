import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import { patchesCheck } from '@release-policy/core';
import { createGit, gatherPatchFacts } from '@release-policy/git';
import {
  gatherRunFacts,
  runPolicyAction,
  type GatherInput,
  type Gathered,
  type RecordInput,
} from '@release-policy/github';

/**
 * The patch-merge action: every patch shipped on a maintenance line is in
 * mainline. On a pull request into mainline (a release), mainline is the
 * pull request's test merge: the next main version.
 */
export async function run(): Promise<void> {
  await runPolicyAction({ check: patchesCheck, gather: gatherPatches, record: writeReport });
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
    fields: { mainline, lines: patches.lines.map((line) => line.line).join(', ') || '(none)' },
  };
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
