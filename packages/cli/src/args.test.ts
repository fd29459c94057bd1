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
  force: false,
  output: undefined,
  help: false,
  version: false,
};

describe('parseCliArgs', () => {
  it.each<[string[], Partial<ParsedArgs>]>([
    [[], {}],
    [['check'], { command: 'check' }],
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
    [['-h'], { help: true }],
    [['-v'], { version: true }],
    // After "--", a dash is a value, not an option.
    [['branch', '--', '-weird'], { command: 'branch', positionals: ['-weird'] }],
  ])('%j', (argv, expected) => {
    expect(parseCliArgs(argv)).toEqual({ ...DEFAULTS, ...expected });
  });

  it.each([
    [['--nope'], "Unknown option '--nope'"],
    [['check', '--policy'], "Option '-p, --policy <value>' argument missing"],
    [['check', '--json=yes'], "Option '--json' does not take an argument"],
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

describe('renderHelp', () => {
  it('lists every option the parser knows', () => {
    const help = renderHelp();
    for (const option of [
      '--policy',
      '--cwd',
      '--base',
      '--branch',
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
