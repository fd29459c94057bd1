/**
 * Both actions from their bundles on GitHub Enterprise Server: the API is
 * served under `/api/v3` (GITHUB_API_URL carries the prefix) and the web
 * pages on another host. A full round per action: the policy is read through
 * the prefix, a failing run finds its sticky comment on the second of three
 * pages of comments (followed through the `Link` headers, which carry the
 * prefix), edits it and removes a duplicate on the third page, and a passing
 * run edits the same comment to "resolved". Any request outside the prefix
 * is a violation of the emulator and fails the scenario.
 */
import { describe, expect, it } from '@jest/globals';
import type { ActionRun, CommentRecord, Emulator } from '@release-policy/github-emulator';
import { createRepo, packageJson } from './git-repo.js';
import {
  BASE_SHA,
  buildPullPayload,
  countOf,
  findHygieneProblems,
  markerOf,
  REPO,
  runCheck,
  seedPullRequest,
  withEmulator,
  writesOf,
  type CheckId,
  type RunSpec,
} from './helpers.js';

const PREFIX = '/api/v3';
const WEB = 'https://ghe.example.com';
const BOT = 'github-actions[bot]';
const LIST = 'issues/list-comments';
/** More than two pages of 100. */
const COMMENTS = 250;

const POLICY = `branches:
  ticket-keys: [OPS]
  kinds:
    feature:
      patterns: ['feature/{ticket}-{slug}']
      into: [mainline]
`;

/** The seeded comments a scenario checks on. */
interface Seeded {
  /** The bot's sticky comment of the check, on page 2. */
  sticky: CommentRecord;
  /** A duplicate of it (an earlier race), on page 3. */
  duplicate: CommentRecord;
  /** A user who pasted the marker: not ours, never touched. */
  pasted: CommentRecord;
  /** The bot's sticky comment of the other check: not this check's, never touched. */
  other: CommentRecord;
}

/** Seeds {@link COMMENTS} comments on pull request #7, ours at fixed places. */
function seedComments(emulator: Emulator, check: CheckId): Seeded {
  const otherCheck: CheckId = check === 'version' ? 'branch-name' : 'version';
  const special: Record<number, { user: string; body: string }> = {
    4: { user: 'mallory', body: `${markerOf(check)}\nI pasted the marker.` },
    149: { user: BOT, body: `${markerOf(check)}\nFindings of an older run.` },
    180: { user: BOT, body: `${markerOf(otherCheck)}\nThe other check's comment.` },
    239: { user: BOT, body: `${markerOf(check)}\nA duplicate from a race.` },
  };
  const made: CommentRecord[] = [];
  for (let i = 0; i < COMMENTS; i += 1) {
    const spec = special[i] ?? { user: i % 2 ? 'octocat' : 'hubot', body: `Comment ${i}` };
    made.push(emulator.seed.comment({ repo: REPO, issueNumber: 7, ...spec }));
  }
  const at = (i: number) => ({ ...made[i]! });
  return { pasted: at(4), sticky: at(149), other: at(180), duplicate: at(239) };
}

/** The comment with `id` as it is now. */
function commentById(emulator: Emulator, id: number): CommentRecord | undefined {
  return emulator.state.comments.find((c) => c.id === id);
}

/** The pages of the comment list a run asked for, in order (undefined: the first). */
function listedPages(run: ActionRun): (string | undefined)[] {
  return run.requests.filter((r) => r.operationId === LIST).map((r) => r.query.page);
}

/** How a scenario fails and then passes for one action. */
interface Round {
  title: string;
  /** Seeds the pull request; returns the failing run and the passing re-run. */
  prepare(
    emulator: Emulator,
  ): Promise<{ failing: RunSpec; passing: RunSpec; cleanup(): Promise<void> }>;
  /** The policy the summary names. */
  policy: string;
}

const ENV = { GITHUB_SERVER_URL: WEB };

const rounds: [CheckId, Round][] = [
  [
    'branch-name',
    {
      title: 'Branch name',
      policy: '.github/release-policy.yml',
      async prepare(emulator) {
        // A feature branch into a release branch fails; retargeted to main it passes.
        const head = 'feature/OPS-7-add-login';
        const pr = seedPullRequest(emulator, { head, base: 'release/1.4', basePolicy: POLICY });
        const edited = buildPullPayload({
          head,
          base: 'main',
          action: 'edited',
          changes: { base: { ref: { from: 'release/1.4' }, sha: { from: BASE_SHA } } },
        });
        return {
          failing: { ...pr, env: ENV },
          passing: { eventName: 'pull_request', payload: edited, env: ENV },
          cleanup: async () => {},
        };
      },
    },
  ],
  [
    'version',
    {
      title: 'Version',
      // No file at the base commit; the commit is visible, so the default applies.
      policy: `(default policy: no .github/release-policy.yml at ${BASE_SHA.slice(0, 7)})`,
      async prepare(emulator) {
        const repo = await createRepo([
          {
            message: 'chore: init',
            files: { 'package.json': packageJson('1.0.0') },
            tags: ['v1.0.0'],
          },
          { message: 'feat: add login' },
          { message: 'chore(release): 1.1.0', files: { 'package.json': packageJson('1.1.0') } },
        ]);
        const pr = seedPullRequest(emulator, {
          head: 'feature/CHG-7-add-login',
          headSha: await repo.git('rev-parse', 'HEAD'),
        });
        // Failing: the version input disagrees with package.json; passing without it.
        const run = { ...pr, cwd: repo.dir, env: ENV };
        return {
          failing: { ...run, inputs: { version: '1.0.1' } },
          passing: run,
          cleanup: () => repo.remove(),
        };
      },
    },
  ],
];

describe('GitHub Enterprise Server (API under /api/v3)', () => {
  it.concurrent.each(rounds)(
    '%s: policy, paginated sticky comment (edited, duplicate removed) and resolved, all under the prefix',
    (check, round) =>
      withEmulator(
        async (emulator) => {
          expect(new URL(emulator.url).pathname).toBe(PREFIX);
          const { failing, passing, cleanup } = await round.prepare(emulator);
          try {
            const seeded = seedComments(emulator, check);
            const before = emulator.state.comments.length;

            const first = await runCheck(emulator, check, failing);
            expect(first.exitCode).toBe(1);
            expect(first.env.GITHUB_API_URL).toBe(emulator.url);
            expect(first.env.GITHUB_API_URL?.endsWith(PREFIX)).toBe(true);
            // The policy was read through the prefix, at the base commit.
            const policyRead = first.requests.find((r) => r.operationId === 'repos/get-content');
            expect(policyRead?.query.ref).toBe(BASE_SHA);
            expect(first.summary).toContain(`| policy | ${round.policy} |`);
            expect(first.summary).toContain(`### ❌ ${round.title}:`);
            // Three pages, the later ones from the Link header, then one edit and one delete.
            expect(listedPages(first)).toEqual([undefined, '2', '3']);
            expect(
              first.requests
                .filter((r) => r.operationId === LIST)
                .every((r) => r.query.per_page === '100'),
            ).toBe(true);
            expect(writesOf(first.requests)).toEqual([
              'issues/update-comment',
              'issues/delete-comment',
            ]);
            expect(first.requests.find((r) => r.method === 'DELETE')?.path).toBe(
              `/repos/${REPO}/issues/comments/${seeded.duplicate.id}`,
            );
            const edited = commentById(emulator, seeded.sticky.id);
            expect(edited?.body.startsWith(markerOf(check))).toBe(true);
            expect(edited?.body).toContain(`### ❌ ${round.title}:`);
            expect(commentById(emulator, seeded.duplicate.id)).toBeUndefined();
            expect(commentById(emulator, seeded.pasted.id)).toEqual(seeded.pasted);
            expect(commentById(emulator, seeded.other.id)).toEqual(seeded.other);
            expect(emulator.state.comments).toHaveLength(before - 1);
            // Web links point at the server's own host, not github.com.
            expect(edited?.body).toContain(`[run details](${WEB}/${REPO}/actions/runs/`);
            expect(`${first.summary}\n${edited?.body}`).not.toContain(`https://github.com/${REPO}`);

            const second = await runCheck(emulator, check, passing);
            expect(second.exitCode).toBe(0);
            expect(listedPages(second)).toEqual([undefined, '2', '3']);
            expect(writesOf(second.requests)).toEqual(['issues/update-comment']);
            const resolved = commentById(emulator, seeded.sticky.id);
            expect(resolved?.body).toContain(`✅ ${round.title}: resolved`);
            expect(emulator.state.comments).toHaveLength(before - 1);
            expect(commentById(emulator, seeded.pasted.id)).toEqual(seeded.pasted);
            expect(countOf(second.requests, 'issues/create-comment')).toBe(0);

            for (const run of [first, second]) expect(findHygieneProblems(run)).toEqual([]);
          } finally {
            await cleanup();
          }
        },
        { pathPrefix: PREFIX, webUrl: WEB },
      ),
  );
});
