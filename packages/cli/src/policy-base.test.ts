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

  it('points a problem of the base policy at the file as committed on the base', async () => {
    repo.git(['checkout', '--quiet', '-b', 'broken-base', 'main']);
    await repo.commit('chore: break the policy', {
      '.github/release-policy.yml': `${STRICT}unknown-section: 1\n`,
    });
    repo.git(['checkout', '--quiet', 'anything/go']);
    const line = STRICT.split('\n').length;
    const text = await repo.run(['branch', '--base', 'broken-base']);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain(
      `\nbroken-base:.github/release-policy.yml:${line}:1: Unknown key "unknown-section"`,
    );
    const json = await repo.run(['branch', '--base', 'broken-base', '--json']);
    expect(json.json().findings.map((f) => [f.file, f.line, f.column])).toEqual([
      ['broken-base:.github/release-policy.yml', line, 1],
    ]);
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

  it('a base that is not in the clone: the working tree, with a warning naming the near branches', async () => {
    const run = await repo.run(['branch', '--base', 'mian', '--json']);
    const doc = run.json();
    expect(doc.policy).toBe('.github/release-policy.yml');
    const warning = doc.findings.find((f) => f.rule === 'policy-file');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toMatch(
      /^The base branch "mian" does not exist in this clone \(neither "mian" nor "origin\/mian"\)\. Did you mean "main"\? Branches here: .*"main".*\. So the policy was read from the working tree \(\.github\/release-policy\.yml\) and the merge direction was checked against a base that is not here\. If the branch exists on the remote, fetch it \(git fetch origin mian\) to get the answer CI gives\.$/,
    );
  });

  it('quotes a base name for the shell in the fetch it suggests', async () => {
    const run = await repo.run(['branch', '--base', 'x;touch${IFS}FILE', '--json']);
    const warning = run.json().findings.find((f) => f.rule === 'policy-file');
    expect(warning?.message).toContain("(git fetch origin 'x;touch${IFS}FILE')");
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
