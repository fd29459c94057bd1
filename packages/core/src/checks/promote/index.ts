/**
 * The promote check: may this version go to this environment now? Order,
 * artifact digest, soak, approvals, windows and freezes, canary steps,
 * rollback and one promotion at a time, each a rule; the action then creates
 * the deployment and its evidence record.
 */
import { promoteApprovals } from '../../rules/promote-approvals.js';
import { promoteArtifact } from '../../rules/promote-artifact.js';
import { promoteCanary } from '../../rules/promote-canary.js';
import { promoteEnvironment } from '../../rules/promote-environment.js';
import { promoteExclusive } from '../../rules/promote-exclusive.js';
import { promoteOrder } from '../../rules/promote-order.js';
import { promoteRollback } from '../../rules/promote-rollback.js';
import { promoteSoak } from '../../rules/promote-soak.js';
import { promoteWindow } from '../../rules/promote-window.js';
import { defineCheck, type CheckValues } from '../types.js';
import { computeCanaryStep, findEnvironmentSpec, findLiveDeployment } from './plan.js';
import { environmentsSection } from './section.js';

/** The promote check. */
export const promoteCheck = defineCheck({
  name: 'promote',
  title: 'Promotion',
  action: 'promote',
  command: {
    name: 'promote',
    summary:
      'check whether a version may be promoted to an environment now (order, soak, windows, canary)',
    usage: '--environment NAME [VERSION] [--repo OWNER/NAME]',
    positional: 'version',
    example: 'release-policy promote --environment production 1.4.0',
    standalone: true,
  },
  sections: [environmentsSection],
  rules: [
    promoteEnvironment,
    promoteRollback,
    promoteOrder,
    promoteArtifact,
    promoteSoak,
    promoteWindow,
    promoteApprovals,
    promoteCanary,
    promoteExclusive,
  ],
  needs: ['promotion'],
  outputs: [
    {
      name: 'deployment-id',
      description: 'The id of the GitHub Deployment created; empty when none was.',
    },
    {
      name: 'previous-version',
      description:
        'The version live in the environment before this promotion; empty when none was.',
    },
    {
      name: 'url',
      description: "The web address of the deployment's environment; empty when none was created.",
    },
    {
      name: 'percent',
      description: 'The canary percent this promotion goes live at (100 for a full one).',
    },
  ],
  summarize(facts, policy): CheckValues {
    const promotion = facts.promotion;
    if (!promotion) return {};
    const spec = findEnvironmentSpec(policy, promotion.environment);
    const live = findLiveDeployment(promotion.deployments, promotion.environment);
    return {
      'previous-version': live?.version,
      percent: spec ? computeCanaryStep(promotion, spec).percent : undefined,
    };
  },
  describe(values): Record<string, string> {
    const shown: Record<string, string> = {};
    if (values['previous-version'] !== undefined)
      shown['previous version'] = String(values['previous-version']);
    if (values.percent !== undefined) shown.percent = `${String(values.percent)}%`;
    return shown;
  },
});
