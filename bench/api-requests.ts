/**
 * API requests per scenario: each action runs as the runner starts it,
 * against the GitHub emulator, and the emulator's request log is counted per
 * operation. Shows what the sticky comment costs (list, then create or update).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildEventPayload,
  runAction,
  startEmulator,
  type Emulator,
  type RequestLogEntry,
} from '@release-policy/github-emulator';
import { commitFixture, readHead, renderPackageJson } from './lib/git-fixture.js';
import type { Table } from './lib/table.js';

const REPO = 'octo-org/app';
const BASE_SHA = 'b'.repeat(40);

/** One action run of a scenario. */
export interface ScenarioStep {
  scenario: string;
  /** Whether the check should pass; a run that disagrees is reported. */
  expected: 'pass' | 'fail';
  event: 'pull_request' | 'push';
  /** The pull-request event's action, e.g. `opened`. */
  payloadAction?: string;
  pull?: { number: number; head: string; base: string };
  /** For push: the pushed branch. */
  pushRef?: string;
  /** The workspace (a git repository) to run in; a fresh empty folder when absent. */
  workspace?: string;
  /** Runs before the step, e.g. a fix commit. */
  prepare?: () => Promise<void>;
}

/** What one step cost. */
export interface ScenarioResult {
  action: string;
  scenario: string;
  expected: 'pass' | 'fail';
  /** `pass` or `fail` from the exit code; `error` when the run did not finish normally. */
  outcome: 'pass' | 'fail' | 'error';
  exitCode: number | null;
  /** Requests per operationId (`METHOD path` when the route is unknown), in first-seen order. */
  operations: Record<string, number>;
  /** Requests that were not GET. */
  writes: number;
  total: number;
  /** Our sticky comments on the pull request after the run. */
  comments?: number;
  /** The first lines of stderr or the failure annotation, when the outcome was unexpected. */
  detail?: string;
}

/**
 * Counts requests per operation, in the order first seen. Unknown routes
 * count under `METHOD path`, so nothing is dropped.
 */
export function countOperations(requests: readonly RequestLogEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of requests) {
    const key = r.operationId ?? `${r.method} ${r.path}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function pullPayload(step: ScenarioStep, headSha: string): object {
  const pull = step.pull as NonNullable<ScenarioStep['pull']>;
  // The examples lack some actions (`edited`): start from `opened`, set the action.
  return buildEventPayload('pull_request', {
    action: 'opened',
    overrides: {
      action: step.payloadAction ?? 'opened',
      number: pull.number,
      pull_request: {
        number: pull.number,
        head: { ref: pull.head, sha: headSha },
        base: { ref: pull.base, sha: BASE_SHA },
        merge_commit_sha: headSha,
      },
      repository: { full_name: REPO, name: 'app', owner: { login: 'octo-org' } },
    },
  });
}

async function runStep(
  emulator: Emulator,
  actionDir: string,
  action: string,
  step: ScenarioStep,
): Promise<ScenarioResult> {
  await step.prepare?.();
  const headSha = step.workspace ? readHead(step.workspace) : 'a'.repeat(40);
  // A policy 404 is trusted only for a commit the token can see: make both visible.
  for (const sha of [headSha, BASE_SHA]) {
    if (!emulator.state.commits.some((c) => c.repo === REPO && c.sha === sha)) {
      emulator.seed.commit({ repo: REPO, sha, message: `chore: commit ${sha.slice(0, 7)}` });
    }
  }
  if (step.pull) {
    const { number, head, base } = step.pull;
    const existing = emulator.state.pulls.find((p) => p.repo === REPO && p.number === number);
    if (existing) {
      existing.head = { ref: head, sha: headSha };
      existing.base = { ref: base, sha: BASE_SHA };
    } else {
      emulator.seed.pull({
        repo: REPO,
        number,
        head: { ref: head, sha: headSha },
        base: { ref: base, sha: BASE_SHA },
      });
    }
  }
  const payload =
    step.event === 'push'
      ? buildEventPayload('push', {
          overrides: {
            ref: `refs/heads/${step.pushRef ?? 'main'}`,
            after: headSha,
            repository: { full_name: REPO, name: 'app', owner: { login: 'octo-org' } },
          },
        })
      : pullPayload(step, headSha);
  const run = await runAction({
    actionDir,
    eventName: step.event,
    payload,
    emulator,
    ...(step.workspace ? { cwd: step.workspace } : {}),
  });
  const outcome =
    run.timedOut || run.exitCode === null ? 'error' : run.exitCode === 0 ? 'pass' : 'fail';
  const operations = countOperations(run.requests);
  const result: ScenarioResult = {
    action,
    scenario: step.scenario,
    expected: step.expected,
    outcome,
    exitCode: run.exitCode,
    operations,
    writes: run.requests.filter((r) => r.method !== 'GET').length,
    total: run.requests.length,
  };
  if (step.pull) {
    result.comments = emulator.state.comments.filter(
      (c) => c.repo === REPO && c.issueNumber === step.pull?.number && c.body.includes(action),
    ).length;
  }
  if (outcome !== step.expected) {
    const failure = run.annotations.find((a) => a.level === 'error')?.message ?? '';
    result.detail = `${failure} ${run.stderr}`
      .trim()
      .split('\n')
      .slice(0, 3)
      .join(' ')
      .slice(0, 300);
  }
  return result;
}

/** The branch-name scenarios: a direction error fixed by retargeting the pull request. */
function branchNameSteps(): ScenarioStep[] {
  const failing = { number: 2, head: 'feature/CHG-2-login', base: 'release/1.4' };
  return [
    {
      scenario: 'PR passing, first run',
      expected: 'pass',
      event: 'pull_request',
      pull: { number: 1, head: 'feature/CHG-1-add-login', base: 'main' },
    },
    { scenario: 'PR failing, first run', expected: 'fail', event: 'pull_request', pull: failing },
    {
      scenario: 'PR failing, re-run',
      expected: 'fail',
      event: 'pull_request',
      payloadAction: 'synchronize',
      pull: failing,
    },
    {
      scenario: 'PR passing after failing (base changed to main)',
      expected: 'pass',
      event: 'pull_request',
      payloadAction: 'edited',
      pull: { ...failing, base: 'main' },
    },
    { scenario: 'push', expected: 'pass', event: 'push', pushRef: 'feature/CHG-3-cache' },
  ];
}

/** The version scenarios: a feature bumped only as a patch (1.0.1), fixed by a minor bump commit. */
async function versionSteps(temp: string): Promise<ScenarioStep[]> {
  const start = {
    message: 'chore: start',
    files: { 'package.json': renderPackageJson('1.0.0') },
    tags: ['v1.0.0'],
  };
  const passing = join(temp, 'version-pass');
  await commitFixture(passing, [
    start,
    { message: 'feat: add login', files: { 'package.json': renderPackageJson('1.1.0') } },
  ]);
  const failing = join(temp, 'version-fail');
  await commitFixture(failing, [
    start,
    {
      message: 'feat: add login',
      files: { 'login.txt': 'x\n', 'package.json': renderPackageJson('1.0.1') },
    },
  ]);
  const pull = { number: 12, head: 'feature/CHG-12-login', base: 'main' };
  return [
    {
      scenario: 'PR passing, first run',
      expected: 'pass',
      event: 'pull_request',
      pull: { number: 11, head: 'feature/CHG-11-login', base: 'main' },
      workspace: passing,
    },
    {
      scenario: 'PR failing, first run',
      expected: 'fail',
      event: 'pull_request',
      pull,
      workspace: failing,
    },
    {
      scenario: 'PR failing, re-run',
      expected: 'fail',
      event: 'pull_request',
      payloadAction: 'synchronize',
      pull,
      workspace: failing,
    },
    {
      scenario: 'PR passing after failing (bump commit pushed)',
      expected: 'pass',
      event: 'pull_request',
      payloadAction: 'synchronize',
      pull,
      workspace: failing,
      prepare: () =>
        commitFixture(failing, [
          {
            message: 'chore: release 1.1.0',
            files: { 'package.json': renderPackageJson('1.1.0') },
          },
        ]),
    },
    { scenario: 'push', expected: 'pass', event: 'push', pushRef: 'main', workspace: passing },
  ];
}

/** What {@link runApiScenarios} measured. */
export interface ApiScenarioReport {
  results: ScenarioResult[];
  /** The emulator's violations of GitHub's description, formatted; must be empty. */
  violations: string[];
}

/**
 * Runs every action's scenarios against one emulator (with a token, so the
 * policy is read through the API and comments are written) and counts the
 * requests each run made, from the emulator's request log.
 */
export async function runApiScenarios(root: string): Promise<ApiScenarioReport> {
  const temp = await mkdtemp(join(tmpdir(), 'release-policy-bench-api-'));
  const emulator = await startEmulator({ repos: [REPO], token: 'ghs_benchToken' });
  try {
    const plans: Array<[string, ScenarioStep[]]> = [
      ['branch-name', branchNameSteps()],
      ['version', await versionSteps(temp)],
    ];
    const results: ScenarioResult[] = [];
    for (const [action, steps] of plans) {
      for (const step of steps) {
        results.push(await runStep(emulator, join(root, 'actions', action), action, step));
      }
    }
    return {
      results,
      violations: emulator.violations.map((v) =>
        `[${v.kind}] ${v.method} ${v.path}: ${v.message}`.slice(0, 300),
      ),
    };
  } finally {
    await emulator.close();
    await rm(temp, { recursive: true, force: true });
  }
}

/** Renders one table per action: requests per operation and scenario, plus totals. */
export function renderApiTables(results: readonly ScenarioResult[]): Table[] {
  const actions = [...new Set(results.map((r) => r.action))];
  return actions.map((action) => {
    const rows = results.filter((r) => r.action === action);
    const operations = [...new Set(rows.flatMap((r) => Object.keys(r.operations)))];
    return {
      title: `API requests per scenario: ${action}`,
      columns: ['scenario', 'result', ...operations, 'writes', 'total', 'comments after'],
      rows: rows.map((r) => [
        r.scenario,
        r.outcome === r.expected ? r.outcome : `${r.outcome} (expected ${r.expected})`,
        ...operations.map((op) => r.operations[op] ?? 0),
        r.writes,
        r.total,
        r.comments ?? '–',
      ]),
      align: ['left', 'left', ...operations.map(() => 'right' as const), 'right', 'right', 'right'],
      notes: [
        'Counted from the emulator request log. The run uses a token: the policy is read through the API ' +
          '(from the base commit on a pull request, 404 here: the default policy applies), and on a pull request ' +
          'the sticky comment is listed, then created (failing, none yet: list, create, list again to converge on one), ' +
          'updated (content changed) or left alone (unchanged, or passing with none).',
      ],
    };
  });
}
