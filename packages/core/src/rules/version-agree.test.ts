import { describe, it, expect } from '@jest/globals';
import type { Facts, VersionSource } from '../facts.js';
import { makePolicy } from '../testing/policies.js';
import {
  makeBranchSource as branch,
  makeFileSource as file,
  makeInputSource as input,
  makeTagSource as tag,
  makeVersionFacts,
} from '../testing/version-facts.js';
import { versionAgree } from './version-agree.js';

const now = new Date(0);
const policy = makePolicy();
const run = (sources: VersionSource[]) =>
  versionAgree.evaluate({ facts: makeVersionFacts({ sources }), policy, now });

describe('version-agree', () => {
  it('applies only with two or more sources', () => {
    const facts = (n: number): Facts =>
      makeVersionFacts({ sources: Array.from({ length: n }, () => file('1.0.0')) });
    expect(versionAgree.applies({ facts: facts(1), policy, now })).toBe(false);
    expect(versionAgree.applies({ facts: facts(2), policy, now })).toBe(true);
  });

  it.each([
    [
      'files, input, branch and tag agree',
      [
        file('1.4.3'),
        file('1.4.3', 'web/package.json'),
        input('v1.4.3'),
        branch('1.4.3'),
        tag('v1.4.3'),
      ],
    ],
    [
      "invalid sources are version-format's business",
      [file('v1.4.3'), file('1.4.3'), tag('1.4.4')],
    ],
    ['the tag prefix is not part of the version', [file('2.0.0-rc.1'), tag('v2.0.0-rc.1')]],
  ])('%s', (_name, sources) => {
    expect(run(sources)).toEqual([]);
  });

  it('reports a tag that does not match the manifest, listing every source', () => {
    const findings = run([file('1.2.3'), tag('v1.2.4')]);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({ file: 'package.json', line: 3, column: 15 });
    expect(finding?.message).toContain('2 different versions ("1.2.3", "1.2.4")');
    expect(finding?.message).toContain(
      '  - package.json "version" (package.json:3:15) declares "1.2.3"',
    );
    expect(finding?.message).toContain('  - tag "v1.2.4" declares "1.2.4"');
    expect(finding?.message).toContain('e.g. "1.4.0" in the files and "v1.4.0" as the tag');
    expect(finding?.hint).toContain(
      'The pushed tag "v1.2.4" does not match package.json "version"',
    );
  });

  it.each([
    [[file('1.2.3'), file('1.2.4', 'web/package.json')], 'web/package.json', 2, 3],
    [[input('1.3.0'), file('1.2.3'), branch('1.2.3')], 'package.json', 2, 4],
    [[file('1.2.3'), input('v1.2.3'), input('1.2.4'), tag('v1.2.5')], 'package.json', 3, 5],
    [[file('1.2.3'), file('1.2.3+build.1'), input('1.2.4')], 'package.json', 2, 3],
  ])('%j: one finding at %s naming %i versions', (sources, at, count, lines) => {
    const findings = run(sources);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.file).toBe(at);
    expect(findings[0]?.message).toContain(`${count} different versions`);
    expect(findings[0]?.message.split('\n')).toHaveLength(lines);
  });

  it('treats different build metadata as different declarations when the policy allows it', () => {
    const facts = makeVersionFacts({
      sources: [file('1.2.3'), file('1.2.3+build.1', 'VERSION')],
    });
    const findings = versionAgree.evaluate({
      facts,
      policy: makePolicy({ versioning: { buildMetadata: true } }),
      now,
    });
    expect(findings[0]?.message).toContain('2 different versions ("1.2.3", "1.2.3+build.1")');
    expect(findings[0]?.file).toBe('VERSION');
  });
});
