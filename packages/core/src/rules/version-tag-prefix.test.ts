import { describe, expect, it } from '@jest/globals';
import { evaluate } from '../engine.js';
import { makePolicy } from '../testing/policies.js';
import { makeFileSource as file, makeVersionFacts } from '../testing/version-facts.js';
import { analyzeVersion } from '../version.js';
import { versionTagPrefix } from './version-tag-prefix.js';

const now = new Date(0);
const run = (tags: string[], tagPrefix: string[] = ['v']) =>
  versionTagPrefix.evaluate({
    facts: makeVersionFacts({ branch: 'main', tags }),
    policy: makePolicy({ versioning: { tagPrefix } }),
    now,
  });

// Imitates spring-session, whose release tags carry no prefix (3.4.0, 3.4.1).
const SPRING_SESSION_TAGS = ['3.3.0', '3.4.0', '3.4.1', 'latest'];

describe('version-tag-prefix', () => {
  it.each<[string, string[], string[]]>([
    ['prefixed tags only', ['v1.0.0', 'v1.1.0-rc.1', 'latest', 'v1.2'], ['v']],
    ['bare tags read with an empty prefix', SPRING_SESSION_TAGS, ['']],
    ['both forms read with [v, ""]', ['20.3.13', 'v20.3.14'], ['v', '']],
    ['tags that are no SemVer version', ['1.2', 'nightly', 'v1.2.3.4', 'pkg@1.0.0'], ['v']],
  ])('%s: no finding', (_name, tags, tagPrefix) => {
    expect(run(tags, tagPrefix)).toEqual([]);
  });

  it.each<[string, string[], string[], string, string]>([
    [
      'spring-session tags under the default prefix',
      SPRING_SESSION_TAGS,
      ['v'],
      '3 tags look like releases but are not read as such, e.g. "3.3.0": versioning.tag-prefix is "v", so versions released under them count as unreleased. To read them, list their prefix too (new releases keep the first prefix): tag-prefix: [v, \'\'] under versioning in the policy.',
      "Write tag-prefix: [v, ''] under versioning in the policy.",
    ],
    [
      'a repository that switched from 20.3.13 to v20.3.14',
      ['20.3.13', 'v20.3.14'],
      ['v'],
      '1 tag looks like a release but is not read as one, e.g. "20.3.13": versioning.tag-prefix is "v", so versions released under it count as unreleased. To read them, list their prefix too (new releases keep the first prefix): tag-prefix: [v, \'\'] under versioning in the policy.',
      "Write tag-prefix: [v, ''] under versioning in the policy.",
    ],
    [
      'v tags under a custom prefix',
      ['release-1.0.0', 'v1.1.0'],
      ['release-'],
      '1 tag looks like a release but is not read as one, e.g. "v1.1.0": versioning.tag-prefix is "release-", so versions released under it count as unreleased. To read them, list their prefix too (new releases keep the first prefix): tag-prefix: [release-, v] under versioning in the policy.',
      'Write tag-prefix: [release-, v] under versioning in the policy.',
    ],
  ])('%s: one warning', (_name, tags, tagPrefix, message, hint) => {
    expect(run(tags, tagPrefix)).toEqual([{ message, hint }]);
  });

  it.each<[string, string, string[]]>([
    ['a pushed release tag is a release, not a skipped tag', 'v2.0.0', []],
    ['a pushed bare tag under the default prefix is skipped like any other', '2.0.0', ['2.0.0']],
  ])('on a tag push, %s', (_name, pushedTag, skipped) => {
    const findings = versionTagPrefix.evaluate({
      facts: makeVersionFacts({ branch: 'main', tags: ['v1.0.0', pushedTag], pushedTag }),
      policy: makePolicy({ versioning: { tagPrefix: ['v'] } }),
      now,
    });
    expect(findings.map((f) => /e\.g\. "([^"]+)"/.exec(f.message)?.[1])).toEqual(skipped);
  });

  it('warns through evaluate, and rules: { version-tag-prefix: off } silences it', () => {
    const facts = makeVersionFacts({
      branch: '3.4.x',
      sources: [file('3.4.0')],
      tags: SPRING_SESSION_TAGS,
    });
    const rulesOf = (policy: ReturnType<typeof makePolicy>) =>
      evaluate(facts, policy, now, { checks: ['version'] }).findings.map(
        (f) => `${f.rule}:${f.severity}`,
      );
    expect(rulesOf(makePolicy())).toEqual(['version-tag-prefix:warning']);
    expect(rulesOf(makePolicy({ rules: { 'version-tag-prefix': 'off' } }))).toEqual([]);
  });

  it.each<[string[], { previous?: string; recommended: string; tag: string }]>([
    // Unread, 3.4.0 looks unreleased; read, it is the previous release of the 3.4.x line.
    [['v'], { recommended: '3.4.0', tag: 'v3.4.0' }],
    [['v', ''], { previous: '3.4.1', recommended: '3.4.2', tag: 'v3.4.0' }],
    [[''], { previous: '3.4.1', recommended: '3.4.2', tag: '3.4.0' }],
  ])('with tag-prefix %j the spring-session 3.4.x line reads as %j', (tagPrefix, expected) => {
    const facts = makeVersionFacts({
      branch: '3.4.x',
      sources: [file('3.4.0')],
      tags: SPRING_SESSION_TAGS,
    });
    const { previous, recommended, tag } = analyzeVersion(
      facts,
      makePolicy({ versioning: { tagPrefix } }),
    );
    expect({ ...(previous === undefined ? {} : { previous }), recommended, tag }).toEqual(expected);
  });
});
