import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  commitFixture,
  GitFixtureError,
  readHead,
  renderPackageJson,
  runGit,
} from './git-fixture.js';

let temp: string | undefined;
afterEach(async () => {
  if (temp) await rm(temp, { recursive: true, force: true });
  temp = undefined;
});

describe('commitFixture', () => {
  it('creates a repository on main with the commits, files and tags, then adds to it', async () => {
    temp = await mkdtemp(join(tmpdir(), 'bench-fixture-'));
    const dir = join(temp, 'repo');
    await commitFixture(dir, [
      {
        message: 'chore: start',
        files: { 'package.json': renderPackageJson('1.0.0') },
        tags: ['v1.0.0'],
      },
      { message: 'feat: add login', files: { 'src/login.txt': 'x\n' } },
    ]);
    const first = readHead(dir);
    await commitFixture(dir, [{ message: 'fix: tidy\n\nBREAKING CHANGE: none really' }]);
    expect(readHead(dir)).not.toBe(first);
    expect(readHead(dir)).toMatch(/^[0-9a-f]{40}$/);
    expect(runGit(dir, ['log', '--format=%s']).trim().split('\n')).toEqual([
      'fix: tidy',
      'feat: add login',
      'chore: start',
    ]);
    expect(runGit(dir, ['branch', '--show-current']).trim()).toBe('main');
    expect(runGit(dir, ['tag', '--list']).trim()).toBe('v1.0.0');
    expect(JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'))).toMatchObject({
      version: '1.0.0',
    });
  });

  it('reports a failing git command with its arguments', async () => {
    temp = await mkdtemp(join(tmpdir(), 'bench-fixture-'));
    expect(() => runGit(temp as string, ['rev-parse', 'HEAD'])).toThrow(GitFixtureError);
    expect(() => runGit(temp as string, ['rev-parse', 'HEAD'])).toThrow(
      /git \["rev-parse","HEAD"\] failed/,
    );
  });
});
