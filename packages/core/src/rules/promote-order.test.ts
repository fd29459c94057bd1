import { describe, expect, it } from '@jest/globals';
import type { DeploymentEntry } from '../facts.js';
import { makeChainEnvironments, makePolicy } from '../testing/policies.js';
import { makeDeployment, makePromotionFacts, sha } from '../testing/promotion-facts.js';
import { promoteEnvironment } from './promote-environment.js';
import { promoteOrder } from './promote-order.js';

const now = new Date('2026-06-03T10:00:00Z');
const policy = makePolicy({ environments: makeChainEnvironments() });

function run(environment: string, deployments: DeploymentEntry[], rollback = false) {
  const facts = { promotion: makePromotionFacts(environment, { deployments, rollback }) };
  const ctx = { facts, policy, now };
  return promoteOrder.applies(ctx) ? promoteOrder.evaluate(ctx).map((f) => f.message) : 'skipped';
}

describe('promote-order', () => {
  it.each<[string, string, DeploymentEntry[], boolean, string[] | 'skipped']>([
    ['the first environment', 'dev', [], false, 'skipped'],
    ['a rollback, which passed the order once', 'staging', [], true, 'skipped'],
    [
      'the same commit live in the previous environment',
      'staging',
      [makeDeployment(1, 'test')],
      false,
      [],
    ],
    [
      'the same commit replaced since in the previous environment',
      'staging',
      [makeDeployment(1, 'test', { state: 'inactive' })],
      false,
      [],
    ],
    [
      'nothing in the previous environment',
      'staging',
      [makeDeployment(1, 'dev')],
      false,
      [
        `"1.4.0" (commit aaaaaaaaaaaa) cannot go to "staging": it must first be deployed in full to "test", and "test" has no successful deployment at all.`,
      ],
    ],
    [
      'another commit in the previous environment',
      'production',
      [makeDeployment(2, 'staging', { sha: sha('b'), version: '1.3.9' })],
      false,
      [
        `"1.4.0" (commit aaaaaaaaaaaa) cannot go to "production": it must first be deployed in full to "staging", and "staging" holds "1.3.9" (commit bbbbbbbbbbbb) instead.`,
      ],
    ],
    [
      'the commit only at a canary step in the previous environment',
      'production',
      [makeDeployment(3, 'staging', { percent: 25 })],
      false,
      [
        `"1.4.0" (commit aaaaaaaaaaaa) cannot go to "production": it must first be deployed in full to "staging", and "staging" holds "1.4.0" (commit aaaaaaaaaaaa) instead.`,
      ],
    ],
    [
      'a failed deployment of the commit in the previous environment',
      'test',
      [makeDeployment(4, 'dev', { state: 'failure', succeededAt: undefined })],
      false,
      [
        `"1.4.0" (commit aaaaaaaaaaaa) cannot go to "test": it must first be deployed in full to "dev", and "dev" has no successful deployment at all.`,
      ],
    ],
  ])('%s', (_name, environment, deployments, rollback, expected) => {
    expect(run(environment, deployments, rollback)).toEqual(expected);
  });

  it('says how to satisfy it', () => {
    const facts = { promotion: makePromotionFacts('test') };
    expect(promoteOrder.evaluate({ facts, policy, now })[0]?.hint).toBe(
      `Promote commit ${sha('a')} to dev first, then promote it to test.`,
    );
  });
});

describe('promote-environment', () => {
  it.each<[string, string[]]>([
    ['production', []],
    [
      'prod',
      [
        'The environment "prod" is not in the policy\'s environments ("dev", "test", "staging", "production"), so nothing says what it demands.',
      ],
    ],
  ])('%s', (environment, expected) => {
    const facts = { promotion: makePromotionFacts(environment) };
    expect(promoteEnvironment.evaluate({ facts, policy, now }).map((f) => f.message)).toEqual(
      expected,
    );
  });

  it('skips runs without promotion facts', () => {
    expect(promoteEnvironment.applies({ facts: {}, policy, now })).toBe(false);
  });
});
