import { realpath } from 'node:fs/promises';
import { relative } from 'node:path';
import { versionCheck } from '@release-policy/core';
import { createGit, gatherVersionFacts, type Git } from '@release-policy/git';
import {
  gatherRunFacts,
  runPolicyAction,
  type GatherInput,
  type Gathered,
  resolveWorkingDirectory,
} from '@release-policy/github';

/**
 * The version action: gathers every declared version (input, version files,
 * hotfix branch, pushed tag), the release tags and the commits since the
 * previous release from the checked-out repository, and checks them.
 */
export async function run(): Promise<void> {
  await runPolicyAction({ check: versionCheck, gather: gatherVersion });
}

async function gatherVersion({
  context,
  policy,
  workspace,
  inputs,
}: GatherInput): Promise<Gathered> {
  const cwd = resolveWorkingDirectory(workspace, inputs.get('working-directory'), 'version');
  const git = createGit({ cwd });
  const run = gatherRunFacts(context, { branch: inputs.get('branch') });
  // A shallow clone hides tags and commits: completed first, or the run stops with the fix.
  const version = await gatherVersionFacts({
    git,
    cwd,
    policy,
    branch: run.branch,
    inputVersion: inputs.get('version') || undefined,
    pushedTag: context.refType === 'tag' ? context.refName : undefined,
    complete: 'action',
  });
  return {
    facts: { ...run, version },
    root: await findRepositoryFolder(git, workspace, cwd),
    fields: run.branch ? { branch: run.branch.name } : {},
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
