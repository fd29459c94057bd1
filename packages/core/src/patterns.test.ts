import { describe, it, expect } from '@jest/globals';
import {
  compilePattern,
  MAX_BRANCH_NAME_LENGTH,
  PatternError,
  renderPatternExample,
  type PatternMatch,
} from './patterns.js';
import { ReleasePolicyError } from './errors.js';

function compileError(pattern: string, options?: { ticketKeys?: string[] }): PatternError {
  try {
    compilePattern(pattern, options);
  } catch (error) {
    if (error instanceof PatternError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(pattern)} to be rejected`);
}

describe('compilePattern errors', () => {
  it.each([
    ['', 'the pattern is empty'],
    ['feature/{ticket', '"{" at position 9 is never closed'],
    ['feature/ticket}', '"}" at position 15 has no opening "{"'],
    ['feature/{{ticket}}', '"{" at position 9 is not closed before the next "{"'],
    ['feature/{tiket}-{slug}', 'did you mean {ticket}?'],
    ['release/{Major}.{minor}', 'did you mean {major}?'],
    ['x/{}', 'unknown placeholder "{}"'],
    [
      'x/{branch}',
      'known placeholders are {major}, {minor}, {patch}, {version}, {ticket}, {slug}, {rest}',
    ],
    ['{major}{minor}', '{major} and {minor} need literal text between them'],
    ['{major}.{major}', 'the placeholder {major} appears more than once'],
    ['feature/ {slug}', 'whitespace'],
    ['feature/\t{slug}', 'whitespace'],
    ['feature/\u0001{slug}', 'control character'],
    ['release..{major}', '".."'],
    ['x~{slug}', 'tilde'],
    ['x^{slug}', 'caret'],
    ['x:{slug}', 'colon'],
    ['x?{slug}', 'question mark'],
    ['x*{slug}', 'asterisk'],
    ['x[{slug}', 'opening bracket'],
    ['x\\{slug}', 'backslash'],
    ['x//{slug}', '"//"'],
    ['/x/{slug}', 'starts or ends with "/"'],
    ['x/{slug}/', 'starts or ends with "/"'],
    ['.x/{slug}', 'starts with "."'],
    ['x/.{slug}', 'starts with "."'],
    ['x/{slug}.', 'ends with "."'],
    ['x/{slug}.lock', '".lock"'],
    ['@', '"@" alone'],
  ])('rejects %j: %s', (pattern, expected) => {
    const error = compileError(pattern);
    expect(error).toBeInstanceOf(ReleasePolicyError);
    expect(error.name).toBe('PatternError');
    expect(error.pattern).toBe(pattern);
    expect(error.message).toContain(expected);
    expect(error.message).toContain(JSON.stringify(pattern));
    expect(error.message).toContain('"feature/{ticket}-{slug}"');
    expect(error.message).toContain('See docs/policy.md#branches');
  });

  it('collects every problem, not only the first', () => {
    const error = compileError('x y/{tiket}{major}.{major}~');
    expect(error.problems).toEqual([
      expect.stringContaining('unknown placeholder "{tiket}"; did you mean {ticket}?'),
      expect.stringContaining('{tiket} and {major} need literal text between them'),
      expect.stringContaining('the placeholder {major} appears more than once'),
      expect.stringContaining('whitespace'),
      expect.stringContaining('tilde'),
    ]);
    for (const problem of error.problems) expect(error.message).toContain(problem);
  });

  it('accepts a pattern without placeholders as one exact name', () => {
    const p = compilePattern('develop');
    expect(p.placeholders).toEqual([]);
    expect(p.prefix).toBe('develop');
    expect(p.match('develop')).toEqual({});
    expect(p.match('develop2')).toBeUndefined();
    expect(p.match('Develop')).toBeUndefined();
  });
});

describe('compilePattern matching', () => {
  const cases: Array<[string, string, PatternMatch | undefined]> = [
    // integers
    ['release/{major}.{minor}', 'release/1.4', { major: 1, minor: 4 }],
    ['release/{major}.{minor}', 'release/0.0', { major: 0, minor: 0 }],
    ['release/{major}.{minor}', 'release/10.20', { major: 10, minor: 20 }],
    ['release/{major}.{minor}', 'release/123456789.1', { major: 123456789, minor: 1 }],
    ['release/{major}.{minor}', 'release/1234567890.1', undefined],
    ['release/{major}.{minor}', 'release/01.4', undefined],
    ['release/{major}.{minor}', 'release/1.04', undefined],
    ['release/{major}.{minor}', 'release/1', undefined],
    ['release/{major}.{minor}', 'release/1.4.0', undefined],
    ['release/{major}.{minor}', 'release/a.b', undefined],
    ['release/{major}.{minor}', 'Release/1.4', undefined],
    ['release/{major}.{minor}', 'xrelease/1.4', undefined],
    ['release/{major}.{minor}', 'release/1.4 ', undefined],
    // a dot in a pattern is a dot, not "any character"
    ['release/{major}.{minor}', 'release/1x4', undefined],
    ['{major}.x', '2.x', { major: 2 }],
    ['{major}.x', '2.y', undefined],
    ['{major}.x', '2-x', undefined],
    ['{major}.{minor}.{patch}', '1.2.3', { major: 1, minor: 2, patch: 3 }],
    // version
    ['hotfix/{version}', 'hotfix/1.4.3', { version: '1.4.3' }],
    ['hotfix/{version}', 'hotfix/1.4.3-rc.1', { version: '1.4.3-rc.1' }],
    ['hotfix/{version}', 'hotfix/1.4.3-rc.1+build.7', { version: '1.4.3-rc.1+build.7' }],
    ['hotfix/{version}', 'hotfix/1.4.3+20240101', { version: '1.4.3+20240101' }],
    ['hotfix/{version}', 'hotfix/v1.4.3', undefined],
    ['hotfix/{version}', 'hotfix/1.4', undefined],
    ['hotfix/{version}', 'hotfix/1.04.3', undefined],
    ['hotfix/{version}', 'hotfix/1.4.3-', undefined],
    ['hotfix/{version}', 'hotfix/1.4.3-rc..1', undefined],
    ['hotfix/{version}', 'hotfix/1.4.3+', undefined],
    // ticket and slug
    [
      'feature/{ticket}-{slug}',
      'feature/CHG-1234-add-login',
      { ticket: 'CHG-1234', slug: 'add-login' },
    ],
    ['feature/{ticket}-{slug}', 'feature/OPS2-7-x', { ticket: 'OPS2-7', slug: 'x' }],
    ['feature/{ticket}-{slug}', 'feature/CHG-12-34-x', { ticket: 'CHG-12', slug: '34-x' }],
    ['feature/{ticket}-{slug}', 'feature/CHG-1-v1.2_fix', { ticket: 'CHG-1', slug: 'v1.2_fix' }],
    ['feature/{ticket}-{slug}', 'feature/chg-1234-add-login', undefined],
    ['feature/{ticket}-{slug}', 'feature/CHG-0123-x', undefined],
    ['feature/{ticket}-{slug}', 'feature/CHG-add-login', undefined],
    ['feature/{ticket}-{slug}', 'feature/1CHG-1-x', undefined],
    ['feature/{ticket}-{slug}', 'feature/CHG-1-Add-login', undefined],
    ['feature/{ticket}-{slug}', 'feature/CHG-1-add--login', undefined],
    ['feature/{ticket}-{slug}', 'feature/CHG-1-add-', undefined],
    ['feature/{ticket}-{slug}', 'feature/CHG-1-', undefined],
    ['feature/{ticket}-{slug}', 'feature/CHG-1-add login', undefined],
    // rest
    [
      'dependabot/{rest}',
      'dependabot/npm_and_yarn/semver-7.7.0',
      { rest: 'npm_and_yarn/semver-7.7.0' },
    ],
    ['dependabot/{rest}', 'dependabot/X', { rest: 'X' }],
    ['dependabot/{rest}', 'dependabot/', undefined],
    ['dependabot/{rest}', 'dependabot/a b', undefined],
    ['dependabot/{rest}', 'dependabot/a~1', undefined],
    ['dependabot/{rest}', 'dependabot/a\nb', undefined],
    // ambiguous placeholders still resolve deterministically (greedy first)
    ['{slug}.{rest}', 'a.b.c', { slug: 'a.b', rest: 'c' }],
  ];
  it.each(cases)('%j matches %j -> %j', (pattern, name, expected) => {
    expect(compilePattern(pattern).match(name)).toEqual(expected);
  });

  it('reports placeholders in order and the literal prefix', () => {
    const p = compilePattern('feature/{ticket}-{slug}');
    expect(p.source).toBe('feature/{ticket}-{slug}');
    expect(p.placeholders).toEqual(['ticket', 'slug']);
    expect(p.prefix).toBe('feature/');
    expect(compilePattern('{major}.x').prefix).toBe('');
  });

  it('restricts {ticket} to the configured keys', () => {
    const p = compilePattern('feature/{ticket}-{slug}', { ticketKeys: ['CHG', 'OPS'] });
    expect(p.match('feature/CHG-1-x')).toEqual({ ticket: 'CHG-1', slug: 'x' });
    expect(p.match('feature/OPS-22-x')).toEqual({ ticket: 'OPS-22', slug: 'x' });
    expect(p.match('feature/JIRA-1-x')).toBeUndefined();
    expect(p.match('feature/CHGX-1-x')).toBeUndefined();
    expect(p.match('feature/CH-1-x')).toBeUndefined();
    expect(p.example).toBe('feature/CHG-1234-add-login');
    const keyed = compilePattern('feature/{ticket}-{slug}', { ticketKeys: ['OPS'] });
    expect(keyed.example).toBe('feature/OPS-1234-add-login');
  });

  it('treats a key that looks like syntax as literal text', () => {
    const p = compilePattern('x/{ticket}', { ticketKeys: ['A.B'] });
    expect(p.match('x/A.B-1')).toEqual({ ticket: 'A.B-1' });
    expect(p.match('x/AxB-1')).toBeUndefined();
  });

  it('refuses names over the length limit before matching', () => {
    const p = compilePattern('dependabot/{rest}');
    const limit = 'dependabot/' + 'a'.repeat(MAX_BRANCH_NAME_LENGTH - 'dependabot/'.length);
    expect(p.match(limit)?.rest).toHaveLength(MAX_BRANCH_NAME_LENGTH - 'dependabot/'.length);
    expect(p.match(limit + 'a')).toBeUndefined();
    expect(p.match('dependabot/' + 'a'.repeat(100_000))).toBeUndefined();
  });

  it('answers for adversarial names at the length limit', () => {
    // Many ways to split the name between {slug} and {rest}; none end in a valid rest.
    const p = compilePattern('{slug}.{rest}-{ticket}');
    const name = 'a.'.repeat(120) + 'a-';
    expect(name.length).toBeLessThanOrEqual(MAX_BRANCH_NAME_LENGTH);
    expect(p.match(name)).toBeUndefined();
    expect(p.match('a.'.repeat(120) + 'a-X-1')).toEqual({
      slug: 'a.'.repeat(119) + 'a',
      rest: 'a',
      ticket: 'X-1',
    });
  });

  it.each([
    [
      'feature/{ticket}-{slug}',
      'feature/CHG-1234-add-login',
      { ticket: 'CHG-1234', slug: 'add-login' },
    ],
    ['feat/{ticket}-{slug}', 'feat/CHG-1234-add-login', { ticket: 'CHG-1234', slug: 'add-login' }],
    ['release/{major}.{minor}', 'release/1.4', { major: 1, minor: 4 }],
    ['{major}.{minor}.x', '1.4.x', { major: 1, minor: 4 }],
    ['{major}.x', '1.x', { major: 1 }],
    ['hotfix/{version}', 'hotfix/1.4.3', { version: '1.4.3' }],
    [
      'dependabot/{rest}',
      'dependabot/npm_and_yarn/semver-7.7.0',
      { rest: 'npm_and_yarn/semver-7.7.0' },
    ],
    ['x/{major}.{minor}.{patch}', 'x/1.4.3', { major: 1, minor: 4, patch: 3 }],
  ])(
    'the example of %j, %j, matches its own pattern, capturing %j',
    (source, example, captured) => {
      const p = compilePattern(source);
      expect(p.example).toBe(example);
      expect(p.match(p.example)).toEqual(captured);
    },
  );
});

describe('renderPatternExample', () => {
  it.each([
    ['feature/{ticket}-{slug}', {}, 'feature/CHG-1234-add-login'],
    ['release/{major}.{minor}', {}, 'release/1.4'],
    ['release/{major}.{minor}', { major: 2, minor: 7 }, 'release/2.7'],
    ['hotfix/{version}', {}, 'hotfix/1.4.3'],
    ['hotfix/{version}', { major: 1, minor: 5 }, 'hotfix/1.5.1'],
    ['hotfix/{version}', { major: 3 }, 'hotfix/3.4.1'],
    ['hotfix/{version}', { version: '9.9.9' }, 'hotfix/9.9.9'],
    ['{major}.x', { major: 5 }, '5.x'],
  ])('%j with %j -> %j', (source, values, expected) => {
    expect(renderPatternExample({ source }, values)).toBe(expected);
  });
});
