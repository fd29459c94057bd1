import { describe, it, expect } from '@jest/globals';
import type { Facts } from './facts.js';
import { makePolicy } from './testing/policies.js';
import {
  makeBranchSource,
  makeCommit as commit,
  makeFileSource as file,
  makeTagSource as tag,
  makeVersionFacts,
} from './testing/version-facts.js';
import { evaluate } from './engine.js';
import { analyzeVersion, inspectVersionFacts, parseStrictVersion } from './version.js';
import {
  bumpPrerelease,
  capBumpForLine,
  computeNextVersion,
  suggestAllowedPrerelease,
  suggestPrereleaseOf,
  type NextVersionInput,
} from './version-next.js';
import { compareVersions, type SemVerParts } from './version-parse.js';

const policy = makePolicy();
const v = (text: string): SemVerParts => {
  const parsed = parseStrictVersion(text, { allowBuild: true });
  if (!parsed.ok) throw new Error(parsed.problem);
  const { ok: _ok, ...parts } = parsed;
  return parts;
};
const vs = (texts: string[]) => texts.map(v);

describe('computeNextVersion', () => {
  const base = (over: Partial<NextVersionInput>): NextVersionInput => ({
    releases: [],
    lineReleases: [],
    implied: 'none',
    initial: v('0.1.0'),
    ...over,
  });
  it.each<[string, Partial<NextVersionInput>, string]>([
    ['nothing released: the initial version', {}, '0.1.0'],
    [
      'previous + the implied bump',
      {
        previous: v('1.4.2'),
        implied: 'minor',
        releases: vs(['1.4.2']),
        lineReleases: vs(['1.4.2']),
      },
      '1.5.0',
    ],
    [
      'at least a patch',
      { previous: v('1.4.2'), releases: vs(['1.4.2']), lineReleases: vs(['1.4.2']) },
      '1.4.3',
    ],
    [
      'a 1.4.x line caps to a patch',
      {
        line: { major: 1, minor: 4 },
        previous: v('1.4.2'),
        implied: 'major',
        releases: vs(['1.4.2', '2.0.0']),
        lineReleases: vs(['1.4.2']),
      },
      '1.4.3',
    ],
    [
      'a 1.x line caps to a minor',
      {
        line: { major: 1 },
        previous: v('1.4.2'),
        implied: 'major',
        releases: vs(['1.4.2']),
        lineReleases: vs(['1.4.2']),
      },
      '1.5.0',
    ],
    [
      'a line without a stable release starts at its first version',
      { line: { major: 1, minor: 6 }, previous: v('1.5.0'), releases: vs(['1.5.0']) },
      '1.6.0',
    ],
    [
      'the release of a newer pre-release (2.0.0-rc.10 > 1.0.1)',
      {
        previous: v('1.0.0'),
        releases: vs(['1.0.0', '2.0.0-rc.2', '2.0.0-rc.10']),
        lineReleases: vs(['1.0.0', '2.0.0-rc.2', '2.0.0-rc.10']),
      },
      '2.0.0',
    ],
    [
      'after a newer stable release, bumped by the same step',
      {
        line: { major: 1, minor: 2 },
        previous: v('1.2.3'),
        releases: vs(['1.2.3', '1.2.5']),
        lineReleases: vs(['1.2.3', '1.2.5']),
      },
      '1.2.6',
    ],
    [
      'a named version that is free',
      {
        named: v('1.4.3'),
        previous: v('1.4.2'),
        releases: vs(['1.4.2']),
        lineReleases: vs(['1.4.2']),
      },
      '1.4.3',
    ],
    [
      'a named version that is tagged: the next free one',
      {
        named: v('1.4.3'),
        line: { major: 1, minor: 4 },
        previous: v('1.4.2'),
        releases: vs(['1.4.2', '1.4.3']),
        lineReleases: vs(['1.4.2', '1.4.3']),
      },
      '1.4.4',
    ],
    [
      'the initial version below a pre-release tag',
      { releases: vs(['1.0.0-rc.1']), lineReleases: vs(['1.0.0-rc.1']) },
      '1.0.0',
    ],
  ])('%s', (_name, over, expected) => {
    const next = computeNextVersion(base(over));
    expect(next.version).toBe(expected);
    // Never tagged, and above every release on the line.
    const input = base(over);
    for (const r of input.releases) expect(compareVersions(next, r)).not.toBe(0);
    for (const r of input.lineReleases) expect(compareVersions(next, r)).toBeGreaterThan(0);
  });

  it.each<[string, Partial<NextVersionInput>, string, number]>([
    ['nothing released', {}, '0.1.0', 0],
    ['a line with no release yet', { line: { major: 2, minor: 1 } }, '2.1.0', 0],
    ['a named version', { named: v('1.4.3'), releases: vs(['1.4.2']) }, '1.4.3', 0],
    [
      'a newer pre-release on the line: its release',
      {
        previous: v('1.0.0'),
        releases: vs(['1.0.0', '2.0.0-rc.1']),
        lineReleases: vs(['2.0.0-rc.1']),
      },
      '2.0.0',
      1,
    ],
    [
      'no release, a pre-release tagged: its release',
      { releases: vs(['0.1.0-rc.1']), lineReleases: vs(['0.1.0-rc.1']) },
      '0.1.0',
      0,
    ],
    [
      'a named version tagged already: the one after the newest',
      {
        named: v('1.4.2'),
        previous: v('1.4.1'),
        releases: vs(['1.4.1', '1.4.2']),
        lineReleases: vs(['1.4.1', '1.4.2']),
      },
      '1.4.3',
      1,
    ],
    [
      'previous bumped',
      { previous: v('1.4.2'), releases: vs(['1.4.2']), lineReleases: vs(['1.4.2']) },
      '1.4.3',
      1,
    ],
    [
      'the newest stable release bumped',
      { previous: v('1.4.2'), releases: vs(['1.4.2', '1.9.0']), lineReleases: vs(['1.9.0']) },
      '1.9.1',
      1,
    ],
  ])('asks a function for the implied bump only to bump a release: %s', (_, over, next, calls) => {
    let asked = 0;
    const implied = () => {
      asked += 1;
      return 'patch' as const;
    };
    expect(computeNextVersion(base({ ...over, implied })).version).toBe(next);
    expect(asked).toBe(calls);
  });
});

describe('suggestPrereleaseOf and bumpPrerelease', () => {
  it.each<[string, (string | number)[], string[], string]>([
    ['1.5.0', ['rc', 4], [], '1.5.0-rc.4'],
    ['1.5.0', ['rc', 4], ['1.5.0-rc.1'], '1.5.0-rc.4'],
    ['1.5.0', ['rc', 4], ['1.5.0-rc.4'], '1.5.0-rc.5'],
    ['1.5.0', ['rc', 1], ['1.5.0-rc.10', '1.5.0-rc.2'], '1.5.0-rc.11'],
    ['1.5.0', ['beta', 1], ['1.5.0-rc'], '1.5.0-rc.1'],
  ])('%s with %j and tags %j -> %s', (next, ids, tags, expected) => {
    expect(suggestPrereleaseOf(v(next), ids, vs(tags))).toBe(expected);
  });

  it.each<[string, string[], string[], string | undefined]>([
    ['22.2.0', ['alpha', 'beta', 'rc'], [], '22.2.0-alpha.1'],
    [
      '22.2.0',
      ['alpha', 'beta', 'rc', 'next'],
      ['22.2.0-next.4', '22.2.0-next.3'],
      '22.2.0-next.5',
    ],
    ['22.2.0', ['alpha', 'beta', 'rc'], ['22.2.0-next.4'], '22.2.0-rc.1'],
    ['22.2.0-alpha.3', ['alpha', 'beta', 'rc'], ['22.2.0-beta.2'], '22.2.0-beta.3'],
    ['22.2.0', ['alpha', 'beta'], ['22.2.0-next.4'], undefined],
    ['22.2.0', ['alpha'], ['22.2.0-next.4', '22.2.0'], undefined],
    ['22.2.0', [], [], undefined],
  ])(
    'an allowed pre-release of %s with %j above the tags %j: %j',
    (version, allowed, tags, expected) => {
      expect(suggestAllowedPrerelease(v(version), allowed, vs(tags))).toBe(expected);
    },
  );

  it('bumps the last number, or appends one', () => {
    expect(bumpPrerelease(v('1.0.0-rc.9'))).toBe('1.0.0-rc.10');
    expect(bumpPrerelease(v('1.0.0-rc.final'))).toBe('1.0.0-rc.final.1');
  });

  it('caps steps by line', () => {
    expect([undefined, { major: 1 }, { major: 1, minor: 4 }].map(capBumpForLine)).toEqual([
      'major',
      'minor',
      'patch',
    ]);
  });
});

describe('recommended, as analyzeVersion reports it', () => {
  const scenarios: [string, Facts, Record<string, unknown>][] = [
    [
      'without pre-releases in the way, previous + patch',
      makeVersionFacts({ branch: 'main', sources: [file('1.5.1')], tags: ['v1.4.0', 'v1.5.0'] }),
      { previous: '1.5.0', bump: 'patch', recommended: '1.5.1' },
    ],
    [
      'detached on v1.0.0 with rc tags of 2.0.0: the release of the newest rc',
      makeVersionFacts({
        sources: [file('1.0.0')],
        tags: ['v1.0.0', 'v2.0.0-rc.2', 'v2.0.0-rc.10'],
      }),
      { version: '1.0.0', previous: '1.0.0', bump: 'none', recommended: '2.0.0' },
    ],
    [
      'v1.0.1 at HEAD with rc tags of 2.0.0: still 2.0.0, never 1.0.2',
      makeVersionFacts({
        branch: 'main',
        sources: [file('1.0.1')],
        tags: ['v1.0.0', 'v1.0.1', 'v2.0.0-rc.2', 'v2.0.0-rc.10'],
        commits: [commit('a1', 'fix: x')],
      }),
      { previous: '1.0.1', bump: 'none', recommended: '2.0.0' },
    ],
    [
      'a major implied above a pre-release of a minor',
      makeVersionFacts({
        branch: 'main',
        sources: [file('1.0.0')],
        tags: ['v1.0.0', 'v1.1.0-rc.1'],
        commits: [commit('a1', 'feat!: x')],
      }),
      { recommended: '2.0.0' },
    ],
    [
      'a release line tagged at its first version recommends its next patch',
      makeVersionFacts({ branch: 'release/1.4', sources: [file('1.5.0')], tags: ['v1.4.0'] }),
      { previous: '1.4.0', recommended: '1.4.1' },
    ],
    [
      'a release line with only pre-releases recommends its first version',
      makeVersionFacts({
        branch: 'release/1.6',
        sources: [file('1.6.0')],
        tags: ['v1.5.0', 'v1.6.0-rc.3'],
      }),
      { previous: '1.5.0', recommended: '1.6.0' },
    ],
    [
      'a hotfix branch naming a tagged version: the release of v1.4.2-rc.1, the newest on 1.4.x',
      makeVersionFacts({
        branch: 'hotfix/1.4.1',
        sources: [file('1.4.1'), makeBranchSource('1.4.1')],
        tags: ['v1.3.0', 'v1.4.0', 'v1.4.1', 'v1.4.2-rc.1', 'v1.5.0', 'v2.0.0-rc.1'],
      }),
      { version: '1.4.1', bump: 'none', recommended: '1.4.2' },
    ],
    [
      'a hotfix branch naming a tagged version: the patch after the newest stable on its line',
      makeVersionFacts({
        branch: 'hotfix/1.4.1',
        sources: [file('1.4.1'), makeBranchSource('1.4.1')],
        tags: ['v1.4.0', 'v1.4.1', 'v1.4.2'],
      }),
      { recommended: '1.4.3' },
    ],
    [
      'a maintenance tag pushed below a newer one on its line',
      makeVersionFacts({
        sources: [file('1.2.4'), tag('v1.2.4')],
        tags: ['v1.2.3', 'v1.2.4', 'v1.2.5', 'v1.3.0'],
        pushedTag: 'v1.2.4',
      }),
      { previous: '1.2.3', recommended: '1.2.6' },
    ],
    [
      'nothing released but a pre-release: its release, not the initial version',
      makeVersionFacts({ branch: 'main', sources: [file('1.0.0-rc.2')], tags: ['v1.0.0-rc.1'] }),
      { bump: 'prerelease', recommended: '1.0.0' },
    ],
  ];

  it.each(scenarios)('%s', (_name, facts, expected) => {
    const analysis = analyzeVersion(facts, policy);
    for (const [key, value] of Object.entries(expected)) {
      expect([key, analysis[key as keyof typeof analysis]]).toEqual([key, value]);
    }
  });

  it('findings suggest the recommended version (detached on v1.0.0 with rc tags of 2.0.0)', () => {
    const tags = ['v1.0.0', 'v2.0.0-rc.2', 'v2.0.0-rc.10'];
    // Not releasing: package.json equal to a tag means no release is pending.
    const idle = makeVersionFacts({ sources: [file('1.0.0')], tags });
    expect(evaluate(idle, policy, new Date(0)).findings).toEqual([]);
    expect(inspectVersionFacts(idle, policy)).toMatchObject({ releasing: false, pending: false });
    // Asking to release it with the version input is an error that names 2.0.0.
    const input = makeVersionFacts({
      sources: [{ kind: 'input', value: '1.0.0', label: 'version input' }],
      tags,
    });
    const findings = evaluate(input, policy, new Date(0)).findings;
    expect(findings.map((f) => f.rule)).toEqual(['version-increment']);
    expect(findings[0]?.message).toContain('the next one would be "2.0.0"');
    expect(analyzeVersion(input, policy).recommended).toBe('2.0.0');
  });
});
