import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  countReachableCommits,
  ensureHistoryRepo,
  planHistory,
  resolveHistoryCache,
} from './history-repo.js';
import {
  checkFullLogAnswer,
  checkPeerAnswer,
  FULL_LOG_PEER,
  listHistoryScenarios,
} from './history-scenarios.js';
import { runGit } from './lib/git-fixture.js';

const TINY = { commits: 120, tags: 20 };

describe('planHistory', () => {
  it('plans the same history for the same options, with a mainline and a maintenance answer', () => {
    const plan = planHistory(TINY);
    expect(planHistory(TINY)).toEqual(plan);
    expect({
      commits: plan.commits.length,
      tags: plan.tagCount,
      mainline: plan.mainline,
      maintenance: plan.maintenance,
    }).toEqual({
      commits: 116,
      tags: 20,
      mainline: {
        branch: 'main',
        previousTag: 'v1.3.2',
        commitsSince: 6,
        recommended: '1.4.0',
        declared: '1.3.2',
      },
      maintenance: {
        branch: '1.2.x',
        previousTag: 'v1.2.5',
        commitsSince: 2,
        recommended: '1.2.6',
        declared: '1.2.6',
      },
    });
    const tags = plan.commits.flatMap((c) => c.tags);
    expect(tags.filter((t) => t.includes('-rc.'))).toEqual(['v1.2.0-rc.1', 'v1.2.0-rc.2']);
    expect([...new Set(plan.commits.map((c) => c.branch))]).toEqual(['main', '1.0.x', '1.2.x']);
  });

  it("backports onto each line mainline fixes made after the line's fork, subject and pull request alike", () => {
    const plan = planHistory(TINY);
    const fixesAfter = (tag: string) => {
      const fork = plan.commits.findIndex((c) => c.tags.includes(tag));
      return plan.commits
        .slice(fork + 1)
        .filter((c) => c.branch === 'main' && / \(#\d+\)$/.test(c.message.split('\n')[0]!))
        .map((c) => c.message.split('\n')[0]);
    };
    const backports = (branch: string) =>
      plan.commits
        .filter((c) => c.branch === branch && c.message.startsWith('fix('))
        .map((c) => c.message);
    const notPicked = (branch: string, tag: string) =>
      backports(branch).filter((m) => !fixesAfter(tag).includes(m));
    expect(backports('1.0.x')).toHaveLength(6);
    expect(notPicked('1.0.x', 'v1.0.2')).toEqual([]);
    // The newest line's own pending fix, after its six backports, is the one not picked.
    expect(notPicked('1.2.x', 'v1.2.2')).toEqual([backports('1.2.x')[6]]);
    expect(backports('1.2.x')[6]).toMatch(/^fix\([a-z]+\): backport a pending fix$/);
  });

  it('counts the commits a plain git log prints on each branch, a line with the mainline up to its fork', () => {
    const plan = planHistory(TINY);
    const onBranch = (branch: string) => plan.commits.filter((c) => c.branch === branch).length;
    // 1.2.x forks off v1.2.2, the mainline's 71st commit: those 71, then its own 11.
    const fork = plan.commits.findIndex((c) => c.tags.includes('v1.2.2'));
    expect({
      mainUpToFork: plan.commits.slice(0, fork + 1).filter((c) => c.branch === 'main').length,
      lineOwn: onBranch('1.2.x'),
      main: countReachableCommits(plan, 'main'),
      line: countReachableCommits(plan, '1.2.x'),
    }).toEqual({ mainUpToFork: 71, lineOwn: 11, main: 96, line: 82 });
  });
});

describe('ensureHistoryRepo', () => {
  let base: string | undefined;
  afterAll(async () => {
    if (base !== undefined) await rm(base, { recursive: true, force: true });
  });

  it('imports the plan in one stream, checks out main and the maintenance line, and reuses it', async () => {
    base = await mkdtemp(join(tmpdir(), 'history-repo-test-'));
    const repo = await ensureHistoryRepo(TINY, base);
    expect(repo.mainline).toBe(join(resolveHistoryCache(TINY, base), 'repo'));
    const { plan } = repo;
    const count = (dir: string, args: string[]) =>
      runGit(dir, args)
        .split('\n')
        .filter((l) => l !== '').length;
    expect({
      reused: repo.reused,
      tags: count(repo.mainline, ['tag', '-l']),
      all: Number(runGit(repo.mainline, ['rev-list', '--all', '--count']).trim()),
      branch: runGit(repo.maintenance, ['branch', '--show-current']).trim(),
      mainSince: count(repo.mainline, ['rev-list', `${plan.mainline.previousTag}..HEAD`]),
      lineSince: count(repo.maintenance, ['rev-list', `${plan.maintenance.previousTag}..HEAD`]),
      untaggedTags: count(repo.untagged, ['tag', '-l']),
      mainVersion: JSON.parse(await readFile(join(repo.mainline, 'package.json'), 'utf8')).version,
      lineVersion: JSON.parse(await readFile(join(repo.maintenance, 'package.json'), 'utf8'))
        .version,
      tagged: runGit(repo.mainline, ['show', `${plan.mainline.previousTag}:package.json`]),
    }).toEqual({
      reused: false,
      tags: plan.tagCount,
      all: plan.commits.length,
      branch: plan.maintenance.branch,
      mainSince: plan.mainline.commitsSince,
      lineSince: plan.maintenance.commitsSince,
      untaggedTags: 0,
      mainVersion: plan.mainline.declared,
      lineVersion: plan.maintenance.declared,
      tagged: `${JSON.stringify({ name: 'synthetic-app', version: plan.mainline.declared, private: true }, null, 2)}\n`,
    });
    expect((await ensureHistoryRepo(TINY, base)).reused).toBe(true);
    expect({
      main: Number(runGit(repo.mainline, ['rev-list', '--count', 'HEAD']).trim()),
      line: Number(runGit(repo.maintenance, ['rev-list', '--count', 'HEAD']).trim()),
    }).toEqual({
      main: countReachableCommits(plan, 'main'),
      line: countReachableCommits(plan, plan.maintenance.branch),
    });

    // The peer's check counts the commits of the range and every tag.
    const [first] = listHistoryScenarios(repo, 'cli.js', 'policy.yml');
    if (first === undefined) throw new Error('no scenario');
    const log = runGit(repo.mainline, [
      'log',
      '--format=%H%x00%B%x00',
      `${plan.mainline.previousTag}..HEAD`,
    ]);
    const tags = runGit(repo.mainline, ['tag', '-l']);
    expect(checkPeerAnswer(first, log, tags)).toBeUndefined();
    expect(checkPeerAnswer(first, log, '')).toBe(
      `the peer of "${first.name}" read ${plan.mainline.commitsSince} commits and 0 tags, ` +
        `the generator expects ${plan.mainline.commitsSince} and ${plan.tagCount}`,
    );

    // The plain git log peer reads every commit of the branch, on each checkout.
    const scenarios = listHistoryScenarios(repo, 'cli.js', 'policy.yml');
    // One scenario reads a policy file; the others take the built-in default.
    expect(scenarios.filter((s) => s.cli.includes('--policy')).map((s) => s.cli)).toEqual([
      ['cli.js', 'check', '--policy', 'policy.yml', '--json'],
    ]);
    expect(scenarios.map((s) => checkFullLogAnswer(s, runGit(s.cwd, [...FULL_LOG_PEER])))).toEqual(
      scenarios.map(() => undefined),
    );
    expect(checkFullLogAnswer(first, log)).toBe(
      `the plain git log of "${first.name}" read ${plan.mainline.commitsSince} commits, ` +
        `the generator expects ${countReachableCommits(plan, 'main')}`,
    );
  });
});
