import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_VERSION } from './main.js';
import { COMMANDS } from './args.js';
import {
  REPO_ROOT,
  checkCliJson,
  createTestRepo,
  runCaptured,
  type TestRepo,
} from './testing/harness.js';

// Argument handling needs no repository content, but every run gets a real
// working tree so a command that gets past parsing behaves as it would.
let repo: TestRepo;
beforeAll(async () => {
  repo = await createTestRepo();
  await repo.commit('feat: start');
});
afterAll(() => repo.cleanup());

describe('--version and --help', () => {
  it('prints the version of packages/cli/package.json', async () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/cli/package.json'), 'utf8')) as {
      version: string;
    };
    expect(CLI_VERSION).toBe(pkg.version);
    for (const flag of ['--version', '-v']) {
      const run = await repo.run([flag]);
      expect(run).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    }
  });

  it.each([[['--help']], [['-h']], [['check', '--help']], [['init', '-h']]])(
    '%j prints usage with every command and the exit codes, exit 0',
    async (argv) => {
      const run = await repo.run(argv);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/^Usage: release-policy <command> \[options\]/);
      for (const command of Object.keys(COMMANDS)) {
        expect(run.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
      }
      for (const option of ['--policy FILE', '--json', '--cwd DIR', '--base BRANCH', '--force']) {
        expect(run.stdout).toContain(option);
      }
      expect(run.stdout).toContain('0 passed, 1 policy failures, 2 usage or configuration error');
    },
  );
});

describe('usage errors exit 2', () => {
  it('no command: a usage error naming the commands, not a silent help page', async () => {
    const run = await repo.run([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^release-policy: No command given\. Commands: check, branch/);
    expect(run.stderr).toContain('release-policy --help');

    const json = await repo.run(['--json']);
    expect(json.code).toBe(2);
    expect(checkCliJson(json.json())).toEqual([]);
    expect(json.json()).toMatchObject({
      ok: false,
      findings: [],
      error: { type: 'UsageError' },
    });
  });

  it.each([
    ['chek', 'check'],
    ['CHECK', 'check'],
    ['chekc', 'check'],
    ['vresion', 'version'],
    ['ver', 'version'],
    ['brnch', 'branch'],
    ['ini', 'init'],
    ['shema', 'schema'],
  ])('unknown command %j suggests %j', async (typo, meant) => {
    const run = await repo.run([typo]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `release-policy: Unknown command ${JSON.stringify(typo)}. Did you mean "${meant}"? ` +
        'Commands: check, branch, version, docs, patches, changelog, promote, audit, schema, init, history, org-audit. Example: release-policy check. See https://github.com/release-policy/release-policy/blob/v0.1.0/docs/cli.md\n',
    );
  });

  it.each([['zzz'], ['deploy'], ['x']])(
    'unknown command %j far from every command gets no suggestion',
    async (word) => {
      const run = await repo.run([word]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`Unknown command ${JSON.stringify(word)}.`);
      expect(run.stderr).not.toContain('Did you mean');
    },
  );

  it('quotes and truncates a long or hostile unknown command', async () => {
    const word = `\u001b[2J${'y'.repeat(500)}`;
    const run = await repo.run([word]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('\u001b');
    expect(run.stderr).toContain(`Unknown command "\\u001b[2J${'y'.repeat(69)}….`);
    expect(run.stderr.length).toBeLessThan(360);
  });

  it('unknown command with --json prints the error as JSON', async () => {
    const run = await repo.run(['chek', '--json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('');
    const doc = run.json();
    expect(checkCliJson(doc)).toEqual([]);
    expect(doc.ok).toBe(false);
    expect(doc.error?.type).toBe('UsageError');
    expect(doc.error?.message).toContain('Did you mean "check"?');
  });

  it.each([
    [['check', '--frobnicate'], '"--frobnicate"'],
    [['check', '-q'], 'Unknown option "-q".'],
    [['branch', '--policy'], '--policy needs a value, e.g. --policy .github/release-policy.yml.'],
    [['--base'], '--base needs a value, e.g. --base main.'],
  ])('%j names the offending option', async (argv, named) => {
    const run = await repo.run(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^release-policy: /);
    expect(run.stderr).toContain(named);
    expect(run.stderr).toContain('Run "release-policy --help" for usage.');
  });

  it('an unknown option with --json still answers in JSON', async () => {
    const run = await repo.run(['check', '--json', '--frobnicate']);
    expect(run.code).toBe(2);
    const doc = run.json();
    expect(checkCliJson(doc)).toEqual([]);
    expect(doc.error).toMatchObject({ type: 'UsageError' });
    expect(doc.error?.message).toContain('--frobnicate');
  });

  it.each([
    [['check', 'extra'], '"check" takes no arguments, got ["extra"]'],
    [['branch', 'a', 'b'], '"branch" takes at most one argument, got ["a","b"]'],
    [['version', '1.0.0', '2.0.0'], '"version" takes at most one argument, got ["1.0.0","2.0.0"]'],
    [['schema', 'out.json'], '"schema" takes no arguments, got ["out.json"]'],
    [['init', 'policy.yml'], '"init" takes no arguments, got ["policy.yml"]'],
  ])('too many positionals: %j', async (argv, message) => {
    const before = await repo.list();
    const run = await repo.run(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Example: release-policy');
    // Nothing was written on the way to the error (init in particular).
    expect(await repo.list()).toEqual(before);
  });
});

describe('unexpected errors', () => {
  const brokenClock = (): Date => {
    throw new TypeError('clock broke');
  };

  it('are reported as a bug, exit 2, without throwing out of runCli', async () => {
    const run = await runCaptured(['check'], { cwd: repo.dir, env: repo.env, now: brokenClock });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('release-policy: unexpected error: TypeError: clock broke');
    expect(run.stderr).toContain('This is a bug in release-policy');
  });

  it('are reported in JSON with type UnexpectedError under --json', async () => {
    const run = await runCaptured(['check', '--json'], {
      cwd: repo.dir,
      env: repo.env,
      now: brokenClock,
    });
    expect(run.code).toBe(2);
    const doc = JSON.parse(run.stdout) as unknown;
    expect(checkCliJson(doc)).toEqual([]);
    expect(doc).toMatchObject({
      ok: false,
      error: { type: 'UnexpectedError', message: 'clock broke' },
    });
  });
});

describe('--cwd', () => {
  it('checks the repository it names, relative to the current directory', async () => {
    const here = await runCaptured(['branch', '--json'], { cwd: repo.dir, env: repo.env });
    const parent = join(repo.dir, '..');
    const there = await runCaptured(['branch', '--json', '-C', 'work'], {
      cwd: parent,
      env: repo.env,
    });
    expect(there.code).toBe(0);
    expect(there.json()).toEqual(here.json());
    expect(there.json().branch).toEqual({ name: 'main', kind: 'mainline' });
  });
});

describe('-C DIR', () => {
  it.each([
    ['a folder that is not there', 'no-such-folder', 'is not there'],
    ['a file', 'notes.txt', 'is not a directory'],
  ])('%s is a usage error naming it', async (_label, dir, says) => {
    await repo.write('notes.txt', 'not a folder\n');
    const run = await repo.run(['check', '-C', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${JSON.stringify(dir)} ${says}`);
    expect(run.stderr).toContain('-C ../service');
  });
});
