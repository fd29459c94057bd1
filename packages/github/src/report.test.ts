import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, rmSync } from 'node:fs';
import type { Finding } from '@release-policy/core';
import type { Emulator } from '@release-policy/github-emulator';
import { readRunContext } from './context.js';
import { GitHubApiError } from './errors.js';
import { createOctokit } from './octokit.js';
import { reportFindings, type ReportInput } from './report.js';
import { setKnownSecrets } from './secrets.js';
import {
  captureStdout,
  findCommandLines,
  makePullRequestContext,
  muteStdout,
  setUpActionsFiles,
  type ActionsFiles,
} from './testing/actions-env.js';
import { FULL_NAME, listStoredComments, useEmulator } from './testing/emulator.js';

const TOKEN = 'ghs_ReportToken9876543210';
const BOT = 'github-actions[bot]';
let files: ActionsFiles;
let emulator: Emulator;
let pr = 100;

const start = useEmulator({ token: TOKEN, viewer: BOT });

// @actions/core caches the summary path on first use: one set of files for the whole file.
beforeAll(() => {
  files = setUpActionsFiles();
});
afterAll(() => {
  files.restore();
});
// A fresh emulator per test (closed and checked for violations after it), with pull request #pr.
beforeEach(async () => {
  files.reset();
  pr += 1;
  emulator = await start();
  emulator.seed.pull({ repo: FULL_NAME, number: pr });
});

const error: Finding = {
  rule: 'branch-name',
  severity: 'error',
  message: 'The branch "feat/x" matches no kind.',
  hint: 'Rename it, e.g. "feature/CHG-1-x".',
  docs: 'docs/rules.md#branch-name',
};

function octokit() {
  return muteStdout(() =>
    createOctokit({ token: TOKEN, baseUrl: emulator.url, retryAfterBaseMs: 1 }),
  );
}

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    check: 'branch-name',
    title: 'Branch name',
    findings: [error],
    octokit: octokit(),
    context: makePullRequestContext(files.dir, { number: pr }),
    fields: { kind: '' },
    ...overrides,
  };
}

describe('reportFindings', () => {
  it('writes annotations, the summary and one sticky comment, then resolves it on a pass', async () => {
    const { result, stdout } = await captureStdout(() => reportFindings(input()));
    expect(result).toEqual({
      ok: false,
      annotations: 1,
      hiddenAnnotations: 0,
      summaryWritten: true,
      comment: expect.objectContaining({ status: 'created' }),
    });
    expect(stdout).toContain(
      '::error title=Branch name%3A branch-name::The branch "feat/x" matches no kind.',
    );
    expect(files.readSummary()).toContain('### ❌ Branch name: 1 error');
    expect(files.readSummary()).toContain(
      '| ❌ error | [branch-name](https://github.com/release-policy/release-policy/blob/v0.1.0/docs/rules.md#branch-name) | — | The branch "feat/x" matches no kind. |',
    );
    const [comment] = listStoredComments(emulator, pr);
    expect(comment?.user).toBe(BOT);
    expect(
      comment?.body.startsWith('<!-- release-policy:branch-name -->\n### ❌ Branch name: 1 error'),
    ).toBe(true);

    const { result: passed } = await captureStdout(() => reportFindings(input({ findings: [] })));
    expect(passed.ok).toBe(true);
    expect(passed.comment).toMatchObject({ status: 'resolved', id: comment?.id });
    expect(listStoredComments(emulator, pr)).toHaveLength(1);
    expect(listStoredComments(emulator, pr)[0]?.body).toContain('### ✅ Branch name: resolved');
    expect(files.readSummary()).toContain('### ✅ Branch name: passed');
  });

  it.each([
    [
      'a push event',
      () => ({
        context: readRunContext({ GITHUB_REPOSITORY: 'octo/service', GITHUB_EVENT_NAME: 'push' }),
      }),
      /Not a pull-request event/,
    ],
    ['no token', () => ({ octokit: undefined }), /No token/],
    ['comments turned off', () => ({ comment: false }), /turned off/],
  ])('skips the comment for %s but still writes the summary', async (_label, override, reason) => {
    const { result } = await captureStdout(() => reportFindings(input(override())));
    expect(result.comment).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(reason),
    });
    expect(result.ok).toBe(false);
    expect(result.summaryWritten).toBe(true);
    expect(emulator.requests).toEqual([]);
    expect(files.readSummary()).toContain('| ❌ error |');
  });

  it('falls back to the summary on a fork (403) and still fails', async () => {
    const fault = emulator.fault({ method: 'POST', kind: 'forbidden', times: Infinity });
    const context = makePullRequestContext(files.dir, { number: pr, fork: true });
    const { result, stdout } = await captureStdout(() => reportFindings(input({ context })));
    expect(result.ok).toBe(false);
    expect(result.comment.status).toBe('forbidden');
    expect(result.comment.reason).toMatch(/pull-requests: write/);
    const summary = files.readSummary();
    expect(summary).toContain('| ❌ error |');
    expect(summary).toMatch(
      new RegExp(
        `> No comment could be written on pull request #${pr}: .*the check still fails\\.`,
      ),
    );
    expect(stdout).toContain('Pull-request comment not written (403)');
    expect(fault.hits).toBe(1);
    expect(listStoredComments(emulator, pr)).toEqual([]);
  });

  it('writes the summary and then throws other API failures', async () => {
    emulator.fault({
      operationId: 'issues/list-comments',
      kind: 'status',
      status: 500,
      times: Infinity,
    });
    const { result } = await captureStdout(() => reportFindings(input()).catch((e: unknown) => e));
    expect(result).toBeInstanceOf(GitHubApiError);
    expect(files.readSummary()).toMatch(/> No comment could be written .*answered 500/);
    expect(emulator.requestsFor('issues/list-comments')).toHaveLength(4);
    expect(emulator.requestsFor('issues/create-comment')).toEqual([]);
  });

  it('reports even when the summary cannot be written, and says so', async () => {
    rmSync(files.summaryPath);
    mkdirSync(files.summaryPath);
    const { result, stdout } = await captureStdout(() => reportFindings(input({ comment: false })));
    expect(result.summaryWritten).toBe(false);
    expect(stdout).toContain('The job summary could not be written');
  });

  it('keeps untrusted text out of workflow commands and the token out of the log', async () => {
    const hostile: Finding = {
      rule: 'branch-name',
      severity: 'error',
      message:
        'Branch "x\n::error::injected%0A::stop-commands::abc\r::warning::cr" is bad | ## [x]',
      file: 'a::b,c.txt',
      line: 2,
    };
    const context = makePullRequestContext(files.dir, {
      number: pr,
      headRef: 'x\n::error::y',
      title: '::add-mask::t',
    });
    const { stdout } = await captureStdout(() =>
      reportFindings({
        ...input({ context, findings: [hostile] }),
        octokit: createOctokit({ token: TOKEN, baseUrl: emulator.url }),
      }),
    );
    expect(findCommandLines(stdout)).toEqual([
      `::add-mask::${TOKEN}`,
      // A carriage return is shown as \r (the one escaping policy), never a line break.
      '::error title=Branch name%3A branch-name,file=a%3A%3Ab%2Cc.txt,line=2::Branch "x%0A::error::injected%250A::stop-commands::abc\\r::warning::cr" is bad | ## [x]',
    ]);
    expect(stdout.split('\n').filter((l) => l.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`]);
    const rows = files
      .readSummary()
      .split('\n')
      .filter((l) => l.startsWith('| ❌'));
    expect(rows).toHaveLength(1);
  });

  it('two concurrent reports leave one comment and two whole summaries', async () => {
    const [a, b] = await captureStdout(() =>
      Promise.all([reportFindings(input()), reportFindings(input())]),
    ).then((r) => r.result);
    expect(listStoredComments(emulator, pr)).toHaveLength(1);
    expect(a.comment.id).toBe(b.comment.id);
    const summary = files.readSummary();
    expect(summary.match(/### ❌ Branch name: 1 error/g)).toHaveLength(2);
    expect(summary.match(/\| ❌ error \|/g)).toHaveLength(2);
  });

  it('annotates at most 9 errors (the 10th is the failure message) and counts the rest', async () => {
    const many: Finding[] = Array.from({ length: 14 }, (_, i) => ({ ...error, message: `m${i}` }));
    const { result } = await captureStdout(() =>
      reportFindings(input({ findings: many, comment: false })),
    );
    expect(result).toMatchObject({ annotations: 9, hiddenAnnotations: 5 });
    expect(files.readSummary().match(/\| ❌ error \|/g)).toHaveLength(14);
  });

  describe('secrets and invisible characters', () => {
    afterEach(() => setKnownSecrets([]));

    it('posts no piece of the token and no raw bidi or separator character anywhere', async () => {
      setKnownSecrets([TOKEN]);
      const hostile: Finding = {
        rule: 'branch-name',
        severity: 'error',
        message: `Branch "feature/${TOKEN}" is bad \u202eevil\u2028line\u0085nel`,
        hint: `Rename "${'x'.repeat(30)}${TOKEN}" to anything else.`,
      };
      const { stdout } = await captureStdout(() =>
        reportFindings({
          ...input({ findings: [hostile] }),
          fields: { branch: `feature/${TOKEN}`.repeat(4) },
        }),
      );
      const written = [
        stdout.replace(`::add-mask::${TOKEN}`, ''),
        files.readSummary(),
        ...listStoredComments(emulator, pr).map((c) => c.body),
      ].join('\n');
      const pieces = Array.from({ length: TOKEN.length - 7 }, (_, i) => TOKEN.slice(i, i + 8));
      expect(pieces.filter((piece) => written.includes(piece))).toEqual([]);
      expect(written.match(/[\u202e\u2028\u0085]/g)).toEqual(null);
      const lines = listStoredComments(emulator, pr).flatMap((c) => (c.body ?? '').split('\n'));
      expect(lines.filter((l) => l.startsWith('**branch**') || l.startsWith('| ❌'))).toEqual([
        '**branch**: feature/***feature/***feature/***feature/***',
        '| ❌ error | branch-name | — | Branch "feature/***" is bad \\u202eevil\\u2028line\\u0085nel | Rename "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx***" to anything else. |',
      ]);
      expect(findCommandLines(stdout).filter((l) => l.startsWith('::error'))).toEqual([
        '::error title=Branch name%3A branch-name::Branch "feature/***" is bad \\u202eevil\\u2028line\\u0085nel%0AHow to fix: Rename "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx***" to anything else.',
      ]);
    });
  });
});
