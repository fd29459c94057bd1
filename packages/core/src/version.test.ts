import { describe, it, expect } from '@jest/globals';
import type { BranchClass } from './branches.js';
import type { Facts } from './facts.js';
import { makePolicy } from './testing/policies.js';
import {
  makeBranchSource,
  makeCommit as commit,
  makeFileSource as file,
  makeInputSource,
  makeTagSource as tag,
  makeVersionFacts,
} from './testing/version-facts.js';
import {
  analyzeVersion,
  applyBump,
  collectBranchVersionSource,
  collectTagVersionSource,
  describeVersionSource,
  diffVersionCores,
  formatVersionLine,
  inspectVersionFacts,
  listReleaseTags,
  parseReleaseTag,
  parseStrictVersion,
  planVersionCheck,
  rankPreviousReleaseTags,
  selectLineTags,
  type SemVerParts,
} from './version.js';

const policy = makePolicy();
const TAGS = [
  'v1.3.0',
  'v1.4.0',
  'v1.4.1',
  'v1.4.2-rc.1',
  'v1.5.0',
  'v2.0.0-rc.1',
  'latest',
  'v1.2',
  'deploy/prod',
  '1.9.9',
];

const v = (text: string): SemVerParts => {
  const parsed = parseStrictVersion(text, { allowBuild: true });
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed;
};

describe('parseReleaseTag', () => {
  it.each([
    ['v1.2.3', policy, { tag: 'v1.2.3', version: '1.2.3', prerelease: [] }],
    [
      'v1.0.0-rc.10',
      policy,
      { tag: 'v1.0.0-rc.10', version: '1.0.0-rc.10', prerelease: ['rc', 10] },
    ],
    [
      'v1.0.0+build.7',
      policy,
      { tag: 'v1.0.0+build.7', version: '1.0.0+build.7', build: ['build', '7'] },
    ],
    [
      'release-2.0.0',
      makePolicy({ versioning: { tagPrefix: ['release-'] } }),
      { version: '2.0.0' },
    ],
    ['2.0.0', makePolicy({ versioning: { tagPrefix: [''] } }), { version: '2.0.0' }],
  ])('%s is a release tag', (name, p, expected) => {
    expect(parseReleaseTag(name, p)).toMatchObject(expected);
  });

  it.each(['1.2.3', 'v1.2', 'vv1.2.3', 'v01.2.3', 'latest', 'v1.2.3 ', 'V1.2.3'])(
    '%j is not',
    (name) => {
      expect(parseReleaseTag(name, policy)).toBeUndefined();
    },
  );
});

describe('selectLineTags', () => {
  const branch = (line?: BranchClass['line']): BranchClass =>
    line ? { name: 'x', kind: 'k', line } : { name: 'main', kind: 'mainline' };
  it.each([
    [undefined, ['v2.0.0-rc.1', 'v1.5.0', 'v1.4.2-rc.1', 'v1.4.1', 'v1.4.0', 'v1.3.0']],
    [branch(), ['v2.0.0-rc.1', 'v1.5.0', 'v1.4.2-rc.1', 'v1.4.1', 'v1.4.0', 'v1.3.0']],
    [branch({ major: 1, minor: 4 }), ['v1.4.2-rc.1', 'v1.4.1', 'v1.4.0']],
    [branch({ major: 1 }), ['v1.5.0', 'v1.4.2-rc.1', 'v1.4.1', 'v1.4.0', 'v1.3.0']],
    [branch({ major: 3, minor: 0 }), []],
  ])('line %j', (b, expected) => {
    expect(selectLineTags(TAGS, policy, b).map((t) => t.tag)).toEqual(expected);
  });

  it('orders numeric pre-release identifiers as numbers', () => {
    const tags = ['v1.0.0-rc.2', 'v1.0.0-rc.10', 'v1.0.0-rc.1', 'v1.0.0-beta.3'];
    expect(selectLineTags(tags, policy).map((t) => t.tag)).toEqual([
      'v1.0.0-rc.10',
      'v1.0.0-rc.2',
      'v1.0.0-rc.1',
      'v1.0.0-beta.3',
    ]);
  });
});

describe('listReleaseTags', () => {
  it('answers a repeated listing the same, in a fresh array the caller may change', () => {
    const newestFirst = ['v2.0.0-rc.1', 'v1.5.0', 'v1.4.2-rc.1', 'v1.4.1', 'v1.4.0', 'v1.3.0'];
    const first = listReleaseTags(TAGS, policy);
    expect(first.map((t) => t.tag)).toEqual(newestFirst);
    first.reverse().pop();
    const second = listReleaseTags(TAGS, policy);
    expect(second).not.toBe(first);
    expect(second.map((t) => t.tag)).toEqual(newestFirst);
    // The releases themselves are shared between listings, so none can be changed.
    expect(listReleaseTags(TAGS, policy)[0]).toBe(second[0]);
    expect([second[0], second[0]?.prerelease, second[0]?.build].map(Object.isFrozen)).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('lists again for another exclusion, another policy or another list of tags', () => {
    expect(listReleaseTags(TAGS, policy, 'v1.5.0').map((t) => t.tag)).toEqual([
      'v2.0.0-rc.1',
      'v1.4.2-rc.1',
      'v1.4.1',
      'v1.4.0',
      'v1.3.0',
    ]);
    expect(listReleaseTags(TAGS, policy)[1]?.tag).toBe('v1.5.0');
    const bare = makePolicy({ versioning: { tagPrefix: [''] } });
    expect(listReleaseTags(['1.0.0', 'v2.0.0'], bare).map((t) => t.tag)).toEqual(['1.0.0']);
    expect(listReleaseTags(['1.0.0', 'v2.0.0'], policy).map((t) => t.tag)).toEqual(['v2.0.0']);
    expect(listReleaseTags([...TAGS, 'v9.0.0'], policy)[0]?.tag).toBe('v9.0.0');
  });
});

describe('planVersionCheck', () => {
  const release14: BranchClass = {
    name: 'release/1.4',
    kind: 'release',
    line: { major: 1, minor: 4 },
  };
  const release16: BranchClass = {
    name: 'release/1.6',
    kind: 'release',
    line: { major: 1, minor: 6 },
  };
  const hotfix: BranchClass = {
    name: 'hotfix/1.4.3',
    kind: 'hotfix',
    version: '1.4.3',
    line: { major: 1, minor: 4 },
  };
  const main: BranchClass = { name: 'main', kind: 'mainline' };
  it.each([
    ['mainline: latest stable release', { tags: TAGS, branch: main }, 'v1.5.0'],
    ['no tags', { tags: [], branch: main }, undefined],
    ['only pre-releases', { tags: ['v1.0.0-rc.1'], branch: main }, undefined],
    ['release line: latest stable on the line', { tags: TAGS, branch: release14 }, 'v1.4.1'],
    [
      'new release line: the release before the line starts',
      { tags: TAGS, branch: release16 },
      'v1.5.0',
    ],
    [
      'hotfix: below the branch version on its line',
      { tags: [...TAGS, 'v1.4.3', 'v1.4.4'], branch: hotfix },
      'v1.4.1',
    ],
    [
      'tag push: the pushed tag itself is excluded',
      { tags: [...TAGS, 'v1.6.0'], pushedTag: 'v1.6.0' },
      'v1.5.0',
    ],
    [
      'maintenance tag push: below the pushed version on its line',
      { tags: [...TAGS, 'v1.4.5'], pushedTag: 'v1.4.5' },
      'v1.4.1',
    ],
    [
      'pre-release tag push: the stable release before it',
      { tags: [...TAGS, 'v2.0.0-rc.2'], pushedTag: 'v2.0.0-rc.2' },
      'v1.5.0',
    ],
    ['tag push of a non-release tag', { tags: TAGS, pushedTag: 'latest' }, 'v1.5.0'],
  ])('%s', (_name, input, previousTag) => {
    expect(planVersionCheck(input, policy)).toEqual(
      previousTag === undefined ? {} : { previousTag },
    );
  });
});

describe('rankPreviousReleaseTags', () => {
  const release14: BranchClass = {
    name: 'release/1.4',
    kind: 'release',
    line: { major: 1, minor: 4 },
  };
  it.each([
    ['no line', { tags: TAGS }],
    ['a release line', { tags: TAGS, branch: release14 }],
    ['a tag push', { tags: [...TAGS, 'v1.4.5'], pushedTag: 'v1.4.5' }],
  ])(
    'ranks so that planVersionCheck over any subset of the tags answers its first member (%s)',
    (_name, input) => {
      const ranked = rankPreviousReleaseTags(input, policy);
      expect(ranked[0]).toBe(planVersionCheck(input, policy).previousTag);
      // Every subset that drops a prefix of the ranking, and every single tag.
      const subsets = [
        ...ranked.map((_, i) => input.tags.filter((t) => !ranked.slice(0, i).includes(t))),
        ...input.tags.map((t) => [t]),
      ];
      for (const tags of subsets) {
        expect(planVersionCheck({ ...input, tags }, policy).previousTag).toBe(
          ranked.find((t) => tags.includes(t)),
        );
      }
    },
  );

  it('lists the line first, then the releases before the line, newest first, no pre-releases', () => {
    // 1.9.9 has no v prefix and v1.2 is no version: not release tags of the default policy.
    expect(rankPreviousReleaseTags({ tags: TAGS, branch: release14 }, policy)).toEqual([
      'v1.4.1',
      'v1.4.0',
      'v1.3.0',
    ]);
    expect(rankPreviousReleaseTags({ tags: TAGS }, policy)).toEqual([
      'v1.5.0',
      'v1.4.1',
      'v1.4.0',
      'v1.3.0',
    ]);
  });
});

describe('sources', () => {
  it('collects the branch version when the branch names one', () => {
    expect(
      collectBranchVersionSource({ name: 'hotfix/1.4.3', kind: 'hotfix', version: '1.4.3' }),
    ).toEqual({
      kind: 'branch',
      value: '1.4.3',
      label: 'branch "hotfix/1.4.3"',
    });
    expect(
      collectBranchVersionSource({
        name: 'release/1.4',
        kind: 'release',
        line: { major: 1, minor: 4 },
      }),
    ).toBeUndefined();
  });

  it('collects every pushed tag, release tag or not', () => {
    expect(collectTagVersionSource('v1.2.3', policy)).toEqual({
      kind: 'tag',
      value: 'v1.2.3',
      label: 'tag "v1.2.3"',
    });
    expect(collectTagVersionSource('1.2.3', policy)).toMatchObject({ kind: 'tag', value: '1.2.3' });
  });

  it('describes a source with its value and place', () => {
    expect(describeVersionSource(file('v1.2.3'))).toBe(
      'package.json "version" "v1.2.3" (package.json:3:15)',
    );
    expect(describeVersionSource(tag('v1.2.3'))).toBe('tag "v1.2.3"');
  });

  it('declares the first valid source, in fact order', () => {
    const inspection = inspectVersionFacts(
      makeVersionFacts({ sources: [file('v1.2.3'), file('1.2.4'), tag('v1.2.5')] }),
      policy,
    );
    expect(inspection.declared?.version.version).toBe('1.2.4');
    expect(inspection.sources.map((s) => s.parsed.ok)).toEqual([false, true, true]);
  });
});

describe('helpers', () => {
  it.each([
    [undefined, '0.1.0', 'minor'],
    [undefined, '1.0.0-rc.1', 'major'],
    ['1.4.1', '1.4.2', 'patch'],
    ['1.4.1', '1.5.0', 'minor'],
    ['1.4.1', '2.0.0-rc.1', 'major'],
    ['1.4.1', '1.4.1', 'none'],
    ['1.4.1', '1.3.9', 'none'],
  ])('diffVersionCores(%s, %s) = %s', (from, to, bump) => {
    expect(diffVersionCores(from === undefined ? undefined : v(from), v(to))).toBe(bump);
  });

  it.each([
    ['1.4.2', 'major', '2.0.0'],
    ['1.4.2', 'minor', '1.5.0'],
    ['1.4.2', 'patch', '1.4.3'],
    ['1.4.2+b', 'none', '1.4.2'],
  ] as const)('applyBump(%s, %s) = %s', (from, bump, to) => {
    expect(applyBump(v(from), bump)).toBe(to);
  });

  it('formats lines', () => {
    expect(formatVersionLine({ major: 1, minor: 4 })).toBe('1.4.x');
    expect(formatVersionLine({ major: 2 })).toBe('2.x');
  });
});

/** `commits`, counting the passes over them in `reads.count`. */
function countReads<T>(commits: T[], reads: { count: number }): T[] {
  Object.defineProperty(commits, Symbol.iterator, {
    value: function* () {
      reads.count += 1;
      yield* Array.prototype.values.call(commits);
    },
  });
  return commits;
}

describe('analyzeVersion', () => {
  const scenarios: [string, Facts, Record<string, unknown>][] = [
    [
      'first release, nothing tagged',
      makeVersionFacts({
        branch: 'main',
        sources: [file('0.1.0')],
        commits: [commit('a1', 'feat: start')],
      }),
      {
        version: '0.1.0',
        previous: undefined,
        bump: 'minor',
        recommended: '0.1.0',
        prerelease: false,
        tag: 'v0.1.0',
      },
    ],
    [
      'mainline feature release',
      makeVersionFacts({
        branch: 'main',
        sources: [file('1.6.0')],
        tags: TAGS,
        commits: [commit('b2', 'fix: y'), commit('a1', 'feat(ui): x')],
      }),
      {
        version: '1.6.0',
        previous: '1.5.0',
        bump: 'minor',
        // 1.5.0 + minor is 1.6.0, but v2.0.0-rc.1 is above it: the recommendation clears it.
        recommended: '2.0.0',
      },
    ],
    [
      'breaking change recommends a major',
      makeVersionFacts({
        branch: 'main',
        sources: [file('1.5.1')],
        tags: TAGS,
        commits: [commit('c3', 'feat!: drop it')],
      }),
      { previous: '1.5.0', bump: 'patch', recommended: '2.0.0' },
    ],
    [
      'no releasable commits still recommends a patch',
      makeVersionFacts({
        branch: 'main',
        sources: [file('1.5.1')],
        tags: TAGS,
        commits: [commit('d4', 'docs: x')],
      }),
      { bump: 'patch', recommended: '2.0.0' },
    ],
    [
      'commits absent',
      makeVersionFacts({ sources: [file('1.5.1')], tags: TAGS }),
      { bump: 'patch', recommended: '2.0.0' },
    ],
    [
      'release line caps the recommendation to patches',
      makeVersionFacts({
        branch: 'release/1.4',
        sources: [file('1.4.2')],
        tags: TAGS,
        commits: [commit('e5', 'feat: backport')],
      }),
      { previous: '1.4.1', bump: 'patch', recommended: '1.4.2' },
    ],
    [
      'new release line starts at its first version',
      makeVersionFacts({ branch: 'release/1.6', sources: [file('1.6.0')], tags: TAGS }),
      { previous: '1.5.0', bump: 'minor', recommended: '1.6.0' },
    ],
    [
      'maintenance line 1.x caps majors to minors',
      makeVersionFacts({
        branch: '1.x',
        sources: [file('1.6.0')],
        tags: TAGS,
        commits: [commit('f6', 'fix!: x')],
      }),
      { previous: '1.5.0', bump: 'minor', recommended: '1.6.0' },
    ],
    [
      'hotfix recommends the version it names',
      makeVersionFacts({
        branch: 'hotfix/1.4.2',
        sources: [file('1.4.2'), makeBranchSource('1.4.2')],
        tags: TAGS,
      }),
      { version: '1.4.2', previous: '1.4.1', bump: 'patch', recommended: '1.4.2' },
    ],
    [
      'later pre-release of the same version',
      makeVersionFacts({ branch: 'main', sources: [file('2.0.0-rc.2')], tags: TAGS }),
      {
        version: '2.0.0-rc.2',
        previous: '1.5.0',
        bump: 'prerelease',
        prerelease: true,
        tag: 'v2.0.0-rc.2',
      },
    ],
    [
      'first pre-release of a major',
      makeVersionFacts({ branch: 'main', sources: [file('3.0.0-beta.1')], tags: TAGS }),
      { previous: '1.5.0', bump: 'major', prerelease: true },
    ],
    [
      'already tagged',
      makeVersionFacts({ branch: 'main', sources: [file('1.4.1')], tags: TAGS }),
      { version: '1.4.1', bump: 'none' },
    ],
    [
      'below the latest release',
      makeVersionFacts({ branch: 'main', sources: [file('1.4.9')], tags: TAGS }),
      { previous: '1.5.0', bump: 'none', recommended: '2.0.0' },
    ],
    [
      'tag push: the pushed tag is not "already tagged"',
      makeVersionFacts({
        sources: [file('1.6.0'), tag('v1.6.0')],
        tags: [...TAGS, 'v1.6.0'],
        pushedTag: 'v1.6.0',
      }),
      { version: '1.6.0', previous: '1.5.0', bump: 'minor', tag: 'v1.6.0' },
    ],
    [
      'no valid version',
      makeVersionFacts({ sources: [file('v1.2')], tags: TAGS }),
      {
        version: undefined,
        bump: 'unknown',
        prerelease: false,
        tag: undefined,
        recommended: '2.0.0',
      },
    ],
    [
      'custom tag prefix and initial version',
      makeVersionFacts({ sources: [makeInputSource('release-1.0.0')] }),
      { version: '1.0.0', tag: 'release-1.0.0', recommended: '1.0.0', bump: 'major' },
    ],
  ];

  it.each(scenarios)('%s', (name, facts, expected) => {
    const p = name.startsWith('custom')
      ? makePolicy({ versioning: { tagPrefix: ['release-'], initial: '1.0.0' } })
      : policy;
    const analysis = analyzeVersion(facts, p);
    for (const [key, value] of Object.entries(expected)) {
      expect([key, analysis[key as keyof typeof analysis]]).toEqual([key, value]);
    }
  });

  it('reads the commits once per commit list and policy, and again under another policy', () => {
    const reads = { count: 0 };
    const facts = makeVersionFacts({
      branch: 'main',
      sources: [file('1.6.0')],
      tags: ['v1.5.0'],
      commits: countReads([commit('d4', 'perf: faster'), commit('a1', 'fix(ui): x')], reads),
    });
    // `check` analyses the version once per check: the same answer, not a second pass.
    expect(analyzeVersion(facts, policy).recommended).toBe('1.5.1');
    expect(analyzeVersion(facts, policy).recommended).toBe('1.5.1');
    expect(reads.count).toBe(1);
    const perfMinor = makePolicy({
      commits: { types: { ...policy.commits.types, perf: 'minor' } },
    });
    expect(analyzeVersion(facts, perfMinor).recommended).toBe('1.6.0');
    expect(reads.count).toBe(2);
  });

  it.each([
    ['nothing is tagged', 'main', [], '0.1.0'],
    ['the 2.1.x line has no release yet', '2.1.x', ['v1.5.0', 'v2.0.0'], '2.1.0'],
    ['the branch names its version', 'hotfix/1.5.1', ['v1.5.0'], '1.5.1'],
  ])('leaves the commits unread when nothing is bumped: %s', (_, branch, tags, recommended) => {
    const reads = { count: 0 };
    const facts = makeVersionFacts({
      branch,
      tags,
      commits: countReads([commit('b2', 'feat!: drop it'), commit('a1', 'fix: y')], reads),
    });
    expect(analyzeVersion(facts, policy).recommended).toBe(recommended);
    expect(reads.count).toBe(0);
  });

  it('reads the commits when a release is bumped', () => {
    const reads = { count: 0 };
    const facts = makeVersionFacts({
      branch: 'main',
      tags: ['v1.5.0'],
      commits: countReads([commit('b2', 'feat!: drop it'), commit('a1', 'fix: y')], reads),
    });
    expect(analyzeVersion(facts, policy).recommended).toBe('2.0.0');
    expect(reads.count).toBe(1);
  });
});
