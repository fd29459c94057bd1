/**
 * The evidence store from a bundle, as an action that uploads would ship it:
 * a test-only action (fixtures/evidence-upload) is bundled with ncc, as
 * `scripts/build.mjs` bundles the real ones, into a temp folder, then run
 * under Node 24 with the runner's environment against the emulator, whose
 * results service receives the artifact. No action uploads yet; when
 * `actions/promote` does, its own e2e tests take over from this one.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildEventPayload, runAction, startEmulator } from '@release-policy/github-emulator';
import { ROOT } from './helpers.js';

const FIXTURE = join(ROOT, 'test/e2e/fixtures/evidence-upload');
let actionDir = '';

/** Bundles the fixture with the repository's ncc, as scripts/build.mjs does. */
function bundle(outDir: string): Promise<void> {
  const ncc = join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [ncc, 'build', 'src/index.ts', '-o', outDir, '--minify', '--quiet'],
      { cwd: FIXTURE, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ncc failed (exit ${code}): ${stderr}`)),
    );
  });
}

beforeAll(async () => {
  actionDir = await mkdtemp(join(tmpdir(), 'rp-evidence-action-'));
  await copyFile(join(FIXTURE, 'action.yml'), join(actionDir, 'action.yml'));
  await bundle(join(actionDir, 'dist'));
}, 600_000);

afterAll(async () => {
  await rm(actionDir, { recursive: true, force: true });
});

const payload = () =>
  buildEventPayload('workflow_dispatch', {
    overrides: { repository: { full_name: 'octo-org/app' } },
  });

describe('an action bundle that uploads evidence', () => {
  it('uploads through the runner environment runAction gives, and reads the same digest back', async () => {
    const emulator = await startEmulator({ repos: ['octo-org/app'], token: 'ghs_test' });
    try {
      const run = await runAction({
        actionDir,
        eventName: 'workflow_dispatch',
        payload: payload(),
        inputs: { name: 'promotion-production', content: '{"version":"1.4.0"}' },
        emulator,
      });
      expect(run.exitCode).toBe(0);
      expect(run.env.ACTIONS_RESULTS_URL).toBe(`${emulator.resultsUrl}/`);
      const [artifact] = emulator.state.artifacts;
      const digest = `sha256:${createHash('sha256')
        .update(artifact?.content ?? Buffer.alloc(0))
        .digest('hex')}`;
      expect(run.outputs).toEqual({
        id: String(artifact?.id),
        digest,
        'read-digest': digest,
      });
      expect(artifact?.name).toBe('promotion-production');
      expect(run.annotations).toEqual([]);
      emulator.assertNoViolations();
    } finally {
      await emulator.close();
    }
  });

  it('fails the step with a message naming the artifact when the runner gives no results service', async () => {
    const emulator = await startEmulator({ repos: ['octo-org/app'], token: 'ghs_test' });
    try {
      const run = await runAction({
        actionDir,
        eventName: 'workflow_dispatch',
        payload: payload(),
        inputs: { name: 'promotion-production', content: '{}' },
        emulator,
        env: { ACTIONS_RUNTIME_TOKEN: '' },
      });
      expect(run.exitCode).toBe(1);
      expect(run.annotations.map((a) => [a.level, a.message.split(':')[0]])).toEqual([
        ['error', 'Uploading the evidence artifact "promotion-production" failed'],
      ]);
      expect(emulator.state.artifacts).toEqual([]);
    } finally {
      await emulator.close();
    }
  });

  it('fails the step with its own message, not a crash, when the event payload is damaged', async () => {
    const emulator = await startEmulator({ repos: ['octo-org/app'], token: 'ghs_test' });
    const damaged = join(actionDir, 'damaged-event.json');
    await writeFile(damaged, '{"repository": {');
    try {
      const run = await runAction({
        actionDir,
        eventName: 'workflow_dispatch',
        payload: payload(),
        inputs: { name: 'promotion-production', content: '{}' },
        emulator,
        env: { GITHUB_EVENT_PATH: damaged },
      });
      expect(run.exitCode).toBe(1);
      expect(run.annotations.map((a) => [a.level, a.message.split(':')[0]])).toEqual([
        ['error', 'Uploading the evidence artifact "promotion-production" failed'],
      ]);
      expect(run.stderr).toBe('');
    } finally {
      await emulator.close();
    }
  });
});
