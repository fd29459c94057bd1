/**
 * What leaves the bundles when the input is hostile or the API is stuck:
 * no piece of the token in the pull-request comment, the summary, the
 * annotations, the outputs or the log, even where a long value is cut; no raw
 * bidirectional or line-separator character where a reader sees the text; and
 * an API that accepts the connection and never answers fails the step with a
 * message naming the host and the request, after a bounded number of attempts.
 */
import { describe, expect, it } from '@jest/globals';
import { runAction, type ActionRun } from '@release-policy/github-emulator';
import {
  ACTIONS,
  countOf,
  failureMessage,
  runCheck,
  seedPullRequest,
  stickyComments,
  TOKEN,
  withEmulator,
} from './helpers.js';

/** Every 8-character piece of the token that appears in `text`. */
function findTokenPieces(text: string): string[] {
  const pieces = Array.from({ length: TOKEN.length - 7 }, (_, i) => TOKEN.slice(i, i + 8));
  return pieces.filter((piece) => text.includes(piece));
}

/** Where a reader sees the run's text: annotations, summary and (given) comment bodies. */
function collectReadText(run: ActionRun, comments: readonly string[]): string {
  const annotations = run.annotations.map((a) => `${a.title ?? ''}\n${a.file ?? ''}\n${a.message}`);
  return [...annotations, run.summary, ...comments].join('\n');
}

describe('hostile text in the bundles’ output', () => {
  it.concurrent(
    'a branch name holding the token and bidi characters leaves no piece of it and no raw control',
    () =>
      withEmulator(async (emulator) => {
        // The token starts past the 80 characters a quoted value keeps: the cut leaves a prefix of it.
        const head = `wip/\u202eevil\u2028x\u0085y-${'z'.repeat(50)}${TOKEN}-end`;
        const pr = seedPullRequest(emulator, { head });
        const run = await runCheck(emulator, 'branch-name', pr);
        const comments = stickyComments(emulator, 'branch-name').map((c) => c.body);
        const log = run.stdout.replace(`::add-mask::${TOKEN}`, '');

        expect(run.exitCode).toBe(1);
        expect(comments).toHaveLength(1);
        expect({
          comment: findTokenPieces(comments.join('\n')),
          summary: findTokenPieces(run.summary),
          annotations: findTokenPieces(collectReadText(run, [])),
          outputs: findTokenPieces(Object.values(run.outputs).join('\n')),
          log: findTokenPieces(`${log}\n${run.stderr}`),
        }).toEqual({ comment: [], summary: [], annotations: [], outputs: [], log: [] });
        expect(collectReadText(run, comments).match(/[\u202e\u2028\u0085]/g)).toEqual(null);
        expect(run.outputs.name).toBe(`wip/\u202eevil\u2028x\u0085y-${'z'.repeat(50)}***-end`);
      }),
  );
});

describe('an API that accepts the connection and never answers', () => {
  it(
    'fails the step within two minutes, naming the host and the request, after 4 attempts',
    () =>
      withEmulator(async (emulator) => {
        const pr = seedPullRequest(emulator, { head: 'feature/CHG-1234-add-login' });
        emulator.fault({ operationId: 'repos/get-content', kind: 'hang', times: Infinity });
        // Room for the whole 100 s deadline: the runCheck helper stops a run at 60 s.
        const run = await runAction({
          ...pr,
          actionDir: ACTIONS['branch-name'],
          emulator,
          timeoutMs: 150_000,
        });
        const host = new URL(emulator.url).host;
        const message = failureMessage(run);

        expect([run.exitCode, countOf(run.requests, 'repos/get-content')]).toEqual([1, 4]);
        expect(message.slice(0, message.indexOf(' The server'))).toBe(
          `GET /repos/{owner}/{repo}/contents/{path} on ${host} got no answer: 4 attempts, ` +
            "each given 20 s, within the call's limit of 100 s.",
        );
        expect(message).toContain(
          'Read more: https://github.com/release-policy/release-policy/blob/v0.1.0/docs/actions.md#retries',
        );
      }),
    160_000,
  );
});
