import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ReleasePolicyError } from '@release-policy/core';
import { GitHubApiError } from './errors.js';
import { createOctokit } from './octokit.js';
import { fetchPolicyText } from './policy.js';
import { muteStdout } from './testing/actions-env.js';
import { startFakeGitHub, type FakeGitHub } from './testing/fake-github.js';

let gh: FakeGitHub;
let octokit: ReturnType<typeof createOctokit>;
const where = { owner: 'octo', repo: 'service', path: '.github/release-policy.yml' };

beforeAll(async () => {
  gh = await startFakeGitHub();
  octokit = muteStdout(() =>
    createOctokit({ token: 't', baseUrl: gh.url, retryAfterBaseMs: 1, retries: 0 }),
  );
  gh.files.set('base-sha:.github/release-policy.yml', 'mainline: main\n# base\n');
  gh.files.set(
    'head-sha:.github/release-policy.yml',
    'mainline: main\nrules: { branch-name: off }\n',
  );
  gh.files.set('base-sha:.github/dir/file.yml', 'x');
});
afterAll(async () => {
  await gh.close();
});

describe('fetchPolicyText', () => {
  it('reads the raw file at the given ref (the base, not the head)', async () => {
    gh.requests.length = 0;
    expect(await fetchPolicyText(octokit, { ...where, ref: 'base-sha' })).toBe(
      'mainline: main\n# base\n',
    );
    expect(decodeURIComponent(gh.requests[0]?.path ?? '')).toBe(
      '/repos/octo/service/contents/.github/release-policy.yml',
    );
    expect(gh.requests[0]?.query.get('ref')).toBe('base-sha');
  });

  it('returns undefined when the file does not exist', async () => {
    expect(await fetchPolicyText(octokit, { ...where, ref: 'other-sha' })).toBeUndefined();
  });

  it('says when the path is a directory', async () => {
    await expect(
      fetchPolicyText(octokit, { ...where, path: '.github/dir', ref: 'base-sha' }),
    ).rejects.toThrow(ReleasePolicyError);
    await expect(
      fetchPolicyText(octokit, { ...where, path: '.github/dir', ref: 'base-sha' }),
    ).rejects.toThrow(/is a directory, not a file/);
  });

  it('turns other failures into a GitHubApiError naming the operation', async () => {
    gh.faults.push({
      method: 'GET',
      path: /\/contents\//,
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const error = await fetchPolicyText(octokit, { ...where, ref: 'base-sha' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).toMatchObject({
      status: 403,
      kind: 'forbidden',
      operation: 'GET /repos/{owner}/{repo}/contents/{path}',
    });
    expect((error as Error).message).toMatch(/contents: read/);
  });
});
