import { findSucceededDeployment } from '../checks/promote/plan.js';
import { quoteValue } from '../text.js';
import { readPromotion } from './promote-context.js';
import type { Rule } from './types.js';

/** The artifact promoted is the one the environment before this one received: same digest. */
export const promoteArtifact: Rule = {
  id: 'promote-artifact',
  check: 'promote',
  description:
    'A named artifact has the same sha256 digest as the one deployed to the environment before.',
  defaultSeverity: 'error',
  applies: (ctx) => {
    const read = readPromotion(ctx);
    return (
      read?.promotion.artifact !== undefined &&
      read.spec.after !== undefined &&
      !read.promotion.rollback
    );
  },
  evaluate(ctx) {
    const read = readPromotion(ctx);
    const artifact = read?.promotion.artifact;
    if (!read || !artifact || read.spec.after === undefined) return [];
    const before = findSucceededDeployment(
      read.promotion.deployments,
      read.spec.after,
      read.promotion.commit,
    );
    // No deployment there is the order rule's finding; a digest only compares with one.
    if (!before || before.digest === artifact.digest) return [];
    const recorded = before.digest === undefined ? 'no artifact digest' : quoteValue(before.digest);
    return [
      {
        message:
          `The artifact ${quoteValue(artifact.name)} has the digest ${quoteValue(artifact.digest)}, but the deployment ` +
          `#${before.id} of the same commit to ${quoteValue(read.spec.after)} recorded ${recorded}: ` +
          'what would go live is not what was tested there.',
        hint: `Promote the artifact that went to ${read.spec.after} (digest ${before.digest ?? 'recorded by promote'}), or promote this one through ${read.spec.after} first.`,
      },
    ];
  },
};
