/**
 * The patch-merge action's forward ports from its bundle, on real temporary
 * git repositories whose origin is a local bare repository (which the
 * emulator reads too): it opens one pull request into mainline that picks the
 * missing commits with -x, lists a conflicting pick for a person, and a
 * re-run reuses the branch and the pull request.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { ActionRun, Emulator } from '@release-policy/github-emulator';
import { withRepo, type TempRepo } from './git-repo.js';
import {
  failureMessage,
  findHygieneProblems,
  NAME,
  OWNER,
  REPO,
  runCheck,
  seedPullRequest,
  withEmulator,
} from './helpers.js';

const BRANCH = 'release-policy/forward-port/3.5.x';
/** Each test runs the bundle once or twice and git many times: room on a shared machine, not a speed limit. */
const RUNS_TIMEOUT_MS = 180_000;

interface ForwardPortOutput {
  line: string;
  branch: string;
  pullRequest: { number: number; url: string } | null;
  picked: string[];
  skipped: { sha: string; subject: string; reason: string }[];
}

interface Fixture {
  repo: TempRepo;
  emulator: Emulator;
  origin: string;
  /** The fix that applies to main, and the one that conflicts with it. */
  fix: string;
  conflicting: string;
  /** Runs the action on the release pull request's test merge, as checked out. */
  run(inputs?: Record<string, string>): Promise<ActionRun>;
}

/**
 * main (which rewrote conf.txt), a line 3.5.x with a fix that applies and
 * one that conflicts, release/2.0 from main in a pull request into main;
 * everything pushed to a bare origin the emulator's repository reads.
 */
function withForwardPorts(
  body: (fixture: Fixture) => Promise<void>,
  options: { fixOnMain?: boolean } = {},
): Promise<void> {
  return withRepo(
    [{ message: 'feat: start', files: { 'app.txt': 'one\n', 'conf.txt': 'a\n' } }],
    async (repo) => {
      const origin = join(repo.dir, '..', 'origin.git');
      await repo.git('init', '--quiet', '--bare', origin);
      await repo.git('remote', 'add', 'origin', origin);
      await repo.git('checkout', '-q', '-b', '3.5.x');
      const fix = await repo.commit({
        message: 'fix: crash on empty input',
        files: { 'fix.txt': 'x\n' },
      });
      const conflicting = await repo.commit({
        message: 'fix: conf for 3.5',
        files: { 'conf.txt': 'line\n' },
      });
      await repo.git('checkout', '-q', 'main');
      await repo.commit({ message: 'feat: new conf', files: { 'conf.txt': 'mainline\n' } });
      if (options.fixOnMain === true) await repo.git('cherry-pick', '-x', fix);
      await repo.git('checkout', '-q', '-b', 'release/2.0');
      await repo.commit({ message: 'feat: the 2.0 feature', files: { 'feature.txt': 'y\n' } });
      await repo.git('push', '--quiet', 'origin', 'main', '3.5.x', 'release/2.0');
      const headSha = await repo.git('rev-parse', 'HEAD');
      await repo.git('checkout', '-q', '--detach', 'main');
      await repo.git('merge', '-q', '--no-ff', '--no-edit', 'release/2.0');
      const merge = await repo.git('rev-parse', 'HEAD');
      await withEmulator(
        async (emulator) => {
          const event = seedPullRequest(emulator, {
            head: 'release/2.0',
            headSha,
            title: 'Release 2.0',
          });
          const temp = await mkdtemp(join(tmpdir(), 'release-policy-e2e-temp-'));
          try {
            const run = async (
              inputs: Record<string, string> = { 'open-forward-ports': 'true' },
            ) => {
              await repo.git('checkout', '-q', '--detach', merge);
              return runCheck(emulator, 'patch-merge', {
                ...event,
                cwd: repo.dir,
                // A runner's git: no identity configured, so the picks are the bot's.
                env: {
                  RUNNER_TEMP: temp,
                  GIT_CONFIG_GLOBAL: '/dev/null',
                  GIT_CONFIG_NOSYSTEM: '1',
                },
                inputs: { comment: 'false', ...inputs },
              });
            };
            await body({ repo, emulator, origin, fix, conflicting, run });
          } finally {
            await rm(temp, { recursive: true, force: true });
          }
        },
        { repos: [{ owner: OWNER, name: NAME, gitDir: origin }] },
      );
    },
  );
}

function readForwardPorts(run: ActionRun): ForwardPortOutput[] {
  return JSON.parse(run.outputs['forward-ports'] ?? 'null') as ForwardPortOutput[];
}

/** The forward-port pull requests in the emulator: number, state, base and body. */
function listForwardPortPulls(emulator: Emulator) {
  return emulator.state.pulls
    .filter((pull) => pull.repo === REPO && pull.head.ref === BRANCH)
    .map((pull) => ({
      number: pull.number,
      state: pull.state,
      base: pull.base.ref,
      title: pull.title,
      body: pull.body ?? '',
    }));
}

// Not concurrent: each test runs the bundle once or twice on a busy machine.
describe('patch-merge action with open-forward-ports', () => {
  it(
    'opens one pull request picking the missing fix with -x, listing the conflicting pick for a person',
    () =>
      withForwardPorts(async ({ repo, emulator, origin, fix, conflicting, run: runAction }) => {
        const run = await runAction();
        // The patches are still missing: the check fails, the forward port is opened anyway.
        expect([run.exitCode, run.outputs['missing-count']]).toEqual([1, '2']);
        const pulls = listForwardPortPulls(emulator);
        expect(pulls.map(({ number, state, base, title }) => [number, state, base, title])).toEqual(
          [[8, 'open', 'main', 'Forward-port 3.5.x into main']],
        );
        expect(readForwardPorts(run)).toEqual([
          {
            line: '3.5.x',
            branch: BRANCH,
            pullRequest: { number: 8, url: `https://github.com/${REPO}/pull/8` },
            picked: [fix],
            skipped: [{ sha: conflicting, subject: 'fix: conf for 3.5', reason: 'conflict' }],
          },
        ]);
        const body = pulls[0]?.body ?? '';
        expect(body).toContain(`| \`${fix.slice(0, 12)}\` | fix: crash on empty input |`);
        expect(body).toContain(
          `| \`${conflicting.slice(0, 12)}\` | fix: conf for 3.5 | conflicts with mainline: pick it by hand |`,
        );
        expect(body).toContain(`git switch ${BRANCH}\ngit cherry-pick -x ${conflicting}\n`);
        // The branch on origin really holds the pick, with its trailer, by the bot.
        expect(
          await repo.git('--git-dir', origin, 'log', '--format=%s|%b|%cn', `main..${BRANCH}`),
        ).toBe(
          `fix: crash on empty input|(cherry picked from commit ${fix})\n|github-actions[bot]`,
        );
        // The checkout is as it was: still the pull request's test merge, clean.
        expect(await repo.git('status', '--porcelain')).toBe('');
        expect(findHygieneProblems(run)).toEqual([]);
      }),
    RUNS_TIMEOUT_MS,
  );

  it(
    'reuses its branch and its pull request on a re-run, adding only the new pick',
    () =>
      withForwardPorts(async ({ repo, emulator, origin, fix, run: runAction }) => {
        const first = await runAction();
        await repo.git('checkout', '-q', '3.5.x');
        const later = await repo.commit({
          message: 'fix: leak in 3.5',
          files: { 'leak.txt': 'z\n' },
        });
        const second = await runAction();
        expect([first.exitCode, second.exitCode, second.outputs['missing-count']]).toEqual([
          1,
          1,
          '3',
        ]);
        const pulls = listForwardPortPulls(emulator);
        expect(pulls.map(({ number, state }) => [number, state])).toEqual([[8, 'open']]);
        expect(readForwardPorts(second)[0]).toMatchObject({
          pullRequest: { number: 8 },
          picked: [later],
          skipped: [{ sha: fix, reason: 'already-on-branch' }, { reason: 'conflict' }],
        });
        // The body was updated: it now names the new pick.
        expect(pulls[0]?.body).toContain(`| \`${later.slice(0, 12)}\` | fix: leak in 3.5 |`);
        expect(
          (await repo.git('--git-dir', origin, 'log', '--format=%b', `main..${BRANCH}`))
            .split('\n')
            .filter((line) => line.startsWith('(cherry')),
        ).toEqual([`(cherry picked from commit ${later})`, `(cherry picked from commit ${fix})`]);
        expect(findHygieneProblems(second)).toEqual([]);
      }),
    RUNS_TIMEOUT_MS,
  );

  it.each([
    [{}, 1, '', ''],
    [
      { 'open-forward-ports': 'yes' },
      1,
      '',
      'The input "open-forward-ports" is "yes", which is neither true nor false.',
    ],
  ])(
    'with inputs %j opens nothing',
    (inputs, exitCode, output, message) =>
      withForwardPorts(async ({ emulator, origin, repo, run: runAction }) => {
        const run = await runAction(inputs);
        expect([
          run.exitCode,
          run.outputs['forward-ports'],
          listForwardPortPulls(emulator),
        ]).toEqual([exitCode, output, []]);
        expect(failureMessage(run)).toContain(message);
        expect(await repo.git('--git-dir', origin, 'branch', '--list', BRANCH)).toBe('');
      }),
    RUNS_TIMEOUT_MS,
  );

  it(
    'opens no pull request when every missing commit conflicts, listing it in the output',
    () =>
      withForwardPorts(
        async ({ repo, emulator, origin, conflicting, run: runAction }) => {
          const run = await runAction();
          expect([
            run.exitCode,
            run.outputs['missing-count'],
            listForwardPortPulls(emulator),
          ]).toEqual([1, '1', []]);
          expect(readForwardPorts(run)).toEqual([
            {
              line: '3.5.x',
              branch: BRANCH,
              pullRequest: null,
              picked: [],
              skipped: [{ sha: conflicting, subject: 'fix: conf for 3.5', reason: 'conflict' }],
            },
          ]);
          expect(await repo.git('--git-dir', origin, 'branch', '--list', BRANCH)).toBe('');
          expect(findHygieneProblems(run)).toEqual([]);
        },
        { fixOnMain: true },
      ),
    RUNS_TIMEOUT_MS,
  );
});
