import { describe, expect, it } from '@jest/globals';
import { evaluate } from '../../engine.js';
import { makeChainEnvironments, makePolicy } from '../../testing/policies.js';
import {
  makeApproval,
  makeDeployment,
  makePromotionFacts,
  sha,
} from '../../testing/promotion-facts.js';
import { buildEvidenceRecord, readEvidencePayload } from './evidence.js';
import { promoteCheck } from './index.js';

const now = new Date('2026-06-03T10:00:00Z');
const policy = makePolicy({ environments: makeChainEnvironments() });
const deployments = [
  makeDeployment(1, 'production', { sha: sha('b'), version: '1.3.0' }),
  makeDeployment(2, 'staging'),
];

describe('the promote check', () => {
  it('passes a version that went through staging, approved by one person, and says what was live', () => {
    const promotion = makePromotionFacts('production', {
      deployments,
      approvals: [makeApproval('alice')],
    });
    const evaluation = evaluate({ promotion }, policy, now, { checks: ['promote'] });
    expect(evaluation).toMatchObject({ ok: true, findings: [] });
    expect(evaluation.ran).toEqual([
      'promote-environment',
      'promote-order',
      'promote-approvals',
      'promote-exclusive',
    ]);
    expect(promoteCheck.summarize({ promotion }, policy)).toEqual({
      'previous-version': '1.3.0',
      percent: 100,
    });
    expect(promoteCheck.describe({ 'previous-version': '1.3.0', percent: 100 }, policy)).toEqual({
      'previous version': '1.3.0',
      percent: '100%',
    });
  });

  it('returns every refusal at once, each naming its rule', () => {
    const promotion = makePromotionFacts('production', { approvals: [] });
    const evaluation = evaluate({ promotion }, policy, now, { checks: ['promote'] });
    expect(evaluation.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual([
      'promote-approvals:error',
      'promote-order:error',
    ]);
    expect(evaluation.findings.map((f) => f.docs)).toEqual([
      'docs/rules.md#promote-approvals',
      'docs/rules.md#promote-order',
    ]);
  });

  it('lets the policy turn a rule off', () => {
    const promotion = makePromotionFacts('production', { deployments, approvals: [] });
    const off = makePolicy({ rules: { 'promote-approvals': 'off' } });
    expect(evaluate({ promotion }, off, now, { checks: ['promote'] }).ok).toBe(true);
  });
});

describe('the evidence record', () => {
  it('records the version, approvals, window, checks and previous version, and reads back from a payload', () => {
    const promotion = makePromotionFacts('production', {
      deployments: [deployments[0]!, makeDeployment(2, 'staging', { digest: 'sha256:abc' })],
      approvals: [makeApproval('alice')],
      artifact: { name: 'app', digest: 'sha256:abc' },
    });
    const evaluation = evaluate({ promotion }, policy, now, { checks: ['promote'] });
    const record = buildEvidenceRecord(promotion, policy, evaluation, now);
    expect(record).toEqual({
      format: 'release-policy/evidence@1',
      environment: 'production',
      version: '1.4.0',
      commit: sha('a'),
      artifact: { name: 'app', digest: 'sha256:abc' },
      percent: 100,
      rollback: false,
      previousVersion: '1.3.0',
      approvals: [{ login: 'alice', environment: 'production', at: '2026-06-03T10:00:00Z' }],
      window: 'open: no windows or freezes apply',
      checks: {
        passed: [
          'promote-environment',
          'promote-order',
          'promote-artifact',
          'promote-approvals',
          'promote-exclusive',
        ],
        findings: [],
      },
      run: { id: 77, starter: 'carol' },
      at: '2026-06-03T10:00:00.000Z',
    });
    expect(readEvidencePayload(JSON.stringify({ 'release-policy': record }))).toEqual({
      version: '1.4.0',
      digest: 'sha256:abc',
      runId: 77,
      approvers: ['alice'],
    });
  });

  it.each<[string, unknown]>([
    ['no payload', {}],
    ['a payload of another tool', { 'release-policy': 'x' }],
    ['text that is not JSON', '{not json'],
    ['null', null],
  ])('reads nothing from %s', (_name, payload) => {
    expect(readEvidencePayload(payload)).toEqual({});
  });
});
