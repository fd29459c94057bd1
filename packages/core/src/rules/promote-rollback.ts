import { findLiveDeployment, findRollbackTarget } from '../checks/promote/plan.js';
import { quoteValue } from '../text.js';
import { readPromotion } from './promote-context.js';
import type { Rule } from './types.js';

/** A rollback has a previous version to return to. */
export const promoteRollback: Rule = {
  id: 'promote-rollback',
  check: 'promote',
  description:
    "A rollback finds, in the environment's deployment history, a version that went live before the current one.",
  defaultSeverity: 'error',
  applies: (ctx) => readPromotion(ctx)?.promotion.rollback === true,
  evaluate(ctx) {
    const read = readPromotion(ctx);
    if (!read) return [];
    const { promotion, spec } = read;
    if (findRollbackTarget(promotion.deployments, spec.name)) return [];
    const live = findLiveDeployment(promotion.deployments, spec.name);
    return [
      {
        message: live
          ? `${quoteValue(spec.name)} has nothing to roll back to: ${quoteValue(live.version)} is live and no other version went live there before it.`
          : `${quoteValue(spec.name)} has nothing to roll back from: no deployment there is live.`,
        hint: 'Promote a version to the environment instead (set version or ref, and leave rollback false).',
      },
    ];
  },
};
