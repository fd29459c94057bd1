/**
 * Hostile and broken input, end to end: shell text in a branch name, workflow
 * commands in branch names and titles, the output delimiter in a value, a
 * malformed policy on the base branch, a pull request that edits the policy
 * it is checked by, and action inputs out of range. Each one ends with a
 * clear answer and nothing of the input runs.
 */
import { describe, expect, it } from '@jest/globals';
import { readdir } from 'node:fs/promises';
import { createRepo, packageJson } from './git-repo.js';
import {
  BASE_SHA,
  HEAD_SHA,
  POLICY_PATH,
  failureMessage,
  findHygieneProblems,
  listForeignCommands,
  makeWorkspace,
  readFindings,
  runCheck,
  seedPush,
  seedPullRequest,
  stickyComments,
  withEmulator,
  type CheckId,
} from './helpers.js';

const FINDING_TITLE = 'Branch name: branch-name';

describe('shell text in a branch name', () => {
  it.concurrent.each(['a";echo${IFS}pwn;#', '$(touch${IFS}pwned)`touch pwned2`'])(
    'branch-name reports %j literally and runs none of it',
    (branch) =>
      withEmulator(async (emulator) => {
        const workspace = await makeWorkspace();
        try {
          const pr = seedPullRequest(emulator, { head: branch });
          const run = await runCheck(emulator, 'branch-name', { ...pr, cwd: workspace.dir });

          expect(run.exitCode).toBe(1);
          const finding = run.annotations.find((a) => a.title === FINDING_TITLE);
          expect(finding?.message).toContain(
            `Branch ${JSON.stringify(branch)} matches no branch kind`,
          );
          expect(await readdir(workspace.dir)).toEqual([]);
          expect(run.stdout).not.toMatch(/^pwn$/m);
          expect(stickyComments(emulator, 'branch-name')[0]?.body).toContain('**branch**: ');
          expect(findHygieneProblems(run)).toEqual([]);
        } finally {
          await workspace.remove();
        }
      }),
  );

  it.concurrent('the version action gives shell text in a branch name to git as data only', () =>
    withEmulator(async (emulator) => {
      const repo = await createRepo([
        { message: 'feat: start', files: { 'package.json': packageJson('0.1.0') } },
      ]);
      try {
        const branch = 'a";touch${IFS}pwned;#';
        const sha = await repo.git('rev-parse', 'HEAD');
        const run = await runCheck(emulator, 'version', {
          ...seedPush(emulator, `refs/heads/${branch}`, sha),
          cwd: repo.dir,
        });

        expect(run.exitCode).toBe(0);
        expect(run.summary).toContain('| branch | a";touch${IFS}pwned;# |');
        expect(await repo.git('status', '--porcelain', '--untracked-files=all')).toBe('');
        expect(findHygieneProblems(run)).toEqual([]);
      } finally {
        await repo.remove();
      }
    }),
  );
});

describe('workflow commands in untrusted text', () => {
  it.concurrent.each([
    ['an escaped line break', 'feature/CHG-1-x%0A::error::x', undefined],
    ['stop-commands', '::stop-commands::pwn', undefined],
    ['CR and LF', 'feature/CHG-1-a\r\n::error::pwned\r::warning::w\n##[error]legacy', undefined],
    ['a pull request title', 'wip', 'Fix\r\n::error::from the title\n::set-env name=X::1'],
  ])('never become commands: %s', (_label, branch, title) =>
    withEmulator(async (emulator) => {
      const pr = seedPullRequest(emulator, { head: branch, title });
      const run = await runCheck(emulator, 'branch-name', pr);

      expect(run.exitCode).toBe(1);
      expect(listForeignCommands(run.stdout)).toEqual([]);
      // Exactly our own annotations: the finding and the step's failure.
      expect(run.annotations.map((a) => [a.level, a.title])).toEqual([
        ['error', FINDING_TITLE],
        ['error', undefined],
      ]);
      expect(run.annotations[0]?.message).toContain(`Branch ${JSON.stringify(branch)}`);
      expect(findHygieneProblems(run)).toEqual([]);
    }),
  );
});

describe('the output delimiter in a value', () => {
  it.concurrent('a branch name holding delimiter text and "ok=true" lines stays in its value', () =>
    withEmulator(async (emulator) => {
      const branch = 'feature/CHG-1-x\nghadelimiter_0\nok=true\nkind<<EOF\nfeature\nEOF';
      const pr = seedPullRequest(emulator, { head: branch });
      const run = await runCheck(emulator, 'branch-name', pr);

      expect(run.exitCode).toBe(1);
      expect(Object.keys(run.outputs).sort()).toEqual([
        'base',
        'findings',
        'kind',
        'name',
        'ok',
        'ticket',
        'version',
      ]);
      // The name output carries the whole name, delimiter text and all, as one value.
      expect(run.outputs).toMatchObject({ name: branch, base: 'main', kind: '', ok: 'false' });
      expect(readFindings(run)[0]?.message).toContain(`Branch ${JSON.stringify(branch)}`);
      expect(findHygieneProblems(run)).toEqual([]);
    }),
  );

  it.concurrent('a version input holding delimiter text keeps every output intact', () =>
    withEmulator(async (emulator) => {
      const repo = await createRepo([
        { message: 'feat: start', files: { 'package.json': packageJson('0.1.0') } },
      ]);
      try {
        const version = '0.1.0\nghadelimiter_0\nprerelease=true\ntag<<X\nv9.9.9\nX';
        const run = await runCheck(emulator, 'version', {
          ...seedPush(emulator, 'refs/heads/main', await repo.git('rev-parse', 'HEAD')),
          cwd: repo.dir,
          inputs: { version },
        });

        expect(run.exitCode).toBe(1);
        expect(run.outputs).toMatchObject({ prerelease: 'false', tag: 'v0.1.0', ok: 'false' });
        const format = readFindings(run).find((f) => f.rule === 'version-format');
        expect(format?.message).toContain(`version input: ${JSON.stringify(version).slice(0, 20)}`);
        expect(findHygieneProblems(run)).toEqual([]);
      } finally {
        await repo.remove();
      }
    }),
  );
});

const MALFORMED_POLICY = `mainline: main
branches:
  kinds:
    feature:
      patterns: ['feature/{ticket}-{slug}']
      into: [nowhere]
  bogus: 1
`;

describe('the policy file', () => {
  it.concurrent(
    'a malformed policy on the base branch fails with annotations at file:line:col',
    () =>
      withEmulator(async (emulator) => {
        const pr = seedPullRequest(emulator, {
          head: 'feature/CHG-1-x',
          basePolicy: MALFORMED_POLICY,
        });
        const run = await runCheck(emulator, 'branch-name', pr);

        expect(run.exitCode).toBe(1);
        const located = run.annotations.filter((a) => a.file !== undefined);
        expect(located.map((a) => [a.level, a.file, a.line, a.col])).toEqual([
          ['error', POLICY_PATH, 6, 14],
          ['error', POLICY_PATH, 7, 3],
        ]);
        expect(located[0]?.message).toMatch(
          /^branches\.kinds\.feature\.into\[0\] names the unknown merge target "nowhere"/,
        );
        expect(located[1]?.message).toMatch(
          /^Unknown key "bogus" in branches\. Allowed keys here: ticket-keys, kinds/,
        );
        // One line: the problems themselves are the annotations above and the summary.
        expect(failureMessage(run)).toBe(
          'The policy has 2 problems; see the annotations and the job summary.',
        );
        expect(Object.keys(run.outputs).sort()).toEqual(['findings', 'ok']);
        expect(readFindings(run).map((f) => [f.rule, f.line])).toEqual([
          ['policy-file', 6],
          ['policy-file', 7],
        ]);
        expect(stickyComments(emulator, 'branch-name')[0]?.body).toContain('policy-file');
        expect(findHygieneProblems(run)).toEqual([]);
      }),
  );

  it.concurrent('a pull request that relaxes the policy is still checked by the base policy', () =>
    withEmulator(async (emulator) => {
      const pr = seedPullRequest(emulator, {
        head: 'feature/CHG-1-x',
        // Strict at the base: only OPS tickets. The head would allow any key.
        basePolicy: `branches:\n  ticket-keys: [OPS]\n  kinds:\n    feature:\n      patterns: ['feature/{ticket}-{slug}']\n      into: [mainline]\n`,
        headPolicy: `branches:\n  ticket-keys: []\n`,
      });
      const run = await runCheck(emulator, 'branch-name', pr);

      expect(run.exitCode).toBe(1);
      expect(readFindings(run).map((f) => f.rule)).toEqual(['branch-name']);
      expect(run.summary).toContain(`| policy | ${POLICY_PATH} |`);
      const reads = run.requests.filter((r) => r.operationId === 'repos/get-content');
      expect(reads.map((r) => r.query.ref)).toEqual([BASE_SHA]);
      expect(reads.map((r) => r.query.ref)).not.toContain(HEAD_SHA);
      expect(findHygieneProblems(run)).toEqual([]);
    }),
  );
});

describe('action inputs', () => {
  it.concurrent.each<[CheckId, Record<string, string>, RegExp]>([
    [
      'branch-name',
      { policy: '../outside/policy.yml' },
      /^The policy input "\.\.\/outside\/policy\.yml" leaves the repository\. Give a repository-relative path, e\.g\. "\.github\/release-policy\.yml"\. Read more: https:\/\/github\.com\/release-policy\/release-policy\/blob\/v0\.1\.0\/docs\/actions\.md#policy-file$/,
    ],
    [
      'version',
      { token: '' },
      /^A pull request is checked against the policy of its base branch, .*but no token was given\. Pass the token input .*Read more: https:\/\/github\.com\/release-policy\/release-policy\/blob\/v0\.1\.0\/docs\/actions\.md#policy-file$/,
    ],
  ])('%s refuses %j with a clear error', (check, inputs, message) =>
    withEmulator(async (emulator) => {
      const workspace = await makeWorkspace();
      try {
        const pr = seedPullRequest(emulator, { head: 'feature/CHG-1-x' });
        const run = await runCheck(emulator, check, { ...pr, inputs, cwd: workspace.dir });

        expect(run.exitCode).toBe(1);
        expect(failureMessage(run)).toMatch(message);
        expect(run.requests).toEqual([]);
        expect(run.outputs).toEqual({});
        expect(listForeignCommands(run.stdout)).toEqual([]);
      } finally {
        await workspace.remove();
      }
    }),
  );
});
