import { describe, expect, it } from '@jest/globals';
import { BenchUsageError, parseBenchArgs } from './args.js';

describe('parseBenchArgs', () => {
  it.each([
    [[], ['cold', 'api', 'core', 'history', 'audit', 'changelog', 'patches'], false],
    [['--quick'], ['cold', 'api', 'core', 'history', 'audit', 'changelog', 'patches'], true],
    [['--only=patches,changelog'], ['changelog', 'patches'], false],
    [['--only=history,core'], ['core', 'history'], false],
    [['--only=core'], ['core'], false],
    [['--only=core,cold', '--quick'], ['cold', 'core'], true],
    [['--only= api , core'], ['api', 'core'], false],
  ])('%j gives sections %j, quick %s', (argv, sections, quick) => {
    expect(parseBenchArgs(argv)).toEqual({ sections, quick });
  });

  it('takes the folder of a CLI bundle built elsewhere', () => {
    expect(parseBenchArgs(['--only=history', '--cli=/tmp/cli-build'])).toEqual({
      sections: ['history'],
      quick: false,
      cli: '/tmp/cli-build',
    });
  });

  it.each([
    [['--only=history', '--rounds=3'], { sections: ['history'], quick: false, rounds: 3 }],
    [
      ['--rounds=1', '--quick', '--only=history'],
      { sections: ['history'], quick: true, rounds: 1 },
    ],
  ])('%j takes the number of timed rounds of the history section', (argv, expected) => {
    expect(parseBenchArgs(argv)).toEqual(expected);
  });

  it.each(['--rounds=0', '--rounds=51', '--rounds=three', '--rounds=2.5', '--rounds='])(
    'rejects %j, naming the range of rounds',
    (arg) => {
      expect(() => parseBenchArgs([arg])).toThrow(
        `The bench command line has 1 problem: ${JSON.stringify(arg)} is not a number of rounds; ` +
          'expected a whole number from 1 to 50, e.g. --rounds=3. See bench/README.md#options',
      );
    },
  );

  it('lists every problem at once, with the expected form', () => {
    let error: unknown;
    try {
      parseBenchArgs(['--only=speed', '--fast', '--only=']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BenchUsageError);
    const message = (error as Error).message;
    expect(message).toMatch(/has 3 problems/);
    expect(message).toContain('unknown sections "speed"');
    expect(message).toContain('unknown argument "--fast"');
    expect(message).toContain('names no section');
    expect(message).toContain('e.g. --only=core');
    expect(message).toContain('bench/README.md#options');
  });
});
