import { describe, it, expect } from '@jest/globals';
import { listAllowedMethods, matchRoute } from './router.js';

describe('matchRoute', () => {
  const cases: [string, string, string, Record<string, string>][] = [
    ['GET', '/repos/o/r', 'repos/get', { owner: 'o', repo: 'r' }],
    ['POST', '/repos/o/r/issues/12/comments', 'issues/create-comment', { issue_number: '12' }],
    ['GET', '/repos/o/r/releases/latest', 'repos/get-latest-release', {}],
    ['GET', '/repos/o/r/releases/5', 'repos/get-release', { release_id: '5' }],
    ['GET', '/repos/o/r/releases/tags/v1.2.3', 'repos/get-release-by-tag', { tag: 'v1.2.3' }],
    ['GET', '/repos/o/r/git/ref/heads%2Ffeature%2Fx', 'git/get-ref', { ref: 'heads/feature/x' }],
    ['GET', '/repos/o/r/git/ref/heads/feature/x', 'git/get-ref', { ref: 'heads/feature/x' }],
    [
      'GET',
      '/repos/o/r/contents/src/deep/file.ts',
      'repos/get-content',
      { path: 'src/deep/file.ts' },
    ],
    ['GET', '/repos/o/r/commits/main/status', 'repos/get-combined-status-for-ref', { ref: 'main' }],
    [
      'GET',
      '/repos/o/r/commits/feature%2Fx/status',
      'repos/get-combined-status-for-ref',
      { ref: 'feature/x' },
    ],
    [
      'GET',
      '/repos/o/r/compare/v1.0.0...main',
      'repos/compare-commits',
      { base: 'v1.0.0', head: 'main' },
    ],
    [
      'GET',
      '/repos/o/r/actions/runs/9/pending_deployments',
      'actions/get-pending-deployments-for-run',
      { run_id: '9' },
    ],
    ['GET', '/repos/o/r/', 'repos/get', { repo: 'r' }],
    ['GET', '/repos/o/r/contents/', 'repos/get-content', { path: '' }],
  ];
  it.each(cases)('%s %s -> %s', (method, path, operationId, params) => {
    const hit = matchRoute(method, path);
    expect(hit?.operation.operationId).toBe(operationId);
    expect(hit?.params).toMatchObject(params);
  });

  it('answers undefined for paths outside the description', () => {
    expect(matchRoute('GET', '/repos/o/r/not-a-thing/1')).toBeUndefined();
    expect(matchRoute('GET', '/nope')).toBeUndefined();
  });

  it('does not match a documented path with an undocumented method', () => {
    expect(matchRoute('PUT', '/repos/o/r/issues/1/comments')).toBeUndefined();
    expect(listAllowedMethods('/repos/o/r/issues/1/comments')).toEqual(['GET', 'POST']);
  });
});
