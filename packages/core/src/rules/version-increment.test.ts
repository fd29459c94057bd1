import { describe, it, expect } from '@jest/globals';
import type { VersionSource } from '../facts.js';
import { makePolicy } from '../testing/policies.js';
import {
  makeFileSource as file,
  makeInputSource as input,
  makeTagSource as tag,
  makeVersionFacts,
} from '../testing/version-facts.js';
import { versionIncrement } from './version-increment.js';

const now = new Date(0);
const policy = makePolicy();
const TAGS = ['v1.3.0', 'v1.4.0', 'v1.4.1', 'v1.5.0', 'v2.0.0-rc.2', 'nightly', 'v9.9'];

interface Case {
  branch?: string;
  base?: string;
  sources: VersionSource[];
  tags?: string[];
  pushedTag?: string;
  tagsBeforePushed?: string[];
}
const run = ({ tags = TAGS, ...rest }: Case) =>
  versionIncrement.evaluate({ facts: makeVersionFacts({ tags, ...rest }), policy, now });

describe('version-increment', () => {
  it.each<[string, Case]>([
    ['above every release on the mainline', { branch: 'main', sources: [file('2.0.0')] }],
    ['a later pre-release', { branch: 'main', sources: [file('2.0.0-rc.3')] }],
    ['no tags at all', { branch: 'main', sources: [file('0.1.0')], tags: [] }],
    ['above the latest on its release line', { branch: 'release/1.4', sources: [file('1.4.2')] }],
    ['first release of a new line', { branch: 'release/1.6', sources: [file('1.6.0')] }],
    [
      'pushed tag equal to the declared version',
      { sources: [file('1.6.0'), tag('v1.6.0')], tags: [...TAGS, 'v1.6.0'], pushedTag: 'v1.6.0' },
    ],
    [
      'maintenance tag push below newer lines',
      { sources: [file('1.4.2'), tag('v1.4.2')], tags: [...TAGS, 'v1.4.2'], pushedTag: 'v1.4.2' },
    ],
    ['no valid version declared', { branch: 'main', sources: [file('v1.0.0')] }],
    [
      'a pre-release behind one of its own (version-prerelease reports it)',
      { branch: 'main', sources: [file('2.0.0-rc.1')] },
    ],
    // A tagged version on a run that does not release it: no release is pending.
    ['the mainline still on the latest release', { branch: 'main', sources: [file('1.5.0')] }],
    [
      'a feature branch still on the latest release',
      { branch: 'feature/CHG-1-login', sources: [file('1.5.0')] },
    ],
    ['a fix branch on an older release', { branch: 'fix/CHG-2-crash', sources: [file('1.4.1')] }],
    [
      "a backport pull request into a maintenance line, on the line's latest release",
      { branch: 'fix/CHG-2-crash', base: '1.4.x', sources: [file('1.4.1')] },
    ],
    [
      'a feature pull request into the mainline, on the latest release',
      { branch: 'feature/CHG-1-login', base: 'main', sources: [file('2.0.0-rc.2')] },
    ],
    [
      'a bot branch still on the latest release',
      { branch: 'dependabot/npm/yaml-2.5.0', sources: [file('1.5.0')] },
    ],
    [
      'a branch of no kind on a tagged pre-release',
      { branch: 'wip', sources: [file('2.0.0-rc.2')] },
    ],
    ['no branch (detached HEAD) on a tagged version', { sources: [file('1.4.0')] }],
    [
      'already tagged, with build metadata on the tag, on the mainline',
      { branch: 'main', sources: [file('3.0.0')], tags: ['v3.0.0+build.7'] },
    ],
  ])('%s: no finding', (_name, c) => {
    expect(run(c)).toEqual([]);
  });

  it.each<[string, Case, string[]]>([
    [
      'already tagged below the latest release on a release line suggests the next patch',
      { branch: 'release/1.4', sources: [file('1.4.0')] },
      [
        'package.json "version" "1.4.0" (package.json:3:15) is already released: the tag "v1.4.0" exists',
        'branch "release/1.4" releases 1.4.x versions',
        'the next one would be "1.4.2"',
      ],
    ],
    [
      'the first version of a release line, tagged already, below a later pre-release',
      {
        branch: 'release/1.4',
        sources: [file('1.4.0')],
        tags: ['v1.3.0', 'v1.4.0', 'v1.4.1-rc.1'],
      },
      ['the tag "v1.4.0" exists', 'the next one would be "1.4.1"'],
    ],
    [
      'already tagged below the latest release on a maintenance branch',
      { branch: '1.x', sources: [file('1.4.1')] },
      ['the tag "v1.4.1" exists', 'branch "1.x" releases 1.x versions', 'would be "1.5.1"'],
    ],
    [
      'a hotfix branch naming a tagged version below the latest on its line',
      { branch: 'hotfix/1.4.0', sources: [file('1.4.0')] },
      ['the tag "v1.4.0" exists', 'releases exactly this version', 'would be "1.4.2"'],
    ],
    [
      'the version input asks for a tagged version on the mainline',
      { branch: 'main', sources: [input('v1.4.1'), file('1.4.1')] },
      [
        'version input "v1.4.1" is already released',
        'the version input asks to release it',
        'would be "2.0.0"',
      ],
    ],
    [
      'already tagged, with build metadata on the tag, on a tag push of another version',
      {
        sources: [file('3.0.0'), tag('v3.0.1')],
        tags: ['v3.0.0+build.7', 'v3.0.1'],
        pushedTag: 'v3.0.1',
      },
      ['the tag "v3.0.0+build.7" exists', 'the tag "v3.0.1" is being pushed', 'would be "3.0.1"'],
    ],
    [
      'not greater than the latest release',
      { branch: 'main', sources: [file('1.4.9')] },
      [
        '"1.4.9" (package.json:3:15) is not greater than "v2.0.0-rc.2", the latest release in the repository',
        'e.g. "2.0.0"',
      ],
    ],
    [
      'an untagged version on a feature branch is still a pending release',
      { branch: 'feature/CHG-1-login', sources: [file('1.4.5')] },
      ['"1.4.5" (package.json:3:15) is not greater than "v2.0.0-rc.2"', 'e.g. "2.0.0"'],
    ],
    [
      'not greater than the latest on the release line',
      { branch: 'release/1.4', sources: [file('1.4.1-rc.1')] },
      ['is not greater than "v1.4.1", the latest release on the 1.4.x line', 'e.g. "1.4.2"'],
    ],
    [
      'a maintenance tag pushed below its line',
      {
        sources: [file('1.4.0-beta.1'), tag('v1.4.0-beta.1')],
        tags: [...TAGS, 'v1.4.0-beta.1'],
        pushedTag: 'v1.4.0-beta.1',
      },
      ['is not greater than "v1.4.1", the latest release on the 1.4.x line'],
    ],
  ])('%s', (_name, c, texts) => {
    const findings = run(c);
    expect(findings).toHaveLength(1);
    const at =
      c.sources[0]?.file === undefined ? {} : { file: 'package.json', line: 3, column: 15 };
    expect(findings[0]).toMatchObject(at);
    for (const text of texts) expect(findings[0]?.message).toContain(text);
    expect(findings[0]?.hint).toBeTruthy();
  });

  it('an invalid pushed tag declares nothing (version-format reports it)', () => {
    expect(
      run({
        sources: [tag('v1.5.0+rebuild')],
        tags: [...TAGS, 'v1.5.0+rebuild'],
        pushedTag: 'v1.5.0+rebuild',
      }),
    ).toEqual([]);
  });

  it('a pushed rebuild tag of a released version is already released', () => {
    const findings = versionIncrement.evaluate({
      facts: makeVersionFacts({
        sources: [tag('v1.5.0+rebuild')],
        tags: [...TAGS, 'v1.5.0+rebuild'],
        pushedTag: 'v1.5.0+rebuild',
      }),
      policy: makePolicy({ versioning: { buildMetadata: true } }),
      now,
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain(
      'tag "v1.5.0+rebuild" is already released: the tag "v1.5.0" exists',
    );
  });

  it.each<[string, Case, string]>([
    [
      'a push to a maintenance line between releases',
      { branch: '1.x', sources: [file('1.5.0')] },
      'package.json "version" "1.5.0" (package.json:3:15) is the latest release on the 1.x line (tag "v1.5.0"), so no release is pending on branch "1.x". To release from it, set the next version, e.g. "1.5.1", and tag it.',
    ],
    [
      'a push to a release branch on its latest release',
      { branch: 'release/1.4', sources: [file('1.4.1')] },
      'package.json "version" "1.4.1" (package.json:3:15) is the latest release on the 1.4.x line (tag "v1.4.1"), so no release is pending on branch "release/1.4". To release from it, set the next version, e.g. "1.4.2", and tag it.',
    ],
    [
      'a backport pull request into a maintenance line that keeps its version',
      { branch: '1.4.x', base: '1.4.x', sources: [file('1.4.1')] },
      'package.json "version" "1.4.1" (package.json:3:15) is the latest release on the 1.4.x line (tag "v1.4.1"), so no release is pending on branch "1.4.x". To release from it, set the next version, e.g. "1.4.2", and tag it.',
    ],
  ])('%s: a notice that no release is pending', (_name, c, message) => {
    expect(run(c)).toEqual([
      { severity: 'notice', file: 'package.json', line: 3, column: 15, message },
    ]);
  });

  it('a release pull request that changes the version to a tagged one is an error', () => {
    expect(run({ branch: 'feature/CHG-1-login', base: 'main', sources: [file('1.4.0')] })).toEqual([
      {
        file: 'package.json',
        line: 3,
        column: 15,
        message:
          'package.json "version" "1.4.0" (package.json:3:15) is already released: the tag "v1.4.0" exists. Every release needs a version that was never tagged, and the pull request into "main" changes the version from the latest release "v2.0.0-rc.2"; the next one would be "2.0.0".',
        hint: 'Bump the version, e.g. to "2.0.0".',
      },
    ]);
  });

  it.each<[string, string[] | undefined, string[]]>([
    // Imitates angular-cli re-running the job of refs/tags/v17.10.0 once v17.10.4 exists.
    ['before it in history', ['v17.9.2', 'v17.10.0'], []],
    [
      'unknown (every release counts)',
      undefined,
      [
        'tag "v17.10.0" is not greater than "v17.10.4", the latest release on the 17.10.x line. Versions only go up (by SemVer precedence); expected a version above "17.10.4", e.g. "17.10.5".',
      ],
    ],
  ])('a re-run tag job with the tags %s', (_name, tagsBeforePushed, messages) => {
    const findings = run({
      sources: [tag('v17.10.0')],
      tags: ['v17.9.2', 'v17.10.0', 'v17.10.4'],
      pushedTag: 'v17.10.0',
      ...(tagsBeforePushed === undefined ? {} : { tagsBeforePushed }),
    });
    expect(findings.map((f) => f.message)).toEqual(messages);
  });
});
