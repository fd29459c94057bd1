import { describe, expect, it } from '@jest/globals';
import type { DeploymentEntry } from '../facts.js';
import { makePolicy } from '../testing/policies.js';
import { makeDeployment, makePromotionFacts, sha } from '../testing/promotion-facts.js';
import { promoteExclusive } from './promote-exclusive.js';
import { promoteRollback } from './promote-rollback.js';

const policy = makePolicy();
const now = new Date('2026-06-03T12:00:00Z');

describe('promote-rollback', () => {
  it.each<[string, DeploymentEntry[], string[]]>([
    [
      'a previous version before the live one',
      [
        makeDeployment(1, 'production', { sha: sha('b'), version: '1.3.0', state: 'inactive' }),
        makeDeployment(2, 'production'),
      ],
      [],
    ],
    [
      'only the live version',
      [makeDeployment(2, 'production')],
      [
        '"production" has nothing to roll back to: "1.4.0" is live and no other version went live there before it.',
      ],
    ],
    [
      'a previous deployment of the same commit only',
      [makeDeployment(1, 'production', { state: 'inactive' }), makeDeployment(2, 'production')],
      [
        '"production" has nothing to roll back to: "1.4.0" is live and no other version went live there before it.',
      ],
    ],
    [
      "GitHub's own job deployments (no record) after the live one and before it count for nothing",
      [
        makeDeployment(1, 'production', { sha: sha('b'), version: '1.3.0', state: 'inactive' }),
        makeDeployment(2, 'production', { sha: sha('c'), version: 'main', unrecorded: true }),
        makeDeployment(3, 'production'),
        makeDeployment(4, 'production', { sha: sha('c'), version: 'main', unrecorded: true }),
      ],
      [],
    ],
    [
      'only job deployments besides the live one',
      [
        makeDeployment(1, 'production', { sha: sha('c'), version: 'main', unrecorded: true }),
        makeDeployment(2, 'production'),
        makeDeployment(3, 'production', { sha: sha('c'), version: 'main', unrecorded: true }),
      ],
      [
        '"production" has nothing to roll back to: "1.4.0" is live and no other version went live there before it.',
      ],
    ],
    [
      'nothing live',
      [],
      ['"production" has nothing to roll back from: no deployment there is live.'],
    ],
  ])('%s', (_name, deployments, expected) => {
    const promotion = makePromotionFacts('production', { rollback: true, deployments });
    expect(
      promoteRollback.evaluate({ facts: { promotion }, policy, now }).map((f) => f.message),
    ).toEqual(expected);
  });

  it('applies to rollbacks only', () => {
    const promotion = makePromotionFacts('production');
    expect(promoteRollback.applies({ facts: { promotion }, policy, now })).toBe(false);
  });
});

describe('promote-exclusive', () => {
  it.each<[string, DeploymentEntry[], string[]]>([
    ['nothing running', [makeDeployment(1, 'production')], []],
    [
      "its own run's deployment, left by a failed attempt",
      [makeDeployment(1, 'production', { state: 'in_progress', runId: 77 })],
      [],
    ],
    [
      'a run in another environment',
      [makeDeployment(1, 'staging', { state: 'in_progress', runId: 5 })],
      [],
    ],
    [
      'another run in progress',
      [makeDeployment(3, 'production', { state: 'in_progress', runId: 5, version: '1.5.0' })],
      [
        'Another promotion of "production" is in progress: deployment #3 of "1.5.0" by run 5, created 2026-06-01T00:00:00Z.',
      ],
    ],
    [
      'a deployment queued by something else',
      [makeDeployment(4, 'production', { state: 'queued' })],
      [
        'Another promotion of "production" is queued: deployment #4 of "1.4.0", created 2026-06-01T00:00:00Z.',
      ],
    ],
  ])('%s', (_name, deployments, expected) => {
    const promotion = makePromotionFacts('production', { deployments });
    expect(
      promoteExclusive.evaluate({ facts: { promotion }, policy, now }).map((f) => f.message),
    ).toEqual(expected);
  });
});
