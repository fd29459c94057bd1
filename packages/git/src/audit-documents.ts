/**
 * The next release's documents as the configuration audit reads them: the
 * files the policy's `documents` entries match in the checkout's working
 * tree (the mainline the audit runs on), or why they could not be read (no
 * clone in the workspace), so the status says so instead of leaving them out.
 */
import type { DocumentFacts, DocumentsUnread, Policy } from '@release-policy/core';
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
 * Reads the policy's documents from the top of the checkout's working tree;
 * a workspace that is no git clone gives the reason instead.
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
  return { documents: await gatherDocumentFacts({ git, cwd: root, policy, facts: {} }) };
}
