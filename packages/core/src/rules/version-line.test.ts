import { describe, it, expect } from '@jest/globals';
import type { VersionSource } from '../facts.js';
import { makePolicy } from '../testing/policies.js';
import {
  makeFileSource as file,
  makeInputSource,
  makeTagSource,
  makeVersionFacts,
} from '../testing/version-facts.js';
import { analyzeVersion } from '../version.js';
import { versionLine } from './version-line.js';

const now = new Date(0);
const policy = makePolicy();
const run = (branch: string, sources: VersionSource[]) =>
  versionLine.evaluate({ facts: makeVersionFacts({ branch, sources }), policy, now });

describe('version-line', () => {
  it('applies only with a branch', () => {
    expect(versionLine.applies({ facts: makeVersionFacts({}), policy, now })).toBe(false);
    expect(versionLine.applies({ facts: makeVersionFacts({ branch: 'main' }), policy, now })).toBe(
      true,
    );
  });

  it.each([
    ['release/1.4', '1.4.0'],
    ['release/1.4', '1.4.17'],
    ['release/1.4', '1.4.3-rc.1'],
    ['1.4.x', '1.4.2'],
    ['1.x', '1.9.0'],
    ['hotfix/1.4.3', '1.4.3'],
    ['hotfix/1.4.3', '1.4.3+build.1'],
    ['main', '7.0.0'],
    ['feature/CHG-1-login', '0.0.1'],
    ['no-kind-at-all', '3.0.0'],
    ['release/1.4', 'v1.5.0'],
  ])('%s with %j is fine', (name, value) => {
    expect(run(name, [file(value)])).toEqual([]);
  });

  it.each([
    [
      'release/1.4',
      '1.5.0',
      [
        '"1.5.0" (package.json:3:15) is not on the release line of branch "release/1.4"',
        'release branch releases 1.4.x versions only',
        'e.g. "1.4.0"',
      ],
    ],
    ['release/1.4', '2.4.0', ['Expected a 1.4.x version']],
    ['1.4.x', '1.3.9', ['maintenance branch releases 1.4.x versions only']],
    ['1.x', '2.0.0', ['releases 1.x versions only', 'e.g. "1.0.0"']],
    [
      'hotfix/1.4.3',
      '1.4.4',
      ['does not match branch "hotfix/1.4.3", which names the version "1.4.3"', 'Expected "1.4.3"'],
    ],
    ['hotfix/1.4.3', '1.4.3-rc.1', ['Expected "1.4.3"']],
  ])('%s with %j is an error', (name, value, texts) => {
    const findings = run(name, [file(value)]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'package.json', line: 3, column: 15 });
    for (const text of texts) expect(findings[0]?.message).toContain(text);
    expect(findings[0]?.hint).toBeTruthy();
  });

  it.each([
    ['release/1.4', ['v1.3.0', 'v1.4.0'], '1.4.1'],
    ['release/1.4', ['v1.4.0', 'v1.4.1-rc.2'], '1.4.1'],
    ['1.x', ['v1.0.0', 'v1.2.0', 'v2.0.0'], '1.2.1'],
    ['release/1.6', ['v1.5.0'], '1.6.0'],
  ])('%s with tags %j suggests the recommended version %s', (branch, tags, next) => {
    const facts = makeVersionFacts({ branch, sources: [file('3.0.0')], tags });
    const findings = versionLine.evaluate({ facts, policy, now });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain(`e.g. ${JSON.stringify(next)}.`);
    expect(analyzeVersion(facts, policy).recommended).toBe(next);
  });

  it('checks every valid source except the branch itself', () => {
    const findings = run('release/1.4', [
      file('1.5.0'),
      makeInputSource('v1.4.1'),
      makeTagSource('v2.0.0'),
    ]);
    expect(findings.map((f) => f.message.split(' is not')[0])).toEqual([
      'package.json "version" "1.5.0" (package.json:3:15)',
      'tag "v2.0.0"',
    ]);
  });
});
