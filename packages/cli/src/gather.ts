import {
  analyzeVersion,
  classifyBranch,
  type BranchClass,
  type CheckName,
  type Facts,
  type Finding,
  type Policy,
  type VersionAnalysis,
} from '@release-policy/core';
import {
  convertVersionNotesToFindings,
  createGit,
  type Git,
  gatherBranchFacts,
  gatherVersionFacts,
  readPushedTag,
} from '@release-policy/git';

/** What a command asked to check. */
export interface GatherRequest {
  /** The git adapter to use; one on `cwd` with `env` when absent. */
  git?: Git;
  cwd: string;
  env: Record<string, string | undefined>;
  policy: Policy;
  checks: readonly CheckName[];
  branch?: string;
  base?: string;
  inputVersion?: string;
}

/** Facts plus what the commands print besides findings. */
export interface Gathered {
  facts: Facts;
  branch?: BranchClass;
  version?: VersionAnalysis;
  /** Notices from gathering (e.g. shallow history), reported with the findings. */
  notices: Finding[];
}

/**
 * Collects the facts the requested checks need, from git and the working
 * tree (and, on a runner, its environment). git runs with `request.env`.
 */
export async function gatherFacts(request: GatherRequest): Promise<Gathered> {
  const git = request.git ?? createGit({ cwd: request.cwd, env: request.env });
  const facts: Facts = {};
  const notices: Finding[] = [];
  const branchFacts = await gatherBranchFacts({
    git,
    branch: request.branch,
    base: request.base,
    env: request.env,
  });
  if (branchFacts) facts.branch = branchFacts;
  else if (request.checks.includes('branch')) {
    // Said, never skipped silently (the actions say the same on a tag push).
    notices.push({
      rule: 'branch-name',
      severity: 'notice',
      message:
        'HEAD is detached and no branch was given, so no branch name was checked. ' +
        'Give one with --branch NAME (or "release-policy branch NAME").',
      docs: 'docs/cli.md#commands',
    });
  }
  const branch = branchFacts ? classifyBranch(branchFacts.name, request.policy) : undefined;
  if (request.checks.includes('version')) {
    const gathered = await gatherVersionFacts({
      git,
      cwd: request.cwd,
      policy: request.policy,
      branch: branchFacts,
      inputVersion: request.inputVersion,
      pushedTag: readPushedTag(request.env),
    });
    facts.version = gathered;
    notices.push(...convertVersionNotesToFindings(gathered.notes));
  }
  const version = facts.version ? analyzeVersion(facts, request.policy) : undefined;
  return { facts, branch, version, notices };
}
