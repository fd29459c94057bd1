/**
 * What the promotion rules share: the promotion facts and the entry of the
 * environment they target, when both are there.
 */
import { findEnvironmentSpec } from '../checks/promote/plan.js';
import type { EnvironmentSpec } from '../checks/promote/section.js';
import type { PromotionFacts } from '../facts.js';
import type { RuleContext } from './types.js';

/** The promotion and its environment's policy; undefined without facts or for an unlisted environment. */
export function readPromotion(
  ctx: RuleContext,
): { promotion: PromotionFacts; spec: EnvironmentSpec } | undefined {
  const promotion = ctx.facts.promotion;
  if (!promotion) return undefined;
  const spec = findEnvironmentSpec(ctx.policy, promotion.environment);
  return spec ? { promotion, spec } : undefined;
}

/** The first 12 digits of a commit, for messages. */
export function shortSha(sha: string): string {
  return sha.slice(0, 12);
}
