import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { CHECKS, type CheckDefinition } from '@release-policy/core';
import { HEAD_PROBE_ARGS, REF_LISTING_ARGS } from '@release-policy/git/head-start';
import { readTracedCommands } from '@release-policy/git/testing';
import { computeNeededFacts } from './gather.js';
import { HEAD_START_COMMANDS, startCliHeadStart } from './head-start.js';
import { createTestRepo, runCaptured, writePackageJson, type TestRepo } from './testing/harness.js';

/** The checks each command runs through the check command (`changelog` has a command of its own). */
function listCheckCommands(): { command: string; checks: readonly CheckDefinition[] }[] {
  return [
    { command: 'check', checks: CHECKS.filter((check) => check.command.standalone !== true) },
    ...CHECKS.filter((check) => check.command.name !== 'changelog').map((check) => ({
      command: check.command.name,
      checks: [check],
    })),
  ];
}

describe('HEAD_START_COMMANDS', () => {
  it('holds the commands whose checks need the version facts (they list the refs and probe HEAD)', () => {
    const expected = listCheckCommands()
      .filter(({ checks }) => computeNeededFacts(checks).has('version'))
      .map(({ command }) => command);
    expect([...HEAD_START_COMMANDS].sort()).toEqual(expected.sort());
  });
});

describe('startCliHeadStart', () => {
  it.each([
    [[]],
    [['--version']],
    [['changelog']],
    [['branch', 'feature/x']],
    [['version', '--help']],
    [['check', '-h']],
    [['check', '--cwd', 'elsewhere']],
    [['check', '--cwd=elsewhere']],
    [['check', '-C', 'elsewhere']],
    [['check', '-jC', 'elsewhere']],
    [['check', '-jh']],
    [['check', '--version']],
    [['check', '-v']],
    [['docs', '--version']],
  ])('starts nothing for %j', (argv) => {
    expect(startCliHeadStart(argv, process.cwd(), process.env)).toBeUndefined();
  });

  it.each([
    [['check']],
    [['--json', 'version', '1.2.0']],
    [['docs', '--json']],
    [['docs', '--version', '1.4.0']],
    [['version', '-bdevelop']],
    [['check', '-p.github/release-policy.yml']],
    [['check', '--branch', 'feature/help']],
  ])('starts the listing and the probe for %j', (argv) => {
    const config = { cwd: process.cwd(), gitBinary: 'git', env: process.env };
    const headStart = startCliHeadStart(argv, config.cwd, config.env);
    const waiting = [REF_LISTING_ARGS, HEAD_PROBE_ARGS].map((args) => headStart?.has(config, args));
    headStart?.stop();
    expect(waiting).toEqual([true, true]);
  });
});

describe('a run with a head start', () => {
  let repo: TestRepo;
  beforeAll(async () => {
    repo = await createTestRepo();
    await repo.commit('feat: start', { 'package.json': writePackageJson('0.1.0') });
    repo.git(['tag', 'v0.1.0']);
    repo.git(['checkout', '--quiet', '-b', 'feature/CHG-7-early']);
    await repo.commit('fix: early');
  });
  afterAll(() => repo.cleanup());

  it.each([[['check', '--json']], [['version', '--json']], [['docs', '--json']]])(
    '%j takes both early commands and answers as a run without them',
    async (argv) => {
      const trace = join(await repo.makeDir(), 'trace');
      const env = { ...repo.env, GIT_TRACE: trace };
      const gitHeadStart = startCliHeadStart(argv, repo.dir, env);
      const early = await runCaptured(argv, { cwd: repo.dir, env, gitHeadStart });
      gitHeadStart?.stop();
      const plain = await runCaptured(argv, { cwd: repo.dir, env: repo.env });
      expect({ code: early.code, json: early.json() }).toEqual({
        code: plain.code,
        json: plain.json(),
      });
      const commands = await readTracedCommands(trace);
      expect(commands.filter((c) => c.startsWith('for-each-ref'))).toEqual([
        "for-each-ref '--format=%(refname)%00' refs/heads refs/remotes refs/tags",
      ]);
      expect(commands.filter((c) => c.startsWith('rev-parse --is-shallow'))).toEqual([
        HEAD_PROBE_ARGS.join(' '),
      ]);
    },
  );

  /** The run with a head start and without, and the git commands the first one traced. */
  const runBoth = async (argv: string[], cwd: string, env: NodeJS.ProcessEnv) => {
    const trace = join(await repo.makeDir(), 'trace');
    const tracedEnv = { ...env, GIT_TRACE: trace };
    const gitHeadStart = startCliHeadStart(argv, cwd, tracedEnv);
    const early = await runCaptured(argv, { cwd, env: tracedEnv, gitHeadStart });
    gitHeadStart?.stop();
    const plain = await runCaptured(argv, { cwd, env });
    return { early, plain, commands: await readTracedCommands(trace) };
  };

  it('with the branch given (never asked of git), answers isShallow from the early probe', async () => {
    const { early, plain, commands } = await runBoth(
      ['version', '--branch', 'main', '--json'],
      repo.dir,
      repo.env,
    );
    expect(early.json()).toEqual(plain.json());
    expect(commands.filter((c) => c.startsWith('rev-parse --is-shallow'))).toEqual([
      HEAD_PROBE_ARGS.join(' '),
    ]);
  });

  it('fails outside a repository as a run without it fails', async () => {
    const outside = await repo.makeDir();
    const { early, plain } = await runBoth(['version', '--json'], outside, repo.env);
    expect(early.code).toBe(2);
    expect({ code: early.code, json: early.json() }).toEqual({
      code: plain.code,
      json: plain.json(),
    });
  });

  it('in a depth-1 clone, lists the refs again after the fetch: the answer of the whole history', async () => {
    const origin = await createTestRepo();
    try {
      await origin.commit('feat: first release', { 'package.json': writePackageJson('1.0.0') });
      origin.git(['tag', 'v1.0.0']);
      await origin.commit('feat: one', { 'package.json': writePackageJson('1.0.0') });
      const clone = await origin.cloneShallow();
      const argv = ['version', '--json'];
      const trace = join(await repo.makeDir(), 'trace');
      const env = { ...origin.env, GIT_TRACE: trace };
      const gitHeadStart = startCliHeadStart(argv, clone, env);
      const run = await runCaptured(argv, { cwd: clone, env, gitHeadStart });
      gitHeadStart?.stop();
      // v1.0.0 is seen only after the fetch: the early listing (before it) was not the answer.
      expect([run.code, run.json().version?.previous, run.json().version?.recommended]).toEqual([
        0,
        '1.0.0',
        '1.1.0',
      ]);
      const listings = (await readTracedCommands(trace)).filter((c) =>
        c.startsWith('for-each-ref'),
      );
      // The early listing, taken before the fetch, then the tags listed again after it (sorted:
      // the early one writes its trace line when git starts, whatever the run does meanwhile).
      expect(listings.sort()).toEqual([
        "for-each-ref '--format=%(refname)%00' refs/heads refs/remotes refs/tags",
        "for-each-ref '--format=%(refname)%00' refs/tags",
      ]);
    } finally {
      await origin.cleanup();
    }
  });
});
