import { describe, expect, it } from '@jest/globals';
import { ReleasePolicyError } from '@release-policy/core';
import type { Emulator } from '@release-policy/github-emulator';
import { GitHubApiError } from './errors.js';
import { createOctokit } from './octokit.js';
import { fetchPolicyFile, fetchPolicyText } from './policy.js';
import { muteStdout } from './testing/actions-env.js';
import { FULL_NAME, OWNER, REPO, useEmulator } from './testing/emulator.js';

const TOKEN = 'ghs_PolicyToken0123456789';
const BASE = 'b'.repeat(40);
const HEAD = 'a'.repeat(40);
const FILE = '.github/release-policy.yml';
const BASE_TEXT = 'mainline: main\n# base\n';
const HEAD_TEXT = 'mainline: main\nrules: { branch-name: off }\n';
const where = { owner: OWNER, repo: REPO, path: FILE };

const start = useEmulator({ token: TOKEN });

/** An emulator holding the policy at the base and a relaxed one at the head. */
async function startWithPolicy(): Promise<{
  emulator: Emulator;
  octokit: ReturnType<typeof createOctokit>;
}> {
  const emulator = await start();
  emulator.seed.file({ repo: FULL_NAME, ref: BASE, path: FILE, content: BASE_TEXT });
  emulator.seed.file({ repo: FULL_NAME, ref: HEAD, path: FILE, content: HEAD_TEXT });
  emulator.seed.file({ repo: FULL_NAME, ref: BASE, path: '.github/dir/file.yml', content: 'x' });
  const octokit = muteStdout(() =>
    createOctokit({ token: TOKEN, baseUrl: emulator.url, retryAfterBaseMs: 1, retries: 0 }),
  );
  return { emulator, octokit };
}

describe('fetchPolicyText', () => {
  it('reads the raw file at the given ref (the base, not the head)', async () => {
    const { emulator, octokit } = await startWithPolicy();
    expect(await fetchPolicyText(octokit, { ...where, ref: BASE })).toBe(BASE_TEXT);
    expect(await fetchPolicyText(octokit, { ...where, ref: HEAD })).toBe(HEAD_TEXT);
    const [first] = emulator.requestsFor('repos/get-content');
    expect(decodeURIComponent(first?.path ?? '')).toBe(`/repos/${FULL_NAME}/contents/${FILE}`);
    expect(first?.query).toEqual({ ref: BASE });
    expect(first?.requestHeaders.accept).toMatch(/application\/vnd\.github\.v3\.raw/);
    expect(emulator.requests).toHaveLength(2);
  });

  it.each([
    ['a leading "./"', `./${FILE}`],
    ['a leading "/"', `/${FILE}`],
  ])('reads a path with %s as repository-relative', async (_label, path) => {
    const { octokit } = await startWithPolicy();
    expect(await fetchPolicyText(octokit, { ...where, path, ref: BASE })).toBe(BASE_TEXT);
  });

  it.each([
    ['at a ref without it', { ref: 'c'.repeat(40) }],
    ['at another path', { ref: BASE, path: '.github/other.yml' }],
  ])(
    'returns undefined when the commit is visible and the file does not exist (%s)',
    async (_label, location) => {
      const { emulator, octokit } = await startWithPolicy();
      emulator.seed.commit({ repo: FULL_NAME, message: 'visible', sha: 'c'.repeat(40) });
      emulator.seed.commit({ repo: FULL_NAME, message: 'base', sha: BASE });
      const file = await fetchPolicyFile(octokit, { ...where, ...location });
      expect(file).toEqual({ text: undefined, commitSha: location.ref });
      expect(emulator.requests.map((r) => [r.operationId, r.status])).toEqual([
        ['repos/get-content', 404],
        ['repos/get-commit', 200],
      ]);
      expect(await fetchPolicyText(octokit, { ...where, ...location })).toBeUndefined();
    },
  );

  it.each([
    ['the commit is not visible (422)', FULL_NAME, 'd'.repeat(40), /answered 422/],
    [
      'the repository is not visible (private, no contents: read)',
      'octo/private',
      BASE,
      /answered 404/,
    ],
  ])('fails instead of using the default policy when %s', async (_label, full, ref, status) => {
    const { emulator, octokit } = await startWithPolicy();
    const [owner = '', repo = ''] = full.split('/');
    const error = await fetchPolicyFile(octokit, { owner, repo, path: FILE, ref }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).toMatchObject({ status: 404, kind: 'not-found' });
    const message = (error as Error).message;
    expect(message).toContain(
      `The policy file ".github/release-policy.yml" could not be read at "${ref}"`,
    );
    expect(message).toMatch(status);
    expect(message).toContain('The default policy is NOT used');
    expect(message).toContain('contents: read');
    expect(message).toContain('docs/actions.md#policy-file');
    expect(emulator.requests.map((r) => r.operationId)).toEqual([
      'repos/get-content',
      'repos/get-commit',
    ]);
  });

  it('says when the path is a directory', async () => {
    const { octokit } = await startWithPolicy();
    const location = { ...where, path: '.github/dir', ref: BASE };
    const error = await fetchPolicyText(octokit, location).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReleasePolicyError);
    expect((error as Error).message).toMatch(
      /The policy path ".github\/dir" at ".*" is a directory, not a file\..*docs\//,
    );
  });

  it('turns other failures into a GitHubApiError naming the operation', async () => {
    const { emulator, octokit } = await startWithPolicy();
    emulator.fault({ operationId: 'repos/get-content', kind: 'forbidden' });
    const error = await fetchPolicyText(octokit, { ...where, ref: BASE }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).toMatchObject({
      status: 403,
      kind: 'forbidden',
      operation: 'GET /repos/{owner}/{repo}/contents/{path}',
    });
    expect((error as Error).message).toMatch(/contents: read/);
  });
});
