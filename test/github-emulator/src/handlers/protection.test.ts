import { describe, expect, it } from '@jest/globals';
import { createClient } from '../client.js';
import { useEmulator } from '../testing.js';
import { matchRulesetPattern } from './protection.js';

const startEmulator = useEmulator({ repos: ['octo-org/app'] });

async function start() {
  const em = await startEmulator();
  const sha = 'a'.repeat(40);
  for (const branch of ['main', 'release/1.4', 'release/1.4/hotfix', 'feature/x']) {
    em.seed.ref({ repo: 'octo-org/app', ref: `refs/heads/${branch}`, sha });
  }
  return { em, call: createClient(em.url) };
}

describe('matchRulesetPattern', () => {
  it.each<[string, string, boolean]>([
    ['refs/heads/release/*', 'refs/heads/release/1.4', true],
    ['refs/heads/release/*', 'refs/heads/release/1.4/hotfix', false],
    ['refs/heads/release/**', 'refs/heads/release/1.4/hotfix', true],
    ['refs/heads/main', 'refs/heads/main', true],
    ['refs/heads/main', 'refs/heads/mainline', false],
    ['refs/tags/v*', 'refs/tags/v1.2.3', true],
    ['refs/tags/v?.*', 'refs/tags/v1.2', true],
    ['refs/tags/v*', 'refs/heads/v1', false],
  ])('%j against %j is %j', (pattern, ref, expected) => {
    expect(matchRulesetPattern(pattern, ref)).toBe(expected);
  });
});

describe('branch protection', () => {
  it('answers a protected branch with its settings', async () => {
    const { em, call } = await start();
    em.seed.branchProtection({
      repo: 'octo-org/app',
      branch: 'main',
      requiredChecks: ['release-policy / release policy'],
      allowForcePushes: true,
    });
    const res = await call<{
      required_status_checks: { contexts: string[] };
      required_pull_request_reviews: { required_approving_review_count: number };
      allow_force_pushes: { enabled: boolean };
      allow_deletions: { enabled: boolean };
    }>('GET', '/repos/octo-org/app/branches/main/protection');
    expect(res.status).toBe(200);
    expect(res.body.required_status_checks.contexts).toEqual(['release-policy / release policy']);
    expect(res.body.required_pull_request_reviews.required_approving_review_count).toBe(1);
    expect([res.body.allow_force_pushes.enabled, res.body.allow_deletions.enabled]).toEqual([
      true,
      false,
    ]);
  });

  it('tells an unprotected branch from a missing one, both 404', async () => {
    const { call } = await start();
    const unprotected = await call<{ message: string }>(
      'GET',
      '/repos/octo-org/app/branches/feature%2Fx/protection',
    );
    const missing = await call<{ message: string }>(
      'GET',
      '/repos/octo-org/app/branches/nope/protection',
    );
    expect([unprotected.status, unprotected.body.message]).toEqual([404, 'Branch not protected']);
    expect([missing.status, missing.body.message]).toEqual([404, 'Branch not found']);
  });

  it('answers 403 to a token without the permission, through a fault', async () => {
    const { em, call } = await start();
    em.fault({ operationId: 'repos/get-branch-protection', kind: 'forbidden', times: Infinity });
    const res = await call<{ message: string }>(
      'GET',
      '/repos/octo-org/app/branches/main/protection',
    );
    expect([res.status, res.body.message]).toEqual([403, 'Resource not accessible by integration']);
  });
});

describe('rulesets', () => {
  async function seeded() {
    const started = await start();
    const branches = started.em.seed.ruleset({
      repo: 'octo-org/app',
      name: 'lines',
      include: ['~DEFAULT_BRANCH', 'refs/heads/release/*'],
      exclude: ['refs/heads/release/0.*'],
      rules: [
        { type: 'pull_request', requiredApprovals: 2 },
        { type: 'required_status_checks', contexts: ['ci'], strict: true },
        { type: 'non_fast_forward' },
      ],
    });
    const tags = started.em.seed.ruleset({
      repo: 'octo-org/app',
      name: 'release tags',
      target: 'tag',
      include: ['refs/tags/v*'],
      rules: [{ type: 'update' }, { type: 'deletion' }],
    });
    started.em.seed.ruleset({
      repo: 'octo-org/app',
      name: 'off',
      enforcement: 'disabled',
      include: ['~ALL'],
      rules: [{ type: 'deletion' }],
    });
    return { ...started, branches, tags };
  }

  it('lists rulesets without their rules, filtered by target', async () => {
    const { call, tags } = await seeded();
    const all = await call<{ name: string; rules?: unknown }[]>(
      'GET',
      '/repos/octo-org/app/rulesets',
    );
    expect(all.body.map((r) => [r.name, r.rules])).toEqual([
      ['lines', undefined],
      ['release tags', undefined],
      ['off', undefined],
    ]);
    const onlyTags = await call<{ id: number }[]>(
      'GET',
      '/repos/octo-org/app/rulesets?targets=tag',
    );
    expect(onlyTags.body.map((r) => r.id)).toEqual([tags.id]);
  });

  it('answers one ruleset with its conditions and rules', async () => {
    const { call, tags } = await seeded();
    const res = await call<{
      conditions: { ref_name: { include: string[] } };
      rules: { type: string }[];
    }>('GET', `/repos/octo-org/app/rulesets/${tags.id}`);
    expect(res.body.conditions.ref_name.include).toEqual(['refs/tags/v*']);
    expect(res.body.rules.map((r) => r.type)).toEqual(['update', 'deletion']);
    expect((await call('GET', '/repos/octo-org/app/rulesets/1')).status).toBe(404);
  });

  it.each<[string, string[]]>([
    ['main', ['pull_request', 'required_status_checks', 'non_fast_forward']],
    ['release%2F1.4', ['pull_request', 'required_status_checks', 'non_fast_forward']],
    ['release%2F1.4%2Fhotfix', []],
    ['release%2F0.9', []],
    ['feature%2Fx', []],
  ])('gives the active rules for branch %s', async (branch, types) => {
    const { call, branches } = await seeded();
    const res = await call<{ type: string; ruleset_id: number }[]>(
      'GET',
      `/repos/octo-org/app/rules/branches/${branch}`,
    );
    expect(res.body.map((r) => r.type)).toEqual(types);
    expect(new Set(res.body.map((r) => r.ruleset_id))).toEqual(
      new Set(types.length ? [branches.id] : []),
    );
  });
});
