import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, readFile, readdir, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  DEFAULT_POLICY_YAML,
  defaultPolicy,
  linkDocs,
  loadPolicy,
  renderPullRequestTemplate,
} from '@release-policy/core';
import { checkCliJson, createTestRepo, type TestRepo } from '../testing/harness.js';
import { listGitHubSettings, renderGhApiCommand, renderGitHubSettings } from './init-settings.js';
import { INIT_WORKFLOWS } from './init-workflows.js';
import { DOCS_BASE_URL } from '../io.js';

const POLICY = '.github/release-policy.yml';
const MINE = '# my own policy\nmainline: trunk\n';

// init touches files, so every test gets its own folder (no git needed).
let dir: TestRepo;
beforeEach(async () => {
  dir = await createTestRepo({ init: false });
});
afterEach(() => dir.cleanup());

const read = (path: string) => readFile(join(dir.dir, path), 'utf8');

const WORKFLOWS = INIT_WORKFLOWS.map((file) => file.path);
const SET_UP = [POLICY, '.github/pull_request_template.md', ...WORKFLOWS];

describe('init', () => {
  it('sets up a repository: the commented policy, the pull request template, the workflows', async () => {
    const run = await dir.run(['init']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, SET_UP.length + 1)).toEqual([
      ...SET_UP.map((path) => `wrote ${path}`),
      'Edit .github/release-policy.yml, commit everything, and see https://github.com/release-policy/release-policy/blob/v0.1.0/docs/policy.md.',
    ]);
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
      'workflows',
    ]);
    for (const file of INIT_WORKFLOWS)
      expect([file.path, await read(file.path)]).toEqual([file.path, file.text]);
  });

  it('prints the GitHub settings to make, each with its gh api command', async () => {
    const run = await dir.run(['init']);
    const settings = listGitHubSettings(defaultPolicy());
    // The docs path at the end becomes a link to the running release's docs, as every message's does.
    expect(run.stdout).toContain(`\n${linkDocs(renderGitHubSettings(settings), DOCS_BASE_URL)}\n`);
    expect(run.stdout).toContain(
      "gh api -X PUT 'repos/{owner}/{repo}/environments/production-approval-2' --input - <<JSON\n" +
        '{"deployment_branch_policy":{"protected_branches":false,"custom_branch_policies":true},' +
        '"prevent_self_review":true,"reviewers":[{"type":"Team","id":$TEAM_ID}]}\nJSON\n',
    );
  });

  it('keeps a pull request template that exists, and says so', async () => {
    await dir.write('.github/pull_request_template.md', MINE);
    const run = await dir.run(['init']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[1]).toBe(
      'kept  .github/pull_request_template.md (exists; --force overwrites it)',
    );
    expect(await read('.github/pull_request_template.md')).toBe(MINE);
  });

  it('--json reports each file and each setting', async () => {
    const run = await dir.run(['init', '--json']);
    expect(run.code).toBe(0);
    const doc = run.json();
    expect(checkCliJson(doc)).toEqual([]);
    expect(doc).toEqual({
      ok: true,
      findings: [],
      files: SET_UP.map((path) => ({ path, status: 'written' })),
      settings: listGitHubSettings(defaultPolicy()).map((setting) => ({
        what: setting.what,
        command: renderGhApiCommand(setting),
      })),
    });
  });

  it('keeps an existing policy and every other existing file, exit 0, each reported', async () => {
    await dir.write(POLICY, MINE);
    await dir.write('.github/workflows/promote.yml', MINE);
    const run = await dir.run(['init', '--json']);
    expect(run.code).toBe(0);
    const kept = (run.json().files ?? []).filter((file) => file.status === 'kept');
    expect(kept.map((file) => file.path)).toEqual([POLICY, '.github/workflows/promote.yml']);
    expect(await read(POLICY)).toBe(MINE);
    expect(await read('.github/workflows/promote.yml')).toBe(MINE);
    const again = await dir.run(['init']);
    expect(again.stdout.split('\n').slice(0, SET_UP.length)).toEqual(
      SET_UP.map((path) => `kept  ${path} (exists; --force overwrites it)`),
    );
  });

  it('a malformed policy of its own stops init before anything is written, at its line', async () => {
    await dir.write(POLICY, 'environments:\n  - name: dev\n    automatic: maybe\n');
    const run = await dir.run(['init', '--json']);
    expect(run.code).toBe(2);
    expect(run.json().findings?.[0]).toMatchObject({
      rule: 'policy-file',
      file: POLICY,
      line: 3,
      column: 16,
    });
    expect((await readdir(join(dir.dir, '.github'))).sort()).toEqual(['release-policy.yml']);
  });

  it('--dir sets up another directory, relative to the current one', async () => {
    const run = await dir.run(['init', '--dir', 'service', '--json']);
    expect(run.code).toBe(0);
    expect(await read(join('service', POLICY))).toBe(DEFAULT_POLICY_YAML);
    expect(await read(join('service', '.github/workflows/pr-policy.yml'))).toBe(
      INIT_WORKFLOWS.find((file) => file.path.endsWith('/pr-policy.yml'))?.text,
    );
    expect(await dir.list()).toEqual(['service']);
  });

  it('--force overwrites the existing file', async () => {
    await dir.write(POLICY, MINE);
    const run = await dir.run(['init', '--force']);
    expect(run.code).toBe(0);
    expect(await read(POLICY)).toBe(DEFAULT_POLICY_YAML);
    expect((await readdir(join(dir.dir, '.github'))).sort()).toEqual([
      'pull_request_template.md',
      'release-policy.yml',
      'workflows',
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

describe('init never writes through a link out of the repository', () => {
  const DOCS = 'https://github.com/release-policy/release-policy/blob/v0.1.0/docs/cli.md#init';
  const refusal = (folder: string) =>
    `release-policy: init writes only inside the repository, so nothing was written. ` +
    `"${folder}" is a symbolic link that leads outside the repository (or into .git, or nowhere): ` +
    `replace it with a real folder (rm ${folder} && mkdir ${folder}), or run init with --dir in the repository it leads to. See ${DOCS}\n`;

  it.each([
    ['.github', ['init']],
    ['docs/release', ['init', '--docs']],
  ])(
    'refuses %j linked to a folder outside, exit 2, writing nothing anywhere',
    async (folder, argv) => {
      const outside = await dir.makeDir();
      await mkdir(dirname(join(dir.dir, folder)), { recursive: true });
      await symlink(outside, join(dir.dir, folder));
      const run = await dir.run(argv);
      expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
        code: 2,
        stdout: '',
        stderr: refusal(folder),
      });
      expect(await readdir(outside)).toEqual([]);
      // Not even the files whose folders were safe: every target is checked before the first write.
      expect(await dir.list()).toEqual([folder.split('/')[0]]);
    },
  );

  it('refuses a folder linked into .git, and one whose link leads nowhere', async () => {
    await mkdir(join(dir.dir, '.git', 'hooks'), { recursive: true });
    await symlink('.git', join(dir.dir, '.github'));
    await symlink(join(dir.dir, 'gone'), join(dir.dir, 'docs'));
    const run = await dir.run(['init', '--docs', '--json']);
    expect(run.code).toBe(2);
    expect(run.json().error?.message).toBe(
      'init writes only inside the repository, so nothing was written. ' +
        '".github" is a symbolic link that leads outside the repository (or into .git, or nowhere): ' +
        'replace it with a real folder (rm .github && mkdir .github), or run init with --dir in the repository it leads to. ' +
        '"docs" is a symbolic link that leads outside the repository (or into .git, or nowhere): ' +
        `replace it with a real folder (rm docs && mkdir docs), or run init with --dir in the repository it leads to. See ${DOCS}`,
    );
    expect(await readdir(join(dir.dir, '.git'))).toEqual(['hooks']);
    expect(await dir.list()).toEqual(['.github', 'docs']);
  });

  it('follows a folder link that stays inside the repository', async () => {
    await mkdir(join(dir.dir, 'config', 'github'), { recursive: true });
    await symlink('config/github', join(dir.dir, '.github'));
    const run = await dir.run(['init']);
    expect(run.code).toBe(0);
    expect(await readFile(join(dir.dir, 'config', 'github', 'release-policy.yml'), 'utf8')).toBe(
      DEFAULT_POLICY_YAML,
    );
  });

  it('refuses a file where a folder must be, naming it', async () => {
    await dir.write('.github', MINE);
    const run = await dir.run(['init']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'release-policy: init writes only inside the repository, so nothing was written. ' +
        '".github" is a file, not a folder: move it away, or give the policy elsewhere with --output FILE. ' +
        `See ${DOCS}\n`,
    );
    expect(await read('.github')).toBe(MINE);
  });
});
