import { describe, expect, it } from '@jest/globals';
import type { Emulator } from '@release-policy/github-emulator';
import { gatherGitHubFacts } from './api-facts.js';
import { GitHubApiError } from './errors.js';
import type { OctokitLog } from './log.js';
import { createOctokit } from './octokit.js';
import { captureStdout } from './testing/actions-env.js';
import { FULL_NAME, OWNER, REPO, useEmulator } from './testing/emulator.js';

const TOKEN = 'ghs_ApiFactsToken0123456789abcdef';
const start = useEmulator({ token: TOKEN, now: () => new Date('2025-03-14T09:00:00Z') });
const repo = { owner: OWNER, repo: REPO };
const HEAD_SHA = 'a'.repeat(40);
const BASE_SHA = 'b'.repeat(40);
const quiet: OctokitLog = { debug() {}, info() {}, warn() {}, error() {} };

function make(emulator: Emulator) {
  return createOctokit({
    token: TOKEN,
    baseUrl: emulator.url,
    retryAfterBaseMs: 1,
    retries: 0,
    maskToken: false,
    log: quiet,
  });
}

function seedBotPull(emulator: Emulator) {
  emulator.seed.user('dependabot[bot]');
  return emulator.seed.pull({
    repo: FULL_NAME,
    number: 7,
    title: 'chore(deps): bump left-pad',
    body: null,
    user: 'dependabot[bot]',
    labels: ['dependencies', 'javascript'],
    draft: true,
    head: { ref: 'dependabot/npm/left-pad-2.0.0', sha: HEAD_SHA },
    base: { ref: 'main', sha: BASE_SHA },
  });
}

const BOT_PULL = {
  number: 7,
  title: 'chore(deps): bump left-pad',
  body: '',
  labels: ['dependencies', 'javascript'],
  author: 'dependabot[bot]',
  authorType: 'Bot',
  draft: true,
  head: { ref: 'dependabot/npm/left-pad-2.0.0', sha: HEAD_SHA },
  base: { ref: 'main', sha: BASE_SHA },
};

describe('gatherGitHubFacts: the pull request', () => {
  it('re-reads a pull request by number: a null body is "", labels are names, a bot author', async () => {
    const emulator = await start();
    seedBotPull(emulator);
    const gathered = await gatherGitHubFacts({
      octokit: make(emulator),
      repo,
      needs: ['branch', 'pullRequest'],
      pullRequest: 7,
    });
    expect(gathered).toEqual({ pullRequest: BOT_PULL, notices: [] });
    expect(emulator.requests.map((r) => r.operationId)).toEqual(['pulls/get']);
  });

  it('finds the open pull request by its head branch, asking for OWNER:BRANCH', async () => {
    const emulator = await start();
    emulator.seed.pull({ repo: FULL_NAME, number: 3, head: { ref: 'other', sha: BASE_SHA } });
    seedBotPull(emulator);
    const gathered = await gatherGitHubFacts({
      octokit: make(emulator),
      repo,
      needs: ['pullRequest'],
      pullRequest: { head: 'dependabot/npm/left-pad-2.0.0' },
    });
    expect(gathered).toEqual({ pullRequest: BOT_PULL, notices: [] });
    expect(emulator.requests.map((r) => [r.operationId, r.query])).toEqual([
      [
        'pulls/list',
        { head: `${OWNER}:dependabot/npm/left-pad-2.0.0`, state: 'open', per_page: '100' },
      ],
    ]);
  });

  it('gives no pull-request fact and says why when no open pull request comes from the branch', async () => {
    const emulator = await start();
    emulator.seed.pull({
      repo: FULL_NAME,
      number: 4,
      state: 'closed',
      head: { ref: 'feature/x', sha: HEAD_SHA },
    });
    const gathered = await gatherGitHubFacts({
      octokit: make(emulator),
      repo,
      needs: ['pullRequest'],
      pullRequest: { head: 'feature/x' },
    });
    expect(gathered).toEqual({
      notices: [
        `No open pull request comes from branch "feature/x" in ${FULL_NAME}, so the checks had no pull-request facts. ` +
          'Push the branch and open a pull request, or run in its workflow.',
      ],
    });
  });

  it('converts a failed call once into a GitHubApiError naming the route', async () => {
    const emulator = await start();
    const error = await gatherGitHubFacts({
      octokit: make(emulator),
      repo,
      needs: ['pullRequest'],
      pullRequest: 99,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect([(error as GitHubApiError).status, (error as GitHubApiError).operation]).toEqual([
      404,
      'GET /repos/{owner}/{repo}/pulls/{pull_number}',
    ]);
  });
});

describe('gatherGitHubFacts: the releases', () => {
  function seedReleases(emulator: Emulator, count: number): void {
    for (let i = 1; i <= count; i += 1) {
      emulator.seed.release({
        repo: FULL_NAME,
        tagName: `v1.${i}.0`,
        name: i % 2 === 0 ? `Release 1.${i}.0` : null,
        prerelease: i === count,
        publishedAt: '2025-03-01T00:00:00Z',
      });
    }
    emulator.seed.release({
      repo: FULL_NAME,
      tagName: 'v9.0.0',
      name: null,
      draft: true,
      publishedAt: null,
    });
  }

  it('reads every release over two pages of 100, drafts included', async () => {
    const emulator = await start();
    seedReleases(emulator, 120);
    const gathered = await gatherGitHubFacts({
      octokit: make(emulator),
      repo,
      needs: ['releases'],
    });
    expect(gathered.notices).toEqual([]);
    expect(gathered.releases?.truncated).toBe(false);
    const items = gathered.releases?.items ?? [];
    expect(items).toHaveLength(121);
    const stored = emulator.state.releases;
    expect(new Set(items.map((r) => r.id))).toEqual(new Set(stored.map((r) => r.id)));
    const byTag = (tag: string) => items.find((r) => r.tag === tag);
    expect([byTag('v1.2.0'), byTag('v1.3.0'), byTag('v1.120.0'), byTag('v9.0.0')]).toEqual([
      {
        id: stored[1]?.id,
        tag: 'v1.2.0',
        name: 'Release 1.2.0',
        draft: false,
        prerelease: false,
        publishedAt: '2025-03-01T00:00:00Z',
      },
      {
        id: stored[2]?.id,
        tag: 'v1.3.0',
        name: '',
        draft: false,
        prerelease: false,
        publishedAt: '2025-03-01T00:00:00Z',
      },
      {
        id: stored[119]?.id,
        tag: 'v1.120.0',
        name: 'Release 1.120.0',
        draft: false,
        prerelease: true,
        publishedAt: '2025-03-01T00:00:00Z',
      },
      { id: stored[120]?.id, tag: 'v9.0.0', name: '', draft: true, prerelease: false },
    ]);
    expect(emulator.requests.map((r) => [r.operationId, r.query.page ?? '1'])).toEqual([
      ['repos/list-releases', '1'],
      ['repos/list-releases', '2'],
    ]);
  });

  it('stops at the bound and says so', async () => {
    const emulator = await start();
    seedReleases(emulator, 150);
    const gathered = await gatherGitHubFacts({
      octokit: make(emulator),
      repo,
      needs: ['releases'],
      maxReleases: 100,
    });
    expect([gathered.releases?.items.length, gathered.releases?.truncated]).toEqual([100, true]);
    expect(gathered.notices).toEqual([
      'Only the newest 100 releases were read; older ones were left out of the checks.',
    ]);
    expect(emulator.requestsFor('repos/list-releases')).toHaveLength(2);
  });

  it('reads nothing that is not needed', async () => {
    const emulator = await start();
    const gathered = await gatherGitHubFacts({
      octokit: make(emulator),
      repo,
      needs: ['branch', 'version'],
      pullRequest: 7,
    });
    expect([gathered, emulator.requests.length]).toEqual([{ notices: [] }, 0]);
  });
});

describe('gatherGitHubFacts: the merged pull requests', () => {
  it('lists the closed pull requests once, over two pages, keeping the merged ones', async () => {
    const emulator = await start();
    for (let number = 1; number <= 150; number += 1) {
      const merged = number % 3 !== 0;
      emulator.seed.pull({
        repo: FULL_NAME,
        number,
        title: `change ${number}`,
        body: number === 150 ? '## Risk\nlow' : null,
        state: 'closed',
        merged,
        mergedAt: merged ? '2025-03-01T00:00:00Z' : null,
      });
    }
    emulator.seed.pull({ repo: FULL_NAME, number: 151, title: 'open one' });
    emulator.requests.length = 0;
    const gathered = await gatherGitHubFacts({
      octokit: make(emulator),
      repo,
      needs: ['mergedPullRequests'],
    });
    const items = gathered.mergedPullRequests?.items ?? [];
    expect([
      items.length,
      items[0]?.number,
      items[0]?.body,
      items.some((p) => p.number % 3 === 0),
    ]).toEqual([100, 149, '', false]);
    expect(emulator.requests.map((r) => r.operationId)).toEqual(['pulls/list', 'pulls/list']);
  });
});

describe('createOctokit without masking', () => {
  it('prints nothing (masking would print the token outside a runner)', async () => {
    const emulator = await start();
    const { stdout } = await captureStdout(() => make(emulator));
    expect(stdout).toBe('');
  });
});
