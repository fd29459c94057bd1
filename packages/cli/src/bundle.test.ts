import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildTestGitEnv, makeTempDir, readTracedCommands } from '@release-policy/git/testing';
import {
  REPO_ROOT,
  checkCliJson,
  createTestRepo,
  writePackageJson,
  type TestRepo,
} from './testing/harness.js';

// The committed bundle, run the way a user runs it: a separate Node 24
// process, the real stdout (a pipe here, so never coloured), the exit code.

const NODE = join(REPO_ROOT, 'node_modules/.bin/node');
const BUNDLE = join(REPO_ROOT, 'packages/cli/dist/index.js');

interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runBundle(argv: string[], cwd: string, env: NodeJS.ProcessEnv): Spawned {
  const result = spawnSync(NODE, [BUNDLE, ...argv], { cwd, env, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function parseJson(spawned: Spawned): Record<string, unknown> {
  let doc: unknown;
  expect(() => {
    doc = JSON.parse(spawned.stdout);
  }).not.toThrow();
  expect(checkCliJson(doc)).toEqual([]);
  return doc as Record<string, unknown>;
}

let repo: TestRepo;
beforeAll(async () => {
  repo = await createTestRepo();
  await repo.commit('feat: start', { 'package.json': writePackageJson('0.1.0') });
  repo.git(['checkout', '--quiet', '-b', 'feature/CHG-42-bundle']);
  await repo.commit('fix: bundle');
});
afterAll(() => repo.cleanup());

describe('the bundle in a temporary repository', () => {
  it('check --json passes with exit 0 and gives the same answer as runCli', async () => {
    const spawned = runBundle(['check', '--json'], repo.dir, repo.env);
    expect(spawned.stderr).toBe('');
    expect(spawned.code).toBe(0);
    const doc = parseJson(spawned);
    expect(doc).toMatchObject({
      ok: true,
      findings: [],
      branch: { name: 'feature/CHG-42-bundle', kind: 'feature', ticket: 'CHG-42' },
      version: { version: '0.1.0' },
    });
    const inProcess = await repo.run(['check', '--json']);
    expect(doc).toEqual(inProcess.json());
  });

  it('starts the ref listing and the HEAD probe before loading the CLI, and runs each once', async () => {
    const trace = join(await repo.makeDir(), 'trace');
    const spawned = runBundle(['version', '--json'], repo.dir, { ...repo.env, GIT_TRACE: trace });
    expect(spawned.code).toBe(0);
    const commands = await readTracedCommands(trace);
    expect(commands.filter((c) => c.startsWith('for-each-ref'))).toEqual([
      "for-each-ref '--format=%(refname)%00' refs/heads refs/remotes refs/tags",
    ]);
    expect(commands.filter((c) => c.startsWith('rev-parse --is-shallow'))).toEqual([
      'rev-parse --is-shallow-repository --show-toplevel --symbolic-full-name HEAD --',
    ]);
    // The entry file holds the start and nothing of the core: that loads while git answers.
    const entry = readFileSync(BUNDLE, 'utf8');
    expect(entry).toContain('--is-shallow-repository');
    expect(entry).not.toContain('version-bump');
  });

  it('exits 1 on a policy failure and 2 on a usage error', () => {
    const failed = runBundle(['check', '--json', '--branch', 'wip'], repo.dir, repo.env);
    expect(failed.code).toBe(1);
    expect(parseJson(failed).ok).toBe(false);

    const usage = runBundle(['chek'], repo.dir, repo.env);
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe('');
    expect(usage.stderr).toContain('Did you mean "check"?');
  });

  // The bundler renames classes (GitError became errors_GitError): the type is each class's declared one.
  it('names the error outside a repository GitError in --json, as docs/cli.md does', async () => {
    const outside = await makeTempDir('bundle-outside');
    try {
      const spawned = runBundle(['check', '--json'], outside, repo.env);
      expect(spawned.code).toBe(2);
      expect(parseJson(spawned).error).toEqual({ type: 'GitError', message: expect.any(String) });
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('names a malformed policy ConfigError in --json, as docs/cli.md does', async () => {
    const policy = join(repo.dir, '..', `bundle-bad-policy-${process.pid}.yml`);
    await writeFile(policy, 'mainline: [\n');
    try {
      const spawned = runBundle(['check', '--json', '--policy', policy], repo.dir, repo.env);
      expect(spawned.code).toBe(2);
      expect(parseJson(spawned).error).toEqual({
        type: 'ConfigError',
        message: expect.any(String),
      });
    } finally {
      await rm(policy, { force: true });
    }
  });

  it('never colours output that is not a terminal', () => {
    const spawned = runBundle(['check', '--branch', 'wip'], repo.dir, {
      ...repo.env,
      FORCE_COLOR: '1',
    });
    expect(spawned.code).toBe(1);
    expect(spawned.stdout).toContain('✖ Branch "wip"');
    expect(spawned.stdout).not.toContain('\u001b');
  });

  it('reads the runner environment of the process', () => {
    const spawned = runBundle(['branch', '--json'], repo.dir, {
      ...repo.env,
      GITHUB_HEAD_REF: 'feature/CHG-42-bundle',
      GITHUB_BASE_REF: 'release/1.0',
    });
    expect(spawned.code).toBe(1);
    const doc = parseJson(spawned);
    expect(doc.branch).toMatchObject({ base: 'release/1.0' });
    // release/1.0 is not in the clone: the policy-file notice says the working tree was read.
    expect(
      (doc.findings as { rule: string; severity: string }[]).map((f) => `${f.rule}:${f.severity}`),
    ).toEqual(['branch-target:error', 'policy-file:warning']);
  });
});

describe('the bundle on this repository', () => {
  // The environment of a laptop: no runner variables, git as configured.
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GITHUB_')) env[key] = value;
  }

  it('check --json prints valid JSON, and the exit code agrees with ok', () => {
    const spawned = runBundle(['check', '--json'], REPO_ROOT, env);
    const doc = parseJson(spawned);
    expect(spawned.code).toBe(doc.ok ? 0 : 1);
    expect(doc.policy).toBeDefined();
    expect(doc.version).toBeDefined();
  });

  it('passes (exit 0) on the mainline: the monorepo keeps its own policy', () => {
    const spawned = runBundle(['check', '--json', '--branch', 'main'], REPO_ROOT, env);
    const doc = parseJson(spawned);
    const errors = (doc.findings as { severity: string }[]).filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
    expect(spawned.code).toBe(0);
    expect(doc.branch).toEqual({ name: 'main', kind: 'mainline' });
  });
});

describe('npx release-policy', () => {
  let elsewhere: string;
  beforeAll(async () => {
    elsewhere = await makeTempDir('npx');
  });
  afterAll(() => rm(elsewhere, { recursive: true, force: true }));

  it('is linked from node_modules/.bin to the committed bundle', () => {
    const bin = join(REPO_ROOT, 'node_modules/.bin/release-policy');
    expect(existsSync(bin)).toBe(true);
    expect(realpathSync(bin)).toBe(realpathSync(BUNDLE));
    expect(readFileSync(BUNDLE, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('--help resolves to the local command, with the version of the package', () => {
    const env = {
      ...buildTestGitEnv(elsewhere, elsewhere),
      npm_config_offline: 'true',
      npm_config_update_notifier: 'false',
    };
    const help = spawnSync('npx', ['--no', '--', 'release-policy', '--help'], {
      cwd: REPO_ROOT,
      env,
      encoding: 'utf8',
    });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: release-policy <command> \[options\]\n/);

    const version = spawnSync('npx', ['--no', '--', 'release-policy', '--version'], {
      cwd: REPO_ROOT,
      env,
      encoding: 'utf8',
    });
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/cli/package.json'), 'utf8')) as {
      version: string;
    };
    expect(version.stdout).toBe(`${pkg.version}\n`);
  });
});
