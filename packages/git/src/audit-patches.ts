/**
 * The maintenance lines as the configuration audit reads them: every line
 * of the policy compared with mainline, or why they could not be (no clone
 * in the workspace, a history cut off that could not be deepened, a line or
 * the mainline missing), so the audit says so instead of passing silently.
 */
import type { PatchesUnread, PatchFacts, Policy } from '@release-policy/core';
import { GitError } from './errors.js';
import type { Git } from './git.js';
import { IncompleteHistoryError, type HistoryAdvice } from './history.js';
import { gatherPatchFacts, PatchLineError } from './patches.js';

/** What {@link gatherAuditPatchFacts} needs. */
export interface GatherAuditPatchFactsInput {
  git: Git;
  policy: Policy;
  /** Who reads the fix when the history is cut off: a workflow author or a person at a terminal. */
  advice: HistoryAdvice;
  now: Date;
}

/** The lines compared, or why they were not. */
export type AuditPatchFacts = { patches: PatchFacts } | { patchesUnread: PatchesUnread };

/**
 * Compares every maintenance line of the policy with mainline, after
 * deepening a shallow clone; a clone that is missing, stays shallow or lacks
 * a line gives the reason instead.
 *
 * @throws GitError when git fails for another reason
 */
export async function gatherAuditPatchFacts(
  input: GatherAuditPatchFactsInput,
): Promise<AuditPatchFacts> {
  const { git, policy, now } = input;
  try {
    await git.completeHistory({ advice: input.advice });
    return { patches: await gatherPatchFacts({ git, policy, now }) };
  } catch (error) {
    if (error instanceof GitError && error.kind === 'not-a-repository') {
      return {
        patchesUnread: {
          reason: 'no-checkout',
          detail: 'The workspace is not a git clone (check out the repository before the audit).',
        },
      };
    }
    if (error instanceof IncompleteHistoryError) {
      return { patchesUnread: { reason: 'shallow', detail: error.message } };
    }
    if (error instanceof PatchLineError) {
      return { patchesUnread: { reason: 'not-comparable', detail: error.message } };
    }
    throw error;
  }
}
