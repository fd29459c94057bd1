import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useEmulator } from '@release-policy/github-emulator/testing';
import { createTestRepo, type TestRepo } from '../testing/harness.js';

const startEmulator = useEmulator();
let dir: TestRepo;
beforeAll(async () => {
  dir = await createTestRepo({ init: false });
});
afterAll(() => dir.cleanup());

function report(repository: string, ok: boolean) {
  return {
    ok,
    generatedAt: '2026-06-01T12:00:00Z',
    status: { repository, environments: ['production'], lines: [], unreadable: [] },
    findings: ok ? [] : [{ rule: 'audit-tag-protection', severity: 'error', message: 'm' }],
  };
}

describe('org-audit', () => {
  it('splits a list of repositories into the workflow’s matrices', async () => {
    const run = await dir.run(['org-audit', 'split', 'acme/a, acme/b', 'acme/a']);
    expect(run.code).toBe(0);
    expect(run.json()).toEqual({
      count: 2,
      groups: [
        { repository: ['acme/a', 'acme/b'] },
        { repository: [] },
        { repository: [] },
        { repository: [] },
      ],
    });
  });

  it('refuses a name that is not OWNER/NAME', async () => {
    const run = await dir.run(['org-audit', 'split', 'acme/a;rm -rf']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"acme/a;rm" is not a repository: give OWNER/NAME');
  });

  it('plans the organisation’s repositories with a topic, through the API', async () => {
    const emulator = await startEmulator({
      repos: [
        { owner: 'acme', name: 'svc', topics: ['release-policy'] },
        { owner: 'acme', name: 'lib' },
        { owner: 'acme', name: 'old', topics: ['release-policy'], archived: true },
      ],
    });
    const run = await dir.run(['org-audit', 'plan', 'acme', 'release-policy'], {
      extraEnv: { GITHUB_TOKEN: 't', GITHUB_API_URL: emulator.url },
    });
    expect(run.code).toBe(0);
    expect(run.json()).toEqual({
      count: 1,
      groups: [
        { repository: ['acme/svc'] },
        { repository: [] },
        { repository: [] },
        { repository: [] },
      ],
    });
  });

  it('merges the downloaded reports into the organisation report, failing when one failed', async () => {
    const reports = join(dir.dir, 'reports');
    await mkdir(join(reports, 'audit-acme-b'), { recursive: true });
    await mkdir(join(reports, 'audit-acme-a'), { recursive: true });
    await writeFile(
      join(reports, 'audit-acme-a', 'report.json'),
      JSON.stringify(report('acme/a', true)),
    );
    await writeFile(
      join(reports, 'audit-acme-b', 'report.json'),
      JSON.stringify(report('acme/b', false)),
    );
    const run = await dir.run(['org-audit', 'merge', 'reports']);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').slice(0, 8)).toEqual([
      '### Release policy audit of the organisation',
      '',
      '2 repositories audited, 1 failing.',
      '',
      '| repository | audit | errors | warnings | notices | release lines | settings not read | failing rules |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      '| acme/b | fail | 1 | 0 | 0 | 0 | 0 | audit-tag-protection |',
      '| acme/a | pass | 0 | 0 | 0 | 0 | 0 |  |',
    ]);
  });

  it.each([
    ['missing', 'does not exist'],
    ['a-file.json', 'is not a folder'],
  ])('merge refuses %j, which %s, exit 2, naming it and the fix', async (given, what) => {
    await writeFile(join(dir.dir, 'a-file.json'), '{}');
    const message =
      `"org-audit merge" reads the reports in a folder, and "${given}" ${what}. ` +
      "Give the folder the matrix jobs' artifacts were downloaded to, e.g. org-audit merge reports " +
      '(after actions/download-artifact with path: reports). Usage: release-policy org-audit plan ORG [TOPIC] | ' +
      'org-audit split OWNER/NAME... | org-audit merge DIR. See https://github.com/release-policy/release-policy/blob/v0.1.0/docs/cli.md#org-audit';
    const run = await dir.run(['org-audit', 'merge', given]);
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `release-policy: ${message}\n`]);
    const json = await dir.run(['org-audit', 'merge', given, '--json']);
    expect([json.code, json.json()]).toEqual([
      2,
      { ok: false, findings: [], error: { type: 'UsageError', message } },
    ]);
  });
});
