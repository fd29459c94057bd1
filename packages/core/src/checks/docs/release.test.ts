import { describe, it, expect } from '@jest/globals';
import type { Facts, VersionSource } from '../../facts.js';
import { makePolicy } from '../../testing/policies.js';
import { classifyRelease } from './release.js';

const file = (value: string): VersionSource => ({ kind: 'file', value, label: 'package.json' });

/** v1.0.0 released; `declared` in package.json. */
function factsOf(declared: string, extra: Partial<Facts> = {}, documents = {}): Facts {
  return {
    version: { sources: [file(declared)], tags: ['v1.0.0'] },
    documents: { entries: [], ...documents },
    ...extra,
  };
}

describe('classifyRelease', () => {
  it.each<[string, Facts, ReturnType<typeof classifyRelease>]>([
    [
      'a feature pull request that leaves the version alone',
      factsOf(
        '1.0.0',
        { branch: { name: 'feature/CHG-1-x', base: 'main' } },
        { baseVersions: ['1.0.0'] },
      ),
      { releasing: false, reason: 'the run does not release' },
    ],
    [
      'a pull request that changes the declared version',
      factsOf(
        '1.1.0',
        { branch: { name: 'feature/CHG-1-x', base: 'main' } },
        { baseVersions: ['1.0.0'] },
      ),
      {
        releasing: true,
        type: 'minor',
        reason: 'the pull request, which changes the declared version',
      },
    ],
    [
      'a pull request above the last release that does not change the version',
      factsOf(
        '1.1.0',
        { branch: { name: 'feature/CHG-1-x', base: 'main' } },
        { baseVersions: ['1.1.0'] },
      ),
      { releasing: false, reason: 'the run does not release' },
    ],
    [
      'a release branch',
      factsOf('2.0.0', { branch: { name: 'release/2.0' } }),
      { releasing: true, type: 'major', reason: 'the release branch "release/2.0"' },
    ],
    [
      'a hotfix branch with a pre-release',
      factsOf('1.0.1-rc.1', { branch: { name: 'hotfix/1.0.1-rc.1' } }),
      { releasing: true, type: 'prerelease', reason: 'the hotfix branch "hotfix/1.0.1-rc.1"' },
    ],
    [
      'a pushed tag',
      {
        version: { sources: [file('1.0.1')], tags: ['v1.0.0', 'v1.0.1'], pushedTag: 'v1.0.1' },
        documents: { entries: [] },
      },
      { releasing: true, type: 'patch', reason: 'the pushed tag "v1.0.1"' },
    ],
    [
      'a release type given, whatever the version says',
      factsOf('1.0.0', { branch: { name: 'main' } }, { releaseType: 'major' }),
      { releasing: true, type: 'major', reason: 'the release type "major" given' },
    ],
    [
      'a release branch with nothing pending (already tagged)',
      factsOf('1.0.0', { branch: { name: 'release/1.0' } }),
      { releasing: true, reason: 'the release branch "release/1.0"' },
    ],
  ])('%s', (_name, facts, expected) => {
    expect(classifyRelease(facts, makePolicy())).toEqual(expected);
  });
});
