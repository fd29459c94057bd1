import { describe, expect, it } from '@jest/globals';
import { makeEnvironment, makePolicy } from '../testing/policies.js';
import { makeDeployment, makePromotionFacts } from '../testing/promotion-facts.js';
import { promoteArtifact } from './promote-artifact.js';
import { promoteSoak } from './promote-soak.js';

const policy = makePolicy({
  environments: [
    makeEnvironment('staging', undefined),
    makeEnvironment('production', 'staging', { soak: '2d', soakMs: 2 * 86_400_000 }),
  ],
});
const live = makeDeployment(1, 'staging', {
  succeededAt: '2026-06-01T10:00:00Z',
  digest: 'sha256:1',
});

describe('promote-soak', () => {
  it.each<[string, string, string[]]>([
    ['exactly the soak time later', '2026-06-03T10:00:00Z', []],
    ['a day more than the soak', '2026-06-04T10:00:00Z', []],
    [
      'a minute short of the soak',
      '2026-06-03T09:59:00Z',
      [
        '"1.4.0" has been live in "staging" for 1d 23h (since 2026-06-01T10:00:00Z); "production" needs a soak of 2d.',
      ],
    ],
  ])('%s', (_name, now, expected) => {
    const facts = { promotion: makePromotionFacts('production', { deployments: [live] }) };
    expect(
      promoteSoak.evaluate({ facts, policy, now: new Date(now) }).map((f) => f.message),
    ).toEqual(expected);
  });

  it('names the time it may go, and skips environments without a soak', () => {
    const facts = { promotion: makePromotionFacts('production', { deployments: [live] }) };
    const [finding] = promoteSoak.evaluate({
      facts,
      policy,
      now: new Date('2026-06-02T10:00:00Z'),
    });
    expect(finding?.hint).toBe(
      'Promote it at 2026-06-03T10:00:00.000Z or later, or lower soak for production in the policy.',
    );
    const staging = { promotion: makePromotionFacts('staging') };
    expect(promoteSoak.applies({ facts: staging, policy, now: new Date() })).toBe(false);
  });
});

describe('promote-artifact', () => {
  it.each<[string, string | undefined, string[] | 'skipped']>([
    ['no artifact named', undefined, 'skipped'],
    ['the same digest', 'sha256:1', []],
    [
      'another digest',
      'sha256:2',
      [
        'The artifact "app" has the digest "sha256:2", but the deployment #1 of the same commit to "staging" recorded "sha256:1": what would go live is not what was tested there.',
      ],
    ],
  ])('%s', (_name, digest, expected) => {
    const promotion = makePromotionFacts('production', {
      deployments: [live],
      ...(digest ? { artifact: { name: 'app', digest } } : {}),
    });
    const ctx = { facts: { promotion }, policy, now: new Date() };
    expect(
      promoteArtifact.applies(ctx)
        ? promoteArtifact.evaluate(ctx).map((f) => f.message)
        : 'skipped',
    ).toEqual(expected);
  });
});
