import { describe, expect, it } from '@jest/globals';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import {
  checkCliJson,
  createTestRepo,
  writePackageJson,
  type CapturedRun,
  type CliJson,
  type TestRepo,
} from '../testing/harness.js';

/** One version scenario: how to build the repository, how to run, what to expect. */
interface Scenario {
  name: string;
  setup: (repo: TestRepo) => Promise<unknown>;
  argv?: string[];
  env?: Record<string, string>;
  code: 0 | 1;
  /** `rule:severity` of every finding, in order. */
  rules: string[];
  /** Fields the `version` object must have (absent keys are not checked). */
  version?: Partial<NonNullable<CliJson['version']>>;
  /** Text every finding message together must contain. */
  says?: string[];
}

const pkg = (version: string) => ({ 'package.json': writePackageJson(version) });

/** A first release 1.0.0, tagged v1.0.0. */
async function released(repo: TestRepo): Promise<void> {
  await repo.commit('feat: first release', pkg('1.0.0'));
  repo.git(['tag', 'v1.0.0']);
}

const scenarios: Scenario[] = [
  {
    name: 'a valid first version passes',
    setup: (repo) => repo.commit('feat: start', pkg('0.1.0')),
    code: 0,
    rules: [],
    version: { version: '0.1.0', bump: 'minor', recommended: '0.1.0', tag: 'v0.1.0' },
  },
  {
    name: '"v1.2.3" inside package.json',
    setup: (repo) => repo.commit('feat: start', pkg('v1.2.3')),
    code: 1,
    rules: ['version-format:error'],
    version: { bump: 'unknown' },
    says: ['"v1.2.3" is not a valid version: it starts with "v"', 'e.g. "1.4.0"'],
  },
  {
    name: '"01.2.3" (leading zero)',
    setup: (repo) => repo.commit('feat: start', pkg('01.2.3')),
    code: 1,
    rules: ['version-format:error'],
    says: ['the MAJOR part "01" has a leading zero (write "1")'],
  },
  {
    name: '"1.2" (two numbers)',
    setup: (repo) => repo.commit('feat: start', pkg('1.2')),
    code: 1,
    rules: ['version-format:error'],
    says: ['did you mean "1.2.0"?'],
  },
  {
    name: 'a pushed tag that disagrees with the manifest',
    setup: async (repo) => {
      await released(repo);
      await repo.commit('feat: more', pkg('1.1.0'));
      repo.git(['tag', 'v1.2.0']);
    },
    env: { GITHUB_REF: 'refs/tags/v1.2.0' },
    code: 1,
    rules: ['version-agree:error'],
    says: ['2 different versions ("1.1.0", "1.2.0")', 'tag "v1.2.0" declares "1.2.0"'],
  },
  {
    name: 'a pushed tag that agrees with the manifest (detached HEAD, as on a runner)',
    setup: async (repo) => {
      await released(repo);
      await repo.commit('feat: more', pkg('1.1.0'));
      repo.git(['tag', 'v1.1.0']);
      repo.git(['checkout', '--quiet', '--detach', 'v1.1.0']);
    },
    env: { GITHUB_REF: 'refs/tags/v1.1.0' },
    code: 0,
    rules: [],
    version: { version: '1.1.0', previous: '1.0.0', bump: 'minor', tag: 'v1.1.0' },
  },
  {
    name: 'a version that is already tagged, on a branch that does not release it',
    setup: released,
    code: 0,
    rules: [],
    version: { version: '1.0.0', previous: '1.0.0', bump: 'none', recommended: '1.0.1' },
  },
  {
    // A push to a release line between releases releases nothing (issue 7): a notice, exit 0.
    name: 'a version that is the latest release of a release branch',
    setup: async (repo) => {
      await released(repo);
      repo.git(['checkout', '--quiet', '-b', 'release/1.0']);
    },
    code: 0,
    rules: ['version-increment:notice'],
    version: { version: '1.0.0', previous: '1.0.0', bump: 'none', recommended: '1.0.1' },
    says: [
      'is the latest release on the 1.0.x line (tag "v1.0.0"), so no release is pending on branch "release/1.0"',
      'set the next version, e.g. "1.0.1", and tag it',
    ],
  },
  {
    name: 'a version that is tagged below the latest release, on a release branch',
    setup: async (repo) => {
      await released(repo);
      repo.git(['checkout', '--quiet', '-b', 'release/1.0']);
      await repo.commit('fix: crash', pkg('1.0.1'));
      repo.git(['tag', 'v1.0.1']);
      await repo.commit('fix: back out', pkg('1.0.0'));
    },
    code: 1,
    rules: ['version-increment:error'],
    version: { version: '1.0.0', previous: '1.0.1', bump: 'none', recommended: '1.0.2' },
    says: [
      'is already released: the tag "v1.0.0" exists',
      'branch "release/1.0" releases 1.0.x versions',
      'the next one would be "1.0.2"',
    ],
  },
  {
    name: 'feat! after v1.0.0 with 1.0.1 declared',
    setup: async (repo) => {
      await released(repo);
      await repo.commit('feat!: drop the old API', pkg('1.0.1'));
    },
    code: 1,
    rules: ['version-bump:error'],
    version: { version: '1.0.1', previous: '1.0.0', bump: 'patch', recommended: '2.0.0' },
    says: [
      'is a patch step after "1.0.0"',
      'implies a major release',
      '"feat!: drop the old API" (breaking change -> major)',
    ],
  },
  {
    name: 'a BREAKING CHANGE footer implies major too',
    setup: async (repo) => {
      await released(repo);
      await repo.commit('fix: rename\n\nBREAKING CHANGE: the flag is gone', pkg('1.0.1'));
    },
    code: 1,
    rules: ['version-bump:error'],
    version: { recommended: '2.0.0' },
  },
  {
    name: 'feat after v1.0.0 with 1.1.0 declared',
    setup: async (repo) => {
      await released(repo);
      await repo.commit('fix: typo');
      await repo.commit('feat: export', pkg('1.1.0'));
    },
    code: 0,
    rules: [],
    version: { version: '1.1.0', previous: '1.0.0', bump: 'minor', recommended: '1.1.0' },
  },
  {
    name: '1.0.0-rc.10 after the 1.0.0-rc.2 tag',
    setup: async (repo) => {
      await repo.commit('feat: start', pkg('1.0.0-rc.2'));
      repo.git(['tag', 'v1.0.0-rc.2']);
      await repo.commit('fix: more', pkg('1.0.0-rc.10'));
    },
    code: 0,
    rules: [],
    version: { version: '1.0.0-rc.10', prerelease: true, bump: 'prerelease' },
  },
  {
    name: '1.0.0-rc.2 after the 1.0.0-rc.10 tag',
    setup: async (repo) => {
      await repo.commit('feat: start', pkg('1.0.0-rc.10'));
      repo.git(['tag', 'v1.0.0-rc.10']);
      await repo.commit('fix: more', pkg('1.0.0-rc.2'));
    },
    code: 1,
    rules: ['version-prerelease:error'],
    version: { version: '1.0.0-rc.2', prerelease: true },
    says: ['sorts before the pre-release "v1.0.0-rc.10"', 'e.g. "1.0.0-rc.11"'],
  },
  {
    name: 'a pre-release identifier the policy does not allow',
    setup: (repo) => repo.commit('feat: start', pkg('1.0.0-preview.1')),
    code: 1,
    rules: ['version-format:error'],
    says: ['"preview"', 'Allowed first identifiers: "alpha", "beta", "rc"'],
  },
  {
    name: 'VERSION argument that disagrees with package.json',
    setup: (repo) => repo.commit('feat: start', pkg('1.1.0')),
    argv: ['version', '1.2.0', '--json'],
    code: 1,
    rules: ['version-agree:error'],
    says: ['("1.2.0", "1.1.0")', 'version input declares "1.2.0"'],
  },
  {
    name: 'VERSION argument with the tag prefix that agrees',
    setup: (repo) => repo.commit('feat: start', pkg('1.1.0')),
    argv: ['version', 'v1.1.0', '--json'],
    code: 0,
    rules: [],
    version: { version: '1.1.0' },
  },
  {
    name: 'a version off the release line of the branch',
    setup: async (repo) => {
      await released(repo);
      repo.git(['checkout', '--quiet', '-b', 'release/1.4']);
      await repo.commit('feat: line', pkg('1.5.0'));
    },
    code: 1,
    // The line's first release takes the mainline's bump (issue 7), so the feat commit is no warning.
    rules: ['version-line:error'],
    version: { recommended: '1.4.0' },
    says: ['is not on the release line of branch "release/1.4"'],
  },
  {
    name: 'a hotfix branch whose name disagrees with package.json',
    setup: async (repo) => {
      await released(repo);
      repo.git(['checkout', '--quiet', '-b', 'hotfix/1.0.2']);
      await repo.commit('fix: crash', pkg('1.0.1'));
    },
    code: 1,
    rules: ['version-agree:error', 'version-line:error'],
    version: { recommended: '1.0.2' },
    says: ['branch "hotfix/1.0.2" declares "1.0.2"', 'releases exactly the version in its name'],
  },
  {
    name: 'a required version file that is missing',
    setup: (repo) =>
      repo.commit('feat: start', {
        '.github/release-policy.yml': 'versioning:\n  files: [VERSION]\n',
      }),
    code: 1,
    rules: ['version-files:error'],
    says: ['"VERSION"'],
  },
  {
    name: 'a plain-text VERSION file the policy names',
    setup: async (repo) => {
      await repo.commit('feat: start', {
        '.github/release-policy.yml': 'versioning:\n  files: [VERSION]\n',
        VERSION: '1.0.0\n',
      });
      repo.git(['tag', 'v1.0.0']);
      await repo.commit('feat: next', { VERSION: '1.1.0\n' });
    },
    code: 0,
    rules: [],
    version: { version: '1.1.0', previous: '1.0.0', tag: 'v1.1.0' },
  },
];

/** Builds a fresh repository for one scenario, runs `fn`, and removes it. */
async function withRepo<T>(setup: Scenario['setup'], fn: (repo: TestRepo) => Promise<T>) {
  const repo = await createTestRepo();
  try {
    await setup(repo);
    return await fn(repo);
  } finally {
    await repo.cleanup();
  }
}

function expectValid(run: CapturedRun): CliJson {
  const doc = run.json();
  expect(checkCliJson(doc)).toEqual([]);
  return doc;
}

describe('version', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    await withRepo(s.setup, async (repo) => {
      const run = await repo.run(s.argv ?? ['version', '--json'], { extraEnv: s.env });
      expect(run.stderr).toBe('');
      const doc = expectValid(run);
      expect(doc.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(s.rules);
      expect(run.code).toBe(s.code);
      expect(doc.ok).toBe(s.code === 0);
      expect(doc.branch).toBeUndefined();
      expect(doc.version).toMatchObject(s.version ?? {});
      const messages = doc.findings.map((f) => f.message).join('\n');
      for (const text of s.says ?? []) expect(messages).toContain(text);
      // Every finding points at a section of the documentation.
      for (const f of doc.findings)
        expect(f.docs).toMatch(
          /^https:\/\/github\.com\/release-policy\/release-policy\/blob\/v0\.1\.0\/docs\/[a-z]+\.md#[a-z-]+$/,
        );
    });
  });

  it('points a version-file finding at the value in the file', async () => {
    await withRepo(
      (repo) => repo.commit('feat: start', pkg('v1.2.3')),
      async (repo) => {
        const run = await repo.run(['version', '--json']);
        const [finding] = expectValid(run).findings;
        expect(finding).toMatchObject({ file: 'package.json', line: 3 });
        const line = writePackageJson('v1.2.3').split('\n')[(finding?.line ?? 0) - 1] ?? '';
        expect(line.slice((finding?.column ?? 0) - 1)).toMatch(/^v1\.2\.3"/);

        const text = await repo.run(['version']);
        expect(text.code).toBe(1);
        expect(text.stdout).toContain(`✖ package.json:3:${finding?.column}: `);
        expect(text.stdout).toMatch(/^version +\(none declared\)$/m);
        expect(text.stdout).toMatch(/^bump +unknown$/m);
        expect(text.stdout).toMatch(/\n1 error, 0 warnings, 0 notices\n$/);
      },
    );
  });

  it('refuses a version file linked into .git, never quoting the file', async () => {
    await withRepo(
      async (repo) => {
        await repo.commit('feat: start');
        await symlink('.git/config', join(repo.dir, 'package.json'));
      },
      async (repo) => {
        const run = await repo.run(['version', '--json']);
        const doc = expectValid(run);
        expect(run.code).toBe(1);
        expect(doc.findings.map((f) => [f.rule, f.file, f.message])).toEqual([
          [
            'version-files',
            'package.json',
            expect.stringContaining(
              'The version file "package.json" leads outside the working tree or into .git (through a symbolic link, or a path inside .git), so it was not read;',
            ),
          ],
        ]);
        expect(run.stdout).not.toContain('[core]');
      },
    );
  });

  it('shows previous release, bump and recommendation in text mode', async () => {
    await withRepo(
      async (repo) => {
        await released(repo);
        await repo.commit('feat!: drop the old API', pkg('1.0.1'));
      },
      async (repo) => {
        const run = await repo.run(['version']);
        expect(run.code).toBe(1);
        expect(run.stdout).toMatch(/^version +1\.0\.1$/m);
        expect(run.stdout).toMatch(/^previous +1\.0\.0$/m);
        expect(run.stdout).toMatch(/^bump +patch$/m);
        expect(run.stdout).toMatch(/^recommended +2\.0\.0$/m);
        expect(run.stdout).toMatch(/^tag +v1\.0\.1$/m);
        expect(run.stdout).toMatch(/^ {4}fix: Set the version to "2\.0\.0"/m);
      },
    );
  });

  it('check runs branch and version together and collects every finding', async () => {
    await withRepo(
      async (repo) => {
        await released(repo);
        repo.git(['checkout', '--quiet', '-b', 'wip']);
        await repo.commit('feat!: drop the old API', pkg('1.0.1'));
      },
      async (repo) => {
        const run = await repo.run(['check', '--json']);
        expect(run.code).toBe(1);
        const doc = expectValid(run);
        expect(doc.findings.map((f) => f.rule).sort()).toEqual(['branch-name', 'version-bump']);
        expect(doc.branch).toEqual({ name: 'wip' });
        expect(doc.version?.recommended).toBe('2.0.0');
      },
    );
  });

  it('completes a depth-1 clone from origin, then gives the answer of the whole history', async () => {
    const origin = await createTestRepo();
    try {
      await released(origin);
      await origin.commit('feat: one', pkg('1.0.0'));
      await origin.commit('fix: two', pkg('1.0.0'));
      const clone = await createTestRepo({ init: false });
      try {
        clone.git(['clone', '--quiet', '--depth', '1', `file://${origin.dir}`, '.']);
        const run = await clone.run(['version', '--json']);
        // 1.0.0 is released (tag v1.0.0, visible only after the fetch) and a feat follows it.
        const doc = expectValid(run);
        expect([run.code, doc.version?.previous, doc.version?.recommended]).toEqual([
          0,
          '1.0.0',
          '1.1.0',
        ]);
        expect(doc.findings.map((f) => `${f.rule}:${f.severity}:${f.message}`)).toContainEqual(
          `version-bump:notice:The clone was shallow, so its whole history and every tag were fetched from "origin" before checking. Check out with fetch-depth: 0 to save the fetch.`,
        );
        expect(clone.git(['rev-parse', '--is-shallow-repository']).trim()).toBe('false');
      } finally {
        await clone.cleanup();
      }
    } finally {
      await origin.cleanup();
    }
  });

  it('stops a shallow clone without a remote with exit 2, suggesting no fetch that cannot work', async () => {
    const origin = await createTestRepo();
    try {
      await released(origin);
      await origin.commit('fix: two', pkg('1.0.1'));
      const clone = await createTestRepo({ init: false });
      try {
        clone.git(['clone', '--quiet', '--depth', '1', `file://${origin.dir}`, '.']);
        clone.git(['remote', 'remove', 'origin']);
        const run = await clone.run(['version']);
        expect(run.code).toBe(2);
        expect(run.stderr).toBe(
          'release-policy: The clone is shallow (its history is cut off), so release tags and commits since the last release may be missing and the version check could pass where it should fail. ' +
            'It has no remote origin to fetch the rest from. Add the remote the clone came from (git remote add origin URL) and run the check again, which then fetches the rest itself; ' +
            'or clone the repository again with its whole history (git clone URL, without --depth). See https://github.com/release-policy/release-policy/blob/v0.1.0/docs/git.md#shallow-clone\n',
        );
      } finally {
        await clone.cleanup();
      }
    } finally {
      await origin.cleanup();
    }
  });
});
