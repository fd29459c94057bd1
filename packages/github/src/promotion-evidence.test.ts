import { describe, expect, it } from '@jest/globals';
import type { EvidenceRecord } from '@release-policy/core';
import { useEmulator } from '@release-policy/github-emulator/testing';
import { createOctokit } from './octokit.js';
import {
  nameEvidenceFiles,
  readPromotionArtifact,
  storePromotionEvidence,
  type EvidenceStore,
} from './promotion-evidence.js';
import type { EvidenceFile } from './evidence-store.js';

const TOKEN = 'ghs_EvidenceToken0123456789abcdefABCDEF';
const start = useEmulator({ repos: ['octo-org/app'], token: TOKEN });
const record: EvidenceRecord = {
  format: 'release-policy/evidence@1',
  environment: 'production',
  version: '1.4.0',
  commit: 'a'.repeat(40),
  percent: 100,
  rollback: false,
  approvals: [],
  window: 'open: no windows or freezes apply',
  checks: { passed: [], findings: [] },
  at: '2026-06-03T10:00:00.000Z',
};

/** A store that keeps what it was given, as the artifact service and release assets would. */
function createMemoryStore(digest = 'sha256:1') {
  const uploads: { name: string; files: readonly EvidenceFile[] }[] = [];
  const assets: { releaseId: number; name: string; data: string }[] = [];
  const store: EvidenceStore = {
    uploadEvidenceArtifact: (options) => {
      uploads.push({ name: options.name, files: options.files });
      return Promise.resolve({ id: uploads.length, size: 1, digest: undefined });
    },
    readArtifactDigest: (name) => Promise.resolve({ id: 9, name, digest }),
    attachReleaseAsset: (_octokit, options) => {
      assets.push({ releaseId: options.releaseId, name: options.name, data: options.data });
      return Promise.resolve({ id: 5, url: `https://example.test/${options.name}` });
    },
  };
  return { store, uploads, assets };
}

describe('promotion evidence storage', () => {
  it('names the files after the environment, version and percent', () => {
    expect(nameEvidenceFiles({ ...record, version: '1.4.0+build/7' })).toEqual({
      json: 'promotion-production-1.4.0-build-7-100.json',
      markdown: 'promotion-production-1.4.0-build-7-100.md',
      artifact: 'promotion-production-1.4.0-build-7-100',
    });
  });

  it("reads the artifact input's digest through the store", async () => {
    expect(await readPromotionArtifact('app', createMemoryStore('sha256:77').store)).toEqual({
      name: 'app',
      digest: 'sha256:77',
    });
  });

  it('uploads the JSON and Markdown, and attaches the JSON to the release of a production version', async () => {
    const emulator = await start();
    const release = emulator.seed.release({ repo: 'octo-org/app', tagName: 'v1.4.0' });
    const octokit = createOctokit({ token: TOKEN, baseUrl: emulator.url });
    const memory = createMemoryStore();
    const repo = { owner: 'octo-org', repo: 'app' };
    const stored = await storePromotionEvidence(
      { octokit, repo, record, markdown: '| evidence |', releaseTag: 'v1.4.0' },
      memory.store,
    );
    expect(stored).toEqual({
      artifactId: 1,
      assetUrl: 'https://example.test/promotion-production-1.4.0-100.json',
    });
    expect(memory.uploads.map((u) => [u.name, u.files.map((f) => f.name)])).toEqual([
      [
        'promotion-production-1.4.0-100',
        ['promotion-production-1.4.0-100.json', 'promotion-production-1.4.0-100.md'],
      ],
    ]);
    expect(memory.assets.map((a) => [a.releaseId, a.name, JSON.parse(a.data)])).toEqual([
      [release.id, 'promotion-production-1.4.0-100.json', record],
    ]);
    const none = await storePromotionEvidence(
      { octokit, repo, record, markdown: '', releaseTag: 'v9.9.9' },
      memory.store,
    );
    expect([none, memory.assets]).toEqual([{ artifactId: 2 }, expect.any(Array)]);
    expect(memory.assets).toHaveLength(1);
  });
});
