import { describe, expect, it } from '@jest/globals';
import { listValueOptions } from './args.js';
import {
  asksCliVersion,
  findCommandWord,
  listShortOptions,
  splitReleaseVersion,
  VALUE_SHORT_OPTIONS,
} from './command-line.js';

describe('VALUE_SHORT_OPTIONS', () => {
  it("holds the parser's short options that take a value", () => {
    const shorts = [...listValueOptions()].filter((option) => /^-[^-]$/.test(option));
    expect(shorts.map((option) => option.slice(1)).sort()).toEqual([...VALUE_SHORT_OPTIONS].sort());
  });
});

describe('findCommandWord', () => {
  it.each([
    [['check'], 'check'],
    [['--json', 'version', '1.2.0'], 'version'],
    [['--json'], undefined],
    [[], undefined],
  ])('%j -> %s', (argv, word) => {
    expect(findCommandWord(argv)).toBe(word);
  });
});

describe('listShortOptions', () => {
  it.each([
    [
      ['check', '-jC', 'dir'],
      ['j', 'C'],
    ],
    [
      ['check', '-C', 'dir', '-h'],
      ['C', 'h'],
    ],
    // After a short option that takes a value, the rest of its group (or the next argument) is the value.
    [['version', '-bdevelop'], ['b']],
    [['check', '-p.github/release-policy.yml'], ['p']],
    [['check', '-p', '-h'], ['p']],
    [
      ['check', '-eshowcase', '-v'],
      ['e', 'v'],
    ],
    [['check', '--branch', 'feature/help', '--', '-h'], []],
  ])('%j sets %j', (argv, letters) => {
    expect(listShortOptions(argv)).toEqual(letters);
  });
});

describe('splitReleaseVersion', () => {
  it.each([
    [
      ['docs', '--version', '1.4.0', '--json'],
      { rest: ['docs', '--json'], releaseVersion: '1.4.0' },
    ],
    [['changelog', '--version=2.0.0'], { rest: ['changelog'], releaseVersion: '2.0.0' }],
    [['docs', '--version=', '--json'], { rest: ['docs', '--json'], releaseVersion: '' }],
    // Without a value it is a missing value, not the CLI's version switch.
    [['docs', '--version', '--json'], { rest: ['docs', '--json'], releaseVersionMissing: true }],
    [['changelog', '--version'], { rest: ['changelog'], releaseVersionMissing: true }],
    [['version', '--version', '1.2.0'], { rest: ['version', '--version', '1.2.0'] }],
  ])('%j -> %j', (argv, split) => {
    expect(splitReleaseVersion(argv)).toEqual(split);
  });
});

describe('asksCliVersion', () => {
  it.each([
    [['--version'], true],
    [['-v'], true],
    [['check', '--version'], true],
    [['check', '-jv'], true],
    [['version', '--version=1.2.0'], true],
    [['docs', '--version', '1.4.0'], false],
    [['docs', '--version=1.4.0'], false],
    [['changelog', '--version', '1.4.0'], false],
    [['docs', '--version'], false],
    [['docs', '--version', '--json'], false],
    [['changelog', '--version', '--write', 'CHANGELOG.md'], false],
    [['version', '1.2.0'], false],
  ])('%j -> %s', (argv, asks) => {
    expect(asksCliVersion(argv)).toBe(asks);
  });
});
