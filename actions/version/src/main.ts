import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { quoteValue, versionCheck } from '@release-policy/core';
import { createGit, gatherVersionFacts, type Git } from '@release-policy/git';
import {
  ACTIONS_DOCS,
  gatherRunFacts,
  InputError,
  runPolicyAction,
  type GatherInput,
  type Gathered,
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
  const cwd = resolveWorkingDirectory(workspace, inputs.get('working-directory'));
  const git = createGit({ cwd });
  const run = gatherRunFacts(context, { branch: inputs.get('branch') });
  // A depth-1 checkout hides tags and commits: complete it with the checkout's credentials, or stop.
  const repair = await git.completeHistory({ advice: 'action' });
  const gathered = await gatherVersionFacts({
    git,
    cwd,
    policy,
    branch: run.branch,
    inputVersion: inputs.get('version') || undefined,
    pushedTag: context.refType === 'tag' ? context.refName : undefined,
  });
  const version =
    repair.status === 'fetched'
      ? { ...gathered, history: { ...gathered.history, fetchedFrom: repair.remote } }
      : gathered;
  return {
    facts: { ...run, version },
    root: await findRepositoryFolder(git, workspace, cwd),
    fields: run.branch ? { branch: run.branch.name } : {},
  };
}

/**
 * The `working-directory` input resolved against the workspace.
 * @throws InputError when it leaves the workspace (`../../etc`, an absolute path elsewhere).
 */
function resolveWorkingDirectory(workspace: string, input: string | undefined): string {
  const cwd = resolve(workspace, input || '.');
  const inside = relative(resolve(workspace), cwd);
  if (
    inside === '..' ||
    inside.startsWith('../') ||
    inside.startsWith('..\\') ||
    isAbsolute(inside)
  ) {
    throw new InputError(
      `The working-directory input ${quoteValue(input)} leaves the workspace. Give a folder inside the ` +
        `checked-out repository, relative to it, e.g. "packages/app". Read more: ${ACTIONS_DOCS}#version-inputs`,
    );
  }
  return cwd;
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
