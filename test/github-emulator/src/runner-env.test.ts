import { describe, it, expect } from '@jest/globals';
import { buildRunnerEnv, deriveRefs, evaluateDefault, type RunnerContext } from './runner-env.js';

function context(
  eventName: string,
  payload: Record<string, unknown>,
  extra: Partial<RunnerContext> = {},
): RunnerContext {
  return {
    eventName,
    payload,
    token: 'tok',
    apiUrl: 'http://127.0.0.1:1',
    workspace: '/ws',
    temp: '/runner/temp',
    ...extra,
  };
}

const pr = {
  number: 5,
  merge_commit_sha: 'm'.repeat(40),
  head: { ref: 'feature/a', sha: 'h'.repeat(40) },
  base: { ref: 'main', sha: 'b'.repeat(40) },
};

describe('deriveRefs', () => {
  it.each([
    [
      'push',
      { ref: 'refs/heads/main', after: 'a'.repeat(40) },
      { ref: 'refs/heads/main', sha: 'a'.repeat(40), refName: 'main', refType: 'branch' },
    ],
    [
      'push',
      { ref: 'refs/tags/v1.0.0', after: 'c'.repeat(40) },
      { ref: 'refs/tags/v1.0.0', refName: 'v1.0.0', refType: 'tag' },
    ],
    [
      'pull_request',
      { pull_request: pr },
      {
        ref: 'refs/pull/5/merge',
        sha: 'm'.repeat(40),
        headRef: 'feature/a',
        baseRef: 'main',
        refName: '5/merge',
      },
    ],
    [
      'pull_request_target',
      { pull_request: pr },
      { ref: 'refs/heads/main', sha: 'b'.repeat(40), headRef: 'feature/a' },
    ],
    ['release', { release: { tag_name: 'v2.0.0' } }, { ref: 'refs/tags/v2.0.0', refType: 'tag' }],
    [
      'workflow_dispatch',
      { ref: 'refs/heads/release/1.x' },
      { ref: 'refs/heads/release/1.x', refName: 'release/1.x' },
    ],
    [
      'schedule',
      { repository: { default_branch: 'trunk' } },
      { ref: 'refs/heads/trunk', headRef: '', baseRef: '' },
    ],
  ])('%s %j', (eventName, payload, expected) => {
    expect(deriveRefs(context(eventName, payload))).toMatchObject(expected);
  });

  it('lets explicit ref and sha win', () => {
    expect(
      deriveRefs(
        context('push', { ref: 'refs/heads/x' }, { ref: 'refs/heads/y', sha: '1'.repeat(40) }),
      ),
    ).toMatchObject({
      ref: 'refs/heads/y',
      sha: '1'.repeat(40),
    });
  });
});

describe('buildRunnerEnv', () => {
  const files = {
    event: '/e.json',
    output: '/o',
    summary: '/s',
    state: '/st',
    env: '/en',
    path: '/p',
  };

  it('gives the results service to @actions/artifact when there is one, and nothing otherwise', () => {
    const withService = buildRunnerEnv(
      context('workflow_dispatch', {}, { resultsUrl: 'http://127.0.0.1:2', runtimeToken: 'a.b.c' }),
      files,
    );
    expect([withService.ACTIONS_RESULTS_URL, withService.ACTIONS_RUNTIME_TOKEN]).toEqual([
      'http://127.0.0.1:2/',
      'a.b.c',
    ]);
    const without = buildRunnerEnv(context('workflow_dispatch', {}), files);
    expect(Object.keys(without).filter((k) => k.startsWith('ACTIONS_'))).toEqual([]);
  });

  it('sets the runner variables and leaks nothing else from the calling process', () => {
    process.env.GITHUB_TOKEN_LEAK_CHECK = 'leak';
    try {
      const env = buildRunnerEnv(
        context('pull_request', {
          pull_request: pr,
          repository: { full_name: 'octo-org/app' },
          sender: { login: 'mia' },
        }),
        { event: '/e.json', output: '/o', summary: '/s', state: '/st', env: '/en', path: '/p' },
      );
      expect(env).toMatchObject({
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_REPOSITORY: 'octo-org/app',
        GITHUB_REPOSITORY_OWNER: 'octo-org',
        GITHUB_ACTOR: 'mia',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: '/e.json',
        GITHUB_API_URL: 'http://127.0.0.1:1',
        GITHUB_GRAPHQL_URL: 'http://127.0.0.1:1/graphql',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_HEAD_REF: 'feature/a',
        GITHUB_OUTPUT: '/o',
        GITHUB_STEP_SUMMARY: '/s',
        GITHUB_WORKSPACE: '/ws',
        RUNNER_TEMP: '/runner/temp',
      });
      expect(env.GITHUB_TOKEN_LEAK_CHECK).toBeUndefined();
      expect(env.NODE_OPTIONS).toBeUndefined();
    } finally {
      delete process.env.GITHUB_TOKEN_LEAK_CHECK;
    }
  });
});

describe('evaluateDefault', () => {
  const ctx = context('pull_request', { pull_request: pr });
  const env = {
    GITHUB_REPOSITORY: 'octo-org/app',
    GITHUB_SHA: 's'.repeat(40),
    RUNNER_TEMP: '/runner/temp',
    CUSTOM: 'c',
  };
  it.each([
    ['plain', 'plain'],
    ['${{ github.token }}', 'tok'],
    ['${{ github.repository }}', 'octo-org/app'],
    ['${{ github.event.pull_request.number }}', '5'],
    ['${{ github.event.pull_request.head }}', JSON.stringify(pr.head)],
    ['${{ github.event.missing || github.sha }}', 's'.repeat(40)],
    ["${{ github.event.missing || 'fallback' }}", 'fallback'],
    ['${{ runner.temp }}/out', '/runner/temp/out'],
    ['${{ env.CUSTOM }}', 'c'],
  ])('%s -> %s', (text, expected) => {
    expect(evaluateDefault(text, ctx, env)).toBe(expected);
  });

  it('refuses expressions it cannot evaluate, naming them', () => {
    expect(() => evaluateDefault('${{ secrets.TOKEN }}', ctx, env)).toThrow(
      /Cannot evaluate the input default "\$\{\{ secrets.TOKEN \}\}": "secrets.TOKEN" is not supported/,
    );
  });
});
