import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReleasePolicyError } from '@release-policy/core';
import { readRunContext } from './context.js';
import { GitHubApiError } from './errors.js';
import { createOctokit } from './octokit.js';
import { describeDefaultPolicySource, loadRunPolicy } from './run-policy.js';
import { makePullRequestContext, muteStdout } from './testing/actions-env.js';
import { FULL_NAME, useEmulator } from './testing/emulator.js';

const TOKEN = 'ghs_RunPolicyToken0123456789';
const BASE = 'b'.repeat(40);
const RUN_SHA = 'c'.repeat(40);
const FILE = '.github/release-policy.yml';
const dir = mkdtempSync(join(tmpdir(), 'rp-run-policy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const start = useEmulator({ token: TOKEN });

async function startApi() {
  const emulator = await start();
  const octokit = muteStdout(() =>
    createOctokit({ token: TOKEN, baseUrl: emulator.url, retryAfterBaseMs: 1, retries: 0 }),
  );
  return { emulator, octokit };
}

const pushContext = readRunContext({ GITHUB_REPOSITORY: FULL_NAME, GITHUB_SHA: RUN_SHA });

describe('describeDefaultPolicySource', () => {
  it.each([
    [FILE, BASE, '(default policy: no .github/release-policy.yml at bbbbbbb)'],
    ['p.yml', 'main', '(default policy: no p.yml main)'],
    [
      FILE,
      'in the working tree',
      '(default policy: no .github/release-policy.yml in the working tree)',
    ],
  ])('%s, %s', (path, where, expected) => {
    expect(describeDefaultPolicySource(path, where)).toBe(expected);
  });
});

describe('loadRunPolicy through the API', () => {
  it('uses the default policy, saying where it looked, when the visible base commit has no file', async () => {
    const { emulator, octokit } = await startApi();
    emulator.seed.commit({ repo: FULL_NAME, message: 'base', sha: BASE });
    const context = makePullRequestContext(dir, { number: 3 });
    const policy = await loadRunPolicy({ context, octokit, path: FILE });
    expect(policy.source).toBe('(default policy: no .github/release-policy.yml at bbbbbbb)');
    expect(policy.mainline).toBe('main');
    expect(emulator.requests.map((r) => r.query.ref ?? r.path)).toEqual([
      BASE,
      `/repos/${FULL_NAME}/commits/${BASE}`,
    ]);
  });

  it('reads the file at the run commit on a push', async () => {
    const { emulator, octokit } = await startApi();
    emulator.seed.file({ repo: FULL_NAME, ref: RUN_SHA, path: FILE, content: 'mainline: trunk\n' });
    const policy = await loadRunPolicy({ context: pushContext, octokit, path: FILE });
    expect(policy).toMatchObject({ source: FILE, mainline: 'trunk' });
  });

  it('fails, instead of passing on the default policy, when the commit is not visible', async () => {
    const { octokit } = await startApi();
    const error = await loadRunPolicy({ context: pushContext, octokit, path: FILE }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as Error).message).toContain('The default policy is NOT used');
  });
});

describe('loadRunPolicy from the working tree (no token)', () => {
  it('uses the default policy when the file is absent, and reads it when present', async () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    const none = await loadRunPolicy({ context: pushContext, workspace: empty, path: FILE });
    expect(none.source).toBe('(default policy: no .github/release-policy.yml in the working tree)');
    const full = mkdtempSync(join(dir, 'full-'));
    mkdirSync(join(full, '.github'));
    writeFileSync(join(full, FILE), 'mainline: trunk\n');
    const policy = await loadRunPolicy({ context: pushContext, workspace: full, path: FILE });
    expect(policy).toMatchObject({ source: FILE, mainline: 'trunk' });
  });

  it.each([
    [
      'a directory',
      'EISDIR',
      'it is a directory, not a file',
      (root: string) => mkdirSync(join(root, FILE), { recursive: true }),
    ],
    [
      'under a file',
      'ENOTDIR',
      'a part of its path is a file',
      (root: string) => writeFileSync(join(root, '.github'), 'x'),
    ],
  ])(
    'wraps a file system error (%s) in a teaching error with its cause',
    async (_label, code, why, make) => {
      const root = mkdtempSync(join(dir, 'bad-'));
      make(root);
      const error = await loadRunPolicy({
        context: pushContext,
        workspace: root,
        path: FILE,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReleasePolicyError);
      expect((error as Error).message).toBe(
        `The policy file ".github/release-policy.yml" in the working tree cannot be used: ${why}` +
          (code === 'ENOTDIR' ? ', not a directory. ' : '. ') +
          'Expected a readable YAML file, e.g. ".github/release-policy.yml", or no file at all for the default policy. ' +
          'Read more: docs/actions.md#policy-file',
      );
      expect(((error as Error).cause as NodeJS.ErrnoException).code).toBe(code);
    },
  );
});
