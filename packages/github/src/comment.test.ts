import { describe, expect, it } from '@jest/globals';
import { ReleasePolicyError } from '@release-policy/core';
import type { Emulator } from '@release-policy/github-emulator';
import { isStickyComment, upsertStickyComment, type StickyCommentOptions } from './comment.js';
import { GitHubApiError } from './errors.js';
import { createOctokit } from './octokit.js';
import { setKnownSecrets } from './secrets.js';
import { muteStdout } from './testing/actions-env.js';
import {
  FULL_NAME,
  OWNER,
  REPO,
  listStoredComments,
  listWrites,
  useEmulator,
} from './testing/emulator.js';

const BOT = 'github-actions[bot]';
const TOKEN = 'ghs_BotToken0123456789';
const MARKER = '<!-- release-policy:branch-name -->';
const body = (text: string) => `${MARKER}\n### ❌ ${text}`;
const RESOLVED = `${MARKER}\n### ✅ resolved`;
const PR = 7;
const COMMENTS_PATH = '/repos/{owner}/{repo}/issues/{issue_number}/comments';

const start = useEmulator({ token: TOKEN, viewer: BOT });

/** An emulator with pull request #7 and an empty request log. */
async function startWithPull(): Promise<Emulator> {
  const emulator = await start();
  emulator.seed.pull({ repo: FULL_NAME, number: PR });
  return emulator;
}

/** One run of the action: its own Octokit (as a separate process would have). */
function run(emulator: Emulator, options: Partial<StickyCommentOptions> = {}) {
  const octokit = muteStdout(() =>
    createOctokit({ token: TOKEN, baseUrl: emulator.url, retryAfterBaseMs: 1 }),
  );
  return upsertStickyComment({
    octokit,
    owner: OWNER,
    repo: REPO,
    issueNumber: PR,
    marker: MARKER,
    botLogin: BOT,
    body: body('failing'),
    resolvedBody: RESOLVED,
    passing: false,
    ...options,
  });
}

const bodies = (emulator: Emulator) => listStoredComments(emulator, PR).map((c) => c.body);

describe('upsertStickyComment', () => {
  it('writes both bodies with the secrets redacted and invisible characters escaped', async () => {
    const emulator = await startWithPull();
    const secret = 'ghs_AnotherSecretValue0123456789';
    setKnownSecrets([secret]);
    try {
      await run(emulator, { body: body(`branch ${secret}\u202e x\u2028`) });
      await run(emulator, {
        resolvedBody: `${RESOLVED} ${secret.slice(3, 15)}\u0085`,
        passing: true,
      });
    } finally {
      setKnownSecrets([]);
    }
    const [patched] = emulator.requests.filter((r) => r.method === 'PATCH');
    expect([
      emulator.requestsFor('issues/create-comment').map((r) => r.requestBody),
      patched?.requestBody,
    ]).toEqual([
      [{ body: body('branch ***\\u202e x\\u2028') }],
      { body: `${RESOLVED} ***\\u0085` },
    ]);
  });

  it('creates one comment on the first failing run', async () => {
    const emulator = await startWithPull();
    const result = await run(emulator);
    expect(result).toMatchObject({ status: 'created', deleted: 0 });
    const comments = listStoredComments(emulator, PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ id: result.id, body: body('failing'), user: BOT });
    expect(result.url).toBe(`https://github.com/${FULL_NAME}/pull/${PR}#issuecomment-${result.id}`);
    expect(listWrites(emulator)).toEqual(['POST']);
  });

  it('updates the same comment in place on a re-run, and leaves it alone when nothing changed', async () => {
    const emulator = await startWithPull();
    const first = await run(emulator);
    const second = await run(emulator, { body: body('still failing') });
    expect(second).toMatchObject({ status: 'updated', id: first.id });
    const third = await run(emulator, { body: body('still failing') });
    expect(third).toMatchObject({ status: 'unchanged', id: first.id });
    expect(bodies(emulator)).toEqual([body('still failing')]);
    expect(listWrites(emulator)).toEqual(['POST', 'PATCH']);
  });

  it('edits the comment to "resolved" when the check passes', async () => {
    const emulator = await startWithPull();
    const first = await run(emulator);
    const passed = await run(emulator, { passing: true });
    expect(passed).toMatchObject({ status: 'resolved', id: first.id });
    expect(bodies(emulator)).toEqual([RESOLVED]);
    const again = await run(emulator, { passing: true });
    expect(again.status).toBe('unchanged');
    expect(listWrites(emulator)).toEqual(['POST', 'PATCH']);
  });

  it('writes nothing when the check passes and no comment exists', async () => {
    const emulator = await startWithPull();
    const result = await run(emulator, { passing: true });
    expect(result).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/passes/) });
    expect(bodies(emulator)).toEqual([]);
    expect(emulator.requests.map((r) => r.operationId)).toEqual(['issues/list-comments']);
  });

  it("ignores a user's comment that carries the marker", async () => {
    const emulator = await startWithPull();
    const pasted = emulator.seed.comment({
      repo: FULL_NAME,
      issueNumber: PR,
      body: `${MARKER}\nhijack`,
      user: 'mallory',
    });
    expect((await run(emulator, { passing: true })).status).toBe('skipped');
    const result = await run(emulator);
    expect(result.status).toBe('created');
    expect(result.id).not.toBe(pasted.id);
    expect(listStoredComments(emulator, PR).map((c) => [c.user, c.body])).toEqual([
      ['mallory', `${MARKER}\nhijack`],
      [BOT, body('failing')],
    ]);
    expect(listWrites(emulator)).toEqual(['POST']);
  });

  it('ends with exactly one comment when a POST answered 502 after the write (and was retried)', async () => {
    const emulator = await startWithPull();
    const fault = emulator.fault({ method: 'POST', path: COMMENTS_PATH, kind: 'after-write' });
    const result = await run(emulator);
    expect(fault.hits).toBe(1);
    expect(emulator.requestsFor('issues/create-comment').map((r) => r.status)).toEqual([502, 201]);
    expect(result).toMatchObject({ status: 'created', deleted: 1 });
    const comments = listStoredComments(emulator, PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ id: result.id, body: body('failing') });
  });

  it('ends with exactly one comment when two runs race', async () => {
    const emulator = await startWithPull();
    const results = await Promise.all([
      run(emulator, { body: body('run A') }),
      run(emulator, { body: body('run B') }),
    ]);
    const comments = listStoredComments(emulator, PR);
    expect(comments).toHaveLength(1);
    expect([body('run A'), body('run B')]).toContain(comments[0]?.body);
    expect(results.map((r) => r.status)).toEqual(['created', 'created']);
    expect(results.every((r) => r.id === comments[0]?.id)).toBe(true);
  });

  it('ends with exactly one comment when two re-runs race over existing duplicates', async () => {
    const emulator = await startWithPull();
    for (const text of ['old 1', 'old 2', 'old 3']) {
      emulator.seed.comment({ repo: FULL_NAME, issueNumber: PR, body: body(text), user: BOT });
    }
    const [a, b] = await Promise.all([run(emulator), run(emulator, { passing: true })]);
    expect(listStoredComments(emulator, PR)).toHaveLength(1);
    expect(a.id).toBe(b.id);
    expect(a.deleted + b.deleted).toBe(2);
  });

  it('finds its comment on a later page (per_page 100)', async () => {
    const emulator = await startWithPull();
    for (let i = 0; i < 150; i += 1) {
      emulator.seed.comment({
        repo: FULL_NAME,
        issueNumber: PR,
        body: `comment ${i}`,
        user: `user${i}`,
      });
    }
    const ours = emulator.seed.comment({
      repo: FULL_NAME,
      issueNumber: PR,
      body: body('old'),
      user: BOT,
    });
    const result = await run(emulator);
    expect(result).toMatchObject({ status: 'updated', id: ours.id });
    const lists = emulator.requestsFor('issues/list-comments');
    expect(lists.map((r) => [r.query.per_page, r.query.page ?? '1'])).toEqual([
      ['100', '1'],
      ['100', '2'],
    ]);
    expect(listWrites(emulator)).toEqual(['PATCH']);
    expect(listStoredComments(emulator, PR)).toHaveLength(151);
  });

  it('compares the bot login without case', () => {
    expect(
      isStickyComment({ id: 1, body: MARKER, user: { login: 'GitHub-Actions[bot]' } }, MARKER, BOT),
    ).toBe(true);
    expect(isStickyComment({ id: 1, body: 'no marker', user: { login: BOT } }, MARKER, BOT)).toBe(
      false,
    );
    expect(isStickyComment({ id: 1, body: MARKER, user: null }, MARKER, BOT)).toBe(false);
  });

  it.each([
    ['creating', 'issues/create-comment', /pull-requests: write/],
    ['listing', 'issues/list-comments', /pull-requests: read/],
  ])(
    'reports forbidden, without throwing, on a 403 when %s',
    async (_label, operationId, permission) => {
      const emulator = await startWithPull();
      const fault = emulator.fault({ operationId, kind: 'forbidden', times: Infinity });
      const result = await run(emulator);
      expect(result.status).toBe('forbidden');
      expect(result.reason).toMatch(/"Resource not accessible by integration"/);
      expect(result.reason).toMatch(permission);
      expect(fault.hits).toBe(1);
      expect(bodies(emulator)).toEqual([]);
    },
  );

  it('throws a GitHubApiError for other failures', async () => {
    const emulator = await startWithPull();
    emulator.seed.comment({ repo: FULL_NAME, issueNumber: PR, body: body('old'), user: BOT });
    emulator.fault({ method: 'PATCH', kind: 'status', status: 500, times: Infinity });
    const error = await run(emulator).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).toMatchObject({
      status: 500,
      operation: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    });
    expect(emulator.requestsFor('issues/update-comment')).toHaveLength(4);
    expect(bodies(emulator)).toEqual([body('old')]);
  });

  it('throws, not forbidden, when a 403 secondary rate limit outlasts its retries', async () => {
    const emulator = await startWithPull();
    emulator.fault({
      operationId: 'issues/list-comments',
      kind: 'secondary-rate-limit',
      retryAfter: 1,
      times: Infinity,
    });
    const error = await run(emulator).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).toMatchObject({ status: 403, kind: 'rate-limited' });
    expect(emulator.requestsFor('issues/list-comments')).toHaveLength(3);
  });

  it('refuses bodies without the marker', async () => {
    const emulator = await startWithPull();
    await expect(run(emulator, { body: 'no marker' })).rejects.toThrow(ReleasePolicyError);
    expect(emulator.requests).toEqual([]);
  });
});
