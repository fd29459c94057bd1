/**
 * Requests per repository of the configuration audit, across an organisation
 * held by the GitHub emulator: the organisation listing once, then each
 * repository's audit facts read in-process, plus the audit action's bundle
 * on one repository twice (status issue created, then updated). Compared
 * with the peer that matters here: the rate limit of the GitHub App
 * installation the organisation workflow uses.
 */
import {
  buildEventPayload,
  fakeSha,
  runAction,
  startEmulator,
  type Emulator,
} from '@release-policy/github-emulator';
import { defaultPolicy } from '@release-policy/core';
import { createOctokit, gatherAuditFacts, listOrgRepositories } from '@release-policy/github';
import { seedCompliantRepo } from '../packages/github/src/testing/audit-repos.js';
import { countOperations } from './api-requests.js';
import type { Table } from './lib/table.js';

/**
 * An installation's requests an hour on an organisation: 5,000, plus 50 for
 * each repository beyond 20, at most 12,500 (GitHub's documented scaling).
 */
export function computeInstallationLimit(repositories: number): number {
  return Math.min(12_500, 5_000 + 50 * Math.max(0, repositories - 20));
}

/** What the bench measured. */
export interface AuditRequestsReport {
  repositories: number;
  /** Requests of the organisation listing. */
  listing: number;
  /** Requests per repository for the audit facts, sorted ascending. */
  perRepository: number[];
  /** Requests per operation over all repositories' audit facts. */
  operations: Record<string, number>;
  /** The action bundle on one repository: first run (issue created) and second (updated). */
  action: { first: number; second: number; exitCodes: (number | null)[] };
}

async function auditFacts(emulator: Emulator, names: readonly string[]): Promise<number[]> {
  const octokit = createOctokit({
    token: 't',
    baseUrl: emulator.url,
    retries: 0,
    maskToken: false,
  });
  const policy = defaultPolicy();
  const perRepository: number[] = [];
  for (const full of names) {
    const [owner = '', repo = ''] = full.split('/');
    const before = emulator.requests.length;
    await gatherAuditFacts({ octokit, repo: { owner, repo }, policy });
    perRepository.push(emulator.requests.length - before);
  }
  return perRepository.sort((a, b) => a - b);
}

async function runBundle(emulator: Emulator, root: string, repo: string) {
  const [owner = '', name = ''] = repo.split('/');
  const before = emulator.requests.length;
  const run = await runAction({
    actionDir: `${root}/actions/audit`,
    eventName: 'workflow_dispatch',
    payload: buildEventPayload('workflow_dispatch', {
      overrides: { repository: { name, full_name: repo, owner: { login: owner } } },
    }),
    repository: repo,
    sha: fakeSha(`${repo}:main`),
    emulator,
  });
  // The rate limit counts API requests: the artifact's upload goes to the runner's results service.
  const api = emulator.requests
    .slice(before)
    .filter((r) => !/^(?:results|blob)\//.test(r.operationId ?? ''));
  return { requests: api.length, exitCode: run.exitCode };
}

/**
 * Seeds `count` repositories enforcing the default policy (four
 * environments, a release line, rulesets, a workflow, two promotions) and
 * measures the audit's requests.
 */
export async function runAuditRequests(root: string, count: number): Promise<AuditRequestsReport> {
  const emulator = await startEmulator();
  // The emulator enforces its rate limit: give it the installation's, for this many repositories.
  const limit = computeInstallationLimit(count);
  emulator.state.rateLimit = { ...emulator.state.rateLimit, limit, remaining: limit };
  try {
    for (let i = 0; i < count; i += 1)
      seedCompliantRepo(emulator, `app-${String(i).padStart(3, '0')}`, 'acme');
    const octokit = createOctokit({
      token: 't',
      baseUrl: emulator.url,
      retries: 0,
      maskToken: false,
    });
    const names = await listOrgRepositories(octokit, { org: 'acme' });
    const listing = emulator.requests.length;
    const perRepository = await auditFacts(emulator, names);
    const operations = countOperations(emulator.requests.slice(listing));
    const first = await runBundle(emulator, root, names[0] ?? '');
    const second = await runBundle(emulator, root, names[0] ?? '');
    emulator.assertNoViolations();
    return {
      repositories: names.length,
      listing,
      perRepository,
      operations,
      action: {
        first: first.requests,
        second: second.requests,
        exitCodes: [first.exitCode, second.exitCode],
      },
    };
  } finally {
    await emulator.close();
  }
}

/** The median of sorted numbers. */
function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The report as a table: requests per repository and the share of the hourly limit. */
export function renderAuditRequestsTable(report: AuditRequestsReport): Table {
  const perRun = report.action.second;
  const total = report.listing + report.perRepository.reduce((a, b) => a + b, 0);
  const limit = computeInstallationLimit(report.repositories);
  const share = (requests: number) => `${((requests / limit) * 100).toFixed(2)}%`;
  return {
    title: `Audit requests per repository (${report.repositories} repositories)`,
    columns: ['measure', 'requests', `share of ${limit.toLocaleString('en-US')}/h`],
    rows: [
      ['organisation listing (once)', report.listing, share(report.listing)],
      [
        'audit facts, min per repository',
        report.perRepository[0] ?? 0,
        share(report.perRepository[0] ?? 0),
      ],
      [
        'audit facts, median per repository',
        median(report.perRepository),
        share(median(report.perRepository)),
      ],
      [
        'audit facts, max per repository',
        report.perRepository.at(-1) ?? 0,
        share(report.perRepository.at(-1) ?? 0),
      ],
      ['action run, status issue created', report.action.first, share(report.action.first)],
      ['action run, status issue updated', perRun, share(perRun)],
      ['whole organisation (listing + facts)', total, share(total)],
    ],
    notes: [
      `Each repository: four environments, one release line besides mainline, a branch and a tag ruleset, one workflow file, two promotions (each followed by GitHub's deployment of the promoting job). ` +
        `The limit is a GitHub App installation's on an organisation of ${report.repositories} repositories (5,000 + 50 per repository beyond 20, at most 12,500). ` +
        `At ${perRun} requests an action run, the installation audits about ${Math.floor(limit / Math.max(perRun, 1))} repositories an hour.`,
    ],
  };
}
