import { describe, it, expect } from '@jest/globals';
import { compareBumps, computeImpliedBump, maxBump, parseConventionalCommit } from './commits.js';
import { makePolicy } from './testing/policies.js';

describe('parseConventionalCommit', () => {
  it.each([
    ['feat: add login', { type: 'feat', breaking: false, subject: 'add login' }],
    ['fix(api): handle 404', { type: 'fix', scope: 'api', breaking: false, subject: 'handle 404' }],
    [
      'feat(api)!: drop v1 endpoints',
      { type: 'feat', scope: 'api', breaking: true, subject: 'drop v1 endpoints' },
    ],
    [
      'refactor!: rename config keys',
      { type: 'refactor', breaking: true, subject: 'rename config keys' },
    ],
    ['FEAT: shout', { type: 'feat', breaking: false, subject: 'shout' }],
    [
      'build-deps(npm): bump x',
      { type: 'build-deps', scope: 'npm', breaking: false, subject: 'bump x' },
    ],
    [
      'fix(ui kit): spaces in scope',
      { type: 'fix', scope: 'ui kit', breaking: false, subject: 'spaces in scope' },
    ],
    ['fix:  trailing spaces   ', { type: 'fix', breaking: false, subject: 'trailing spaces' }],
    [
      'feat: a\n\nbody text\n\nBREAKING CHANGE: config moved',
      { type: 'feat', breaking: true, subject: 'a' },
    ],
    ['fix: a\n\nBREAKING-CHANGE: renamed flag', { type: 'fix', breaking: true, subject: 'a' }],
    ['fix: crlf\r\n\r\nBREAKING CHANGE: yes\r\n', { type: 'fix', breaking: true, subject: 'crlf' }],
    ['fix: crlf only\r\n\r\nbody\r\n', { type: 'fix', breaking: false, subject: 'crlf only' }],
    [
      'feat: lower-case footer\n\nbreaking change: not the token',
      { type: 'feat', breaking: false, subject: 'lower-case footer' },
    ],
    [
      'feat: indented\n\n  BREAKING CHANGE: not at line start',
      { type: 'feat', breaking: false, subject: 'indented' },
    ],
    [
      'docs: mention BREAKING CHANGE: in the header',
      { type: 'docs', breaking: false, subject: 'mention BREAKING CHANGE: in the header' },
    ],
    ['revert: feat: add login', { type: 'revert', breaking: false, subject: 'feat: add login' }],
  ])('%j', (message, expected) => {
    expect(parseConventionalCommit(message)).toEqual(expected);
  });

  it.each([
    'Merge pull request #12 from org/feature/CHG-1-x',
    "Merge branch 'main' into feature/x",
    'Revert "feat: add login"',
    'Add login',
    'feat add login',
    'feat:add login',
    'feat: ',
    'feat:   ',
    'feat(): empty scope',
    'feat(api: unclosed scope',
    'feat(a(b)): nested',
    '1fix: starts with a digit',
    ': no type',
    'feat !: space before bang',
    'fix!!: two bangs',
    '',
    '\nfeat: header is the first line',
  ])('not conventional: %j', (message) => {
    expect(parseConventionalCommit(message)).toBeUndefined();
  });

  it('reads huge messages in one pass', () => {
    const body = 'x'.repeat(2_000_000);
    expect(parseConventionalCommit(`fix: big\n\n${body}\nBREAKING CHANGE: at the end`)).toEqual({
      type: 'fix',
      breaking: true,
      subject: 'big',
    });
    expect(parseConventionalCommit(`feat(${'('.repeat(100_000)}`)).toBeUndefined();
    expect(parseConventionalCommit(`${'a'.repeat(1_000_000)}: subject`)?.subject).toBe('subject');
  });
});

describe('maxBump and compareBumps', () => {
  it.each([
    ['none', 'patch', 'patch'],
    ['minor', 'patch', 'minor'],
    ['major', 'minor', 'major'],
    ['none', 'none', 'none'],
  ] as const)('%s vs %s', (a, b, stronger) => {
    expect(maxBump(a, b)).toBe(stronger);
    expect(maxBump(b, a)).toBe(stronger);
    expect(Math.sign(compareBumps(a, b))).toBe(a === b ? 0 : a === stronger ? 1 : -1);
  });
});

describe('computeImpliedBump', () => {
  const policy = makePolicy();
  const c = (sha: string, message: string) => ({ sha, message });

  it.each([
    [[], 'none', []],
    [[c('a1', 'docs: readme'), c('a2', 'chore: deps')], 'none', []],
    [[c('a1', 'fix: a'), c('a2', 'docs: b')], 'patch', ['a1']],
    [[c('a1', 'fix: a'), c('a2', 'feat: b'), c('a3', 'feat(x): c')], 'minor', ['a2', 'a3']],
    [[c('a1', 'feat: a'), c('a2', 'chore!: drop node 18')], 'major', ['a2']],
    [[c('a1', 'docs: a\n\nBREAKING CHANGE: docs moved')], 'major', ['a1']],
    [[c('a1', 'perf: faster'), c('a2', 'unknowntype: x')], 'patch', ['a1']],
  ])('%j implies %s', (commits, bump, shas) => {
    const result = computeImpliedBump(commits, policy);
    expect(result.bump).toBe(bump);
    expect(result.reasons.map((r) => r.sha)).toEqual(shas);
  });

  it('keeps its answer per commit list and policy, frozen, and answers another policy anew', () => {
    const commits = [c('d4', 'perf: faster'), c('a1', 'feat(ui): x')];
    const first = computeImpliedBump(commits, policy);
    expect(first.reasons).toEqual([
      { sha: 'a1', subject: 'feat(ui): x', type: 'feat', bump: 'minor', breaking: false },
    ]);
    // Shared between the checks, so frozen: no reader can change what the next one reads.
    expect(computeImpliedBump(commits, policy)).toBe(first);
    expect([first, first.reasons, first.reasons[0]].map((v) => Object.isFrozen(v))).toEqual([
      true,
      true,
      true,
    ]);
    const perfMinor = makePolicy({
      commits: { types: { ...policy.commits.types, perf: 'minor' } },
    });
    expect(computeImpliedBump(commits, perfMinor).reasons.map((r) => r.sha)).toEqual(['d4', 'a1']);
    // A copy of the list is another list: read again, the same answer.
    const copy = computeImpliedBump([...commits], policy);
    expect(copy).not.toBe(first);
    expect(copy).toEqual(first);
  });

  it('reports each reason with its subject, type and bump, and counts ignored commits', () => {
    const result = computeImpliedBump(
      [
        c('f00d', 'feat(api)!: new auth\r\n\r\nbody'),
        c('beef', 'Merge pull request #3 from x/y'),
        c('cafe', 'Update things'),
      ],
      policy,
    );
    expect(result).toEqual({
      bump: 'major',
      reasons: [
        {
          sha: 'f00d',
          subject: 'feat(api)!: new auth',
          type: 'feat',
          bump: 'major',
          breaking: true,
        },
      ],
      ignored: 2,
    });
  });

  it('follows the policy: custom types and the breaking bump', () => {
    const custom = makePolicy({
      commits: { types: { feature: 'minor', feat: 'patch' }, breaking: 'minor' },
    });
    expect(computeImpliedBump([c('1', 'feature: x')], custom).bump).toBe('minor');
    expect(computeImpliedBump([c('1', 'feat: x')], custom).bump).toBe('patch');
    expect(computeImpliedBump([c('1', 'fix!: x')], custom).bump).toBe('minor');
    expect(computeImpliedBump([c('1', 'toString: x'), c('2', 'constructor: y')], custom).bump).toBe(
      'none',
    );
  });
});
