import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { branchCheck, defineCheck } from '@release-policy/core';
import { GitHubApiError } from '@release-policy/github';
import { useEmulator } from '@release-policy/github-emulator/testing';
import type { Emulator } from '@release-policy/github-emulator';
import { createGit } from '@release-policy/git';
import { resolveGitHubAccess } from './api.js';
import { parseCliArgs } from './args.js';
import { runCheckCommand } from './commands/check.js';
import type { CliIo } from './io.js';
import {
  checkCliJson,
  createTestRepo,
  FIXED_NOW,
  writePackageJson,
  type TestRepo,
} from './testing/harness.js';

const TOKEN = 'ghp_CliSecretToken0123456789abcdef';
const BRANCH = 'feature/CHG-1234-add-login';
const HEAD_SHA = 'c'.repeat(40);
const BASE_SHA = 'd'.repeat(40);
const start = useEmulator({ repos: ['octo/service'], token: TOKEN });

/** A check that needs the pull request, as a check on its body and labels would. */
const pullRequestCheck = defineCheck({
  name: 'pull-request',
  title: 'Pull request',
  action: 'pull-request',
  command: {
    name: 'pull-request',
    summary: 'check the pull request',
    usage: '',
    example: 'release-policy pull-request',
  },
  sections: [],
  rules: [],
  needs: ['branch', 'pullRequest'],
  outputs: [],
  summarize(facts) {
    const pull = facts.pullRequest;
    if (!pull) return {};
    return {
      number: pull.number,
      body: pull.body,
      labels: pull.labels.join(','),
      author: `${pull.author} (${pull.authorType})`,
      head: `${pull.head.ref}@${pull.head.sha}`,
    };
  },
  describe: (values) => ({ 'pull request': `#${String(values.number)}` }),
});

const SKIP_MESSAGE =
  'Skipped the check "pull-request": it needs facts only the GitHub API knows, and there is no token. ' +
  'Give one in GITHUB_TOKEN or GH_TOKEN, e.g. GITHUB_TOKEN=$(gh auth token) release-policy check.';

let repo: TestRepo;
beforeAll(async () => {
  repo = await createTestRepo();
  await repo.commit('feat: start', { 'package.json': writePackageJson('0.1.0') });
  repo.git(['checkout', '--quiet', '-b', BRANCH]);
  await repo.commit('feat: login form');
});
afterAll(() => repo.cleanup());

/** Runs the check command on the test repository with captured output. */
async function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    cwd: repo.dir,
    env: { ...repo.env, ...env },
    color: false,
    now: () => FIXED_NOW,
  };
  const args = parseCliArgs(['check', ...argv]);
  const result = await runCheckCommand(args, io, [branchCheck, pullRequestCheck]);
  return { result, stderr: err.join('') };
}

function seedPull(emulator: Emulator): void {
  emulator.seed.user('renovate[bot]');
  emulator.seed.pull({
    repo: 'octo/service',
    number: 12,
    title: 'feat: login form',
    body: null,
    user: 'renovate[bot]',
    labels: ['feature'],
    head: { ref: BRANCH, sha: HEAD_SHA },
    base: { ref: 'main', sha: BASE_SHA },
  });
}

function setOrigin(url: string | undefined): void {
  repo.git(['remote', 'remove', 'origin'], {});
  if (url) repo.git(['remote', 'add', 'origin', url]);
}

describe('checks that need the GitHub API, on the CLI', () => {
  beforeAll(() => {
    repo.git(['remote', 'add', 'origin', 'git@github.com:octo/service.git']);
  });

  it('skips them without a token, says which and how to give one, and runs the others', async () => {
    const { result, stderr } = await run([]);
    expect(result.exitCode).toBe(0);
    expect(stderr).toBe('');
    expect(result.json).toEqual({
      ok: true,
      findings: [
        {
          rule: 'github-api',
          severity: 'notice',
          message: SKIP_MESSAGE,
          docs: 'https://github.com/release-policy/release-policy/blob/v0.1.0/docs/cli.md#github-api',
        },
      ],
      policy: '(default policy)',
      skipped: [{ check: 'pull-request', reason: 'no GitHub token: set GITHUB_TOKEN or GH_TOKEN' }],
      branch: { name: BRANCH, kind: 'feature', ticket: 'CHG-1234' },
    });
    expect(checkCliJson(result.json)).toEqual([]);
    expect(result.text).toContain(SKIP_MESSAGE);
  });

  it('runs a check that only wants the pull request without a token, skipping nothing', async () => {
    const wanting = defineCheck({
      ...pullRequestCheck,
      name: 'wanting',
      needs: ['branch'],
      wants: ['pullRequest'],
      outputs: [{ name: 'body', description: 'The body, when the pull request was read.' }],
    });
    const io: CliIo = {
      stdout: () => undefined,
      stderr: () => undefined,
      cwd: repo.dir,
      env: { ...repo.env },
      color: false,
      now: () => FIXED_NOW,
    };
    const result = await runCheckCommand(parseCliArgs(['check']), io, [wanting]);
    expect(result.exitCode).toBe(0);
    expect(result.json).toEqual({ ok: true, findings: [], policy: '(default policy)' });
  });

  it('reads the pull request from the branch, with GH_TOKEN and GITHUB_API_URL, for the origin repository', async () => {
    const emulator = await start();
    seedPull(emulator);
    const { result, stderr } = await run([], { GH_TOKEN: TOKEN, GITHUB_API_URL: emulator.url });
    expect(stderr).toBe('');
    expect(result.json).toEqual({
      ok: true,
      findings: [],
      policy: '(default policy)',
      branch: { name: BRANCH, kind: 'feature', ticket: 'CHG-1234' },
      'pull-request': {
        number: 12,
        body: '',
        labels: 'feature',
        author: 'renovate[bot] (Bot)',
        head: `${BRANCH}@${HEAD_SHA}`,
      },
    });
    expect(emulator.requests.map((r) => [r.operationId, r.query.head])).toEqual([
      ['pulls/list', `octo:${BRANCH}`],
    ]);
    expect(emulator.requests[0]?.requestHeaders.authorization).toBe(`token ${TOKEN}`);
  });

  it('prefers GITHUB_TOKEN, and reads the pull request by number on a pull-request run', async () => {
    const emulator = await start();
    seedPull(emulator);
    const { result } = await run([], {
      GITHUB_TOKEN: TOKEN,
      GH_TOKEN: 'ghp_wrong',
      GITHUB_API_URL: emulator.url,
      GITHUB_REF: 'refs/pull/12/merge',
      GITHUB_HEAD_REF: BRANCH,
      GITHUB_BASE_REF: 'main',
    });
    expect((result.json['pull-request'] as { number: number }).number).toBe(12);
    expect(emulator.requests.map((r) => r.operationId)).toEqual(['pulls/get']);
  });

  it("looks the pull request up by --branch, not by the run's pull-request number", async () => {
    const emulator = await start();
    seedPull(emulator);
    const { result } = await run(['--branch', BRANCH], {
      GITHUB_TOKEN: TOKEN,
      GITHUB_API_URL: emulator.url,
      GITHUB_REF: 'refs/pull/99/merge',
    });
    expect((result.json['pull-request'] as { number: number }).number).toBe(12);
    expect(emulator.requests.map((r) => r.operationId)).toEqual(['pulls/list']);
  });

  it('asks about the --repo repository instead of origin', async () => {
    const emulator = await start({ repos: ['team/app'] });
    emulator.seed.pull({ repo: 'team/app', number: 3, head: { ref: BRANCH, sha: HEAD_SHA } });
    const { result } = await run(['--repo', 'team/app'], {
      GITHUB_TOKEN: TOKEN,
      GITHUB_API_URL: emulator.url,
    });
    expect((result.json['pull-request'] as { number: number }).number).toBe(3);
    expect(emulator.requests.map((r) => [r.path, r.query.head])).toEqual([
      ['/repos/team/app/pulls', `team:${BRANCH}`],
    ]);
  });

  it('skips them when origin names no GitHub repository, and says to give --repo', async () => {
    setOrigin('/srv/git/service.git');
    try {
      const { result } = await run(['--json'], { GITHUB_TOKEN: TOKEN });
      expect([result.json.skipped, result.json.findings]).toEqual([
        [
          {
            check: 'pull-request',
            reason: 'no GitHub repository: give --repo OWNER/NAME (origin is not a GitHub URL)',
          },
        ],
        [
          {
            rule: 'github-api',
            severity: 'notice',
            message:
              'Skipped the check "pull-request": it needs facts only the GitHub API knows, and there is no GitHub ' +
              'repository: the origin remote is missing or not a GitHub URL. Give one, e.g. --repo octo-org/service.',
            docs: 'https://github.com/release-policy/release-policy/blob/v0.1.0/docs/cli.md#github-api',
          },
        ],
      ]);
    } finally {
      setOrigin('git@github.com:octo/service.git');
    }
  });

  it('fails with a GitHubApiError that never shows the token when GitHub refuses it', async () => {
    const emulator = await start();
    const wrong = 'ghp_WrongToken0123456789abcdef';
    const error = await run([], { GITHUB_TOKEN: wrong, GITHUB_API_URL: emulator.url }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GitHubApiError);
    expect([(error as GitHubApiError).status, (error as Error).message.includes(wrong)]).toEqual([
      401,
      false,
    ]);
  });
});

describe("the CLI's API calls against a server that never answers", () => {
  it('end in bounded time with bounded attempts, naming the host and the request', async () => {
    const emulator = await start();
    seedPull(emulator);
    emulator.fault({ kind: 'hang', times: Infinity });
    const warnings: string[] = [];
    const { access } = await resolveGitHubAccess({
      checks: [pullRequestCheck],
      env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: emulator.url },
      git: createGit({ cwd: repo.dir }),
      repo: 'octo/service',
      stderr: (text) => warnings.push(text),
      timeouts: { requestTimeoutMs: 50, callDeadlineMs: 30_000, retryAfterBaseMs: 1 },
    });
    const message = await access?.octokit.rest.pulls
      .get({ owner: 'octo', repo: 'service', pull_number: 12 })
      .then(
        () => 'answered',
        (error: Error) => error.message,
      );
    const host = new URL(emulator.url).host;
    expect([message?.slice(0, message.indexOf(' The server')), emulator.requests.length]).toEqual([
      `GET /repos/{owner}/{repo}/pulls/{pull_number} on ${host} got no answer: 4 attempts, each given 0.05 s, within the call's limit of 30 s.`,
      4,
    ]);
  });
});
