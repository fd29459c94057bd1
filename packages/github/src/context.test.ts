import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FALLBACK_DOCS_BASE_URL,
  formatRunUrl,
  readPullRequest,
  readRunContext,
  resolveDocsBaseUrl,
  resolveRunBranch,
} from './context.js';
import { RunContextError } from './errors.js';

const dir = mkdtempSync(join(tmpdir(), 'rp-context-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function payloadFile(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const PAYLOAD_ADVICE =
  'The runner writes the event payload as JSON to the file named by GITHUB_EVENT_PATH; a step that ' +
  'rewrites or truncates that file, or a full disk, leaves it unreadable. Re-run the job, or unset ' +
  'GITHUB_EVENT_PATH when running outside Actions. Read more: docs/actions.md#troubleshooting';

/** What `run` threw (undefined when it did not throw). */
function captureError(run: () => unknown): unknown {
  try {
    run();
    return undefined;
  } catch (error) {
    return error;
  }
}

const prPayload = {
  number: 12,
  pull_request: {
    number: 12,
    title: 'Add login',
    body: 'Body\n::error::x',
    draft: true,
    user: { login: 'octocat' },
    head: {
      ref: 'feature/CHG-1-login',
      sha: 'a'.repeat(40),
      repo: { full_name: 'octocat/service' },
    },
    base: { ref: 'main', sha: 'b'.repeat(40), repo: { full_name: 'octo/service' } },
  },
};

describe('readRunContext', () => {
  it('reads a pull-request run from the env and the payload file', () => {
    const ctx = readRunContext({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: payloadFile('pr.json', JSON.stringify(prPayload)),
      GITHUB_REPOSITORY: 'octo/service',
      GITHUB_SHA: 'c'.repeat(40),
      GITHUB_REF: 'refs/pull/12/merge',
      GITHUB_REF_NAME: '12/merge',
      GITHUB_HEAD_REF: 'feature/CHG-1-login',
      GITHUB_BASE_REF: 'main',
      GITHUB_SERVER_URL: 'https://ghe.example.com/',
      GITHUB_API_URL: 'https://ghe.example.com/api/v3',
      GITHUB_RUN_ID: '123456789',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_WORKFLOW: 'CI',
      GITHUB_JOB: 'policy',
      GITHUB_ACTOR: 'octocat',
    });
    expect(ctx).toEqual({
      eventName: 'pull_request',
      repo: { owner: 'octo', repo: 'service' },
      sha: 'c'.repeat(40),
      ref: 'refs/pull/12/merge',
      refName: '12/merge',
      refType: '',
      headRef: 'feature/CHG-1-login',
      baseRef: 'main',
      serverUrl: 'https://ghe.example.com',
      apiUrl: 'https://ghe.example.com/api/v3',
      runId: 123456789,
      runAttempt: 2,
      workflow: 'CI',
      job: 'policy',
      actor: 'octocat',
      actionRepository: '',
      actionRef: '',
      pullRequest: {
        number: 12,
        title: 'Add login',
        body: 'Body\n::error::x',
        headRef: 'feature/CHG-1-login',
        headSha: 'a'.repeat(40),
        baseRef: 'main',
        baseSha: 'b'.repeat(40),
        headRepo: 'octocat/service',
        isFork: true,
        draft: true,
        author: 'octocat',
      },
      problems: [],
    });
    expect(formatRunUrl(ctx)).toBe(
      'https://ghe.example.com/octo/service/actions/runs/123456789/attempts/2',
    );
  });

  it('reads a push run with defaults and no pull request', () => {
    const ctx = readRunContext({
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: payloadFile('push.json', JSON.stringify({ ref: 'refs/tags/v1.2.3' })),
      GITHUB_REPOSITORY: 'octo/service',
      GITHUB_REF: 'refs/tags/v1.2.3',
      GITHUB_REF_TYPE: 'tag',
    });
    expect(ctx.pullRequest).toBeUndefined();
    expect(ctx.refName).toBe('v1.2.3');
    expect(ctx.refType).toBe('tag');
    expect(ctx.serverUrl).toBe('https://github.com');
    expect(ctx.apiUrl).toBe('https://api.github.com');
    expect(ctx.runAttempt).toBe(1);
    expect(ctx.problems).toEqual([]);
  });

  it('collects a malformed variable as a problem', () => {
    const ctx = readRunContext({ GITHUB_REPOSITORY: 'not-a-repo' });
    expect(ctx.problems).toHaveLength(1);
    expect(ctx.problems[0]).toMatch(/GITHUB_REPOSITORY is "not-a-repo"; expected "owner\/repo"/);
  });

  it.each([
    [
      'truncated',
      'cut.json',
      '{"pull_request": {"num',
      'is not valid JSON (22 characters, cut short or damaged?).',
    ],
    ['not an object', 'list.json', '[1]', 'is JSON but not an object (it is an array).'],
  ])('throws a RunContextError for a %s payload, never quoting it', (_label, name, text, why) => {
    const path = payloadFile(name, text);
    const error = captureError(() =>
      readRunContext({ GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_PATH: path }),
    );
    expect(error).toBeInstanceOf(RunContextError);
    expect((error as Error).message).toBe(
      `The event payload at GITHUB_EVENT_PATH=${JSON.stringify(path)} ${why} ` + PAYLOAD_ADVICE,
    );
  });

  it('throws a RunContextError naming an event file that cannot be read', () => {
    const path = join(dir, 'nope.json');
    const error = captureError(() =>
      readRunContext({ GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_PATH: path }),
    );
    expect(error).toBeInstanceOf(RunContextError);
    expect((error as Error).message).toBe(
      `The event payload GITHUB_EVENT_PATH=${JSON.stringify(path)} cannot be read (ENOENT). ${PAYLOAD_ADVICE}`,
    );
  });

  it.each([
    ['pull_request', {}, 'a "pull_request" object'],
    [
      'pull_request_target',
      { pull_request: { base: {} } },
      'pull_request.number, pull_request.base.ref and pull_request.base.sha',
    ],
    [
      'pull_request',
      { pull_request: { number: 3, base: {} } },
      'pull_request.base.ref and pull_request.base.sha',
    ],
    ['pull_request', { pull_request: { number: 3, base: { ref: 'main' } } }, undefined],
    ['push', {}, undefined],
  ])('on %s with %j, names what the payload lacks: %s', (event, payload, missing) => {
    const ctx = readRunContext({
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: payloadFile(
        `${event}-${JSON.stringify(payload).length}.json`,
        JSON.stringify(payload),
      ),
    });
    expect(ctx.missingPullRequest).toEqual(missing);
  });
});

describe('readPullRequest', () => {
  it.each([
    ['same repository', 'octo/service', false],
    ['another repository', 'fork/service', true],
    ['deleted head repository', undefined, true],
  ])('isFork for %s', (_label, headRepo, fork) => {
    const pr = readPullRequest({
      pull_request: {
        number: 3,
        head: { ref: 'x', sha: 's', repo: headRepo ? { full_name: headRepo } : null },
        base: { ref: 'main', sha: 't', repo: { full_name: 'octo/service' } },
      },
    });
    expect(pr?.isFork).toBe(fork);
  });

  it('ignores payloads without a usable pull request', () => {
    expect(readPullRequest({})).toBeUndefined();
    expect(readPullRequest({ pull_request: { number: 'x' } })).toBeUndefined();
    expect(readPullRequest({ pull_request: 'nope' })).toBeUndefined();
  });
});

describe('resolveDocsBaseUrl', () => {
  const base = readRunContext({
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_SERVER_URL: 'https://github.test',
  });
  it('points at the running action at its ref', () => {
    expect(
      resolveDocsBaseUrl({ ...base, actionRepository: 'acme/release-policy', actionRef: 'v2' }),
    ).toBe('https://github.test/acme/release-policy/blob/v2/');
  });
  it('falls back to the project on github.com for a local action, and to HEAD for an odd ref', () => {
    expect(resolveDocsBaseUrl(base)).toBe(
      'https://github.com/release-policy/release-policy/blob/v0.1.0/',
    );
    expect(resolveDocsBaseUrl({ ...base, actionRepository: '' })).toBe(FALLBACK_DOCS_BASE_URL);
    expect(resolveDocsBaseUrl({ ...base, actionRepository: 'a/b', actionRef: 'x y' })).toBe(
      'https://github.test/a/b/blob/HEAD/',
    );
  });
});

describe('resolveRunBranch', () => {
  // As the runner sets them: GITHUB_REF_TYPE says whether a push is a branch or a tag.
  const push = (ref: string) =>
    readRunContext({
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: ref,
      GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
      GITHUB_REPOSITORY: 'o/r',
    });
  const pull = readRunContext({
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_HEAD_REF: 'feature/CHG-7-x',
    GITHUB_BASE_REF: 'main',
    GITHUB_REPOSITORY: 'o/r',
  });

  it.each([
    ['a pushed branch', push('refs/heads/release/1.4'), {}, { name: 'release/1.4' }],
    ['a pull request', pull, {}, { name: 'feature/CHG-7-x', base: 'main' }],
    [
      'inputs first, normalised',
      pull,
      { branch: 'refs/heads/hotfix/1.4.3', base: 'refs/heads/release/1.4' },
      { name: 'hotfix/1.4.3', base: 'release/1.4' },
    ],
    [
      'empty inputs are ignored',
      pull,
      { branch: '', base: '' },
      { name: 'feature/CHG-7-x', base: 'main' },
    ],
    ['a tag push is no branch', push('refs/tags/v1.2.3'), {}, undefined],
  ])('%s', (_label, context, inputs, expected) => {
    expect(resolveRunBranch(context, inputs)).toEqual(expected);
  });
});
