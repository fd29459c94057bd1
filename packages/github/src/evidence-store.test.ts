import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { DefaultArtifactClient } from '@actions/artifact';
import type { Emulator } from '@release-policy/github-emulator';
import {
  attachReleaseAsset,
  EvidenceStoreError,
  readArtifactDigest,
  uploadEvidenceArtifact,
  withDeadline,
} from './evidence-store.js';
import { createOctokit } from './octokit.js';
import { muteStdout } from './testing/actions-env.js';
import { FULL_NAME, OWNER, REPO, useEmulator } from './testing/emulator.js';

const TOKEN = 'ghs_BotToken0123456789';
const startEmulator = useEmulator({ token: TOKEN });

const KEYS = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL', 'GITHUB_SERVER_URL', 'RUNNER_TEMP'];
let saved: Record<string, string | undefined> = {};
let runnerTemp = '';

beforeEach(() => {
  saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  runnerTemp = mkdtempSync(join(tmpdir(), 'rp-evidence-'));
  process.env.RUNNER_TEMP = runnerTemp;
  process.env.GITHUB_SERVER_URL = 'https://github.com';
});

afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  rmSync(runnerTemp, { recursive: true, force: true });
});

/** An emulator whose results service the library reaches, as a runner's step would. */
async function start(): Promise<Emulator> {
  const emulator = await startEmulator();
  process.env.ACTIONS_RUNTIME_TOKEN = emulator.runtimeToken;
  process.env.ACTIONS_RESULTS_URL = `${emulator.resultsUrl}/`;
  return emulator;
}

const FILES = [
  { name: 'evidence.json', content: '{"version":"1.4.0","approvals":["ana"]}\n' },
  { name: 'evidence.md', content: '# Promotion of 1.4.0 to production\n\nApproved by ana.\n' },
];

/** Runs `call` with the library's workflow commands kept off the test output. */
async function quietly<T>(call: () => Promise<T>): Promise<T> {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await call();
  } finally {
    process.stdout.write = write;
  }
}

function sha256(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

describe('uploadEvidenceArtifact', () => {
  it('uploads the files as one zip whose digest the service records, and they download unchanged', async () => {
    const emulator = await start();
    const uploaded = await quietly(() =>
      uploadEvidenceArtifact({ name: 'promotion-production', files: FILES, retentionDays: 30 }),
    );
    const [stored] = emulator.state.artifacts;
    expect(emulator.state.artifacts).toHaveLength(1);
    expect(stored?.name).toBe('promotion-production');
    expect(stored?.finalized).toBe(true);
    expect(uploaded).toEqual({
      id: stored?.id,
      size: stored?.content?.length,
      digest: sha256(stored?.content ?? Buffer.alloc(0)),
    });
    expect(stored?.digest).toBe(uploaded.digest);
    expect(emulator.requests.map((r) => r.operationId)).toEqual([
      'results/ListArtifacts',
      'results/CreateArtifact',
      'blob/put-block',
      'blob/put-block-list',
      'results/FinalizeArtifact',
    ]);

    const into = join(runnerTemp, 'download');
    await quietly(() => new DefaultArtifactClient().downloadArtifact(uploaded.id, { path: into }));
    expect(readdirSync(into).sort()).toEqual(['evidence.json', 'evidence.md']);
    expect(readFileSync(join(into, 'evidence.md'), 'utf8')).toBe(FILES[1]?.content);
  });

  it('removes its temp folder afterwards', async () => {
    await start();
    await quietly(() => uploadEvidenceArtifact({ name: 'promotion-dev', files: FILES }));
    expect(readdirSync(runnerTemp)).toEqual([]);
  });

  it('replaces an artifact of the same name on a re-run, keeping one', async () => {
    const emulator = await start();
    const first = await quietly(() => uploadEvidenceArtifact({ name: 'promotion', files: FILES }));
    const second = await quietly(() =>
      uploadEvidenceArtifact({
        name: 'promotion',
        files: [{ name: 'evidence.json', content: '{}' }],
      }),
    );
    expect(second.id).not.toBe(first.id);
    expect(second.digest).not.toBe(first.digest);
    expect(emulator.state.artifacts.map((a) => [a.name, a.id])).toEqual([['promotion', second.id]]);
    expect(emulator.requestsFor('results/DeleteArtifact')).toHaveLength(1);
  });

  it.each([
    ['a path', '../evidence.json'],
    ['a hidden file', '.env'],
    ['a name with a space', 'evidence file.json'],
  ])('refuses %s as a file name before any request', async (_what, name) => {
    const emulator = await start();
    const upload = uploadEvidenceArtifact({ name: 'promotion', files: [{ name, content: 'x' }] });
    await expect(upload).rejects.toThrow(EvidenceStoreError);
    await expect(upload).rejects.toThrow(`The evidence file name ${JSON.stringify(name)}`);
    expect(emulator.requests).toEqual([]);
  });

  it('refuses an artifact name with a slash, naming it', async () => {
    await start();
    await expect(uploadEvidenceArtifact({ name: 'a/b', files: FILES })).rejects.toThrow(
      'The artifact name "a/b" cannot be used: it contains "/".',
    );
  });

  it('says the results service is missing when the runner gave no token', async () => {
    await start();
    delete process.env.ACTIONS_RUNTIME_TOKEN;
    const upload = quietly(() => uploadEvidenceArtifact({ name: 'promotion', files: FILES }));
    await expect(upload).rejects.toThrow(
      /Uploading the evidence artifact "promotion" failed: "Unable to get the ACTIONS_RUNTIME_TOKEN env variable"/,
    );
  });
});

describe('readArtifactDigest', () => {
  it('gives the digest of an artifact uploaded earlier in the run', async () => {
    await start();
    const uploaded = await quietly(() => uploadEvidenceArtifact({ name: 'build', files: FILES }));
    await expect(quietly(() => readArtifactDigest('build'))).resolves.toEqual({
      id: uploaded.id,
      name: 'build',
      digest: uploaded.digest,
    });
  });

  it('names the missing artifact and the ones the run has', async () => {
    await start();
    await quietly(() => uploadEvidenceArtifact({ name: 'build', files: FILES }));
    const read = quietly(() => readArtifactDigest('bundle'));
    await expect(read).rejects.toThrow(EvidenceStoreError);
    await expect(read).rejects.toThrow('This run has no artifact named "bundle" (it has "build").');
  });
});

describe('withDeadline', () => {
  it('fails a call that outlives its deadline with an error naming it', async () => {
    const never = () => new Promise<never>(() => undefined);
    await expect(withDeadline('Reading the digest of "x"', 5, never)).rejects.toThrow(
      'Reading the digest of "x" did not finish within 0 s',
    );
  });
});

describe('attachReleaseAsset', () => {
  async function startWithRelease() {
    const emulator = await startEmulator();
    const release = emulator.seed.release({ repo: FULL_NAME, tagName: 'v1.4.0' });
    const octokit = muteStdout(() =>
      createOctokit({ token: TOKEN, baseUrl: emulator.url, retryAfterBaseMs: 1 }),
    );
    const attach = (data: string) =>
      attachReleaseAsset(octokit, {
        owner: OWNER,
        repo: REPO,
        releaseId: release.id,
        name: 'evidence-production.json',
        contentType: 'application/json',
        data,
      });
    return { emulator, attach };
  }

  it('uploads to the release upload_url on the uploads host, keeping the bytes', async () => {
    const { emulator, attach } = await startWithRelease();
    const asset = await attach('{"version":"1.4.0"}');
    const [stored] = emulator.state.releaseAssets;
    expect(asset).toEqual({
      id: stored?.id,
      url: 'https://github.com/octo/service/releases/download/v1.4.0/evidence-production.json',
    });
    expect(stored?.data.toString('utf8')).toBe('{"version":"1.4.0"}');
    expect(stored?.contentType).toBe('application/json');
    expect(emulator.requestsFor('repos/upload-release-asset')).toHaveLength(1);
  });

  it('replaces an asset of the same name on a re-run', async () => {
    const { emulator, attach } = await startWithRelease();
    const first = await attach('{"attempt":1}');
    const second = await attach('{"attempt":2}');
    expect(second.id).not.toBe(first.id);
    expect(emulator.state.releaseAssets.map((a) => a.data.toString('utf8'))).toEqual([
      '{"attempt":2}',
    ]);
  });

  it('replaces an asset that another run uploaded between its delete and its upload', async () => {
    const { emulator, attach } = await startWithRelease();
    emulator.fault({ operationId: 'repos/upload-release-asset', kind: 'after-write', status: 422 });
    const asset = await attach('{"attempt":1}');
    expect(emulator.state.releaseAssets.map((a) => a.id)).toEqual([asset.id]);
    expect(emulator.requestsFor('repos/delete-release-asset')).toHaveLength(1);
  });
});
