/**
 * The patch-merge action from its bundle on real temporary git repositories
 * and the emulator: a release pull request into mainline fails while a patch
 * shipped on a maintenance line is not in it, naming the commit, and passes
 * once the patch is merged (picked with -x into the release) or waived.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { ActionRun } from '@release-policy/github-emulator';
import { withRepo, type TempRepo } from './git-repo.js';
import {
  failureMessage,
  findHygieneProblems,
  readFindings,
  runCheck,
  seedPullRequest,
  withEmulator,
} from './helpers.js';

interface Scenario {
  /** Runs on the release branch before the pull request's test merge is made. */
  onRelease?: (repo: TempRepo, fix: string) => Promise<void>;
  /** The policy on the base branch, given the fix's sha. */
  basePolicy?: (fix: string) => string;
  inputs?: Record<string, string>;
}

/**
 * main, a maintenance line 3.5.x with a fix only there, and release/2.0 from
 * main; the run checks out the pull request's test merge of release/2.0 into
 * main, as actions/checkout does on a pull request.
 */
function runRelease(
  scenario: Scenario,
  check: (run: ActionRun, fix: string, report: unknown) => void,
): Promise<void> {
  return withRepo([{ message: 'feat: start', files: { 'app.txt': 'one\n' } }], (repo) =>
    withEmulator(async (emulator) => {
      await repo.git('checkout', '-q', '-b', '3.5.x');
      await repo.commit({ message: 'chore(release): 3.5.1', files: { 'version.txt': '3.5.1\n' } });
      const fix = await repo.commit({
        message: 'fix: crash on empty input',
        files: { 'fix.txt': 'x\n' },
      });
      await repo.git('checkout', '-q', '-b', 'release/2.0', 'main');
      await repo.commit({ message: 'feat: the 2.0 feature', files: { 'feature.txt': 'y\n' } });
      await scenario.onRelease?.(repo, fix);
      const headSha = await repo.git('rev-parse', 'HEAD');
      await repo.git('checkout', '-q', '--detach', 'main');
      await repo.git('merge', '-q', '--no-ff', '--no-edit', 'release/2.0');
      const event = seedPullRequest(emulator, {
        head: 'release/2.0',
        headSha,
        title: 'Release 2.0',
        ...(scenario.basePolicy === undefined ? {} : { basePolicy: scenario.basePolicy(fix) }),
      });
      const temp = await mkdtemp(join(tmpdir(), 'release-policy-e2e-temp-'));
      try {
        const run = await runCheck(emulator, 'patch-merge', {
          ...event,
          cwd: repo.dir,
          env: { RUNNER_TEMP: temp },
          inputs: scenario.inputs ?? {},
        });
        const report: unknown = run.outputs.report
          ? JSON.parse(await readFile(run.outputs.report, 'utf8'))
          : undefined;
        check(run, fix, report);
        expect(findHygieneProblems(run)).toEqual([]);
      } finally {
        await rm(temp, { recursive: true, force: true });
      }
    }),
  );
}

describe('patch-merge action on a release pull request', () => {
  it.concurrent('fails while a fix of the maintenance line is not in the release, naming it', () =>
    runRelease({}, (run, fix, report) => {
      expect(run.exitCode).toBe(1);
      expect(readFindings(run).map((f) => [f.rule, f.severity, f.message])).toEqual([
        [
          'patch-merged',
          'error',
          expect.stringContaining(
            `The commit ${fix.slice(0, 12)} "fix: crash on empty input" on the line "3.5.x" is not in "main"`,
          ),
        ],
      ]);
      expect(run.outputs['missing-count']).toBe('1');
      expect(failureMessage(run)).toMatch(/^Patches in mainline: 1 policy error; /);
      expect(run.summary).toContain('1 missing, 1 exempt');
      expect(report).toMatchObject({
        ok: false,
        lines: [
          {
            line: '3.5.x',
            commits: [
              { sha: fix, status: 'missing', evidence: [] },
              { subject: 'chore(release): 3.5.1', status: 'exempt' },
            ],
          },
          // The release branch is a line too: its test merge holds all of it.
          { line: 'release/2.0', commits: [] },
        ],
      });
    }),
  );

  it.concurrent('passes once the fix is picked into the release with -x', () =>
    runRelease(
      {
        onRelease: async (repo, fix) => {
          await repo.git('cherry-pick', '-x', fix);
        },
      },
      (run, fix, report) => {
        expect(run.exitCode).toBe(0);
        expect([run.outputs['missing-count'], run.outputs.ok, run.outputs.findings]).toEqual([
          '0',
          'true',
          '[]',
        ]);
        expect(report).toMatchObject({
          ok: true,
          lines: [
            { line: '3.5.x', commits: [{ sha: fix, status: 'equivalent' }, { status: 'exempt' }] },
            { line: 'release/2.0', commits: [] },
          ],
        });
      },
    ),
  );

  it.concurrent('passes with the fix waived until a date in the base branch policy', () =>
    runRelease(
      {
        basePolicy: (fix) =>
          [
            'patches:',
            '  waivers:',
            `    - { commit: ${fix.slice(0, 10)}, approved-by: alice, reason: "3.5 only", until: 2999-12-31 }`,
            '',
          ].join('\n'),
      },
      (run, fix, report) => {
        expect([run.exitCode, run.outputs['missing-count'], readFindings(run)]).toEqual([
          0,
          '0',
          [],
        ]);
        expect(report).toMatchObject({
          lines: [
            {
              line: '3.5.x',
              commits: [
                {
                  sha: fix,
                  status: 'exempt',
                  evidence: [
                    {
                      kind: 'waiver',
                      approvedBy: 'alice',
                      reason: '3.5 only',
                      until: '2999-12-31',
                    },
                  ],
                },
                { status: 'exempt' },
              ],
            },
            { line: 'release/2.0', commits: [] },
          ],
        });
      },
    ),
  );

  it.concurrent('fails the step naming a line input that does not exist', () =>
    runRelease({ inputs: { lines: '3.5.x, 9.9.x' } }, (run, _fix, report) => {
      expect([run.exitCode, run.outputs['missing-count'], report]).toEqual([
        1,
        undefined,
        undefined,
      ]);
      expect(failureMessage(run)).toContain(
        'The line "9.9.x" is not a branch or commit of this clone. Fetch it, e.g. git fetch origin 9.9.x',
      );
    }),
  );
});
