import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultPolicy, type Policy, type VersionFileSpec } from '@release-policy/core';
import { gatherBranchFacts, gatherVersionFacts, readPushedTag, type RunnerEnv } from './facts.js';
import { createGit, type Git } from './git.js';
import { createTempRepo, withTempRepo, type TempRepo } from './testing/temp-repo.js';

function policyWithFiles(files: VersionFileSpec[]): Policy {
  const policy = defaultPolicy();
  return { ...policy, versioning: { ...policy.versioning, files } };
}

const file = (path: string, optional = false): VersionFileSpec => ({
  path,
  format: 'auto',
  optional,
});

const PACKAGE_JSON = '{\n  "name": "demo",\n  "version": "%s"\n}\n';
const packageJson = (version: string) => PACKAGE_JSON.replace('%s', version);

describe('readPushedTag', () => {
  it.each<[RunnerEnv, string | undefined]>([
    [{ GITHUB_REF: 'refs/tags/v1.2.3' }, 'v1.2.3'],
    [{ GITHUB_REF: 'refs/tags/release/1.x' }, 'release/1.x'],
    [{ GITHUB_REF: 'refs/heads/main' }, undefined],
    [{ GITHUB_REF: 'refs/pull/7/merge' }, undefined],
    [{ GITHUB_REF: 'refs/tags/' }, undefined],
    [{}, undefined],
  ])('reads %j as %j', (env, tag) => {
    expect(readPushedTag(env)).toBe(tag);
  });
});

describe('gatherBranchFacts', () => {
  let repo: TempRepo;
  let git: Git;

  beforeAll(async () => {
    repo = await createTempRepo();
    git = createGit({ cwd: repo.dir, env: repo.env });
    await repo.commit('chore: init\n');
  });
  afterAll(() => repo.cleanup());

  const pullRequest: RunnerEnv = {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_HEAD_REF: 'feature/CHG-2-add-login',
    GITHUB_BASE_REF: 'release/1.4',
  };
  const push: RunnerEnv = {
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/heads/hotfix/1.4.3',
    GITHUB_HEAD_REF: '',
    GITHUB_BASE_REF: '',
  };
  const tagPush: RunnerEnv = {
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/tags/v1.4.3',
    GITHUB_HEAD_REF: '',
  };

  it.each<
    [string, { branch?: string; base?: string; env: RunnerEnv }, { name: string; base?: string }]
  >([
    [
      'a pull request from the environment',
      { env: pullRequest },
      { name: 'feature/CHG-2-add-login', base: 'release/1.4' },
    ],
    ['a push from the environment', { env: push }, { name: 'hotfix/1.4.3' }],
    [
      'explicit values, normalised',
      { branch: 'refs/heads/fix/CHG-3-x', base: 'refs/heads/main', env: pullRequest },
      { name: 'fix/CHG-3-x', base: 'main' },
    ],
    [
      'an explicit branch without base (the environment base is not mixed in)',
      { branch: 'fix/CHG-3-x', env: pullRequest },
      { name: 'fix/CHG-3-x' },
    ],
    [
      'an explicit base with a pushed branch',
      { base: 'main', env: push },
      { name: 'hotfix/1.4.3', base: 'main' },
    ],
    [
      'an explicit base overriding the pull request base',
      { base: 'main', env: pullRequest },
      { name: 'feature/CHG-2-add-login', base: 'main' },
    ],
    ['a tag push, falling back to the checked-out branch', { env: tagPush }, { name: 'main' }],
    ['no runner environment', { env: {} }, { name: 'main' }],
    [
      'blank values, ignored',
      { branch: '  ', base: '', env: { GITHUB_HEAD_REF: '', GITHUB_REF: '' } },
      { name: 'main' },
    ],
  ])('reads %s', async (_name, input, expected) => {
    expect(await gatherBranchFacts({ git, ...input })).toEqual(expected);
  });

  it('passes a hostile branch name through as data', async () => {
    const name = "x;touch$IFS'pwned';#";
    expect(
      await gatherBranchFacts({ git, env: { GITHUB_HEAD_REF: name, GITHUB_BASE_REF: 'main' } }),
    ).toEqual({ name, base: 'main' });
    repo.git(['checkout', '--quiet', '-b', name]);
    try {
      expect(await gatherBranchFacts({ git, env: {} })).toEqual({ name });
    } finally {
      repo.git(['checkout', '--quiet', 'main']);
    }
  });

  it('returns undefined on a detached HEAD outside a branch event', async () => {
    repo.git(['checkout', '--quiet', '--detach', 'main']);
    try {
      expect(await gatherBranchFacts({ git, env: tagPush })).toBeUndefined();
    } finally {
      repo.git(['checkout', '--quiet', 'main']);
    }
  });
});

describe('gatherVersionFacts end to end', () => {
  let repo: TempRepo;
  let git: Git;
  const sha: Record<string, string> = {};

  beforeAll(async () => {
    repo = await createTempRepo();
    git = createGit({ cwd: repo.dir, env: repo.env });
    // main: v1.0.0 <- fix <- v1.1.0 <- feat <- fix (HEAD, declares 1.2.0)
    // hotfix/1.0.1 branches off v1.0.0.
    sha.initial = await repo.commit('feat: initial\n', { 'package.json': packageJson('1.0.0') });
    repo.git(['tag', '-a', 'v1.0.0', '-m', 'release 1.0.0']);
    sha.fixA = await repo.commit('fix: a\n');
    repo.git(['tag', 'v1.1.0']);
    repo.git(['tag', 'not-a-release']);
    sha.featB = await repo.commit('feat: b\n\nbody\n');
    sha.fixC = await repo.commit('fix: c\n', { 'package.json': packageJson('1.2.0') });
    repo.git(['checkout', '--quiet', '-b', 'hotfix/1.0.1', 'v1.0.0']);
    sha.hotfix = await repo.commit('fix: urgent\n', { 'package.json': packageJson('1.0.1') });
    repo.git(['checkout', '--quiet', 'main']);
    const outside = await repo.makeDir();
    await writeFile(join(outside, 'secret.json'), '{ "version": "SECRET-VALUE" }\n');
    await symlink(join(outside, 'secret.json'), join(repo.dir, 'leak.json'));
  });
  afterAll(() => repo.cleanup());

  it('gathers sources with positions, file problems, tags, the previous tag and the commits since it', async () => {
    const policy = policyWithFiles([
      file('package.json', true),
      file('VERSION'),
      file('optional/VERSION', true),
      file('../escape/package.json'),
      file('/etc/passwd'),
      file('leak.json'),
    ]);
    const facts = await gatherVersionFacts({
      git,
      cwd: repo.dir,
      policy,
      branch: { name: 'main' },
      inputVersion: '1.2.0',
    });
    expect(facts.sources).toEqual([
      { kind: 'input', value: '1.2.0', label: 'version input' },
      // `  "version": "1.2.0"`: the value starts on line 3, column 15 (inside the quotes).
      {
        kind: 'file',
        value: '1.2.0',
        file: 'package.json',
        line: 3,
        column: 15,
        label: 'package.json "version"',
      },
    ]);
    expect(facts.fileProblems?.map((p) => [p.file, p.problem])).toEqual([
      ['VERSION', 'missing'],
      ['../escape/package.json', 'unreadable'],
      ['/etc/passwd', 'unreadable'],
      ['leak.json', 'unreadable'],
    ]);
    expect(facts.fileProblems?.[1]?.detail).toContain('contains ".."');
    expect(facts.fileProblems?.[2]?.detail).toContain('is absolute');
    expect(facts.fileProblems?.[3]?.detail).toContain('leads outside the working tree');
    expect(JSON.stringify(facts)).not.toContain('SECRET-VALUE');
    expect(facts.tags).toEqual(['not-a-release', 'v1.0.0', 'v1.1.0']);
    expect(facts.previousTag).toBe('v1.1.0');
    // Each commit with what the version rules read: its sha and message.
    expect(facts.commits).toEqual([
      { sha: sha.fixC, message: 'fix: c' },
      { sha: sha.featB, message: 'feat: b\n\nbody' },
    ]);
    expect(facts.shallow).toBe(false);
    expect(facts.pushedTag).toBeUndefined();
    expect(facts.tagsBeforePushed).toBeUndefined();
    expect(facts.history).toBeUndefined();
  });

  it('takes listed tags and commits already read from the previous release, and reads them itself otherwise', async () => {
    const policy = policyWithFiles([file('package.json', true)]);
    const plain = await gatherVersionFacts({ git, cwd: repo.dir, policy });
    const commits = plain.commits ?? [];
    const reused = await gatherVersionFacts({
      git,
      cwd: repo.dir,
      policy,
      tags: plain.tags,
      read: { since: 'v1.1.0', commits },
    });
    expect(reused).toEqual(plain);
    // Commits read since another tag are not the ones the version check needs: git is asked.
    const other = await gatherVersionFacts({
      git,
      cwd: repo.dir,
      policy,
      read: { since: 'v1.0.0', commits: commits.slice(0, 1) },
    });
    expect(other.commits?.map((c) => c.sha)).toEqual([sha.fixC, sha.featB]);
    // The listed tags are taken as given (the caller has just listed them).
    const listed = await gatherVersionFacts({ git, cwd: repo.dir, policy, tags: ['v1.0.0'] });
    expect([listed.tags, listed.previousTag]).toEqual([['v1.0.0'], 'v1.0.0']);
  });

  it('orders sources input, file, branch, tag on a hotfix branch with a pushed tag', async () => {
    repo.git(['checkout', '--quiet', 'hotfix/1.0.1']);
    repo.git(['tag', 'v1.0.1']);
    try {
      const facts = await gatherVersionFacts({
        git,
        cwd: repo.dir,
        policy: policyWithFiles([file('package.json')]),
        branch: { name: 'hotfix/1.0.1', base: 'main' },
        inputVersion: '1.0.1',
        pushedTag: 'v1.0.1',
      });
      expect(facts.sources.map((s) => [s.kind, s.value])).toEqual([
        ['input', '1.0.1'],
        ['file', '1.0.1'],
        ['branch', '1.0.1'],
        ['tag', 'v1.0.1'],
      ]);
      expect(facts.fileProblems).toBeUndefined();
      expect(facts.pushedTag).toBe('v1.0.1');
      expect(facts.tags).toContain('v1.0.1');
      // The previous release on the 1.0 line, not the pushed tag itself and not v1.1.0.
      expect(facts.previousTag).toBe('v1.0.0');
      // The tags before the pushed one in history: not v1.1.0 on main.
      expect(facts.tagsBeforePushed).toEqual(['v1.0.0', 'v1.0.1']);
      expect(facts.commits).toEqual([{ sha: sha.hotfix, message: 'fix: urgent' }]);
    } finally {
      repo.git(['tag', '-d', 'v1.0.1']);
      repo.git(['checkout', '--quiet', 'main']);
    }
  });

  it('uses a pushed tag on a detached checkout to find the previous release', async () => {
    repo.git(['tag', 'v1.2.0', 'main']);
    repo.git(['checkout', '--quiet', '--detach', 'v1.2.0']);
    try {
      const facts = await gatherVersionFacts({
        git,
        cwd: repo.dir,
        policy: policyWithFiles([]),
        pushedTag: 'v1.2.0',
      });
      expect(facts.sources).toEqual([
        { kind: 'tag', value: 'v1.2.0', label: expect.stringContaining('v1.2.0') },
      ]);
      expect(facts.previousTag).toBe('v1.1.0');
      expect(facts.tagsBeforePushed).toEqual(['not-a-release', 'v1.0.0', 'v1.1.0', 'v1.2.0']);
      expect(facts.commits?.map((c) => c.sha)).toEqual([sha.fixC, sha.featB]);
    } finally {
      repo.git(['checkout', '--quiet', 'main']);
      repo.git(['tag', '-d', 'v1.2.0']);
    }
  });

  it('reads version files through a custom reader, and reports a reader failure as unreadable', async () => {
    const policy = policyWithFiles([file('package.json'), file('broken.json')]);
    const readFile = async (path: string) => {
      if (path === 'broken.json') throw new Error('disk on fire');
      return git.readFileAt('v1.0.0', path);
    };
    const facts = await gatherVersionFacts({ git, cwd: repo.dir, policy, readFile });
    expect(facts.sources.map((s) => [s.kind, s.value, s.file])).toEqual([
      ['file', '1.0.0', 'package.json'],
    ]);
    expect(facts.fileProblems).toEqual([
      { file: 'broken.json', problem: 'unreadable', detail: 'disk on fire' },
    ]);
  });

  it('reports a version file without a version', async () => {
    const policy = policyWithFiles([file('docs.json')]);
    const facts = await gatherVersionFacts({
      git,
      cwd: repo.dir,
      policy,
      readFile: async () => '{ "name": "x" }',
    });
    expect(facts.fileProblems).toEqual([
      expect.objectContaining({ file: 'docs.json', problem: 'no-version' }),
    ]);
  });
});

describe('gatherVersionFacts without release tags', () => {
  it('reads all history up to the cap and says when it cut the list', async () => {
    await withTempRepo(async (repo) => {
      const shas = [];
      for (let i = 0; i < 5; i += 1) shas.push(await repo.commit(`feat: ${i}\n`));
      const git = createGit({ cwd: repo.dir, env: repo.env });
      const policy = policyWithFiles([]);
      const all = await gatherVersionFacts({ git, cwd: repo.dir, policy, maxCommits: 5 });
      expect(all.previousTag).toBeUndefined();
      expect(all.commits?.map((c) => c.sha)).toEqual([...shas].reverse());
      expect(all.history).toBeUndefined();
      const capped = await gatherVersionFacts({ git, cwd: repo.dir, policy, maxCommits: 3 });
      expect(capped.commits?.map((c) => c.sha)).toEqual([...shas].reverse().slice(0, 3));
      expect(capped.history).toEqual({ limit: 3 });
      repo.git(['tag', 'v0.1.0', shas[0]!]);
      const since = await gatherVersionFacts({ git, cwd: repo.dir, policy, maxCommits: 2 });
      expect(since.history).toEqual({ limit: 2, since: 'v0.1.0' });
    });
  });

  it('copes with a repository that has no commits', async () => {
    await withTempRepo(async (repo) => {
      const git = createGit({ cwd: repo.dir, env: repo.env });
      const facts = await gatherVersionFacts({ git, cwd: repo.dir, policy: policyWithFiles([]) });
      expect(facts.tags).toEqual([]);
      expect(facts.commits).toBeUndefined();
      expect(facts.history).toEqual({ empty: true });
    });
  });

  it('marks a shallow clone', async () => {
    await withTempRepo(async (origin) => {
      await origin.commit('feat: one\n');
      origin.git(['tag', 'v0.1.0']);
      await origin.commit('fix: two\n');
      const cwd = await origin.cloneShallow();
      const git = createGit({ cwd, env: origin.env });
      const facts = await gatherVersionFacts({ git, cwd, policy: policyWithFiles([]) });
      expect(facts.shallow).toBe(true);
      // The version-bump rule reports it from `shallow`; the history is otherwise whole.
      expect(facts.history).toBeUndefined();
      expect(facts.commits?.map((c) => c.message)).toEqual(['fix: two']);
    });
  });
});
