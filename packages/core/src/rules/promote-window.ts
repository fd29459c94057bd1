import { decideWindow, describeWindow } from '../checks/promote/plan.js';
import { quoteValue } from '../text.js';
import { readPromotion } from './promote-context.js';
import type { Rule } from './types.js';

/** The promotion happens in a change window and outside every freeze, or as a recorded emergency. */
export const promoteWindow: Rule = {
  id: 'promote-window',
  check: 'promote',
  description:
    'The promotion happens inside a change window and outside every freeze of the environment (local time of each zone), unless it is an emergency.',
  defaultSeverity: 'error',
  applies: (ctx) => {
    const spec = readPromotion(ctx)?.spec;
    return spec !== undefined && (spec.windows.length > 0 || spec.freeze.length > 0);
  },
  evaluate(ctx) {
    const read = readPromotion(ctx);
    if (!read) return [];
    const { promotion, spec } = read;
    const decision = decideWindow(spec, ctx.now);
    if (decision.open) return [];
    const closed = decision.freeze
      ? `it is frozen from ${decision.freeze.from} to ${decision.freeze.to} (${decision.freeze.timezone}): ${quoteValue(decision.freeze.reason)}`
      : `it is outside every change window (${spec.windows.map(describeWindow).join('; ')})`;
    const at = ctx.now.toISOString();
    if (promotion.emergency !== undefined && spec.emergency.allowed) {
      return [
        {
          severity: 'notice',
          message: `Emergency promotion to ${quoteValue(spec.name)} at ${at} although ${closed}; reason: ${quoteValue(promotion.emergency)}.`,
        },
      ];
    }
    return [
      {
        message: `Nothing may be promoted to ${quoteValue(spec.name)} at ${at}: ${closed}.`,
        hint: decision.freeze
          ? `Promote after ${decision.freeze.to} ${decision.freeze.timezone}` +
            (spec.emergency.allowed
              ? ', or give the emergency input a reason (it needs one more approval).'
              : '.')
          : 'Promote inside a window' +
            (spec.emergency.allowed
              ? ', or give the emergency input a reason (it needs one more approval).'
              : '.'),
      },
    ];
  },
};
