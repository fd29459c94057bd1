import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Emulator } from '@release-policy/github-emulator';
import {
  createOctokit,
  listOrgRepositories,
  mergeStatusReports,
  planAuditMatrix,
} from '@release-policy/github';
import { startE2eEmulator, TOKEN } from './helpers.js';
import { runAudit, seedCompliantRepo } from './audit-scenario.js';

// One emulator for the file: an organisation of 300 repositories and a central one.
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startE2eEmulator({ repos: [] });
  for (let i = 0; i < 300; i += 1)
    seedCompliantRepo(emulator, `svc-${String(i).padStart(3, '0')}`, 'acme');
  seedCompliantRepo(emulator, 'central', 'acme');
  // Raise the emulator's limit to an installation's on 300 repositories.
  emulator.state.rateLimit = { ...emulator.state.rateLimit, limit: 12_500, remaining: 12_500 };
}, 120_000);
afterAll(async () => {
  try {
    emulator.assertNoViolations();
  } finally {
    await emulator.close();
  }
});

describe('organisation audit with the committed bundle', () => {
  it('plans 301 repositories over pages and matrices, audits matrix entries, and merges their reports', async () => {
    const octokit = createOctokit({ token: TOKEN, baseUrl: emulator.url, maskToken: false });
    const names = await listOrgRepositories(octokit, { org: 'acme' });
    expect(names).toHaveLength(301);
    expect(emulator.requestsFor('repos/list-for-org')).toHaveLength(4);
    const plan = planAuditMatrix(names);
    expect(plan.groups.map((g) => g.repository.length)).toEqual([256, 45, 0, 0]);
    // One repository drifts: its release tags are unprotected.
    emulator.state.rulesets = emulator.state.rulesets.filter(
      (r) => !(r.repo === 'acme/svc-299' && r.target === 'tag'),
    );
    const entries = [plan.groups[0]?.repository[0], plan.groups[1]?.repository.at(-1)];
    const files = new Map<string, unknown>();
    const temp = await mkdtemp(join(tmpdir(), 'audit-org-'));
    try {
      for (const [index, repository] of entries.entries()) {
        if (repository === undefined) continue;
        // Each matrix job runs in the central repository with the repository input.
        const runnerTemp = join(temp, String(index));
        await mkdir(runnerTemp);
        const run = await runAudit(
          emulator,
          'acme/central',
          { repository },
          { RUNNER_TEMP: runnerTemp },
        );
        files.set(repository, JSON.parse(await readFile(run.outputs.report ?? '', 'utf8')));
      }
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
    const merged = mergeStatusReports(files);
    expect(merged.repositories.map((r) => [r.repository, r.ok, r.failing])).toEqual([
      ['acme/central', true, []],
      ['acme/svc-299', false, ['audit-tag-protection']],
    ]);
    expect(merged.failed).toBe(1);
  }, 180_000);
});
