import { describe, it, expect } from '@jest/globals';
import {
  compareVersions,
  parseStrictVersion,
  parseVersionFully,
  quoteVersionText,
  readValidVersion,
  type ParseVersionOptions,
  type SemVerParts,
} from './version-parse.js';

function parts(text: string, opts: ParseVersionOptions = { allowBuild: true }): SemVerParts {
  const parsed = parseStrictVersion(text, opts);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed;
}

describe('parseStrictVersion accepts strict SemVer', () => {
  it.each([
    ['1.2.3', {}, { version: '1.2.3', major: 1, minor: 2, patch: 3, prerelease: [], build: [] }],
    ['0.0.0', {}, { version: '0.0.0', major: 0, minor: 0, patch: 0, prerelease: [], build: [] }],
    [
      '10.20.30',
      {},
      { version: '10.20.30', major: 10, minor: 20, patch: 30, prerelease: [], build: [] },
    ],
    [
      '1.0.0-rc.10',
      {},
      { version: '1.0.0-rc.10', major: 1, minor: 0, patch: 0, prerelease: ['rc', 10], build: [] },
    ],
    [
      '1.0.0-alpha-beta.0',
      {},
      {
        version: '1.0.0-alpha-beta.0',
        major: 1,
        minor: 0,
        patch: 0,
        prerelease: ['alpha-beta', 0],
        build: [],
      },
    ],
    [
      '1.0.0-0a.1',
      {},
      { version: '1.0.0-0a.1', major: 1, minor: 0, patch: 0, prerelease: ['0a', 1], build: [] },
    ],
    [
      '1.2.3+build.01',
      { allowBuild: true },
      {
        version: '1.2.3+build.01',
        major: 1,
        minor: 2,
        patch: 3,
        prerelease: [],
        build: ['build', '01'],
      },
    ],
    [
      '1.2.3-rc.1+sha.abc',
      { allowBuild: true },
      {
        version: '1.2.3-rc.1+sha.abc',
        major: 1,
        minor: 2,
        patch: 3,
        prerelease: ['rc', 1],
        build: ['sha', 'abc'],
      },
    ],
    [
      'v1.2.3',
      { allowPrefix: 'v' },
      { version: '1.2.3', major: 1, minor: 2, patch: 3, prerelease: [], build: [] },
    ],
    [
      '1.2.3',
      { allowPrefix: 'v' },
      { version: '1.2.3', major: 1, minor: 2, patch: 3, prerelease: [], build: [] },
    ],
    [
      'release-1.2.3',
      { allowPrefix: 'release-', requirePrefix: true },
      { version: '1.2.3', major: 1, minor: 2, patch: 3, prerelease: [], build: [] },
    ],
  ])('%j with %j', (text, opts, expected) => {
    expect(parseStrictVersion(text, opts)).toEqual({ ok: true, ...expected });
  });

  it('keeps a numeric pre-release identifier beyond the safe integer range as text', () => {
    expect(parts('1.0.0-rc.99999999999999999999').prerelease).toEqual([
      'rc',
      '99999999999999999999',
    ]);
  });
});

describe('parseStrictVersion rejects everything else, saying why', () => {
  it.each([
    ['v1.2.3', {}, 'it starts with "v"'],
    ['V1.2.3', {}, 'it starts with "V"'],
    ['=1.2.3', {}, 'it starts with "="'],
    ['vv1.2.3', { allowPrefix: 'v' }, 'it starts with "v"'],
    ['01.2.3', {}, 'the MAJOR part "01" has a leading zero (write "1")'],
    ['1.02.3', {}, 'the MINOR part "02" has a leading zero (write "2")'],
    ['1.2.00', {}, 'the PATCH part "00" has a leading zero (write "0")'],
    [
      '1.2',
      {},
      'it has 2 number parts ("1.2") where SemVer needs exactly three, MAJOR.MINOR.PATCH (did you mean "1.2.0"?)',
    ],
    ['1', {}, 'it has 1 number part ("1")'],
    ['1.2.3.4', {}, 'it has 4 number parts ("1.2.3.4")'],
    ['1..3', {}, 'the MINOR part is empty'],
    ['1.2.x', {}, 'the PATCH part "x" is not a whole number'],
    ['99999999999999999999.0.0', {}, 'is larger than 9007199254740991'],
    [' 1.2.3', {}, 'it contains whitespace'],
    ['1.2.3\n', {}, 'it contains whitespace'],
    ['1.2. 3', {}, 'it contains whitespace'],
    ['', {}, 'it is empty'],
    ['   ', {}, 'it has no version after the prefix or whitespace'],
    ['1.2.3-', {}, 'the pre-release after "-" is empty'],
    ['1.2.3-rc..1', {}, 'the pre-release "rc..1" has an empty identifier'],
    ['1.2.3-rc.', {}, 'has an empty identifier'],
    ['1.2.3-rc.01', {}, 'the pre-release identifier "01" has a leading zero (write "1")'],
    [
      '1.2.3-rc_1',
      {},
      'the pre-release identifier "rc_1" has characters other than letters, digits and "-"',
    ],
    [
      '1.2.3+build',
      {},
      'it has build metadata "+build", which the policy does not allow (versioning.build-metadata: false)',
    ],
    ['1.2.3+', { allowBuild: true }, 'the build metadata after "+" is empty'],
    [
      '1.2.3+a+b',
      { allowBuild: true },
      'the build metadata identifier "a+b" has characters other than',
    ],
    [
      '1.2.3',
      { allowPrefix: 'v', requirePrefix: true },
      'it does not start with the tag prefix "v"',
    ],
    ['v', { allowPrefix: 'v', requirePrefix: true }, 'it has no version after the prefix'],
  ])('%j with %j', (text, opts, reason) => {
    const parsed = parseStrictVersion(text, opts);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem).toContain(reason);
    expect(parsed.problem).toContain(`${JSON.stringify(text)} is not a valid version`);
    expect(parsed.problem).toContain('docs/rules.md#version-format');
  });

  it('reports every problem at once', () => {
    const parsed = parseStrictVersion('v01.2-rc.01+x', {});
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    for (const reason of [
      'starts with "v"',
      '2 number parts',
      'MAJOR part "01"',
      'identifier "01"',
      'build metadata "+x"',
    ]) {
      expect(parsed.problem).toContain(reason);
    }
  });

  it('teaches the expected form, with the prefix for tags', () => {
    const tag = parseStrictVersion('1.2', { allowPrefix: 'v', requirePrefix: true });
    expect(!tag.ok && tag.problem).toContain(
      'Expected "v" then MAJOR.MINOR.PATCH with an optional -PRERELEASE, e.g. "v1.4.0"',
    );
    const file = parseStrictVersion('1.2', { allowBuild: true });
    expect(!file.ok && file.problem).toContain(
      'with an optional -PRERELEASE and +BUILD, e.g. "1.4.0" or "1.4.0-rc.1"',
    );
  });

  it('quotes and truncates long or hostile text', () => {
    const long = `1.2.3-${'a'.repeat(500)}\u0007`;
    const parsed = parseStrictVersion(long, {});
    expect(parsed.ok ? '' : parsed.problem.slice(0, 81)).toBe(`"1.2.3-${'a'.repeat(72)}… `);
    expect(quoteVersionText('::error::x\n')).toBe('"::error::x\\n"');
  });
});

describe('compareVersions orders by SemVer precedence', () => {
  it.each([
    ['1.0.0-rc.10', '1.0.0-rc.2', 1],
    ['1.0.0-rc.2', '1.0.0-rc.10', -1],
    ['1.0.0-rc.1', '1.0.0', -1],
    ['1.0.0-alpha', '1.0.0-beta', -1],
    ['1.0.0-1', '1.0.0-alpha', -1],
    ['1.0.0-alpha', '1.0.0-alpha.1', -1],
    ['1.2.3+a', '1.2.3+b', 0],
    ['1.10.0', '1.9.0', 1],
    ['2.0.0', '10.0.0', -1],
    ['1.0.0-alpha.1', '1.0.0-alpha.beta', -1],
    ['1.0.0-beta.11', '1.0.0-beta.2', 1],
    ['1.0.0-Alpha', '1.0.0-alpha', -1],
    ['1.0.0-rc.1', '1.0.0-rc.1', 0],
    ['1.0.0-rc.1.x', '1.0.0-rc.1', 1],
    ['1.0.0', '1.0.0-rc.1', 1],
    ['1.0.0-9007199254740993', '1.0.0-9007199254740992', 1],
    ['1.0.0-99999999999999999999', '1.0.0-100', 1],
    ['1.0.0-99999999999999999999', '1.0.0-a', -1],
    ['1.0.1-alpha', '1.0.0', 1],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(parts(a), parts(b)))).toBe(sign);
  });
});

describe('parseStrictVersion: the one-expression path for valid text and the long path agree', () => {
  const OPTIONS: ParseVersionOptions[] = [
    {},
    { allowBuild: true },
    { allowPrefix: 'v', requirePrefix: true, allowBuild: true },
    { allowPrefix: 'v', allowBuild: false },
    { allowPrefix: 'release-', requirePrefix: true },
    // A prefix with whitespace: the text has whitespace, which no version may hold.
    { allowPrefix: 'release ', requirePrefix: true, allowBuild: true },
    { allowPrefix: 'v\u00a0' },
  ];
  // Pieces that make valid versions and every near miss: leading zeros, huge numbers,
  // empty identifiers, letters in numbers, whitespace, prefixes, doubled separators.
  const PIECES = [
    '0',
    '1',
    '7',
    '10',
    '00',
    '01',
    '9007199254740993',
    '99999999999999999999',
    '.',
    '.',
    '.',
    '-',
    '-',
    '+',
    'v',
    'V',
    '=',
    'release-',
    'rc',
    'alpha',
    'a1',
    '0a',
    'x-y',
    '--',
    ' ',
    '\u00a0',
    '\t',
    '\n',
    'é',
    '_',
  ];

  /** Where the two paths differ on `text`, as readable lines (none when they agree). */
  function findDisagreements(text: string): string[] {
    const found: string[] = [];
    for (const opts of OPTIONS) {
      const full = parseVersionFully(text, opts);
      // Valid text takes the fast path with the same parts; nothing else does.
      const fast = JSON.stringify(readValidVersion(text, opts));
      const expected = JSON.stringify(full.ok ? full : undefined);
      if (fast !== expected)
        found.push(`${JSON.stringify(text)} ${JSON.stringify(opts)}: ${fast} vs ${expected}`);
      const answer = JSON.stringify(parseStrictVersion(text, opts));
      if (answer !== JSON.stringify(full))
        found.push(`${JSON.stringify(text)} ${JSON.stringify(opts)}: ${answer}`);
    }
    return found;
  }

  // Four valid cores, and three with a number beyond the safe integer range.
  const CORES = ['0.0.0', '1.2.3', '10.20.30', '9007199254740991.0.1'];
  const UNSAFE_CORES = ['9007199254740993.0.0', '1.99999999999999999999.0', '1.2.9007199254740992'];

  it('on versions built from valid parts, with and without pre-release and build', () => {
    const texts: string[] = [];
    for (const core of [...CORES, ...UNSAFE_CORES]) {
      for (const pre of [
        '',
        '-rc.1',
        '-0',
        '-alpha.0.beta',
        '-x-y-z.--',
        '-1.2.3',
        '-9007199254740993',
      ]) {
        for (const build of ['', '+001', '+build.5', '+exp.sha.5114f85', '+-']) {
          for (const prefix of ['', 'v', 'release-', 'release ', 'v\u00a0']) {
            texts.push(`${prefix}${core}${pre}${build}`);
          }
        }
      }
    }
    expect(texts.flatMap(findDisagreements)).toEqual([]);
    expect(texts.filter((t) => parseStrictVersion(t, { allowBuild: true }).ok)).toHaveLength(140);
  });

  it('on 20,000 seeded random strings of version pieces', () => {
    // A fixed seed: the same strings on every run.
    let seed = 11;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    let valid = 0;
    const disagreements: string[] = [];
    for (let n = 0; n < 20_000; n += 1) {
      // Half start from a valid version, so near misses of valid text are common.
      let text = random(2) === 0 ? `${random(3)}.${random(12)}.${random(3)}` : '';
      for (let k = random(7); k > 0; k -= 1) {
        const piece = PIECES[random(PIECES.length)] as string;
        const at = random(text.length + 1);
        text = random(3) === 0 ? text.slice(0, at) + piece + text.slice(at) : text + piece;
      }
      disagreements.push(...findDisagreements(text));
      if (parseVersionFully(text, { allowBuild: true }).ok) valid += 1;
    }
    expect(disagreements).toEqual([]);
    // Both kinds are well represented, so the agreement says something.
    expect(valid).toBeGreaterThan(3_000);
    expect(valid).toBeLessThan(17_000);
  });
});
