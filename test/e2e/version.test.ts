/**
 * The version action from its bundle on real temporary git repositories:
 * a passing minor release, a pushed tag that disagrees with package.json, a
 * version that is not above the previous release, a bump too small for a
 * breaking change, a pre-release, and a shallow clone. Outputs are asserted
 * exactly.
 */
import { describe, expect, it } from '@jest/globals';
import type { ActionRun, Emulator } from '@release-policy/github-emulator';
import { cloneShallow, packageJson, withRepo, type CommitSpec } from './git-repo.js';
import {
  failureMessage,
  findHygieneProblems,
  markerOf,
  readFindings,
  runCheck,
  seedPush,
  seedPullRequest,
  stickyComments,
  withEmulator,
  writesOf,
} from './helpers.js';

/** v1.0.0 released, then the given commits. */
function history(...after: CommitSpec[]): CommitSpec[] {
  return [
    { message: 'chore: init', files: { 'package.json': packageJson('1.0.0') }, tags: ['v1.0.0'] },
    ...after,
  ];
}

const release = (version: string, tags?: string[]): CommitSpec => ({
  message: `chore(release): ${version}`,
  files: { 'package.json': packageJson(version) },
  tags,
});

/** One run of the version action: the history, how it is checked out and triggered. */
type Scenario = {
  /** Commits after the v1.0.0 release. */
  commits: CommitSpec[];
  /** A lightweight tag added at HEAD before the run. */
  tag?: string;
  /** Runs in a `--depth 1` clone, as actions/checkout does by default; `no-origin` also removes its remote. */
  shallow?: boolean | 'no-origin';
} & ({ push: string } | { pullFrom: string });

/**
 * Runs the version action at HEAD of a fresh repository in a fresh emulator,
 * on a push of `push` or a pull request from `pullFrom`; `check` asserts on
 * the run, and every run must also leave no hygiene problems behind.
 */
function runVersion(
  scenario: Scenario,
  check: (run: ActionRun, emulator: Emulator) => void,
): Promise<void> {
  return withRepo(history(...scenario.commits), (repo) =>
    withEmulator(async (emulator) => {
      if (scenario.tag !== undefined) await repo.git('tag', scenario.tag);
      const checkout = scenario.shallow ? await cloneShallow(repo) : repo;
      if (scenario.shallow === 'no-origin') await checkout.git('remote', 'remove', 'origin');
      const headSha = await checkout.git('rev-parse', 'HEAD');
      const event =
        'push' in scenario
          ? seedPush(emulator, scenario.push, headSha)
          : seedPullRequest(emulator, { head: scenario.pullFrom, headSha });
      const run = await runCheck(emulator, 'version', { ...event, cwd: checkout.dir });
      check(run, emulator);
      expect(findHygieneProblems(run)).toEqual([]);
    }),
  );
}

describe('version action', () => {
  it.concurrent('passes a minor release after feat commits, on a pull request', () =>
    runVersion(
      {
        commits: [
          { message: 'feat: add login' },
          { message: 'fix: keep the session' },
          release('1.1.0'),
        ],
        pullFrom: 'feature/CHG-1-login',
      },
      (run) => {
        expect(run.exitCode).toBe(0);
        expect(run.outputs).toEqual({
          version: '1.1.0',
          previous: '1.0.0',
          bump: 'minor',
          recommended: '1.1.0',
          prerelease: 'false',
          tag: 'v1.1.0',
          ok: 'true',
          findings: '[]',
        });
        expect(run.summary).toContain('### ✅ Version: passed');
        expect(writesOf(run.requests)).toEqual([]);
      },
    ),
  );

  it.concurrent('fails a pushed tag that disagrees with package.json, at the file position', () =>
    runVersion(
      {
        commits: [{ message: 'feat: add login' }, release('1.1.0')],
        tag: 'v1.2.0',
        push: 'refs/tags/v1.2.0',
      },
      (run) => {
        expect(run.exitCode).toBe(1);
        expect(readFindings(run).map((f) => [f.rule, f.severity, f.file, f.line])).toEqual([
          ['version-agree', 'error', 'package.json', 3],
        ]);
        const annotation = run.annotations.find((a) => a.file === 'package.json');
        expect(annotation).toMatchObject({ level: 'error', line: 3, col: 15 });
        expect(annotation?.message).toContain('- tag "v1.2.0" declares "1.2.0"');
        expect(run.outputs).toEqual({
          version: '1.1.0',
          previous: '1.0.0',
          bump: 'minor',
          recommended: '1.1.0',
          prerelease: 'false',
          tag: 'v1.1.0',
          ok: 'false',
          findings: expect.any(String),
        });
        expect(failureMessage(run)).toBe(
          'Version: 1 policy error; see the annotations and the job summary.',
        );
      },
    ),
  );

  it.concurrent('fails a version that is not above the previous release', () =>
    runVersion(
      {
        commits: [{ message: 'fix: keep the session' }, release('0.9.0')],
        push: 'refs/heads/main',
      },
      (run) => {
        expect(run.exitCode).toBe(1);
        expect(readFindings(run).map((f) => f.rule)).toEqual(['version-increment']);
        expect(run.outputs).toMatchObject({
          version: '0.9.0',
          previous: '1.0.0',
          bump: 'none',
          recommended: '1.0.1',
          tag: 'v0.9.0',
          ok: 'false',
        });
      },
    ),
  );

  it.concurrent('fails a minor bump after a breaking feat! commit, with one sticky comment', () =>
    runVersion(
      {
        commits: [{ message: 'feat!: drop the v1 API' }, release('1.1.0')],
        pullFrom: 'feature/CHG-2-drop-v1',
      },
      (run, emulator) => {
        expect(run.exitCode).toBe(1);
        const findings = readFindings(run);
        expect(findings.map((f) => [f.rule, f.severity])).toEqual([['version-bump', 'error']]);
        expect(findings[0]?.message).toContain('feat!: drop the v1 API');
        // The table shows the first line; the full message (with the commit list) follows it.
        expect(run.summary).toMatch(/\| \[?version-bump\b.*_\(full text below\)_/);
        expect(run.summary).toContain('#### Full messages');
        expect(run.summary.split('#### Full messages')[1]).toContain('feat!: drop the v1 API');
        expect(run.outputs).toMatchObject({
          version: '1.1.0',
          previous: '1.0.0',
          bump: 'minor',
          recommended: '2.0.0',
          ok: 'false',
        });
        const comments = stickyComments(emulator, 'version');
        expect(comments).toHaveLength(1);
        expect(comments[0]?.body.startsWith(markerOf('version'))).toBe(true);
        expect(comments[0]?.body).toContain('version-bump');
        expect(stickyComments(emulator, 'branch-name')).toEqual([]);
      },
    ),
  );

  it.concurrent('sets the outputs of a pre-release', () =>
    runVersion(
      { commits: [{ message: 'feat: add login' }, release('1.1.0-rc.1')], push: 'refs/heads/main' },
      (run) => {
        expect(run.exitCode).toBe(0);
        expect(run.outputs).toEqual({
          version: '1.1.0-rc.1',
          previous: '1.0.0',
          bump: 'minor',
          recommended: '1.1.0',
          prerelease: 'true',
          tag: 'v1.1.0-rc.1',
          ok: 'true',
          findings: '[]',
        });
      },
    ),
  );

  it.concurrent('completes a shallow clone from origin and checks the whole history', () =>
    runVersion(
      {
        commits: [{ message: 'feat: add login' }, release('1.1.0')],
        shallow: true,
        push: 'refs/heads/main',
      },
      (run) => {
        expect(run.exitCode).toBe(0);
        expect(readFindings(run).map((f) => [f.rule, f.severity, f.message])).toEqual([
          [
            'version-bump',
            'notice',
            'The clone was shallow, so its whole history and every tag were fetched from "origin" before checking. Check out with fetch-depth: 0 to save the fetch.',
          ],
        ]);
        // v1.0.0 was cut off by the depth-1 checkout; after the fetch it is the previous release.
        expect(run.outputs).toMatchObject({
          version: '1.1.0',
          previous: '1.0.0',
          bump: 'minor',
          recommended: '1.1.0',
          ok: 'true',
        });
      },
    ),
  );

  it.concurrent('fails a shallow clone it cannot complete, naming fetch-depth: 0', () =>
    runVersion(
      {
        commits: [{ message: 'feat: add login' }, release('1.1.0')],
        shallow: 'no-origin',
        push: 'refs/heads/main',
      },
      (run) => {
        expect(run.exitCode).toBe(1);
        expect(failureMessage(run)).toBe(
          'The clone is shallow (its history is cut off), so release tags and commits since the last release may be missing and the version check could pass where it should fail. ' +
            'It has no remote origin to fetch the rest from. Check out the whole history and the tags: actions/checkout with "fetch-depth: 0", ' +
            'or keep the remote origin it sets up so that the action fetches the rest itself. See https://github.com/release-policy/release-policy/blob/v0.1.0/docs/git.md#shallow-clone',
        );
      },
    ),
  );
});
