/**
 * The branch-name action from its bundle, on pull requests and pushes:
 * passing and failing branches, merge direction, full and short ref names,
 * and a tag push.
 */
import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { findNode } from '@release-policy/github-emulator';
import {
  BASE_SHA,
  countOf,
  failureMessage,
  findHygieneProblems,
  markerOf,
  POLICY_PATH,
  readFindings,
  runCheck,
  seedPush,
  seedPullRequest,
  stickyComments,
  TOKEN,
  withEmulator,
  writesOf,
} from './helpers.js';

const execFileAsync = promisify(execFile);

describe('branch-name action on a pull request', () => {
  it.concurrent('passes a feature branch into main: outputs, summary, no comment', () =>
    withEmulator(async (emulator) => {
      const pr = seedPullRequest(emulator, { head: 'feature/CHG-1234-add-login' });
      const run = await runCheck(emulator, 'branch-name', pr);

      expect(run.exitCode).toBe(0);
      expect(run.outputs).toEqual({
        name: 'feature/CHG-1234-add-login',
        base: 'main',
        kind: 'feature',
        ticket: 'CHG-1234',
        version: '',
        ok: 'true',
        findings: '[]',
      });
      expect(run.annotations).toEqual([]);
      expect(run.summary).toContain('### ✅ Branch name: passed');
      expect(run.summary).toContain('| kind | feature |');
      // The policy is read at the base commit; a passing first run writes no comment.
      const policyRead = run.requests.find((r) => r.operationId === 'repos/get-content');
      expect(policyRead?.query.ref).toBe(BASE_SHA);
      expect(writesOf(run.requests)).toEqual([]);
      expect(emulator.state.comments).toEqual([]);
      expect(findHygieneProblems(run)).toEqual([]);

      // Started as the runner starts it: Node 24, inputs from action.yml defaults, runner files.
      const { stdout: nodeVersion } = await execFileAsync(findNode(), ['--version']);
      expect(nodeVersion).toMatch(/^v24\./);
      expect(run.env).toMatchObject({
        INPUT_TOKEN: TOKEN,
        INPUT_POLICY: POLICY_PATH,
        INPUT_COMMENT: 'true',
        'INPUT_BOT-LOGIN': 'github-actions[bot]',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: 'refs/pull/7/merge',
        GITHUB_HEAD_REF: 'feature/CHG-1234-add-login',
        GITHUB_BASE_REF: 'main',
      });
      expect(run.env.GITHUB_OUTPUT).toBeTruthy();
      expect(run.env.GITHUB_STEP_SUMMARY).toBeTruthy();
    }),
  );

  it.concurrent(
    'fails a branch that matches no kind: annotation, outputs, one sticky comment',
    () =>
      withEmulator(async (emulator) => {
        const pr = seedPullRequest(emulator, { head: 'bad_branch' });
        const run = await runCheck(emulator, 'branch-name', pr);

        expect(run.exitCode).toBe(1);
        expect(run.outputs.ok).toBe('false');
        expect(run.outputs.kind).toBe('');
        expect(readFindings(run).map((f) => [f.rule, f.severity])).toEqual([
          ['branch-name', 'error'],
        ]);
        const finding = run.annotations.find((a) => a.title === 'Branch name: branch-name');
        expect(finding?.level).toBe('error');
        expect(finding?.message).toMatch(/^Branch "bad_branch" matches no branch kind/);
        // A local action (uses: ./) has no action repository: docs links go to the project's docs.
        expect(finding?.message).toContain(
          'Read more: https://github.com/release-policy/release-policy/blob/v0.1.0/docs/rules.md#branch-name',
        );
        expect(failureMessage(run)).toBe(
          'Branch name: 1 policy error; see the annotations and the job summary.',
        );
        expect(run.summary).toContain('### ❌ Branch name: 1 error');
        expect(writesOf(run.requests)).toEqual(['issues/create-comment']);
        const comments = stickyComments(emulator, 'branch-name');
        expect(comments).toHaveLength(1);
        expect(comments[0]?.user).toBe('github-actions[bot]');
        expect(comments[0]?.body.startsWith(markerOf('branch-name'))).toBe(true);
        expect(comments[0]?.body).toContain('**branch**: bad_branch');
        expect(findHygieneProblems(run)).toEqual([]);
      }),
  );

  it.concurrent('fails a feature branch aimed at a release branch (merge direction)', () =>
    withEmulator(async (emulator) => {
      const pr = seedPullRequest(emulator, { head: 'feature/CHG-7-pay', base: 'release/1.4' });
      const run = await runCheck(emulator, 'branch-name', pr);

      expect(run.exitCode).toBe(1);
      expect(run.outputs.kind).toBe('feature');
      expect(run.outputs.ticket).toBe('CHG-7');
      expect(readFindings(run).map((f) => f.rule)).toEqual(['branch-target']);
      expect(run.summary).toContain('| base | release/1.4 |');
      expect(stickyComments(emulator, 'branch-name')).toHaveLength(1);
      expect(findHygieneProblems(run)).toEqual([]);
    }),
  );
});

describe('branch-name action on a push', () => {
  it.concurrent.each([
    ['refs/heads/release/1.4', 0, { kind: 'release', ticket: '', version: '' }],
    ['refs/heads/hotfix/1.4.3', 0, { kind: 'hotfix', ticket: '', version: '1.4.3' }],
    ['refs/heads/wip', 1, { kind: '', ticket: '', version: '' }],
  ] as const)('checks the pushed branch %s', (ref, exitCode, outputs) =>
    withEmulator(async (emulator) => {
      const sha = 'c'.repeat(40);
      const run = await runCheck(emulator, 'branch-name', {
        ...seedPush(emulator, ref, sha),
      });

      expect(run.exitCode).toBe(exitCode);
      expect(run.outputs).toMatchObject({ ...outputs, ok: exitCode === 0 ? 'true' : 'false' });
      // On a push the policy is read at the pushed commit (its absence confirmed with the
      // commit); there is no pull request to comment on.
      expect(run.requests.map((r) => [r.operationId, r.query.ref])).toEqual([
        ['repos/get-content', sha],
        ['repos/get-commit', undefined],
      ]);
      expect(run.requests[1]?.path).toBe(`/repos/octo-org/app/commits/${sha}`);
      expect(findHygieneProblems(run)).toEqual([]);
    }),
  );

  it.concurrent('gives the same answer for the branch input "refs/heads/main" and "main"', () =>
    withEmulator(async (emulator) => {
      const push = seedPush(emulator, 'refs/heads/main', 'd'.repeat(40));
      const runs = await Promise.all(
        ['refs/heads/main', 'main'].map((branch) =>
          runCheck(emulator, 'branch-name', { ...push, inputs: { branch } }),
        ),
      );

      for (const run of runs) {
        expect(run.exitCode).toBe(0);
        expect(run.outputs).toEqual({
          name: 'main',
          base: '',
          kind: 'mainline',
          ticket: '',
          version: '',
          ok: 'true',
          findings: '[]',
        });
        expect(run.summary).toContain('| branch | main |');
        expect(findHygieneProblems(run)).toEqual([]);
      }
      expect(runs[0]?.summary).toBe(runs[1]?.summary);
    }),
  );

  it.concurrent('passes a tag push with a notice that no branch was checked', () =>
    withEmulator(async (emulator) => {
      const run = await runCheck(emulator, 'branch-name', {
        ...seedPush(emulator, 'refs/tags/v1.4.0', 'e'.repeat(40)),
      });

      expect(run.exitCode).toBe(0);
      expect(run.outputs.ok).toBe('true');
      expect(run.annotations).toEqual([
        expect.objectContaining({
          level: 'notice',
          message: expect.stringContaining(
            'This push is not for a branch (ref "refs/tags/v1.4.0"), so no branch name was checked.',
          ),
        }),
      ]);
      expect(countOf(run.requests, 'issues/list-comments')).toBe(0);
      expect(findHygieneProblems(run)).toEqual([]);
    }),
  );
});
