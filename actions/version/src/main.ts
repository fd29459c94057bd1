import { realpath } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { analyzeVersion, type Facts, type Policy } from '@release-policy/core';
import {
  convertVersionNotesToFindings,
  createGit,
  gatherVersionFacts,
  type Git,
} from '@release-policy/git';
import {
  resolveRunBranch,
  runPolicyAction,
  type GatherInput,
  type Gathered,
  type OutputValue,
} from '@release-policy/github';

/**
 * The version action: gathers every declared version (input, version files,
 * hotfix branch, pushed tag), the release tags and the commits since the
 * previous release from the checked-out repository, and checks them.
 */
export async function run(): Promise<void> {
  await runPolicyAction({
    check: 'version',
    title: 'Version',
    checks: ['version'],
    gather: gatherVersion,
    outputs: computeVersionOutputs,
  });
}

async function gatherVersion({
  context,
  policy,
  workspace,
  inputs,
}: GatherInput): Promise<Gathered> {
  const cwd = resolve(workspace, inputs.get('working-directory') || '.');
  const git = createGit({ cwd });
  const branch = resolveRunBranch(context, { branch: inputs.get('branch') });
  const name = branch?.name;
  const version = await gatherVersionFacts({
    git,
    cwd,
    policy,
    branch,
    inputVersion: inputs.get('version') || undefined,
    pushedTag: context.refType === 'tag' ? context.refName : undefined,
  });
  const facts = { ...(branch ? { branch } : {}), version };
  const analysis = analyzeVersion(facts, policy);
  return {
    facts,
    findings: convertVersionNotesToFindings(version.notes),
    root: await findRepositoryFolder(git, workspace, cwd),
    fields: {
      ...(name ? { branch: name } : {}),
      version: analysis.version ?? '(none declared)',
      previous: analysis.previous ?? '(no release yet)',
      bump: analysis.bump,
      recommended: analysis.recommended,
    },
  };
}

/** The declared, previous and recommended versions as outputs. */
function computeVersionOutputs(facts: Facts, policy: Policy): Record<string, OutputValue> {
  const analysis = analyzeVersion(facts, policy);
  return {
    version: analysis.version ?? '',
    previous: analysis.previous ?? '',
    bump: analysis.bump,
    recommended: analysis.recommended,
    prerelease: analysis.prerelease,
    tag: analysis.tag ?? '',
  };
}

/**
 * The working directory relative to the repository's top directory (`app`
 * for `working-directory: app`), so findings on `package.json` are reported
 * on `app/package.json`. Falls back to the path relative to the workspace
 * when git cannot tell the top directory.
 */
async function findRepositoryFolder(git: Git, workspace: string, cwd: string): Promise<string> {
  try {
    const [top, here] = await Promise.all([git.root(), realpath(cwd)]);
    return relative(await realpath(top), here);
  } catch {
    return relative(workspace, cwd);
  }
}
