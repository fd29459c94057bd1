import { describeDuration } from '../checks/promote/duration.js';
import { findSucceededDeployment } from '../checks/promote/plan.js';
import { quoteValue } from '../text.js';
import { readPromotion } from './promote-context.js';
import type { Rule } from './types.js';

/** The commit has soaked in the environment before this one for the policy's time. */
export const promoteSoak: Rule = {
  id: 'promote-soak',
  check: 'promote',
  description: 'The same commit has been live in the environment before for at least "soak".',
  defaultSeverity: 'error',
  applies: (ctx) => {
    const read = readPromotion(ctx);
    return (
      read !== undefined &&
      read.spec.after !== undefined &&
      read.spec.soakMs > 0 &&
      !read.promotion.rollback
    );
  },
  evaluate(ctx) {
    const read = readPromotion(ctx);
    if (!read || read.spec.after === undefined) return [];
    const { promotion, spec } = read;
    const before = findSucceededDeployment(
      promotion.deployments,
      spec.after ?? '',
      promotion.commit,
    );
    if (!before?.succeededAt) return [];
    const since = Date.parse(before.succeededAt);
    const soaked = ctx.now.getTime() - since;
    if (soaked >= spec.soakMs) return [];
    const ready = new Date(since + spec.soakMs).toISOString();
    return [
      {
        message:
          `${quoteValue(promotion.version)} has been live in ${quoteValue(spec.after)} for ${describeDuration(soaked)} ` +
          `(since ${before.succeededAt}); ${quoteValue(spec.name)} needs a soak of ${spec.soak}.`,
        hint: `Promote it at ${ready} or later, or lower soak for ${spec.name} in the policy.`,
      },
    ];
  },
};
