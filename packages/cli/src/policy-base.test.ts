import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TOPIC_ONLY_POLICY, createTestRepo, type TestRepo } from './testing/harness.js';

/** Only `topic/...` branches into `main`: strict. */
const STRICT = TOPIC_ONLY_POLICY;

/** The same plus `anything/{rest}`: what a pull request might try to slip in. */
const RELAXED = `${STRICT}    anything:\n      patterns: ['anything/{rest}']\n      into: [mainline]\n`;

let repo: TestRepo;
beforeAll(async () => {
  repo = await createTestRepo();
  await repo.commit('chore: strict policy', { '.github/release-policy.yml': STRICT });
  repo.git(['checkout', '--quiet', '-b', 'anything/go']);
  await repo.commit('chore: relax the policy', { '.github/release-policy.yml': RELAXED });
});
afterAll(() => repo.cleanup());

describe('the policy comes from the base branch, as in CI', () => {
  it('without a base, the working tree policy applies (the branch passes)', async () => {
    const run = await repo.run(['branch', '--json']);
    expect(run.code).toBe(0);
    expect(run.json().policy).toBe('.github/release-policy.yml');
  });

  it('with --base main, the base policy applies: the pull request cannot relax it', async () => {
    const run = await repo.run(['branch', '--base', 'main', '--json']);
    expect(run.code).toBe(1);
    const doc = run.json();
    expect(doc.policy).toBe('.github/release-policy.yml on main');
    expect(doc.findings.map((f) => f.rule)).toEqual(['branch-name']);
  });

  it('GITHUB_BASE_REF on a runner does the same', async () => {
    const run = await repo.run(['check', '--json'], {
      extraEnv: { GITHUB_HEAD_REF: 'anything/go', GITHUB_BASE_REF: 'main' },
    });
    expect(run.code).toBe(1);
    expect(run.json().policy).toBe('.github/release-policy.yml on main');
  });

  it('falls back to origin/BASE when only the remote-tracking branch exists', async () => {
    const sha = repo.git(['rev-parse', 'main']);
    repo.git(['update-ref', 'refs/remotes/origin/release-base', sha]);
    const run = await repo.run(['branch', '--base', 'release-base', '--json']);
    expect(run.json().policy).toBe('.github/release-policy.yml on origin/release-base');
  });

  it('a base that is not in the clone: the working tree, with a notice saying so', async () => {
    const run = await repo.run(['branch', '--base', 'nowhere', '--json']);
    const doc = run.json();
    expect(doc.policy).toBe('.github/release-policy.yml');
    const notice = doc.findings.find((f) => f.rule === 'policy-file');
    expect(notice?.severity).toBe('notice');
    expect(notice?.message).toContain('"nowhere"');
    expect(notice?.message).toContain('git fetch origin nowhere');
  });

  it('an explicit --policy always wins over the base branch', async () => {
    const run = await repo.run([
      'branch',
      '--base',
      'main',
      '--policy',
      '.github/release-policy.yml',
      '--json',
    ]);
    expect(run.json().policy).toBe('.github/release-policy.yml');
    expect(run.json().findings.filter((f) => f.rule === 'branch-name')).toEqual([]);
  });

  it('a base without a policy file means the default policy', async () => {
    repo.git(['checkout', '--quiet', '--orphan', 'bare']);
    repo.git(['rm', '-rq', '--cached', '.']);
    await repo.commit('chore: nothing');
    repo.git(['checkout', '--quiet', '-f', 'anything/go']);
    const run = await repo.run(['branch', '--base', 'bare', '--json']);
    expect(run.json().policy).toBe('(default policy: no .github/release-policy.yml on bare)');
  });
});

describe('a detached HEAD', () => {
  it('says that no branch was checked instead of skipping it silently', async () => {
    const sha = repo.git(['rev-parse', 'HEAD']);
    repo.git(['checkout', '--quiet', '--detach', sha]);
    try {
      const run = await repo.run(['check', '--json']);
      const doc = run.json();
      expect(doc.branch).toBeUndefined();
      expect(doc.findings).toContainEqual(
        expect.objectContaining({ rule: 'branch-name', severity: 'notice' }),
      );
      expect(doc.findings.find((f) => f.rule === 'branch-name')?.message).toContain(
        '--branch NAME',
      );
    } finally {
      repo.git(['checkout', '--quiet', '-f', 'anything/go']);
    }
  });
});
