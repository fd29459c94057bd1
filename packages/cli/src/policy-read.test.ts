import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createGit, GitError } from '@release-policy/git';
import { createTempRepo, type TempRepo } from '@release-policy/git/testing';
import { readPolicy } from './policy.js';

let repo: TempRepo;
let plain: TempRepo;
beforeAll(async () => {
  repo = await createTempRepo();
  await repo.commit('chore: start', { 'README.md': 'x\n' });
  plain = await createTempRepo({ init: false });
});
afterAll(async () => {
  await repo.cleanup();
  await plain.cleanup();
});

describe('readPolicy with a base branch', () => {
  it('reads a base branch git cannot find as "not in this clone", with a warning', async () => {
    const git = createGit({ cwd: repo.dir, env: repo.env });
    const result = await readPolicy({ cwd: repo.dir, root: repo.dir }, undefined, {
      git,
      ref: 'release/9',
    });
    expect(result.notices.map((n) => [n.rule, n.severity, n.docs])).toEqual([
      ['policy-file', 'warning', 'docs/cli.md#where-the-policy-comes-from'],
    ]);
    expect(result.notices[0]?.message).toMatch(
      /^The base branch "release\/9" does not exist in this clone \(neither "release\/9" nor "origin\/release\/9"\)/,
    );
  });

  it('rethrows any other git failure instead of calling it a missing branch', async () => {
    const git = createGit({ cwd: plain.dir, env: plain.env });
    const error: unknown = await readPolicy({ cwd: plain.dir, root: plain.dir }, undefined, {
      git,
      ref: 'main',
    }).catch((e: unknown) => e);
    expect(error instanceof GitError ? error.kind : error).toBe('not-a-repository');
  });
});
