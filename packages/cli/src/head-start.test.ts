import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { CHECKS, type CheckDefinition } from '@release-policy/core';
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
  ])('starts nothing for %j', (argv) => {
    expect(startCliHeadStart(argv, process.cwd(), process.env)).toBeUndefined();
  });

  it.each([[['check']], [['--json', 'version', '1.2.0']], [['docs', '--json']]])(
    'starts the listing and the probe for %j',
    (argv) => {
      const headStart = startCliHeadStart(argv, process.cwd(), process.env);
      expect(headStart).toBeDefined();
      headStart?.stop();
    },
  );
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
        'rev-parse --is-shallow-repository --symbolic-full-name HEAD --',
      ]);
    },
  );
});
