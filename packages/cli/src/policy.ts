import { readFile } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import {
  defaultPolicy,
  loadPolicy,
  loadPolicyBytes,
  POLICY_PATH,
  UsageError,
  type Finding,
  type Policy,
} from '@release-policy/core';
import { GitError, type Git, type GitFailureKind } from '@release-policy/git';

/** The policy a command runs with, and where it came from. */
export interface ReadPolicyResult {
  policy: Policy;
  /** For people: the file, and the branch it was read from when not the working tree. */
  origin: string;
  /** Said alongside the findings, e.g. that the base branch was not available. */
  notices: Finding[];
}

/**
 * Reads the policy the way CI does. An explicit `--policy FILE` always wins
 * (it must exist). Otherwise, with a base branch (`--base`, or the runner's
 * `GITHUB_BASE_REF`), `.github/release-policy.yml` is read from that branch
 * (`BASE`, else `origin/BASE`), so a pull request cannot relax its own rules
 * here either; without one, from the working tree. An absent file means the
 * embedded default policy. Throws `ConfigError` for a malformed file.
 */
export async function readPolicy(
  cwd: string,
  explicit?: string,
  base?: { git: Git; ref: string },
): Promise<ReadPolicyResult> {
  if (!explicit && base) {
    const fromBase = await readPolicyAtRef(base.git, base.ref);
    if (fromBase) return fromBase;
  }
  const fromTree = await readPolicyFile(cwd, explicit);
  const notices: Finding[] = [];
  if (!explicit && base) {
    notices.push({
      rule: 'policy-file',
      severity: 'notice',
      message:
        `The base branch ${JSON.stringify(base.ref)} is not in this clone (neither ${JSON.stringify(base.ref)} nor ` +
        `${JSON.stringify(`origin/${base.ref}`)}), so the policy was read from the working tree (${fromTree.origin}). ` +
        'CI reads it from the base branch; ' +
        `fetch it (git fetch origin ${base.ref}) to get the same answer.`,
      docs: 'docs/cli.md#where-the-policy-comes-from',
    });
  }
  return { ...fromTree, notices };
}

/** What the git adapter reports for a revision absent from the clone (shallow or not). */
const MISSING_REF_KINDS: readonly GitFailureKind[] = ['unknown-revision', 'shallow'];

/** True when `error` says the revision is not in this clone, and nothing else. */
function isMissingRef(error: unknown): boolean {
  return error instanceof GitError && MISSING_REF_KINDS.includes(error.kind);
}

async function readPolicyAtRef(git: Git, ref: string): Promise<ReadPolicyResult | undefined> {
  for (const candidate of [ref, `origin/${ref}`]) {
    let text: string | undefined;
    try {
      await git.revParse(candidate);
      text = await git.readFileAt(candidate, POLICY_PATH);
    } catch (error) {
      // Only a ref git cannot find means "not in this clone"; any other failure
      // (not a repository, dubious ownership, no git) is a real problem.
      if (isMissingRef(error)) continue;
      throw error;
    }
    const origin = `${POLICY_PATH} on ${candidate}`;
    if (text === undefined) {
      return { policy: defaultPolicy(), origin: `(default policy: no ${origin})`, notices: [] };
    }
    return { policy: loadPolicy(text, POLICY_PATH), origin, notices: [] };
  }
  return undefined;
}

async function readPolicyFile(
  cwd: string,
  explicit?: string,
): Promise<Omit<ReadPolicyResult, 'notices'>> {
  const path = explicit
    ? isAbsolute(explicit)
      ? explicit
      : join(cwd, explicit)
    : join(cwd, POLICY_PATH);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!explicit && code === 'ENOENT') {
      const policy = defaultPolicy();
      return { policy, origin: policy.source };
    }
    throw new UsageError(
      `Cannot read the policy file ${JSON.stringify(explicit ?? POLICY_PATH)} (${code ?? 'error'}). ` +
        `Give an existing file, e.g. --policy ${POLICY_PATH}, or run "release-policy init" to write one. ` +
        'See docs/policy.md',
      { cause: error },
    );
  }
  const shown = explicit && isAbsolute(explicit) ? explicit : relative(cwd, path) || path;
  return { policy: loadPolicyBytes(bytes, shown), origin: shown };
}
