import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ReleasePolicyError } from '@release-policy/core';
import { isStickyComment, upsertStickyComment, type StickyCommentOptions } from './comment.js';
import { GitHubApiError } from './errors.js';
import { createOctokit } from './octokit.js';
import { muteStdout } from './testing/actions-env.js';
import { startFakeGitHub, type FakeGitHub } from './testing/fake-github.js';

const BOT = 'github-actions[bot]';
const MARKER = '<!-- release-policy:branch-name -->';
const body = (text: string) => `${MARKER}\n### ❌ ${text}`;
const RESOLVED = `${MARKER}\n### ✅ resolved`;

let gh: FakeGitHub;
let issue = 0;

beforeAll(async () => {
  gh = await startFakeGitHub({ tokens: { 'bot-token': BOT, 'user-token': 'mallory' } });
});
afterAll(async () => {
  await gh.close();
});
afterEach(() => {
  gh.faults.length = 0;
});

/** One run of the action: its own Octokit (as a separate process would have). */
function run(options: Partial<StickyCommentOptions> & { issueNumber: number }) {
  const octokit = muteStdout(() =>
    createOctokit({ token: 'bot-token', baseUrl: gh.url, retryAfterBaseMs: 1 }),
  );
  return upsertStickyComment({
    octokit,
    owner: 'octo',
    repo: 'service',
    marker: MARKER,
    botLogin: BOT,
    body: body('failing'),
    resolvedBody: RESOLVED,
    passing: false,
    ...options,
  });
}

/** A fresh pull request number per test, with the request log cleared. */
function freshIssue(): number {
  issue += 1;
  gh.requests.length = 0;
  return issue;
}

const writes = () => gh.requests.filter((r) => r.method !== 'GET').map((r) => r.method);

describe('upsertStickyComment', () => {
  it('creates one comment on the first failing run', async () => {
    const n = freshIssue();
    const result = await run({ issueNumber: n });
    expect(result).toMatchObject({ status: 'created', deleted: 0 });
    const comments = gh.commentsOn(n);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({
      id: result.id,
      body: body('failing'),
      user: { login: BOT },
    });
    expect(writes()).toEqual(['POST']);
  });

  it('updates the same comment in place on a re-run, and leaves it alone when nothing changed', async () => {
    const n = freshIssue();
    const first = await run({ issueNumber: n });
    const second = await run({ issueNumber: n, body: body('still failing') });
    expect(second).toMatchObject({ status: 'updated', id: first.id });
    const third = await run({ issueNumber: n, body: body('still failing') });
    expect(third).toMatchObject({ status: 'unchanged', id: first.id });
    expect(gh.commentsOn(n).map((c) => c.body)).toEqual([body('still failing')]);
    expect(writes()).toEqual(['POST', 'PATCH']);
  });

  it('edits the comment to "resolved" when the check passes', async () => {
    const n = freshIssue();
    const first = await run({ issueNumber: n });
    const passed = await run({ issueNumber: n, passing: true });
    expect(passed).toMatchObject({ status: 'resolved', id: first.id });
    expect(gh.commentsOn(n).map((c) => c.body)).toEqual([RESOLVED]);
    const again = await run({ issueNumber: n, passing: true });
    expect(again.status).toBe('unchanged');
  });

  it('writes nothing when the check passes and no comment exists', async () => {
    const n = freshIssue();
    const result = await run({ issueNumber: n, passing: true });
    expect(result).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/passes/) });
    expect(gh.commentsOn(n)).toEqual([]);
    expect(writes()).toEqual([]);
  });

  it("ignores a user's comment that carries the marker", async () => {
    const n = freshIssue();
    const pasted = gh.addComment(n, 'mallory', `${MARKER}\nhijack`);
    expect((await run({ issueNumber: n, passing: true })).status).toBe('skipped');
    const result = await run({ issueNumber: n });
    expect(result.status).toBe('created');
    expect(result.id).not.toBe(pasted.id);
    const comments = gh.commentsOn(n);
    expect(comments.map((c) => [c.user.login, c.body])).toEqual([
      ['mallory', `${MARKER}\nhijack`],
      [BOT, body('failing')],
    ]);
  });

  it('ends with exactly one comment when a POST answered 502 after the write (and was retried)', async () => {
    const n = freshIssue();
    gh.faults.push({
      method: 'POST',
      path: /\/comments$/,
      status: 502,
      afterWrite: true,
      times: 1,
    });
    const result = await run({ issueNumber: n });
    expect(gh.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
    expect(result).toMatchObject({ status: 'created', deleted: 1 });
    const comments = gh.commentsOn(n);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ id: result.id, body: body('failing') });
  });

  it('ends with exactly one comment when two runs race', async () => {
    const n = freshIssue();
    const results = await Promise.all([
      run({ issueNumber: n, body: body('run A') }),
      run({ issueNumber: n, body: body('run B') }),
    ]);
    const comments = gh.commentsOn(n);
    expect(comments).toHaveLength(1);
    expect([body('run A'), body('run B')]).toContain(comments[0]?.body);
    expect(results.map((r) => r.status)).toEqual(['created', 'created']);
    expect(results.every((r) => r.id === comments[0]?.id)).toBe(true);
  });

  it('ends with exactly one comment when two re-runs race over existing duplicates', async () => {
    const n = freshIssue();
    gh.addComment(n, BOT, body('old 1'));
    gh.addComment(n, BOT, body('old 2'));
    gh.addComment(n, BOT, body('old 3'));
    const [a, b] = await Promise.all([
      run({ issueNumber: n }),
      run({ issueNumber: n, passing: true }),
    ]);
    expect(gh.commentsOn(n)).toHaveLength(1);
    expect(a.id).toBe(b.id);
    expect(a.deleted + b.deleted).toBe(2);
  });

  it('finds its comment on a later page (per_page 100)', async () => {
    const n = freshIssue();
    for (let i = 0; i < 150; i += 1) gh.addComment(n, `user${i}`, `comment ${i}`);
    const ours = gh.addComment(n, BOT, body('old'));
    const result = await run({ issueNumber: n });
    expect(result).toMatchObject({ status: 'updated', id: ours.id });
    const lists = gh.requests.filter((r) => r.method === 'GET');
    expect(lists.map((r) => [r.query.get('per_page'), r.query.get('page') ?? '1'])).toEqual([
      ['100', '1'],
      ['100', '2'],
    ]);
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
    ['creating', 'POST', /\/comments$/],
    ['listing', 'GET', /\/comments$/],
  ])('reports forbidden, without throwing, on a 403 when %s', async (_label, method, path) => {
    const n = freshIssue();
    gh.faults.push({
      method,
      path,
      status: 403,
      times: 5,
      body: { message: 'Resource not accessible by integration' },
    });
    const result = await run({ issueNumber: n });
    expect(result.status).toBe('forbidden');
    expect(result.reason).toMatch(/"Resource not accessible by integration"/);
    expect(result.reason).toMatch(/pull-requests: (write|read)/);
    expect(gh.commentsOn(n)).toEqual([]);
  });

  it('throws a GitHubApiError for other failures', async () => {
    const n = freshIssue();
    gh.addComment(n, BOT, body('old'));
    gh.faults.push({ method: 'PATCH', status: 500, times: 100 });
    const error = await run({ issueNumber: n }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).toMatchObject({
      status: 500,
      operation: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    });
    expect(gh.requests.filter((r) => r.method === 'PATCH')).toHaveLength(4);
  });

  it('refuses bodies without the marker', async () => {
    const n = freshIssue();
    await expect(run({ issueNumber: n, body: 'no marker' })).rejects.toThrow(ReleasePolicyError);
    expect(gh.requests).toEqual([]);
  });
});
