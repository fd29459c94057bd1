import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { HEAD_PROBE_ARGS } from '@release-policy/git/head-start';
import { readTracedCommands } from '@release-policy/git/testing';
import { startCliHeadStart } from './head-start.js';
import { createTestRepo, runCaptured, writePackageJson, type TestRepo } from './testing/harness.js';

// The mainline is `trunk`: on `main`, the branch check fails only when the policy was read.
const POLICY = [
  'mainline: trunk',
  'documents:',
  '  - path: docs/release/notes.md',
  '    template: docs/templates/notes.md',
  '    required-for: [major, minor, patch]',
  '    sections: [Risks]',
  '',
].join('\n');

/** A traced git command that asks the top directory, the branch or whether the clone is shallow. */
const isHeadQuestion = (command: string) =>
  /^(rev-parse --(is-shallow-repository|show-toplevel)|symbolic-ref)\b/.test(command);

/** A run's exit code and --json document, or its text: what must not depend on where it runs. */
const answerOf = (run: Awaited<ReturnType<typeof runCaptured>>, json: boolean) => ({
  code: run.code,
  out: json ? run.json() : run.stdout,
  stderr: run.stderr,
});

describe('a run from a subdirectory of the repository', () => {
  let repo: TestRepo;
  let sub: string;
  beforeAll(async () => {
    repo = await createTestRepo();
    await repo.commit('feat: first', {
      '.github/release-policy.yml': POLICY,
      'package.json': writePackageJson('1.0.0'),
      'docs/templates/notes.md': '# Notes\n\n## Risks\nTODO\n',
      'sub/deeper/readme.md': 'a subdirectory\n',
    });
    repo.git(['tag', 'v1.0.0']);
    await repo.commit('feat: search', {
      'package.json': writePackageJson('1.1.0'),
      'docs/release/notes.md': '# Notes\n\n## Risks\nnone\n',
    });
    sub = join(repo.dir, 'sub', 'deeper');
  });
  afterAll(() => repo.cleanup());

  it.each([
    [['branch'], false],
    [['branch', '--json'], true],
    [['version', '--json'], true],
    [['docs', '--release-type', 'minor', '--json'], true],
    [['check', '--json'], true],
    [['changelog', '--json'], true],
  ])('%j answers from -C sub and from sub as from the top directory', async (argv, json) => {
    const fromTop = answerOf(await repo.run(argv), json);
    const fromOption = answerOf(await repo.run(['-C', 'sub/deeper', ...argv]), json);
    const fromInside = answerOf(await repo.run(argv, { cwd: sub }), json);
    expect(fromOption).toEqual(fromTop);
    expect(fromInside).toEqual(fromTop);
  });

  it('reads the policy and package.json of the top directory (not the defaults)', async () => {
    const run = await repo.run(['check', '--json'], { cwd: sub });
    const doc = run.json();
    expect(run.code).toBe(1);
    expect(doc.policy).toBe('.github/release-policy.yml');
    expect(doc.branch).toMatchObject({ name: 'main' });
    expect(doc.version).toMatchObject({ version: '1.1.0', previous: '1.0.0', bump: 'minor' });
    expect(doc.findings.map((f) => f.rule)).toContain('branch-name');
    // The document the policy requires is found where it is: at the top.
    const docs = await repo.run(['docs', '--release-type', 'minor', '--json'], { cwd: sub });
    expect([docs.code, docs.json().docs]).toEqual([0, { 'release-type': 'minor', missing: 0 }]);
  });

  it('reads --policy FILE relative to the working directory, as the user wrote it', async () => {
    await repo.write('sub/deeper/local.yml', 'mainline: main\n');
    const run = await repo.run(['branch', '--json', '--policy', 'local.yml'], { cwd: sub });
    expect([run.code, run.json().policy]).toEqual([0, 'local.yml']);
    const viaOption = await repo.run(['-C', 'sub/deeper', 'branch', '--json', '-p', 'local.yml']);
    expect([viaOption.code, viaOption.json().policy]).toEqual([0, 'local.yml']);
  });

  it('starts no git process of its own for the top directory: the early probe answers it', async () => {
    const argv = ['check', '--json'];
    const trace = join(await repo.makeDir(), 'trace');
    const env = { ...repo.env, GIT_TRACE: trace };
    const gitHeadStart = startCliHeadStart(argv, sub, env);
    const early = await runCaptured(argv, { cwd: sub, env, gitHeadStart });
    gitHeadStart?.stop();
    expect(answerOf(early, true)).toEqual(answerOf(await repo.run(argv), true));
    const commands = await readTracedCommands(trace);
    // One probe answers the top directory, the branch and whether the clone is shallow.
    expect(commands.filter(isHeadQuestion)).toEqual([HEAD_PROBE_ARGS.join(' ')]);
  });

  it('asks the top directory in the same process as the branch when nothing started early', async () => {
    const trace = join(await repo.makeDir(), 'trace');
    const run = await repo.run(['-C', 'sub/deeper', 'branch', '--json'], {
      extraEnv: { GIT_TRACE: trace },
    });
    expect(run.code).toBe(1);
    expect((await readTracedCommands(trace)).filter(isHeadQuestion)).toEqual([
      HEAD_PROBE_ARGS.join(' '),
    ]);
  });
});

describe('a run where git names no top directory', () => {
  let repo: TestRepo;
  beforeAll(async () => {
    repo = await createTestRepo();
    await repo.commit('feat: first', { '.github/release-policy.yml': 'mainline: trunk\n' });
  });
  afterAll(() => repo.cleanup());

  it('reads from the working directory outside a repository, as before', async () => {
    const outside = await repo.makeDir();
    const named = await repo.run(['branch', 'feature/CHG-1-x', '--json'], { cwd: outside });
    expect([named.code, named.json().policy]).toEqual([0, '(default policy)']);
    const version = await repo.run(['version', '--json'], { cwd: outside });
    expect(version.code).toBe(2);
    expect(version.json().error?.message).toContain('not a git repository');
  });

  it('reads from the working directory in a bare repository and in .git, as before', async () => {
    const bare = join(await repo.makeDir(), 'bare.git');
    await mkdir(bare);
    repo.git(['clone', '--quiet', '--bare', repo.dir, bare]);
    for (const cwd of [bare, join(repo.dir, '.git')]) {
      const run = await repo.run(['branch', '--json'], { cwd });
      expect([run.code, run.json().policy, run.json().branch?.name]).toEqual([
        0,
        '(default policy)',
        'main',
      ]);
    }
  });
});
