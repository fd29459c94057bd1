/**
 * The next release's documents as the configuration audit reads them: the
 * files the policy's `documents` entries match in the checkout's working
 * tree when that checkout is the mainline, or why they could not be read (no
 * clone in the workspace, another branch or commit checked out), so the
 * status says so instead of leaving them out or showing another branch's.
 */
import {
  quoteBranchName,
  type DocumentFacts,
  type DocumentsUnread,
  type Policy,
} from '@release-policy/core';
import { gatherDocumentFacts } from './documents.js';
import { GitError } from './errors.js';
import type { Git } from './git.js';

/** What {@link gatherAuditDocumentFacts} needs. */
export interface GatherAuditDocumentFactsInput {
  git: Git;
  policy: Policy;
}

/** The documents read, or why they were not. */
export type AuditDocumentFacts =
  { documents: DocumentFacts } | { documentsUnread: DocumentsUnread };

/**
 * Reads the policy's documents from the top of the checkout's working tree
 * when HEAD is the mainline's commit (the branch, or `origin/` and the branch
 * in a CI clone); a workspace that is no git clone, or a checkout of another
 * branch or commit (a manual run from another branch), gives the reason instead.
 *
 * @throws GitError when git fails for another reason
 * @throws ConfigError when a document or template is a link leaving the repository
 */
export async function gatherAuditDocumentFacts(
  input: GatherAuditDocumentFactsInput,
): Promise<AuditDocumentFacts> {
  const { git, policy } = input;
  let root: string;
  try {
    root = await git.root();
  } catch (error) {
    if (error instanceof GitError && error.kind === 'not-a-repository') {
      return {
        documentsUnread: {
          reason: 'no-checkout',
          detail: 'The workspace is not a git clone (check out the repository before the audit).',
        },
      };
    }
    throw error;
  }
  const elsewhere = await describeOtherCheckout(git, policy.mainline);
  if (elsewhere !== undefined) return { documentsUnread: elsewhere };
  return { documents: await gatherDocumentFacts({ git, cwd: root, policy, facts: {} }) };
}

/**
 * Why the checkout is not the mainline, or undefined when HEAD is its
 * commit (or has none yet: an empty clone has no documents to mislabel).
 */
async function describeOtherCheckout(
  git: Git,
  mainline: string,
): Promise<DocumentsUnread | undefined> {
  const head = await resolveIfHeld(git, 'HEAD');
  if (head === undefined) return undefined;
  const local = await resolveIfHeld(git, mainline);
  if (head === local) return undefined;
  const remote = await resolveIfHeld(git, `origin/${mainline}`);
  if (head === remote) return undefined;
  const branch = await git.currentBranch();
  const checkedOut =
    branch === undefined
      ? `commit ${head.slice(0, 12)} (detached)`
      : `the branch ${quoteBranchName(branch)} (commit ${head.slice(0, 12)})`;
  const held =
    local === undefined && remote === undefined ? ', which this clone does not hold' : '';
  return {
    reason: 'not-mainline',
    detail:
      `The checkout is ${checkedOut}, not the mainline ${quoteBranchName(mainline)}${held}: ` +
      `its documents are not those of the mainline's next release. Run the audit on the mainline to read them.`,
  };
}

/**
 * The commit a revision names; undefined when this clone does not hold it
 * (no such branch, a branch a shallow clone did not fetch, no commit yet).
 */
async function resolveIfHeld(git: Git, rev: string): Promise<string | undefined> {
  try {
    return await git.revParse(rev);
  } catch (error) {
    const absent = ['unknown-revision', 'shallow', 'no-commits'];
    if (error instanceof GitError && absent.includes(error.kind)) return undefined;
    throw error;
  }
}
