/**
 * The promote action's evidence beyond the deployment payload, from its
 * committed bundle against the emulator's artifact service and release
 * assets: the `artifact` input's digest recorded and compared between
 * environments, the evidence record uploaded as an artifact of the run, and a
 * production promotion's record attached to the version's release (once, also
 * on a re-run).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Emulator } from '@release-policy/github-emulator';
import { failureMessage, readFindings, startE2eEmulator } from './helpers.js';
import { runPromote, seedPromoteRepo } from './promote-helpers.js';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startE2eEmulator({ repos: ['octo-org/evidence', 'octo-org/no-artifact'] });
});

afterAll(async () => {
  try {
    emulator.assertNoViolations();
  } finally {
    await emulator.close();
  }
});

const POLICY = `environments:
  - name: staging
    after: none
  - name: production
`;

/** The run and job the emulator's runtime token names (`Actions.Results:<run>:<job>`). */
function readBackendIds(token: string): { run: string; job: string } {
  const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
    scp: string;
  };
  const scope = claims.scp.split(' ').find((s) => s.startsWith('Actions.Results:')) ?? '';
  const [, run = '', job = ''] = scope.split(':');
  return { run, job };
}

function sha256(content: string): string {
  return `sha256:${createHash('sha256').update(content).digest('hex')}`;
}

/** Puts an artifact named `name` holding `content` into the run, as an earlier upload step would. */
function seedBuildArtifact(name: string, content: string): string {
  const { run, job } = readBackendIds(emulator.runtimeToken);
  emulator.state.artifacts = emulator.state.artifacts.filter((a) => a.name !== name);
  const bytes = Buffer.from(content);
  emulator.state.artifacts.push({
    id: 9000 + emulator.state.artifacts.length,
    runBackendId: run,
    jobBackendId: job,
    name,
    mimeType: 'application/zip',
    expiresAt: null,
    finalized: true,
    blocks: new Map(),
    content: bytes,
    contentType: 'application/zip',
    size: bytes.length,
    digest: sha256(content),
    createdAt: new Date().toISOString(),
  });
  return sha256(content);
}

/** The evidence record of a deployment. */
function readRecord(id: string | undefined): Record<string, unknown> | undefined {
  const payload = emulator.state.deployments.find((d) => d.id === Number(id))?.payload as
    Record<string, Record<string, unknown>> | undefined;
  return payload?.['release-policy'];
}

describe('promote action evidence', () => {
  it('records the build artifact in staging, refuses another build in production, then stores the evidence', async () => {
    const repo = seedPromoteRepo(emulator, 'evidence', POLICY, ['1.4.0']);
    const release = emulator.seed.release({ repo: repo.fullName, tagName: 'v1.4.0' });
    const built = seedBuildArtifact('app-build', 'build of 1.4.0\n');

    const staging = await runPromote(emulator, repo, {
      runId: 501,
      inputs: { environment: 'staging', version: '1.4.0', artifact: 'app-build' },
    });
    expect(failureMessage(staging)).toBe('');
    expect(readRecord(staging.outputs['deployment-id'])).toMatchObject({
      artifact: { name: 'app-build', digest: built },
    });

    const rebuilt = seedBuildArtifact('app-build', 'another build of 1.4.0\n');
    const refused = await runPromote(emulator, repo, {
      runId: 502,
      inputs: { environment: 'production', version: '1.4.0', artifact: 'app-build' },
    });
    expect(refused.exitCode).toBe(1);
    expect(readFindings(refused).map((f) => [f.rule, f.message])).toEqual([
      [
        'promote-artifact',
        `The artifact "app-build" has the digest "${rebuilt}", but the deployment #${staging.outputs['deployment-id']} ` +
          `of the same commit to "staging" recorded "${built}": what would go live is not what was tested there.`,
      ],
    ]);

    seedBuildArtifact('app-build', 'build of 1.4.0\n');
    for (const attempt of [1, 2]) {
      const production = await runPromote(emulator, repo, {
        runId: 503,
        inputs: { environment: 'production', version: '1.4.0', artifact: 'app-build' },
      });
      expect([attempt, failureMessage(production)]).toEqual([attempt, '']);
    }
    const evidence = emulator.state.artifacts.filter(
      (a) => a.name === 'promotion-production-1.4.0-100',
    );
    expect(evidence.map((a) => [a.finalized, a.digest?.startsWith('sha256:')])).toEqual([
      [true, true],
    ]);
    const assets = emulator.state.releaseAssets.filter((a) => a.releaseId === release.id);
    expect(assets.map((a) => [a.name, a.contentType])).toEqual([
      ['promotion-production-1.4.0-100.json', 'application/json'],
    ]);
    expect(JSON.parse(assets[0]!.data.toString('utf8'))).toMatchObject({
      environment: 'production',
      version: '1.4.0',
      artifact: { name: 'app-build', digest: built },
    });
  });

  it('names the artifacts the run has when the input names another', async () => {
    const repo = seedPromoteRepo(emulator, 'no-artifact', POLICY, ['1.4.0']);
    seedBuildArtifact('web-build', 'web\n');
    const run = await runPromote(emulator, repo, {
      inputs: { environment: 'staging', version: '1.4.0', artifact: 'app-bulid' },
    });
    expect(run.exitCode).toBe(1);
    expect(failureMessage(run)).toMatch(
      /^This run has no artifact named "app-bulid" \(it has [^)]*"web-build"[^)]*\)\. Upload it earlier in the same run/,
    );
    expect(emulator.state.deployments.filter((d) => d.repo === repo.fullName)).toEqual([]);
  });
});
