import { describe, expect, it } from '@jest/globals';
import type { LineCommit, MainlineCommit, PatchFacts } from '../../facts.js';
import { makePolicy } from '../../testing/policies.js';
import {
  classifyLineCommits,
  matchSubjectPattern,
  readCherryPickSources,
  isPatchReleaseBranch,
  readPullRequestNumber,
  selectLinesBelow,
  selectPatchLines,
} from './classify.js';

const now = new Date('2026-06-01T12:00:00Z');
const sha = (c: string) => c.repeat(40);

function line(commits: LineCommit[], mainline: MainlineCommit[]): PatchFacts {
  return {
    mainline: 'main',
    checkedAt: now.toISOString(),
    lines: [{ line: '3.5.x', base: sha('0'), commits, mainline }],
  };
}

describe('matchSubjectPattern', () => {
  it.each<[string, string, boolean]>([
    ['chore(release):', 'chore(release): 3.5.2', true],
    ['chore(release):', 'fix: chore(release): no', false],
    ['build(deps): *', 'build(deps): bump x', true],
    ['*bump*', 'chore: bump lodash', true],
    ['*bump', 'chore: bump lodash', false],
    ['a*a', 'a', false],
    ['[maven-release-plugin]', '[maven-release-plugin] prepare release 1.0', true],
    ['.*', 'anything', false],
  ])('%j against %j gives %j', (pattern, subject, expected) => {
    expect(matchSubjectPattern(pattern, subject)).toBe(expected);
  });
});

describe('readCherryPickSources and readPullRequestNumber', () => {
  it('reads every -x line of a message, ignoring short or indented-in-text shas', () => {
    const message = `fix: x\n\n(cherry picked from commit ${sha('a')})\n(cherry picked from commit abc)\nsee (cherry picked from commit ${sha('b')})`;
    expect(readCherryPickSources(message)).toEqual([sha('a')]);
  });

  it.each<[string, number | undefined]>([
    ['fix: crash (#123)', 123],
    ['Merge pull request #7 from org/fix', 7],
    ['fix: crash #123', undefined],
    ['fix (#0)', undefined],
  ])('%j names %j', (subject, number) => {
    expect(readPullRequestNumber(subject)).toBe(number);
  });
});

describe('isPatchReleaseBranch and selectLinesBelow', () => {
  const policy = makePolicy();
  it.each([
    ['release/3.5', true],
    ['3.5.x', true],
    ['hotfix/3.5.2', true],
    ['main', false],
    ['feature/CHG-1-login', false],
  ])('%j is a release of its line under check: %j', (branch, expected) => {
    expect(isPatchReleaseBranch(branch, policy)).toBe(expected);
  });

  it.each([
    // 3.4.x is the duty of 3.5's releases (and of every main-version release).
    ['release/3.6', ['origin/3.5.x', 'release/3.5', 'release/3.6']],
    // origin/3.5.x is the branch's own remote copy: the same line.
    ['3.5.x', ['3.4.x', 'release/3.5']],
    ['hotfix/3.4.9', ['3.3.x', '3.4.x']],
    ['4.0.x', ['release/3.6']],
  ])(
    'on %j compares its own line and the line right below it, never itself',
    (branch, expected) => {
      const lines = ['3.3.x', '3.4.x', 'origin/3.5.x', 'release/3.5', 'release/3.6', '4.0.x'];
      expect(selectLinesBelow(lines, branch, policy)).toEqual(
        expected.filter((line) => line !== branch),
      );
    },
  );
});

describe('selectPatchLines', () => {
  it('takes the policy kinds, a local branch over its remote copy, once each', () => {
    expect(
      selectPatchLines(
        ['3.5.x', 'feature/CHG-1-x', 'main', 'origin/3.5.x', 'origin/release/2.0', 'hotfix/1.2.3'],
        makePolicy(),
      ),
    ).toEqual(['3.5.x', 'hotfix/1.2.3', 'origin/release/2.0']);
  });
});

describe('classifyLineCommits', () => {
  const mainline: MainlineCommit[] = [
    { sha: sha('m'), subject: 'fix: a', patchId: sha('1'), zeroContextPatchId: sha('2') },
    { sha: sha('n'), subject: 'fix: b', patchId: sha('3'), zeroContextPatchId: sha('4') },
    { sha: sha('p'), subject: 'fix: c (#42)', patchId: sha('5') },
  ];

  it('gives each commit its status and evidence', () => {
    const facts = line(
      [
        { sha: sha('a'), subject: 'fix: a', message: 'fix: a', patchId: sha('1') },
        {
          sha: sha('b'),
          subject: 'fix: b',
          message: 'fix: b',
          patchId: sha('9'),
          zeroContextPatchId: sha('4'),
        },
        {
          sha: sha('c'),
          subject: 'fix: picked',
          message: 'x',
          pickedFrom: [{ sha: sha('m'), inMainline: true }],
        },
        { sha: sha('d'), subject: 'fix: c on the line (#42)', message: 'x' },
        { sha: sha('e'), subject: 'chore(release): 3.5.1', message: 'x' },
        {
          sha: sha('f'),
          subject: 'fix: only here',
          message: 'x',
          pickedFrom: [{ sha: sha('7'), inMainline: false }],
        },
      ],
      mainline,
    );
    expect(classifyLineCommits(facts, makePolicy(), now)).toEqual([
      {
        line: '3.5.x',
        base: sha('0'),
        commits: [
          {
            sha: sha('a'),
            subject: 'fix: a',
            status: 'equivalent',
            evidence: [{ kind: 'patch-id', context: 'full', mainline: sha('m') }],
          },
          {
            sha: sha('b'),
            subject: 'fix: b',
            status: 'equivalent',
            evidence: [{ kind: 'patch-id', context: 'zero', mainline: sha('n') }],
          },
          {
            sha: sha('c'),
            subject: 'fix: picked',
            status: 'cherry-picked',
            evidence: [{ kind: 'cherry-pick', from: sha('m') }],
          },
          {
            sha: sha('d'),
            subject: 'fix: c on the line (#42)',
            status: 'pr',
            evidence: [{ kind: 'pull-request', number: 42, mainline: sha('p') }],
          },
          {
            sha: sha('e'),
            subject: 'chore(release): 3.5.1',
            status: 'exempt',
            evidence: [{ kind: 'exemption', pattern: 'chore(release):' }],
          },
          {
            sha: sha('f'),
            subject: 'fix: only here',
            status: 'missing',
            evidence: [{ kind: 'unverified-cherry-pick', from: sha('7') }],
          },
        ],
      },
    ]);
  });

  it.each<[string, string, string]>([
    ['an active waiver exempts', '2026-06-01', 'exempt'],
    ['an expired waiver does not', '2026-05-31', 'missing'],
  ])('%s (until %s)', (_name, until, status) => {
    const policy = makePolicy({
      patches: {
        ...makePolicy().patches,
        waivers: [{ commit: 'fffffff', approvedBy: 'alice', reason: 'line only', until }],
      },
    });
    const facts = line([{ sha: sha('f'), subject: 'fix: only here', message: 'x' }], []);
    const [classified] = classifyLineCommits(facts, policy, now);
    expect(classified?.commits.map((c) => [c.status, c.evidence])).toEqual([
      [
        status,
        status === 'exempt'
          ? [{ kind: 'waiver', approvedBy: 'alice', reason: 'line only', until }]
          : [],
      ],
    ]);
  });
});
