import { describe, expect, it } from '@jest/globals';
import { collectChangelogEntries, parseChangelogCommit } from './changelog-entries.js';
import { parseConventionalCommit } from './commits.js';
import type { CommitFacts } from './facts.js';
import { makePolicy } from './testing/policies.js';

const policy = makePolicy().changelog;

function commit(sha: string, message: string, parents = ['p']): CommitFacts {
  return {
    sha: sha.padEnd(40, '0'),
    message,
    parents,
    author: { name: 'Ada', email: 'a@example.com' },
  };
}

/** Messages as people and tools write them: every one is read by both readers. */
const FIXTURES = [
  'feat: add login',
  'feat(api): add tokens (#12)',
  'fix(ui)!: drop the old dialog',
  'fix: parse dates\n\nBREAKING CHANGE: dates are UTC now',
  'perf(core): cache kinds\n\nBREAKING-CHANGE: cache is on',
  'docs: explain the policy',
  'chore(deps): bump zod from 4.0.0 to 4.1.0',
  'Feat: capital type',
  'refactor!: rename everything',
  'Merge pull request #7 from o/feature/CHG-1-x',
  'Merge branch main into release/1.4',
  'Revert "feat: add login"\n\nThis reverts commit 1111111.',
  'update readme',
  'feat:missing space',
  'feat(): empty scope',
  'fix(scope: unclosed',
  'ci: run on 24 \r\n\r\nbody',
  'feat: a subject with </details> and @someone',
  'build(npm)!: require node 24\n\nsome body\n\nRefs: #9',
];

describe('the core subject reader and conventional-commits-parser', () => {
  it.each(FIXTURES)('agree on %j', (message) => {
    const fast = parseConventionalCommit(message);
    const parsed = parseChangelogCommit(message, policy);
    const breaking = parsed.notes.some((n) => n.title.startsWith('BREAKING'));
    const full =
      typeof parsed.type === 'string' && parsed.type !== '' && typeof parsed.subject === 'string'
        ? {
            type: parsed.type.toLowerCase(),
            ...(parsed.scope ? { scope: parsed.scope } : {}),
            breaking,
            subject: parsed.subject.trim(),
          }
        : undefined;
    expect(fast).toEqual(full);
  });
});

describe('collectChangelogEntries', () => {
  it('reads type, scope, subject, breaking and the pull request of each commit, newest first', () => {
    const entries = collectChangelogEntries(
      [
        commit('a', 'feat(api)!: add tokens (#12)'),
        commit('b', 'fix: parse dates\n\nBREAKING CHANGE: UTC now'),
        commit('c', 'docs: x'),
      ],
      policy,
    );
    expect(entries).toEqual([
      {
        sha: 'a'.padEnd(40, '0'),
        type: 'feat',
        scope: 'api',
        subject: 'add tokens',
        breaking: true,
        notes: ['add tokens (#12)'],
        pr: 12,
        author: 'Ada',
      },
      {
        sha: 'b'.padEnd(40, '0'),
        type: 'fix',
        subject: 'parse dates',
        breaking: true,
        notes: ['UTC now'],
        author: 'Ada',
      },
      {
        sha: 'c'.padEnd(40, '0'),
        type: 'docs',
        subject: 'x',
        breaking: false,
        notes: [],
        author: 'Ada',
      },
    ]);
  });

  it('gives one entry per message of a squash body', () => {
    const entries = collectChangelogEntries(
      [
        commit(
          's',
          'feat: login page (#40)\n\n* feat(ui): add the form\n\n* fix(api): accept the token\n  with more text\n',
        ),
      ],
      policy,
    );
    expect(entries.map((e) => [e.type, e.scope, e.subject, e.pr])).toEqual([
      ['feat', 'ui', 'add the form', 40],
      ['fix', 'api', 'accept the token', 40],
    ]);
  });

  it('leaves merge commits out and lists a repeated message once', () => {
    const entries = collectChangelogEntries(
      [
        commit('m', 'Merge pull request #7 from o/x', ['p1', 'p2']),
        commit('a', 'fix: y'),
        commit('b', 'fix: y'),
      ],
      policy,
    );
    expect(entries.map((e) => e.sha[0])).toEqual(['a']);
  });

  it('cancels a revert of a commit in the range, and lists a revert of an older one', () => {
    const reverted = 'abc1234'.padEnd(40, '0');
    const entries = collectChangelogEntries(
      [
        commit('r', `Revert "feat: add login"\n\nThis reverts commit ${reverted}.`),
        commit('q', 'Revert "fix: older"\n\nThis reverts commit 9999999.'),
        { ...commit('x', 'feat: add login'), sha: reverted },
      ],
      policy,
    );
    expect(entries.map((e) => [e.type, e.subject])).toEqual([['revert', 'fix: older']]);
  });

  it('reads a commit with a 1 MB body as one entry', () => {
    const body = 'x'.repeat(1024 * 1024);
    const entries = collectChangelogEntries([commit('a', `fix: big\n\n${body}`)], policy);
    expect(entries.map((e) => [e.type, e.subject, e.breaking])).toEqual([['fix', 'big', false]]);
  });

  it.each([
    [false, []],
    ['Other', [['other', 'update readme']]],
  ] as const)('with other: %j, lists non-conventional commits as %j', (other, expected) => {
    const entries = collectChangelogEntries([commit('a', 'update readme')], { ...policy, other });
    expect(entries.map((e) => [e.type, e.subject])).toEqual(expected);
  });
});
