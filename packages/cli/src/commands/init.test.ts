import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEFAULT_POLICY_YAML,
  defaultPolicy,
  loadPolicy,
  renderPullRequestTemplate,
} from '@release-policy/core';
import { checkCliJson, createTestRepo, type TestRepo } from '../testing/harness.js';

const POLICY = '.github/release-policy.yml';
const MINE = '# my own policy\nmainline: trunk\n';

// init touches files, so every test gets its own folder (no git needed).
let dir: TestRepo;
beforeEach(async () => {
  dir = await createTestRepo({ init: false });
});
afterEach(() => dir.cleanup());

const read = (path: string) => readFile(join(dir.dir, path), 'utf8');

describe('init', () => {
  it('writes the commented default policy to .github/release-policy.yml', async () => {
    const run = await dir.run(['init']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      'Wrote the default policy to .github/release-policy.yml. Edit it, commit it, and see https://github.com/release-policy/release-policy/blob/v0.1.0/docs/policy.md.\n' +
        'wrote .github/pull_request_template.md\n',
    );
    const written = await read(POLICY);
    expect(written).toBe(DEFAULT_POLICY_YAML);
    expect(written).toMatch(/^# yaml-language-server: \$schema=/);
    // The file is the default policy, and the CLI now reads it by default.
    // (A loaded file's document entries also carry their positions in it, for policy errors.)
    const loaded = loadPolicy(written, POLICY);
    expect(loaded.documents.map((d) => d.positions?.path.line)).toEqual([97, 101, 104, 107, 110]);
    const documents = loaded.documents.map(({ positions: _positions, ...spec }) => spec);
    expect({ ...loaded, documents, source: '' }).toEqual({ ...defaultPolicy(), source: '' });
    const check = await dir.run(['branch', 'main', '--json']);
    expect(check.json()).toMatchObject({ ok: true, policy: POLICY });
    // The pull request template holds the change-request sections; no temporary file is left.
    expect(await read('.github/pull_request_template.md')).toBe(
      renderPullRequestTemplate(defaultPolicy()).text,
    );
    expect((await readdir(join(dir.dir, '.github'))).sort()).toEqual([
      'pull_request_template.md',
      'release-policy.yml',
    ]);
  });

  it('keeps a pull request template that exists, and says so', async () => {
    await dir.write('.github/pull_request_template.md', MINE);
    const run = await dir.run(['init']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').at(-2)).toBe(
      'kept  .github/pull_request_template.md (exists; --force overwrites it)',
    );
    expect(await read('.github/pull_request_template.md')).toBe(MINE);
  });

  it('--json reports the file written', async () => {
    const run = await dir.run(['init', '--json']);
    expect(run.code).toBe(0);
    const doc = run.json();
    expect(checkCliJson(doc)).toEqual([]);
    expect(doc).toEqual({
      ok: true,
      findings: [],
      written: POLICY,
      files: [
        { path: POLICY, status: 'written' },
        { path: '.github/pull_request_template.md', status: 'written' },
      ],
    });
  });

  it('refuses to overwrite: exit 2, the file unchanged, nothing left behind', async () => {
    await dir.write(POLICY, MINE);
    const run = await dir.run(['init']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `release-policy: ${JSON.stringify(POLICY)} already exists; nothing was written. ` +
        'Use --force to overwrite it, or --output FILE to write elsewhere. See https://github.com/release-policy/release-policy/blob/v0.1.0/docs/cli.md#init\n',
    );
    expect(await read(POLICY)).toBe(MINE);
    expect(await readdir(join(dir.dir, '.github'))).toEqual(['release-policy.yml']);

    const json = await dir.run(['init', '--json']);
    expect(json.code).toBe(2);
    const doc = json.json();
    expect(checkCliJson(doc)).toEqual([]);
    expect(doc).toMatchObject({ ok: false, findings: [], error: { type: 'UsageError' } });
    expect(await read(POLICY)).toBe(MINE);
  });

  it('--force overwrites the existing file', async () => {
    await dir.write(POLICY, MINE);
    const run = await dir.run(['init', '--force']);
    expect(run.code).toBe(0);
    expect(await read(POLICY)).toBe(DEFAULT_POLICY_YAML);
    expect((await readdir(join(dir.dir, '.github'))).sort()).toEqual([
      'pull_request_template.md',
      'release-policy.yml',
    ]);
  });

  it.each([
    [['--output', 'config/policy.yml'], 'config/policy.yml'],
    [['-o', 'deep/er/policy.yml'], 'deep/er/policy.yml'],
    [['--policy', 'other.yml'], 'other.yml'],
  ])('%j writes elsewhere, creating folders', async (options, target) => {
    const run = await dir.run(['init', ...options, '--json']);
    expect(run.code).toBe(0);
    expect(run.json().written).toBe(target);
    expect(await read(target)).toBe(DEFAULT_POLICY_YAML);
    expect(await dir.list()).not.toContain('.github');
  });

  it('--output to an existing file refuses too, and --force overwrites it', async () => {
    await dir.write('custom.yml', MINE);
    const refused = await dir.run(['init', '-o', 'custom.yml']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"custom.yml" already exists');
    expect(await read('custom.yml')).toBe(MINE);
    const forced = await dir.run(['init', '-o', 'custom.yml', '--force']);
    expect(forced.code).toBe(0);
    expect(await read('custom.yml')).toBe(DEFAULT_POLICY_YAML);
    expect(await dir.list()).toEqual(['custom.yml']);
  });

  it('writes an absolute --output path as given', async () => {
    const target = join(dir.dir, 'abs', 'policy.yml');
    const run = await dir.run(['init', '--output', target, '--json']);
    expect(run.code).toBe(0);
    expect(run.json().written).toBe(target);
    expect(await readFile(target, 'utf8')).toBe(DEFAULT_POLICY_YAML);
  });

  it('writes into the --cwd directory', async () => {
    const run = await dir.run(['init', '-C', 'sub'], { cwd: dir.dir });
    expect(run.code).toBe(0);
    expect(await read(join('sub', POLICY))).toBe(DEFAULT_POLICY_YAML);
  });
});
