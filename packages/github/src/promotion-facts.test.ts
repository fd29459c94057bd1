import { describe, expect, it } from '@jest/globals';
import { evaluate, loadPolicy } from '@release-policy/core';
import { useEmulator } from '@release-policy/github-emulator/testing';
import { createOctokit } from './octokit.js';
import { gatherPromotionFacts } from './promotion-facts.js';
import { readPromotionArtifact, type EvidenceStore } from './promotion-evidence.js';

const TOKEN = 'ghs_PromotionFactsToken0123456789abcdefAB';
const start = useEmulator({ repos: ['octo-org/app'], token: TOKEN });
const policy = loadPolicy(
  'environments:\n  - name: staging\n    after: none\n  - name: production\n',
  'policy.yml',
);
const now = new Date('2026-06-03T10:00:00Z');

/** An artifact service that knows one artifact of the run. */
function storeWith(digest: string): EvidenceStore {
  return {
    readArtifactDigest: (name) => Promise.resolve({ id: 1, name, digest }),
    uploadEvidenceArtifact: () => Promise.reject(new Error('not part of this test')),
    attachReleaseAsset: () => Promise.reject(new Error('not part of this test')),
  };
}

describe('gatherPromotionFacts', () => {
  it.each([
    ['the digest staging recorded', 'sha256:1', []],
    ['another digest', 'sha256:2', ['promote-artifact']],
  ])('compares the artifact digest with %s', async (_name, digest, rules) => {
    const emulator = await start();
    const sha = 'a'.repeat(40);
    emulator.seed.commit({ repo: 'octo-org/app', sha, message: 'feat: x', authorLogin: 'dave' });
    emulator.seed.ref({ repo: 'octo-org/app', ref: 'refs/tags/v1.4.0', sha });
    const staging = emulator.seed.deployment({
      repo: 'octo-org/app',
      sha,
      ref: 'v1.4.0',
      environment: 'staging',
      payload: {
        'release-policy': { version: '1.4.0', artifact: { name: 'app', digest: 'sha256:1' } },
      },
    });
    emulator.seed.deploymentStatus({
      repo: 'octo-org/app',
      deploymentId: staging.id,
      state: 'success',
    });
    const octokit = createOctokit({ token: TOKEN, baseUrl: emulator.url });
    const artifact = await readPromotionArtifact('app', storeWith(digest));
    const promotion = await gatherPromotionFacts({
      octokit,
      repo: { owner: 'octo-org', repo: 'app' },
      policy,
      request: { environment: 'production', version: '1.4.0', artifact, rollback: false },
      now,
    });
    expect(promotion).toMatchObject({
      commit: sha,
      author: 'dave',
      artifact: { name: 'app', digest },
      deployments: [
        { id: staging.id, environment: 'staging', digest: 'sha256:1', state: 'success' },
      ],
    });
    expect(promotion.approvals).toBeUndefined();
    const evaluation = evaluate({ promotion }, policy, now, { checks: ['promote'] });
    expect(evaluation.findings.map((f) => f.rule)).toEqual(rules);
  });

  it('names a version whose tag does not exist', async () => {
    const emulator = await start();
    const octokit = createOctokit({ token: TOKEN, baseUrl: emulator.url });
    await expect(
      gatherPromotionFacts({
        octokit,
        repo: { owner: 'octo-org', repo: 'app' },
        policy,
        request: { environment: 'production', version: '9.9.9', rollback: false },
        now,
      }),
    ).rejects.toThrow('The ref "v9.9.9" names no commit of octo-org/app.');
  });
});
