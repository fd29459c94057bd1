import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReleasePolicyError } from '@release-policy/core';
import { readRunContext } from './context.js';
import { InputError, OutputNameError, PolicyFileError, RunContextError } from './errors.js';
import { createOctokit, resolveApiUrl } from './octokit.js';
import { setOutputs } from './outputs.js';
import { loadRunPolicy } from './run-policy.js';

/** The class name of whatever `fn` threw (or rejected with), and whether it is a ReleasePolicyError. */
async function caught(fn: () => unknown): Promise<[string, boolean]> {
  try {
    await fn();
  } catch (error) {
    return [(error as Error).name, error instanceof ReleasePolicyError];
  }
  return ['nothing thrown', false];
}

const context = readRunContext({ GITHUB_REPOSITORY: 'octo/service' });

describe('each kind of problem has its own ReleasePolicyError subclass', () => {
  it.each([
    [
      'a GITHUB_API_URL that is not a URL',
      () => resolveApiUrl(undefined, { GITHUB_API_URL: 'x' }),
      RunContextError,
    ],
    ['an API URL that is not http(s)', () => resolveApiUrl('ftp://example.com'), RunContextError],
    ['an empty token', () => createOctokit({ token: ' ' }), InputError],
    ['an invalid output name', () => setOutputs({ 'bad name': 1 }), OutputNameError],
    [
      'a policy path leaving the repository',
      () => loadRunPolicy({ context, path: '../x.yml' }),
      InputError,
    ],
  ])('%s', async (_, fn, kind) => {
    expect(await caught(fn)).toEqual([kind.name, true]);
  });

  it('a policy path that is a directory in the working tree', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'rp-kinds-'));
    mkdirSync(join(workspace, 'policy.yml'));
    expect(await caught(() => loadRunPolicy({ context, path: 'policy.yml', workspace }))).toEqual([
      PolicyFileError.name,
      true,
    ]);
  });
});
