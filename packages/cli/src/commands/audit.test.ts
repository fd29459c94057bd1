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
    expect(json.findings.map((f) => `${f.rule}:${f.severity}`).sort()).toEqual([
      'audit-patches:notice',
      'audit-tag-protection:error',
    ]);
    expect(json.audit).toEqual({ lines: 2, unreadable: 0 });
    expect(json.status.repository).toBe(repo);
    expect(json.status.lines.map((l) => [l.line, l.latestTag])).toEqual([
      ['1.4', 'v1.4.0'],
      ['1.3', 'v1.3.0'],
    ]);
  });

  it('compares every maintenance line in a clone of the audited repository and fails on a missing patch', async () => {
    const emulator = await startEmulator();
    const repo = seedCompliantRepo(emulator, 'lines');
    const clone = await createTestRepo();
    try {
      await clone.commit('feat: start', {
        'app.txt': 'a\n',
        'docs/release/release-notes.md': '# Notes\n\n## Changes\n\n- Search.\n\n## Risk\n\nLow.\n',
        'docs/release/rollback.md': '# Plan\n\n## Triggers\n\nTODO\n',
      });
      clone.git(['remote', 'add', 'origin', `https://github.com/${repo}.git`]);
      clone.git(['checkout', '-q', '-b', '1.3.x']);
      const fix = await clone.commit('fix: only on the line', { 'app.txt': 'b\n' });
      clone.git(['checkout', '-q', 'main']);
      const run = await clone.run(['audit', '--repo', repo, '--json'], {
        extraEnv: { GH_TOKEN: 't', GITHUB_API_URL: emulator.url },
      });
      expect(run.code).toBe(1);
      const json = run.json() as unknown as {
        findings: { rule: string; severity: string; message: string }[];
        status: { patches: unknown; nextReleaseDocuments: unknown };
      };
      expect(json.findings.filter((f) => f.rule === 'audit-patches')).toEqual([
        expect.objectContaining({
          severity: 'error',
          message: 'The line "1.3.x" has 1 commit not in "main".',
        }),
      ]);
      expect(json.status.patches).toEqual([
        {
          line: '1.3.x',
          commits: 1,
          missing: 1,
          missingCommits: [{ sha: fix, subject: 'fix: only on the line' }],
        },
      ]);
      // The next release's documents, from the working tree; incomplete ones do not fail the audit.
      expect(json.status.nextReleaseDocuments).toEqual({
        branch: 'main',
        line: '1.5',
        releaseType: 'minor',
        releaseTypeFrom: 'default',
        items: [
          {
            path: 'docs/release/release-notes.md',
            state: 'present',
            detail: 'sections "Changes", "Risk"',
          },
          { path: 'docs/release/installation.md', state: 'missing', detail: 'no file matched' },
          { path: 'docs/release/configuration.md', state: 'missing', detail: 'no file matched' },
          { path: 'docs/release/backup-restore.md', state: 'missing', detail: 'no file matched' },
          {
            path: 'docs/release/rollback.md',
            state: 'incomplete',
            detail: 'missing: "Rollback", "Verification"; placeholder: "Triggers"',
          },
        ],
      });
    } finally {
      await clone.cleanup();
    }
  });

  it('says the lines were not compared and the documents not read in a clone of another repository', async () => {
    const emulator = await startEmulator();
    const repo = seedCompliantRepo(emulator, 'elsewhere');
    const run = await dir.run(['audit', '--repo', repo, '--json'], {
      extraEnv: { GH_TOKEN: 't', GITHUB_API_URL: emulator.url },
    });
    const json = run.json() as unknown as {
      findings: { rule: string; message: string }[];
      status: { nextReleaseDocuments?: unknown; documentsUnread?: unknown };
    };
    expect(json.findings.filter((f) => f.rule === 'audit-patches').map((f) => f.message)).toEqual([
      `The maintenance lines were not compared with mainline, so patches missing from mainline are not reported: the workspace is not a clone of the audited repository. This clone's origin is not set, not the audited "${repo}": run the audit in a clone of it to compare its lines.`,
    ]);
    expect(json.status.nextReleaseDocuments).toBeUndefined();
    expect(json.status.documentsUnread).toEqual({
      reason: 'no-checkout',
      detail: `This clone's origin is not set, not the audited "${repo}": run the audit in a clone of it, on its mainline, to read its documents.`,
    });
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
