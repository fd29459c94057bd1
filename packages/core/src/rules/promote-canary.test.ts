import { describe, expect, it } from '@jest/globals';
import type { DeploymentEntry } from '../facts.js';
import { makeEnvironment, makePolicy } from '../testing/policies.js';
import { makeDeployment, makePromotionFacts, sha } from '../testing/promotion-facts.js';
import { promoteCanary } from './promote-canary.js';

const policy = makePolicy({
  environments: [
    makeEnvironment('production', undefined, {
      canary: { steps: [5, 25, 100], hold: '1h', holdMs: 3_600_000 },
    }),
    makeEnvironment('plain', undefined),
  ],
});
const now = new Date('2026-06-03T12:00:00Z');

function run(environment: string, step: number | undefined, deployments: DeploymentEntry[]) {
  const promotion = makePromotionFacts(environment, {
    deployments,
    ...(step !== undefined ? { step } : {}),
  });
  const ctx = { facts: { promotion }, policy, now };
  return promoteCanary.applies(ctx) ? promoteCanary.evaluate(ctx).map((f) => f.message) : 'skipped';
}

const at = (
  percent: number,
  succeededAt = '2026-06-03T10:00:00Z',
  other?: Partial<DeploymentEntry>,
) => makeDeployment(10 + percent, 'production', { percent, succeededAt, ...other });

describe('promote-canary', () => {
  it.each<[string, string, number | undefined, DeploymentEntry[], string[] | 'skipped']>([
    ['no canary and no step', 'plain', undefined, [], 'skipped'],
    ['the first step', 'production', 5, [], []],
    ['the next step, the previous held long enough', 'production', 25, [at(5)], []],
    ['the next step found by itself', 'production', undefined, [at(5)], []],
    [
      'a step out of order',
      'production',
      100,
      [at(5)],
      [
        'The canary step 100% of commit aaaaaaaaaaaa must follow its 25% step, and "production" is live with commit aaaaaaaaaaaa at 5%.',
      ],
    ],
    [
      'a second step with nothing live',
      'production',
      25,
      [],
      [
        'The canary step 25% of commit aaaaaaaaaaaa must follow its 5% step, and "production" has nothing live.',
      ],
    ],
    [
      'a second step while another commit is live',
      'production',
      25,
      [at(5, undefined, { sha: sha('b') })],
      [
        'The canary step 25% of commit aaaaaaaaaaaa must follow its 5% step, and "production" is live with commit bbbbbbbbbbbb at 5%.',
      ],
    ],
    [
      'a step before the previous one held',
      'production',
      25,
      [at(5, '2026-06-03T11:30:00Z')],
      [
        'The 5% step of commit aaaaaaaaaaaa has held for 30m; the next step needs it to hold for 1h.',
      ],
    ],
    [
      'a step the policy does not list',
      'production',
      50,
      [],
      ['The canary step 50% is not one of "production"\'s steps (5, 25, 100).'],
    ],
    [
      'a step for an environment without canary steps',
      'plain',
      5,
      [],
      ['The canary step 5% is not one of "plain"\'s steps (it has none).'],
    ],
  ])('%s', (_name, environment, step, deployments, expected) => {
    expect(run(environment, step, deployments)).toEqual(expected);
  });
});
