import { describe, expect, it } from '@jest/globals';
import { computeReleaseStatus, defaultPolicy, evaluate } from '@release-policy/core';
import { gatherAuditFacts } from './audit-gather.js';
import { createOctokit } from './octokit.js';
import {
  listOrgRepositories,
  MAX_MATRIX_JOBS,
  mergeStatusReports,
  planAuditMatrix,
  renderOrgMarkdown,
} from './org-audit.js';
import type { StatusReport } from './status-report.js';
import { seedCompliantRepo } from './testing/audit-repos.js';
import { useEmulator } from './testing/emulator.js';

const startEmulator = useEmulator();
const now = new Date('2026-06-01T12:00:00Z');
const names = Array.from({ length: 300 }, (_, i) => `app-${String(i).padStart(3, '0')}`);

async function startOrg() {
  const emulator = await startEmulator();
  for (const name of names) seedCompliantRepo(emulator, name, 'acme');
  // Every tenth repository is archived, every third carries the topic.
  emulator.state.repos.forEach((repo, i) => {
    if (repo.owner !== 'acme') return;
    if (i % 10 === 0) repo.archived = true;
    if (i % 3 === 0) repo.topics = ['release-policy'];
  });
  const octokit = createOctokit({
    token: 't',
    baseUrl: emulator.url,
    retries: 0,
    maskToken: false,
  });
  return { emulator, octokit };
}

describe('the organisation audit', () => {
  it('lists 300 repositories in 3 pages, leaving out archived ones, or by topic', async () => {
    const { emulator, octokit } = await startOrg();
    const all = await listOrgRepositories(octokit, { org: 'acme' });
    expect(emulator.requestsFor('repos/list-for-org')).toHaveLength(3);
    const archived = emulator.state.repos.filter((r) => r.archived).length;
    expect(all).toHaveLength(300 - archived);
    expect(all).toEqual([...all].sort());
    const tagged = await listOrgRepositories(octokit, { org: 'acme', topic: 'Release-Policy' });
    const expected = emulator.state.repos
      .filter((r) => !r.archived && (r.topics ?? []).includes('release-policy'))
      .map((r) => r.fullName)
      .sort();
    expect(tagged).toEqual(expected);
  });

  it.each<[number, number[]]>([
    [0, [0, 0, 0, 0]],
    [300, [256, 44, 0, 0]],
    [1024, [256, 256, 256, 256]],
  ])('splits %j repositories into matrices of %j jobs', (count, sizes) => {
    const repos = Array.from({ length: count }, (_, i) => `acme/r${i}`);
    const plan = planAuditMatrix(repos);
    expect(plan.groups.map((g) => g.repository.length)).toEqual(sizes);
    expect(plan.groups.flatMap((g) => g.repository)).toEqual(repos);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_MATRIX_JOBS);
  });

  it('drops repeated names and refuses more than four matrices can run', () => {
    expect(planAuditMatrix(['acme/a', 'ACME/a', 'acme/b']).count).toBe(2);
    expect(() => planAuditMatrix(Array.from({ length: 1025 }, (_, i) => `acme/r${i}`))).toThrow(
      '1025 repositories are more than the 1024 one organisation audit runs (4 matrices of 256 jobs). Split them with a topic, e.g. topic: team-a, and call the workflow once per topic.',
    );
  });

  it('audits every repository of the matrix and merges the reports into one', async () => {
    const { emulator, octokit } = await startOrg();
    // Two repositories drift: one with no environments, one whose tags are unprotected.
    emulator.state.environments = emulator.state.environments.filter(
      (e) => e.repo !== 'acme/app-001',
    );
    emulator.state.rulesets = emulator.state.rulesets.filter(
      (r) => !(r.repo === 'acme/app-002' && r.target === 'tag'),
    );
    const plan = planAuditMatrix(await listOrgRepositories(octokit, { org: 'acme' }));
    const policy = defaultPolicy();
    const files = new Map<string, unknown>();
    // Auditing all 300 in one test takes minutes (bench/ measures that): the two that
    // drift, and the first and last job of each matrix that has jobs.
    const sample = [
      'acme/app-001',
      'acme/app-002',
      ...plan.groups.flatMap((g) => [g.repository[0], g.repository.at(-1)]),
    ].filter((name): name is string => name !== undefined);
    for (const full of new Set(sample)) {
      const [owner = '', repo = ''] = full.split('/');
      const audit = await gatherAuditFacts({ octokit, repo: { owner, repo }, policy });
      const facts = { audit };
      const evaluation = evaluate(facts, policy, now, { checks: ['audit'] });
      const status = computeReleaseStatus(facts, policy, now);
      if (!status) throw new Error(`no status for ${full}`);
      const report: StatusReport = {
        ok: evaluation.ok,
        generatedAt: now.toISOString(),
        status,
        findings: evaluation.findings,
      };
      files.set(`${full}.json`, JSON.parse(JSON.stringify(report)));
    }
    files.set('stray.json', 'not json');
    const merged = mergeStatusReports(files);
    expect(merged.repositories.map((r) => r.repository)).toEqual([...new Set(sample)].sort());
    expect(merged.unreadable).toEqual(['stray.json']);
    expect(merged.repositories.filter((r) => !r.ok).map((r) => [r.repository, r.failing])).toEqual([
      ['acme/app-001', ['audit-approval-gates', 'audit-environment']],
      ['acme/app-002', ['audit-tag-protection']],
    ]);
    const markdown = renderOrgMarkdown(merged);
    expect(markdown.split('\n').slice(2, 7)).toEqual([
      `${new Set(sample).size} repositories audited, 2 failing.`,
      '',
      '| repository | audit | errors | warnings | notices | release lines | settings not read | failing rules |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      '| acme/app-001 | fail | 5 | 0 | 0 | 2 | 0 | audit-approval-gates, audit-environment |',
    ]);
  }, 120_000);
});
