/**
 * The version check on histories shaped like real projects' (issue 7): real
 * temporary repositories, facts from `gatherVersionFacts`, findings from
 * `evaluate` with the version check only.
 */
import { describe, expect, it } from '@jest/globals';
import {
  analyzeVersion,
  defaultPolicy,
  evaluate,
  type BranchFacts,
  type Policy,
  type VersioningPolicy,
} from '@release-policy/core';
import { gatherVersionFacts } from './facts.js';
import { createGit } from './git.js';
import { withTempRepo, type TempRepo } from './testing/temp-repo.js';

const now = new Date(0);
const packageJson = (version: string) => ({
  'package.json': `{\n  "name": "demo",\n  "version": "${version}"\n}\n`,
});

function withVersioning(versioning: Partial<VersioningPolicy>): Policy {
  const policy = defaultPolicy();
  return { ...policy, versioning: { ...policy.versioning, ...versioning } };
}

/** What a check run reports: exit status, findings (severity, rule, message) and the outputs. */
interface CheckRun {
  ok: boolean;
  findings: [string, string, string][];
  outputs: { version?: string; previous?: string; bump: string; recommended: string; tag?: string };
}

async function checkVersion(
  repo: TempRepo,
  run: { branch?: BranchFacts; pushedTag?: string; inputVersion?: string; policy?: Policy },
): Promise<CheckRun> {
  const policy = run.policy ?? defaultPolicy();
  const git = createGit({ cwd: repo.dir, env: repo.env });
  const { previousTag: _previousTag, ...version } = await gatherVersionFacts({
    git,
    cwd: repo.dir,
    policy,
    ...(run.branch === undefined ? {} : { branch: run.branch }),
    ...(run.pushedTag === undefined ? {} : { pushedTag: run.pushedTag }),
    ...(run.inputVersion === undefined ? {} : { inputVersion: run.inputVersion }),
  });
  const facts = { ...(run.branch === undefined ? {} : { branch: run.branch }), version };
  const evaluation = evaluate(facts, policy, now, { checks: ['version'] });
  const { version: declared, previous, bump, recommended, tag } = analyzeVersion(facts, policy);
  return {
    ok: evaluation.ok,
    findings: evaluation.findings.map((f) => [f.severity, f.rule, f.message]),
    outputs: {
      ...(declared === undefined ? {} : { version: declared }),
      ...(previous === undefined ? {} : { previous }),
      bump,
      recommended,
      ...(tag === undefined ? {} : { tag }),
    },
  };
}

describe('a push to a maintenance line between releases', () => {
  it('angular-cli 12.x, whose tip is the tagged release commit: a notice, exit ok', () =>
    withTempRepo(async (repo) => {
      await repo.commit('feat: standalone builders\n', packageJson('12.2.0'));
      repo.git(['tag', 'v12.2.0']);
      repo.git(['checkout', '--quiet', '-b', '12.x']);
      await repo.commit('fix(@angular/cli): handle missing workspace\n');
      await repo.commit('release: cut the v12.2.18 release\n', packageJson('12.2.18'));
      repo.git(['tag', 'v12.2.18']);
      repo.git(['checkout', '--quiet', 'main']);
      await repo.commit('feat!: drop Node 12\n', packageJson('13.0.0'));
      repo.git(['tag', 'v13.0.0']);
      repo.git(['checkout', '--quiet', '12.x']);

      expect(await checkVersion(repo, { branch: { name: '12.x' } })).toEqual({
        ok: true,
        findings: [
          [
            'notice',
            'version-increment',
            'package.json "version" "12.2.18" (package.json:3:15) is the latest release on the 12.x line (tag "v12.2.18"), so no release is pending on branch "12.x". To release from it, set the next version, e.g. "12.2.19", and tag it.',
          ],
        ],
        outputs: {
          version: '12.2.18',
          previous: '12.2.18',
          bump: 'none',
          recommended: '12.2.19',
          tag: 'v12.2.18',
        },
      });
    }));

  it('a release-please-managed 22.1.x, package.json changed only in the release commit: a notice on push, nothing on a backport pull request, exit ok', () =>
    withTempRepo(async (repo) => {
      await repo.commit('chore(main): release 22.1.0\n', packageJson('22.1.0'));
      repo.git(['tag', 'v22.1.0']);
      repo.git(['checkout', '--quiet', '-b', '22.1.x']);
      await repo.commit('fix: keep the cache on retries\n');
      await repo.commit('chore(22.1.x): release 22.1.1\n', packageJson('22.1.1'));
      repo.git(['tag', 'v22.1.1']);
      await repo.commit('fix: backport the parser fix\n');
      await repo.commit('fix: backport the retry fix\n');
      repo.git(['checkout', '--quiet', 'main']);
      await repo.commit('feat: streaming\n');
      await repo.commit('chore(main): release 22.2.0\n', packageJson('22.2.0'));
      repo.git(['tag', 'v22.2.0']);
      repo.git(['checkout', '--quiet', '22.1.x']);

      const outputs = {
        version: '22.1.1',
        previous: '22.1.1',
        bump: 'none',
        recommended: '22.1.2',
        tag: 'v22.1.1',
      };
      expect(await checkVersion(repo, { branch: { name: '22.1.x' } })).toEqual({
        ok: true,
        findings: [
          [
            'notice',
            'version-increment',
            'package.json "version" "22.1.1" (package.json:3:15) is the latest release on the 22.1.x line (tag "v22.1.1"), so no release is pending on branch "22.1.x". To release from it, set the next version, e.g. "22.1.2", and tag it.',
          ],
        ],
        outputs,
      });
      const backport = { name: 'fix/CHG-7-backport-retries', base: '22.1.x' };
      expect(await checkVersion(repo, { branch: backport })).toEqual({
        ok: true,
        findings: [],
        outputs: { ...outputs, previous: '22.2.0', recommended: '22.2.1' },
      });
    }));

  it('a release pull request into 22.1.x that changes the version is checked in full', () =>
    withTempRepo(async (repo) => {
      await repo.commit('chore(main): release 22.1.0\n', packageJson('22.1.0'));
      repo.git(['tag', 'v22.1.0']);
      await repo.commit('fix: keep the cache on retries\n', packageJson('22.1.1'));
      repo.git(['tag', 'v22.1.1']);
      // The release branch went back to an already released version.
      await repo.commit('chore(22.1.x): release 22.1.0\n', packageJson('22.1.0'));

      const run = await checkVersion(repo, {
        branch: { name: 'release-please--branches--22.1.x', base: '22.1.x' },
      });
      expect([run.ok, run.findings]).toEqual([
        false,
        [
          [
            'error',
            'version-increment',
            'package.json "version" "22.1.0" (package.json:3:15) is already released: the tag "v22.1.0" exists. Every release needs a version that was never tagged, and the pull request into "22.1.x" changes the version from the latest release "v22.1.1"; the next one would be "22.1.2".',
          ],
        ],
      ]);
    }));
});

describe('re-running an old tag job', () => {
  it('angular-cli refs/tags/v17.10.0 checked once v17.10.4 exists: compared with the releases before it, exit ok', () =>
    withTempRepo(async (repo) => {
      await repo.commit('feat: esbuild dev server\n', packageJson('17.9.0'));
      repo.git(['tag', 'v17.9.0']);
      await repo.commit('feat: application builder\n');
      await repo.commit('release: cut the v17.10.0 release\n', packageJson('17.10.0'));
      repo.git(['tag', 'v17.10.0']);
      repo.git(['checkout', '--quiet', '-b', '17.10.x']);
      for (const patch of [1, 2, 3, 4]) {
        await repo.commit(`fix: patch ${patch}\n`);
        await repo.commit(
          `release: cut the v17.10.${patch} release\n`,
          packageJson(`17.10.${patch}`),
        );
        repo.git(['tag', `v17.10.${patch}`]);
      }
      // The re-run checks out the old tag, as actions/checkout does for refs/tags/v17.10.0.
      repo.git(['checkout', '--quiet', '--detach', 'v17.10.0']);

      expect(await checkVersion(repo, { pushedTag: 'v17.10.0' })).toEqual({
        ok: true,
        findings: [],
        outputs: {
          version: '17.10.0',
          previous: '17.9.0',
          bump: 'minor',
          recommended: '17.10.0',
          tag: 'v17.10.0',
        },
      });
    }));

  it('a new tag on a commit after a later release of its line still fails', () =>
    withTempRepo(async (repo) => {
      await repo.commit('feat: first\n', packageJson('17.10.0'));
      repo.git(['tag', 'v17.10.0']);
      await repo.commit('fix: one\n', packageJson('17.10.4'));
      repo.git(['tag', 'v17.10.4']);
      await repo.commit('fix: two\n', packageJson('17.10.3'));
      repo.git(['tag', 'v17.10.3']);

      const run = await checkVersion(repo, { pushedTag: 'v17.10.3' });
      expect([run.ok, run.findings]).toEqual([
        false,
        [
          [
            'error',
            'version-increment',
            'package.json "version" "17.10.3" (package.json:3:15) is not greater than "v17.10.4", the latest release on the 17.10.x line. Versions only go up (by SemVer precedence); expected a version above "17.10.4", e.g. "17.10.5".',
          ],
        ],
      ]);
    }));
});

describe('tags without the prefix', () => {
  /** spring-session tags its releases without a prefix: 3.3.0, 3.4.0. */
  async function buildSpringSession(repo: TempRepo): Promise<void> {
    await repo.commit('Release 3.3.0\n');
    repo.git(['tag', '3.3.0']);
    await repo.commit('Release 3.4.0\n');
    repo.git(['tag', '3.4.0']);
    repo.git(['checkout', '--quiet', '-b', '3.4.x']);
    await repo.commit('Fix session expiry\n');
  }
  const noFiles = { files: [] };

  it('spring-session under the default tag-prefix: a warning with the count, an example and the policy line', () =>
    withTempRepo(async (repo) => {
      await buildSpringSession(repo);
      expect(
        await checkVersion(repo, {
          branch: { name: '3.4.x' },
          inputVersion: '3.4.0',
          policy: withVersioning(noFiles),
        }),
      ).toEqual({
        ok: true,
        findings: [
          [
            'warning',
            'version-tag-prefix',
            '2 tags look like releases but are not read as such, e.g. "3.3.0": versioning.tag-prefix is "v", so versions released under them count as unreleased. To read them, list their prefix too (new releases keep the first prefix): tag-prefix: [v, \'\'] under versioning in the policy.',
          ],
        ],
        outputs: { version: '3.4.0', bump: 'major', recommended: '3.4.0', tag: 'v3.4.0' },
      });
    }));

  it("spring-session with tag-prefix: '': 3.4.0 is released, so releasing it again fails", () =>
    withTempRepo(async (repo) => {
      await buildSpringSession(repo);
      const run = await checkVersion(repo, {
        branch: { name: '3.4.x' },
        inputVersion: '3.4.0',
        policy: withVersioning({ ...noFiles, tagPrefix: [''] }),
      });
      expect(run).toEqual({
        ok: false,
        findings: [
          [
            'error',
            'version-increment',
            'version input "3.4.0" is already released: the tag "3.4.0" exists. Every release needs a version that was never tagged, and the version input asks to release it; the next one would be "3.4.1".',
          ],
        ],
        outputs: {
          version: '3.4.0',
          previous: '3.4.0',
          bump: 'none',
          recommended: '3.4.1',
          tag: '3.4.0',
        },
      });
    }));

  it("a repository that switched from 20.3.13 to v20.3.14, described with tag-prefix: [v, '']", () =>
    withTempRepo(async (repo) => {
      await repo.commit('chore: release 20.3.13\n', packageJson('20.3.13'));
      repo.git(['tag', '20.3.13']);
      await repo.commit('fix: one more\n');
      await repo.commit('chore: release 20.3.14\n', packageJson('20.3.14'));
      repo.git(['tag', 'v20.3.14']);
      await repo.commit('fix: next\n', packageJson('20.3.15'));
      const branch = { name: '20.3.x' };

      expect(
        await checkVersion(repo, { branch, policy: withVersioning({ tagPrefix: ['v', ''] }) }),
      ).toEqual({
        ok: true,
        findings: [],
        outputs: {
          version: '20.3.15',
          previous: '20.3.14',
          bump: 'patch',
          recommended: '20.3.15',
          tag: 'v20.3.15',
        },
      });
      const unread = await checkVersion(repo, { branch });
      expect(unread.findings.map(([severity, rule]) => `${rule}:${severity}`)).toEqual([
        'version-tag-prefix:warning',
      ]);
    }));
});

describe('cutting the first release of a line', () => {
  it('angular-cli 17.0.0 from 17.0.x after v17.0.0-rc tags and breaking changes: no line warning, exit ok', () =>
    withTempRepo(async (repo) => {
      await repo.commit('feat: standalone by default\n', packageJson('16.2.9'));
      repo.git(['tag', 'v16.2.9']);
      repo.git(['checkout', '--quiet', '-b', '17.0.x']);
      await repo.commit('feat!: drop Node 16\n', packageJson('17.0.0-rc.0'));
      repo.git(['tag', 'v17.0.0-rc.0']);
      await repo.commit('fix: rc feedback\n', packageJson('17.0.0-rc.1'));
      repo.git(['tag', 'v17.0.0-rc.1']);
      await repo.commit('release: cut the v17.0.0 release\n', packageJson('17.0.0'));

      expect(await checkVersion(repo, { branch: { name: '17.0.x' } })).toEqual({
        ok: true,
        findings: [],
        outputs: {
          version: '17.0.0',
          previous: '16.2.9',
          bump: 'major',
          recommended: '17.0.0',
          tag: 'v17.0.0',
        },
      });
    }));
});

describe('suggestions above every tag of the line', () => {
  it('a release-please-managed project with v22.2.0-next.4 tagged: the example sorts above it, and the message shows the policy line', () =>
    withTempRepo(async (repo) => {
      await repo.commit('chore(main): release 22.1.0\n', packageJson('22.1.0'));
      repo.git(['tag', 'v22.1.0']);
      await repo.commit('feat: streaming\n', packageJson('22.2.0-next.4'));
      repo.git(['tag', 'v22.2.0-next.4']);
      await repo.commit('fix: streaming retries\n', packageJson('22.2.0-next.5'));

      expect(await checkVersion(repo, { branch: { name: 'main' } })).toEqual({
        ok: false,
        findings: [
          [
            'error',
            'version-format',
            'package.json "version" "22.2.0-next.5" (package.json:3:15) uses the pre-release identifier "next", which the policy does not allow. Allowed first identifiers: "alpha", "beta", "rc". Expected e.g. "22.2.0-rc.1". To allow "next", write prerelease: [alpha, beta, rc, next] under versioning in the policy.',
          ],
        ],
        outputs: {
          version: '22.2.0-next.5',
          previous: '22.1.0',
          bump: 'prerelease',
          recommended: '22.2.0',
          tag: 'v22.2.0-next.5',
        },
      });
      const allowed = withVersioning({ prerelease: ['alpha', 'beta', 'rc', 'next'] });
      expect(
        (await checkVersion(repo, { branch: { name: 'main' }, policy: allowed })).findings,
      ).toEqual([]);
    }));
});
