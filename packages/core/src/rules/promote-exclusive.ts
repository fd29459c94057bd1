import { quoteValue } from '../text.js';
import { readPromotion } from './promote-context.js';
import type { Rule } from './types.js';

const RUNNING = ['queued', 'pending', 'in_progress'];

/** No other promotion of the same environment is running. */
export const promoteExclusive: Rule = {
  id: 'promote-exclusive',
  check: 'promote',
  description:
    'No deployment of the environment from another run is still queued or in progress: one promotion at a time.',
  defaultSeverity: 'error',
  applies: (ctx) => readPromotion(ctx) !== undefined,
  evaluate(ctx) {
    const read = readPromotion(ctx);
    if (!read) return [];
    const { promotion, spec } = read;
    return promotion.deployments
      .filter(
        (d) =>
          d.environment === spec.name &&
          RUNNING.includes(d.state) &&
          (d.runId === undefined || d.runId !== promotion.runId),
      )
      .map((d) => ({
        message:
          `Another promotion of ${quoteValue(spec.name)} is ${d.state.replace('_', ' ')}: deployment #${d.id} of ` +
          `${quoteValue(d.version)}${d.runId !== undefined ? ` by run ${d.runId}` : ''}, created ${d.createdAt}.`,
        hint: "Wait for it to finish and run this promotion again; if its run died, set the deployment's status to failure or inactive first.",
      }));
  },
};
