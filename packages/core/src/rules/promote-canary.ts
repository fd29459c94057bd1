import { describeDuration } from '../checks/promote/duration.js';
import { computeCanaryStep, findLiveDeployment } from '../checks/promote/plan.js';
import { quoteValue } from '../text.js';
import { readPromotion, shortSha } from './promote-context.js';
import type { EnvironmentSpec } from '../checks/promote/section.js';
import type { PromotionFacts } from '../facts.js';
import type { Rule, RuleFinding } from './types.js';

/** Canary steps go in the policy's order, each after the previous one held for `hold`. */
export const promoteCanary: Rule = {
  id: 'promote-canary',
  check: 'promote',
  description:
    'A canary step is one of the policy\'s steps, and each after the first follows the previous step of the same commit, live for at least "hold".',
  defaultSeverity: 'error',
  applies: (ctx) => {
    const read = readPromotion(ctx);
    return (
      read !== undefined && (read.spec.canary !== undefined || read.promotion.step !== undefined)
    );
  },
  evaluate(ctx) {
    const read = readPromotion(ctx);
    if (!read) return [];
    const { promotion, spec } = read;
    const step = computeCanaryStep(promotion, spec);
    const steps = spec.canary?.steps;
    if (!steps || step.index < 0) {
      return [
        {
          message: `The canary step ${step.percent}% is not one of ${quoteValue(spec.name)}'s steps (${steps ? steps.join(', ') : 'it has none'}).`,
          hint: steps
            ? `Give step one of ${steps.join(', ')}, starting at ${steps[0]}.`
            : `Leave step empty, or add canary: { steps: [5, 25, 100], hold: 1h } to ${spec.name} in the policy.`,
        },
      ];
    }
    if (step.previous === undefined) return [];
    return checkPreviousStep(ctx.now, promotion, { ...step, previous: step.previous }, spec.canary);
  },
};

/** The step before this one must be live for the same commit, for at least the hold. */
function checkPreviousStep(
  now: Date,
  promotion: PromotionFacts,
  step: { percent: number; previous: number },
  canary: EnvironmentSpec['canary'],
): RuleFinding[] {
  const { commit, environment } = promotion;
  const { percent, previous } = step;
  const live = findLiveDeployment(promotion.deployments, environment);
  if (live?.sha !== commit || live.percent !== previous) {
    const found = live
      ? `${quoteValue(environment)} is live with commit ${shortSha(live.sha)} at ${live.percent ?? 100}%`
      : `${quoteValue(environment)} has nothing live`;
    return [
      {
        message: `The canary step ${percent}% of commit ${shortSha(commit)} must follow its ${previous}% step, and ${found}.`,
        hint: `Promote step ${previous} first (steps go in order), then ${percent}.`,
      },
    ];
  }
  const held = now.getTime() - Date.parse(live.succeededAt ?? live.createdAt);
  const holdMs = canary?.holdMs ?? 0;
  if (held >= holdMs) return [];
  return [
    {
      message: `The ${previous}% step of commit ${shortSha(commit)} has held for ${describeDuration(held)}; the next step needs it to hold for ${canary?.hold ?? '0s'}.`,
      hint: `Promote step ${percent} at ${new Date(now.getTime() - held + holdMs).toISOString()} or later.`,
    },
  ];
}
