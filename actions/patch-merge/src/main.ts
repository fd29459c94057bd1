import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import {
  classifyLineCommits,
  patchesCheck,
  type PatchFacts,
  type Policy,
} from '@release-policy/core';
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
