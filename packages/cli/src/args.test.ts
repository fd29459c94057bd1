import { describe, expect, it } from '@jest/globals';
import { UsageError } from '@release-policy/core';
import { parseCliArgs, renderHelp, type ParsedArgs } from './args.js';

const DEFAULTS: ParsedArgs = {
  command: undefined,
  positionals: [],
  policy: undefined,
  json: false,
  cwd: undefined,
  base: undefined,
  branch: undefined,
  repo: undefined,
  releaseType: undefined,
  force: false,
  docs: false,
  output: undefined,
  help: false,
  version: false,
  mainline: undefined,
  lines: [],
};

describe('parseCliArgs', () => {
  it.each<[string[], Partial<ParsedArgs>]>([
    [[], {}],
    [['check'], { command: 'check' }],
    [
      ['patches', '--mainline', 'trunk', '--line', '3.5.x', '--line', 'release/2.0'],
      { command: 'patches', mainline: 'trunk', lines: ['3.5.x', 'release/2.0'] },
    ],
    [
      ['branch', 'feature/CHG-1-x', '--base', 'main'],
      { command: 'branch', positionals: ['feature/CHG-1-x'], base: 'main' },
    ],
    [['version', '1.2.3', '--json'], { command: 'version', positionals: ['1.2.3'], json: true }],
    [
      ['check', '-p', 'p.yml', '-C', 'repo', '-b', 'main', '--branch', 'x'],
      { command: 'check', policy: 'p.yml', cwd: 'repo', base: 'main', branch: 'x' },
    ],
    [['check', '--policy=p.yml'], { command: 'check', policy: 'p.yml' }],
    [['init', '-o', 'out.yml', '--force'], { command: 'init', output: 'out.yml', force: true }],
    [['--json', 'check'], { command: 'check', json: true }],
    [['check', '--repo', 'octo-org/service.js'], { command: 'check', repo: 'octo-org/service.js' }],
    [['-h'], { help: true }],
    [['-v'], { version: true }],
    // After "--", a dash is a value, not an option.
    [['branch', '--', '-weird'], { command: 'branch', positionals: ['-weird'] }],
  ])('%j', (argv, expected) => {
    expect(parseCliArgs(argv)).toEqual({ ...DEFAULTS, ...expected });
  });

  it.each([
    [['check', '--policy'], '--policy needs a value, e.g. --policy .github/release-policy.yml.'],
    [
      ['check', '--json=yes'],
      '--json is a switch and takes no value: write --json alone, not "--json=yes".',
    ],
  ])('%j is a UsageError naming the argument', (argv, message) => {
    let thrown: unknown;
    try {
      parseCliArgs(argv);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).message).toContain(message);
    expect((thrown as UsageError).message).toMatch(/Run "release-policy --help" for usage\.$/);
    // The parser's own error is kept as the cause (it comes from another realm under jest).
    expect((thrown as UsageError).cause).toHaveProperty(
      'code',
      expect.stringMatching(/^ERR_PARSE_ARGS_/),
    );
  });
});

describe('unknown long options and empty values', () => {
  const usage = (argv: string[]): string => {
    try {
      parseCliArgs(argv);
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      return (error as Error).message;
    }
    throw new Error(`no UsageError for ${JSON.stringify(argv)}`);
  };

  const options =
    'Options: --policy, --json, --cwd, --base, --branch, --repo, --release-type, --mainline, --line, --environment, --force, --docs, --dir, --output, --from, --to, --write, --all, --package, --help, --version. ' +
    'Run "release-policy --help" for usage.';

  it.each([
    [['check', '--jsn'], 'Unknown option "--jsn". Did you mean "--json"?'],
    [['check', '--polcy=x.yml'], 'Unknown option "--polcy". Did you mean "--policy"?'],
    [['check', '--nope'], 'Unknown option "--nope".'],
    [['check', `--${'x'.repeat(200)}`], `Unknown option "--${'x'.repeat(76)}….`],
  ])('%j names the option, cut when long, and suggests the nearest', (argv, says) => {
    expect(usage(argv)).toBe(`${says} ${options}`);
  });

  const shorts =
    'Short options: -p (--policy), -C (--cwd), -b (--base), -e (--environment), -o (--output), -h (--help), -v (--version). ' +
    'Run "release-policy --help" for usage.';

  it.each([
    [['check', '-c', '.'], 'Unknown option "-c". Did you mean "-C" (--cwd)?'],
    [['check', '-B', 'main'], 'Unknown option "-B". Did you mean "-b" (--base)?'],
    [['check', '-hX'], 'Unknown option "-X".'],
  ])('%j names the short option and the one it was probably meant to be', (argv, says) => {
    expect(usage(argv)).toBe(`${says} ${shorts}`);
  });

  it.each([
    [['check', '-Capp'], { cwd: 'app' }],
    [['check', '--base', '-x-'], undefined],
  ])(
    'reads %j: a short option with its value attached, a value after an option',
    (argv, values) => {
      if (values) expect(parseCliArgs(argv)).toMatchObject(values);
      else
        expect(usage(argv)).toBe(
          '--base needs a value, e.g. --base main. A value that starts with "-" is written with "=", e.g. --base=-x. ' +
            'Run "release-policy --help" for usage.',
        );
    },
  );

  it.each([
    [
      ['check', '--base'],
      '--base needs a value, e.g. --base main. A value that starts with "-" is written with "=", e.g. --base=-x.',
    ],
    [
      ['check', '-C'],
      '--cwd needs a value, e.g. -C ../service. A value that starts with "-" is written with "=", e.g. --cwd=-x.',
    ],
    [
      ['check', '--json=x'],
      '--json is a switch and takes no value: write --json alone, not "--json=x".',
    ],
  ])('%j says in its own words what the option needs', (argv, says) => {
    expect(usage(argv)).toBe(`${says} Run "release-policy --help" for usage.`);
  });

  it('leaves arguments after "--" alone', () => {
    expect(parseCliArgs(['branch', '--', '--jsn']).positionals).toEqual(['--jsn']);
  });

  it.each([
    [['branch', '--branch', ''], '--branch was given an empty value', '--branch feature/'],
    [['check', '--base='], '--base was given an empty value', '--base main'],
    [['check', '-p', ''], '--policy was given an empty value', '--policy .github/'],
    [['init', '--output', ''], '--output was given an empty value', '--output .github/'],
    [['check', '-C', ''], '--cwd was given an empty value', '-C ../'],
    [['check', '--repo='], '--repo was given an empty value', '--repo octo-org/service'],
    [['branch', ''], '"branch" was given an empty argument', 'release-policy branch feature/'],
    [['version', ''], '"version" was given an empty argument', 'leave it out'],
  ])('%j is refused, never checked as something else', (argv, says, example) => {
    const message = usage(argv);
    expect(message).toContain(says);
    expect(message).toContain(example);
  });
});

describe('--repo', () => {
  it.each([
    'octo-org',
    'https://github.com/octo-org/service',
    'octo-org/service/extra',
    'octo_org/service',
    'octo-org/..',
  ])('refuses %j, teaching the OWNER/NAME form', (value) => {
    let thrown: unknown;
    try {
      parseCliArgs(['check', '--repo', value]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).message).toBe(
      `--repo ${JSON.stringify(value)} is not a repository name. Give OWNER/NAME as GitHub shows it, ` +
        'e.g. --repo octo-org/service (not a URL), or leave --repo out to use the origin remote. ' +
        'See docs/cli.md#github-api',
    );
  });

  it('suggests --repo for a misspelling', () => {
    expect(() => parseCliArgs(['check', '--rpeo', 'o/r'])).toThrow('Did you mean "--repo"?');
  });
});

describe('renderHelp', () => {
  it('lists every option the parser knows', () => {
    const help = renderHelp();
    for (const option of [
      '--policy',
      '--cwd',
      '--base',
      '--branch',
      '--repo',
      '--json',
      '--output',
      '--force',
      '--help',
      '--version',
    ]) {
      expect(help).toContain(option);
    }
  });
});
