import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { useEmulator } from '@release-policy/github-emulator/testing';
import { seedCompliantRepo } from '../../../github/src/testing/audit-repos.js';
import { createTestRepo, type TestRepo } from '../testing/harness.js';

const startEmulator = useEmulator();
let dir: TestRepo;
beforeAll(async () => {
  dir = await createTestRepo();
});
afterAll(() => dir.cleanup());

describe('audit', () => {
  it('audits --repo through the API and prints the status with --json', async () => {
    const emulator = await startEmulator();
    const repo = seedCompliantRepo(emulator, 'app');
    emulator.state.rulesets = emulator.state.rulesets.filter((r) => r.target !== 'tag');
    const run = await dir.run(['audit', '--repo', repo, '--json'], {
      extraEnv: { GH_TOKEN: 't', GITHUB_API_URL: emulator.url },
    });
    expect(run.code).toBe(1);
    const json = run.json() as unknown as {
      findings: { rule: string; severity: string }[];
      audit: Record<string, unknown>;
      status: { repository: string; lines: { line: string; latestTag?: string }[] };
    };
    expect(json.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual([
      'audit-tag-protection:error',
    ]);
    expect(json.audit).toEqual({ lines: 2, unreadable: 0 });
    expect(json.status.repository).toBe(repo);
    expect(json.status.lines.map((l) => [l.line, l.latestTag])).toEqual([
      ['1.4', 'v1.4.0'],
      ['1.3', 'v1.3.0'],
    ]);
  });

  it('is skipped with a notice, not passed silently, without a token', async () => {
    const run = await dir.run(['audit', '--repo', 'octo-org/app', '--json']);
    expect(run.code).toBe(0);
    const json = run.json() as unknown as { skipped: { check: string; reason: string }[] };
    expect(json.skipped).toEqual([
      { check: 'audit', reason: 'no GitHub token: set GITHUB_TOKEN or GH_TOKEN' },
    ]);
  });
});
