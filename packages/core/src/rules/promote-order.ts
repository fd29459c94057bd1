import { findLiveDeployment, findSucceededDeployment } from '../checks/promote/plan.js';
import { quoteValue } from '../text.js';
import { readPromotion, shortSha } from './promote-context.js';
import type { Rule } from './types.js';

/** The environment before this one holds a successful deployment of the same commit. */
export const promoteOrder: Rule = {
  id: 'promote-order',
  check: 'promote',
  description:
    'The environment named by "after" (the previous one by default) had a successful full deployment of the same commit first.',
  defaultSeverity: 'error',
  applies: (ctx) => {
    const read = readPromotion(ctx);
    // A rollback returns to a version that already passed the order once.
    return read !== undefined && read.spec.after !== undefined && !read.promotion.rollback;
  },
  evaluate(ctx) {
    const read = readPromotion(ctx);
    const after = read?.spec.after;
    if (!read || after === undefined) return [];
    const { promotion, spec } = read;
    if (findSucceededDeployment(promotion.deployments, after, promotion.commit)) return [];
    const live = findLiveDeployment(promotion.deployments, after);
    const found = live
      ? `${quoteValue(after)} holds ${quoteValue(live.version)} (commit ${shortSha(live.sha)}) instead`
      : `${quoteValue(after)} has no successful deployment at all`;
    return [
      {
        message:
          `${quoteValue(promotion.version)} (commit ${shortSha(promotion.commit)}) cannot go to ${quoteValue(spec.name)}: ` +
          `it must first be deployed in full to ${quoteValue(after)}, and ${found}.`,
        hint: `Promote commit ${promotion.commit} to ${after} first, then promote it to ${spec.name}.`,
      },
    ];
  },
};
