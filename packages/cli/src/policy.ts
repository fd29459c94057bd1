import { join, relative, isAbsolute } from 'node:path';
import {
  defaultPolicy,
  findClosest,
  loadPolicyBytes,
  POLICY_PATH,
  quoteShellArgument,
  UsageError,
  type Finding,
  type Policy,
} from '@release-policy/core';
import { GitError, type Git, type GitFailureKind } from '@release-policy/git';
import {
  describePolicyFileProblem,
  MAX_POLICY_FILE_BYTES,
  readPolicyFileInside,
  readPolicyFileSafely,
} from '@release-policy/github/policy-file';

/** The policy a command runs with, and where it came from. */
export interface ReadPolicyResult {
  policy: Policy;
  /** For people: the file, and the branch it was read from when not the working tree. */
  origin: string;
  /** Said alongside the findings, e.g. that the base branch was not available. */
  notices: Finding[];
  /**
   * The revision the policy was read at (`main` or `origin/main`); absent
   * when it came from the working tree. What the policy names as part of
   * itself (the documents' templates) is read there too.
   */
  revision?: string;
}

/** Where the CLI runs, and the top directory of the working tree it runs in. */
export interface PolicyPlace {
  /** The working directory (`-C`), which an explicit `--policy FILE` is relative to. */
  cwd: string;
  /** The working tree's top directory, which holds `.github/release-policy.yml` (see `readTopDirectory`). */
  root: string;
}

/**
 * Reads the policy the way CI does. An explicit `--policy FILE` (relative to
 * the working directory) always wins (it must exist). Otherwise, with a base
 * branch (`--base`, or the runner's `GITHUB_BASE_REF`),
 * `.github/release-policy.yml` is read from that branch (`BASE`, else
 * `origin/BASE`), so a pull request cannot relax its own rules here either
 * (`revision` says which, for the templates); without one, from the top
 * directory of the working tree, wherever inside it the CLI runs. An absent
 * file means the embedded default policy. Throws `ConfigError` for a
 * malformed file.
 */
export async function readPolicy(
  place: PolicyPlace,
  explicit?: string,
  base?: { git: Git; ref: string },
): Promise<ReadPolicyResult> {
  if (!explicit && base) {
    const fromBase = await readPolicyAtRef(base.git, base.ref);
    if (fromBase) return fromBase;
  }
  const fromTree = await readPolicyFile(place, explicit);
  const notices: Finding[] = [];
  if (!explicit && base)
    notices.push(await describeMissingBase(base.git, base.ref, fromTree.origin));
  return { ...fromTree, notices };
}

/**
 * The base branch is in neither `BASE` nor `origin/BASE`: a warning that it
 * does not exist here, with the nearest branch names (a typo in --base would
 * otherwise check the merge direction against a branch that is not there),
 * where the policy came from instead, and the fetch that would bring it.
 */
async function describeMissingBase(git: Git, ref: string, origin: string): Promise<Finding> {
  // Listing names is advice only: a failure leaves the suggestion out.
  const branches = await git.listBranches().catch(() => []);
  const names = [...new Set(branches.map((name) => name.replace(/^origin\//, '')))];
  const near = findClosest(ref, names);
  const shown = names.slice(0, 10).map((name) => JSON.stringify(name));
  const listed =
    shown.length === 0
      ? ' The clone has no branches.'
      : ` Branches here: ${shown.join(', ')}${names.length > shown.length ? `, and ${names.length - shown.length} more` : ''}.`;
  return {
    rule: 'policy-file',
    severity: 'warning',
    message:
      `The base branch ${JSON.stringify(ref)} does not exist in this clone (neither ${JSON.stringify(ref)} nor ` +
      `${JSON.stringify(`origin/${ref}`)}).${near ? ` Did you mean ${JSON.stringify(near)}?` : ''}${listed} ` +
      `So the policy was read from the working tree (${origin}) and the merge direction was checked against a base that is not here. ` +
      `If the branch exists on the remote, fetch it (git fetch origin ${quoteShellArgument(ref)}) to get the answer CI gives.`,
    docs: 'docs/cli.md#where-the-policy-comes-from',
  };
}

/** What the git adapter reports for a revision absent from the clone (shallow or not). */
const MISSING_REF_KINDS: readonly GitFailureKind[] = ['unknown-revision', 'shallow'];

/** True when `error` says the revision is not in this clone, and nothing else. */
function isMissingRef(error: unknown): boolean {
  return error instanceof GitError && MISSING_REF_KINDS.includes(error.kind);
}

async function readPolicyAtRef(git: Git, ref: string): Promise<ReadPolicyResult | undefined> {
  for (const candidate of [ref, `origin/${ref}`]) {
    let blob: { size: number; bytes?: Buffer } | undefined;
    try {
      await git.revParse(candidate);
      blob = await git.readBlobAt(candidate, POLICY_PATH, MAX_POLICY_FILE_BYTES);
    } catch (error) {
      // Only a ref git cannot find means "not in this clone"; any other failure
      // (not a repository, dubious ownership, no git) is a real problem.
      if (isMissingRef(error)) continue;
      throw error;
    }
    const origin = `${POLICY_PATH} on ${candidate}`;
    if (blob === undefined) {
      const policy = defaultPolicy();
      return { policy, origin: `(default policy: no ${origin})`, notices: [], revision: candidate };
    }
    if (blob.bytes === undefined) {
      throw new UsageError(
        `The policy file ${origin} is ${blob.size} bytes, larger than the ${MAX_POLICY_FILE_BYTES}-byte limit ` +
          'for a policy, so it was not read. A policy is a short YAML file. See docs/cli.md#security',
      );
    }
    // Bytes, so the loader checks UTF-8 as for the working tree. Its problems
    // point at `main:.github/release-policy.yml:5:17`, git's name for the file
    // as committed on the base (`git show main:.github/release-policy.yml`):
    // the working tree's copy may differ, line for line.
    const label = `${candidate}:${POLICY_PATH}`;
    return {
      policy: loadPolicyBytes(blob.bytes, label),
      origin,
      notices: [],
      revision: candidate,
    };
  }
  return undefined;
}

async function readPolicyFile(
  { cwd, root }: PolicyPlace,
  explicit?: string,
): Promise<Omit<ReadPolicyResult, 'notices'>> {
  // The policy's own file is the repository's; a file the user names is where they say.
  const from = explicit ? cwd : root;
  const path = explicit
    ? isAbsolute(explicit)
      ? explicit
      : join(cwd, explicit)
    : join(root, POLICY_PATH);
  // Only a regular file inside the repository (or the file --policy names, never
  // through a final link) is read, bounded: its text ends up in messages.
  const read = explicit
    ? await readPolicyFileSafely(path)
    : await readPolicyFileInside(root, POLICY_PATH);
  if (read.status === 'refused') {
    if (!explicit && read.problem === 'missing') {
      const policy = defaultPolicy();
      return { policy, origin: policy.source };
    }
    throw new UsageError(describeUnreadablePolicy(explicit ?? POLICY_PATH, read), {
      cause: read.cause,
    });
  }
  const shown = explicit && isAbsolute(explicit) ? explicit : relative(from, path) || path;
  return { policy: loadPolicyBytes(read.bytes, shown), origin: shown };
}

/** Why the policy file cannot be used, teaching the fix; never quotes the file's content. */
function describeUnreadablePolicy(
  shown: string,
  read: Extract<Awaited<ReturnType<typeof readPolicyFileSafely>>, { status: 'refused' }>,
): string {
  const fix =
    'Give an existing file, e.g. --policy .github/release-policy.yml, or run "release-policy init" to write one. See docs/policy.md';
  // The plain cases keep their short form: the system's code says it all.
  if (read.problem === 'missing' || read.problem === 'directory') {
    return `Cannot read the policy file ${JSON.stringify(shown)} (${read.code ?? 'error'}). ${fix}`;
  }
  return (
    `Cannot read the policy file ${JSON.stringify(shown)}: ${describePolicyFileProblem(read)}. ` +
    'A policy is a regular YAML file inside the repository, e.g. .github/release-policy.yml. ' +
    'See docs/cli.md#security'
  );
}
