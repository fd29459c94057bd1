/**
 * The version action from its bundle when package.json still declares the
 * latest release: on a feature or bot branch nothing is being released, so
 * an already-tagged version passes; on a run that releases it (a release
 * branch, the explicit version input) it is still an error. And the action
 * run in a sub-folder (`working-directory: app`) reports its findings on
 * the repository's path, `app/package.json`.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { createRepo, packageJson, withRepo, type CommitSpec, type TempRepo } from './git-repo.js';
import {
  failureMessage,
  findHygieneProblems,
  readFindings,
  runCheck,
  seedPullRequest,
  seedPush,
  stickyComments,
  withEmulator,
  writesOf,
} from './helpers.js';

/** v1.0.0, then v1.1.0 released, then more work on the mainline (package.json stays 1.1.0). */
const RELEASED: CommitSpec[] = [
  { message: 'chore: init', files: { 'package.json': packageJson('1.0.0') }, tags: ['v1.0.0'] },
  { message: 'feat: add login' },
  {
    message: 'chore(release): 1.1.0',
    files: { 'package.json': packageJson('1.1.0') },
    tags: ['v1.1.0'],
  },
  { message: 'feat: remember the user' },
];

/** The pull request: its head branch, the run's variables and inputs. */
type PullCase = [
  label: string,
  head: string,
  extra: { env?: Record<string, string>; inputs?: Record<string, string> },
];

describe('version action: a version that is already tagged', () => {
  let shared: Promise<TempRepo> | undefined;
  /** One repository for every case here; the runs only read it. */
  const useRepo = () => (shared ??= createRepo(RELEASED));
  afterAll(async () => {
    await (await shared)?.remove();
  });

  const passing: PullCase[] = [
    ['a feature pull request', 'feature/CHG-3-remember-user', {}],
    [
      'a dependabot pull request',
      'dependabot/npm_and_yarn/lodash-4.17.21',
      { env: { GITHUB_ACTOR: 'dependabot[bot]', GITHUB_TRIGGERING_ACTOR: 'dependabot[bot]' } },
    ],
  ];

  it.concurrent.each(passing)('passes %s: nothing is being released', (_label, head, extra) =>
    withEmulator(async (emulator) => {
      const repo = await useRepo();
      const pr = seedPullRequest(emulator, { head, headSha: await repo.git('rev-parse', 'HEAD') });
      const run = await runCheck(emulator, 'version', { ...pr, cwd: repo.dir, ...extra });

      expect(run.exitCode).toBe(0);
      expect(readFindings(run).filter((f) => f.severity === 'error')).toEqual([]);
      expect(readFindings(run).map((f) => f.rule)).not.toContain('version-increment');
      expect(run.outputs).toEqual({
        version: '1.1.0',
        previous: '1.1.0',
        bump: 'none',
        recommended: '1.2.0',
        prerelease: 'false',
        tag: 'v1.1.0',
        ok: 'true',
        findings: '[]',
      });
      expect(run.summary).toContain('### ✅ Version: passed');
      // A passing first run writes no comment.
      expect(writesOf(run.requests)).toEqual([]);
      expect(findHygieneProblems(run)).toEqual([]);
    }),
  );

  it.concurrent("passes a release branch at its line's latest tag: no release is pending", () =>
    withEmulator(async (emulator) => {
      const repo = await useRepo();
      const head = 'release/1.1';
      const pr = seedPullRequest(emulator, { head, headSha: await repo.git('rev-parse', 'HEAD') });
      const run = await runCheck(emulator, 'version', { ...pr, cwd: repo.dir });

      expect(run.exitCode).toBe(0);
      expect(readFindings(run).map((f) => [f.rule, f.severity])).toEqual([
        ['version-increment', 'notice'],
      ]);
      expect(readFindings(run)[0]?.message).toContain(
        'no release is pending on branch "release/1.1"',
      );
      expect(findHygieneProblems(run)).toEqual([]);
    }),
  );

  const releasing: [label: string, head: string, inputs: Record<string, string>, why: string][] = [
    [
      'the version input on a feature branch',
      'feature/CHG-3-remember-user',
      { version: '1.1.0' },
      'the version input asks to release it',
    ],
  ];

  it.concurrent.each(releasing)('fails %s, which releases it', (_label, head, inputs, why) =>
    withEmulator(async (emulator) => {
      const repo = await useRepo();
      const pr = seedPullRequest(emulator, { head, headSha: await repo.git('rev-parse', 'HEAD') });
      const run = await runCheck(emulator, 'version', { ...pr, cwd: repo.dir, inputs });

      expect(run.exitCode).toBe(1);
      const increment = readFindings(run).filter((f) => f.rule === 'version-increment');
      expect(increment).toHaveLength(1);
      expect(increment[0]?.severity).toBe('error');
      expect(increment[0]?.message).toContain('is already released: the tag "v1.1.0" exists');
      expect(increment[0]?.message).toContain(why);
      expect(failureMessage(run)).toMatch(/^Version: \d policy errors?; see the annotations/);
      expect(stickyComments(emulator, 'version')).toHaveLength(1);
      expect(findHygieneProblems(run)).toEqual([]);
    }),
  );
});

describe('version action in a sub-folder (working-directory)', () => {
  /** The app lives in app/: v1.1.0 tagged, then a tag v1.2.0 pushed on a commit declaring 1.1.0. */
  const history: CommitSpec[] = [
    {
      message: 'chore: init',
      files: { 'app/package.json': packageJson('1.0.0'), 'README.md': '# monorepo\n' },
      tags: ['v1.0.0'],
    },
    { message: 'feat: add login' },
    { message: 'chore(release): 1.1.0', files: { 'app/package.json': packageJson('1.1.0') } },
  ];

  it.concurrent.each(['app', './app/'])(
    'with working-directory %j annotates app/package.json, not package.json',
    (workingDirectory) =>
      withRepo(history, (repo) =>
        withEmulator(async (emulator) => {
          await repo.git('tag', 'v1.2.0');
          const push = seedPush(emulator, 'refs/tags/v1.2.0', await repo.git('rev-parse', 'HEAD'));
          const run = await runCheck(emulator, 'version', {
            ...push,
            cwd: repo.dir,
            inputs: { 'working-directory': workingDirectory },
          });

          expect(run.exitCode).toBe(1);
          expect(readFindings(run).map((f) => [f.rule, f.severity, f.file, f.line])).toEqual([
            ['version-agree', 'error', 'app/package.json', 3],
          ]);
          const onFiles = run.annotations.filter((a) => a.file !== undefined);
          expect(onFiles).toEqual([
            expect.objectContaining({ level: 'error', file: 'app/package.json', line: 3 }),
          ]);
          expect(run.summary).toContain('app/package.json');
          expect(run.outputs).toMatchObject({ version: '1.1.0', tag: 'v1.1.0', ok: 'false' });
          expect(findHygieneProblems(run)).toEqual([]);
        }),
      ),
  );
});
