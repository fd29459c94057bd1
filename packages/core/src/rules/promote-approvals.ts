import {
  listApprovalEnvironments,
  tallyApprovals,
  type ApprovalRefusal,
} from '../checks/promote/plan.js';
import { plural, quoteValue } from '../text.js';
import { readPromotion } from './promote-context.js';
import type { Rule } from './types.js';

const WHY: Record<ApprovalRefusal, string> = {
  bot: 'a bot account',
  permission: 'has less than write permission',
  author: "the commit's author",
  starter: 'started the run',
  'not-listed': 'not in approvals.from (neither listed nor a member of a listed team)',
  'not-approved': 'did not approve',
  duplicate: 'counted once already',
};

/** The promotion has the distinct approvals the environment demands. */
export const promoteApprovals: Rule = {
  id: 'promote-approvals',
  check: 'promote',
  description:
    "Enough distinct people with write permission approved the run for the environment (not the author or the starter unless allow-self; never a bot), plus the emergency's extra approvals.",
  defaultSeverity: 'error',
  applies: (ctx) => readPromotion(ctx)?.promotion.approvals !== undefined,
  evaluate(ctx) {
    const read = readPromotion(ctx);
    if (!read) return [];
    const { promotion, spec } = read;
    const tally = tallyApprovals(promotion, spec);
    if (tally.counted.length >= tally.required) return [];
    const counted = tally.counted.map((a) => quoteValue(a.login)).join(', ') || 'none';
    const refused = tally.refused.map((r) => `${quoteValue(r.approval.login)} (${WHY[r.why]})`);
    const gates = listApprovalEnvironments(spec.name, tally.required);
    const from = spec.approvals.from.length > 0 ? ` from ${spec.approvals.from.join(', ')}` : '';
    return [
      {
        message:
          `${quoteValue(spec.name)} needs ${plural(tally.required, 'distinct approval')}` +
          `${promotion.emergency !== undefined ? ' (the emergency adds ' + spec.emergency.extraApprovals + ')' : ''}; ` +
          `${tally.counted.length} counted: ${counted}` +
          (refused.length > 0 ? `; not counted: ${refused.join(', ')}` : '') +
          '.',
        hint:
          `Have ${tally.required - tally.counted.length} more ${tally.required - tally.counted.length === 1 ? 'person' : 'people'} with write permission${from} ` +
          `approve the run's review of ${gates.join(', ')} (one gate job per environment; see docs/actions.md#promote-approvals).`,
      },
    ];
  },
};
