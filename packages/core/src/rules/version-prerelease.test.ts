import { describe, it, expect } from '@jest/globals';
import { makePolicy } from '../testing/policies.js';
import { makeFileSource as file, makeVersionFacts } from '../testing/version-facts.js';
import { versionPrerelease } from './version-prerelease.js';

const now = new Date(0);
const policy = makePolicy();
const run = (value: string, tags: string[], pushedTag?: string) => {
  const facts = makeVersionFacts({ branch: 'main', sources: [file(value)], tags, pushedTag });
  return versionPrerelease.evaluate({ facts, policy, now });
};

describe('version-prerelease', () => {
  it.each<[string, string, string[]]>([
    [
      'rc.10 after rc.2 (numbers compare as numbers)',
      '1.0.0-rc.10',
      ['v1.0.0-rc.2', 'v1.0.0-rc.9'],
    ],
    ['rc after beta', '1.0.0-rc.1', ['v1.0.0-beta.5', 'v1.0.0-alpha.12']],
    ['first pre-release', '2.0.0-alpha.1', ['v1.0.0']],
    ["a stable version is not this rule's business", '1.0.0', ['v1.0.0-rc.3']],
    ['pre-releases of other versions do not matter', '1.1.0-rc.1', ['v1.1.1-rc.5', 'v1.0.0-rc.9']],
    ['the pushed tag itself does not count', '1.0.0-rc.3', ['v1.0.0-rc.2', 'v1.0.0-rc.3']],
  ])('%s', (_name, value, tags) => {
    expect(run(value, tags, tags.includes(`v${value}`) ? `v${value}` : undefined)).toEqual([]);
  });

  it.each<[string, string, string[], string[]]>([
    [
      'rc.2 after rc.10',
      '1.0.0-rc.2',
      ['v1.0.0-rc.1', 'v1.0.0-rc.10'],
      [
        '"1.0.0-rc.2" (package.json:3:15) sorts before the pre-release "v1.0.0-rc.10" that is already tagged',
        'numbers as numbers',
        'e.g. "1.0.0-rc.11"',
      ],
    ],
    [
      'beta after rc',
      '1.0.0-beta.9',
      ['v1.0.0-rc.1', 'v1.0.0-rc.2'],
      [
        'sorts before the pre-release "v1.0.0-rc.2" that is already tagged (and 1 more of "1.0.0")',
        'text by ASCII order (beta < rc)',
        'e.g. "1.0.0-rc.3"',
      ],
    ],
    [
      'plain rc after rc.1',
      '1.0.0-rc',
      ['v1.0.0-rc.1'],
      ['sorts before the pre-release "v1.0.0-rc.1"', 'e.g. "1.0.0-rc.2"'],
    ],
    [
      'rc.1 after a non-numbered rc.final',
      '1.0.0-rc.1',
      ['v1.0.0-rc.final'],
      ['sorts before the pre-release "v1.0.0-rc.final"', 'e.g. "1.0.0-rc.final.1"'],
    ],
    [
      'pre-release of a released version',
      '1.0.0-rc.4',
      ['v1.0.0-rc.3', 'v1.0.0'],
      ['is a pre-release of "1.0.0", which is already released as "v1.0.0"', 'e.g. "1.0.1-rc.4"'],
    ],
  ])('%s', (_name, value, tags, texts) => {
    const findings = run(value, tags);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'package.json', line: 3, column: 15 });
    for (const text of texts) expect(findings[0]?.message).toContain(text);
    expect(findings[0]?.hint).toBeTruthy();
  });

  it.each([
    ['feature/CHG-1-login', ['v1.0.0-rc.1', 'v1.0.0-rc.2'], 0],
    ['dependabot/npm/yaml', ['v1.0.0-rc.1', 'v1.0.0'], 0],
    ['main', ['v1.0.0-rc.1', 'v1.0.0-rc.2'], 0],
    ['1.x', ['v1.0.0-rc.1', 'v1.0.0-rc.2'], 1],
    ['release/1.0', ['v1.0.0-rc.1', 'v1.0.0'], 1],
  ])('a tagged pre-release on %s with tags %j: %i finding(s)', (branch, tags, count) => {
    const facts = makeVersionFacts({ branch, sources: [file('1.0.0-rc.1')], tags });
    expect(versionPrerelease.evaluate({ facts, policy, now })).toHaveLength(count);
  });

  it('suggests a pre-release of the recommended version, above its own pre-releases', () => {
    // 1.0.0 is released; the recommended version is 2.0.0 (v2.0.0-rc.5 is the newest tag).
    const findings = run('1.0.0-rc.2', ['v1.0.0-rc.1', 'v1.0.0', 'v2.0.0-rc.5']);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('e.g. "2.0.0-rc.6"');
    const later = run('1.0.0-rc.9', ['v1.0.0', 'v2.0.0-rc.5']);
    expect(later[0]?.message).toContain('e.g. "2.0.0-rc.9"');
  });

  it('skips when no valid version is declared', () => {
    expect(run('v1.0.0-rc.1', ['v1.0.0-rc.2'])).toEqual([]);
  });
});
