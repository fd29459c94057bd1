import { describe, it, expect } from '@jest/globals';
import type { VersionSource } from '../facts.js';
import { makePolicy } from '../testing/policies.js';
import { makeFileSource as file, makeVersionFacts } from '../testing/version-facts.js';
import { versionFormat } from './version-format.js';

const now = new Date(0);
const policy = makePolicy();
const source = (kind: VersionSource['kind'], value: string): VersionSource =>
  kind === 'file' ? file(value) : { kind, value, label: `${kind} ${JSON.stringify(value)}` };
const run = (sources: VersionSource[], p = policy) =>
  versionFormat.evaluate({ facts: makeVersionFacts({ sources }), policy: p, now });

describe('version-format', () => {
  it('applies only when a version is declared somewhere', () => {
    expect(versionFormat.applies({ facts: makeVersionFacts({}), policy, now })).toBe(false);
    expect(
      versionFormat.applies({ facts: makeVersionFacts({ sources: [file('1.0.0')] }), policy, now }),
    ).toBe(true);
  });

  it.each([
    ['file', '1.2.3'],
    ['file', '1.0.0-rc.10'],
    ['input', '1.2.3'],
    ['input', 'v1.2.3'],
    ['branch', '1.4.3'],
    ['tag', 'v1.2.3'],
    ['tag', 'v2.0.0-beta.1'],
  ] as const)('%s %j is fine', (kind, value) => {
    expect(run([source(kind, value)])).toEqual([]);
  });

  it.each([
    [
      'file',
      'v1.2.3',
      ['it starts with "v"', 'Version files hold the bare version without the tag prefix'],
    ],
    ['file', '01.2.3', ['the MAJOR part "01" has a leading zero (write "1")']],
    ['file', '1.2', ['(did you mean "1.2.0"?)']],
    ['file', '1.2.3+build.5', ['build metadata "+build.5"', 'versioning.build-metadata: false']],
    ['branch', 'v1.4.3', ['it starts with "v"', 'Branch names hold the bare version']],
    [
      'tag',
      '1.2.3',
      [
        'it does not start with the tag prefix "v"',
        'Release tags are the tag prefix "v" followed by the version, e.g. "v1.4.0"',
      ],
    ],
    ['tag', 'v1.2', ['2 number parts']],
    ['input', 'vv1.2.3', ['it starts with "v"']],
  ] as const)('%s %j is an error', (kind, value, texts) => {
    const findings = run([source(kind, value)]);
    expect(findings).toHaveLength(1);
    for (const text of texts) expect(findings[0]?.message).toContain(text);
    expect(findings[0]?.message).toContain(JSON.stringify(value));
    expect(findings[0]?.hint).toBeTruthy();
  });

  it('points at the file position and names the source', () => {
    const [finding] = run([file('v1.2.3')]);
    expect(finding).toMatchObject({ file: 'package.json', line: 3, column: 15 });
    expect(
      finding?.message.startsWith(
        'package.json "version" (package.json:3:15): "v1.2.3" is not a valid version',
      ),
    ).toBe(true);
  });

  it.each([
    [false, '1.2.3+build.5', 1],
    [true, '1.2.3+build.5', 0],
    [true, '1.2.3+build..5', 1],
  ])('build metadata allowed: %s, %j -> %i findings', (buildMetadata, value, count) => {
    expect(run([file(value)], makePolicy({ versioning: { buildMetadata } }))).toHaveLength(count);
  });

  it.each([
    ['1.0.0-rc.1', ['alpha', 'beta', 'rc'], []],
    [
      '1.0.0-preview.1',
      ['alpha', 'beta', 'rc'],
      [
        'identifier "preview"',
        'Allowed first identifiers: "alpha", "beta", "rc"',
        'e.g. "1.0.0-alpha.1"',
      ],
    ],
    ['1.0.0-rc10', ['alpha', 'beta', 'rc'], ['identifier "rc10"']],
    ['1.0.0-1', ['rc'], ['identifier "1"', 'e.g. "1.0.0-rc.1"']],
    [
      '1.0.0-rc.1',
      [],
      ['Allowed first identifiers: none (versioning.prerelease is empty)', 'e.g. "1.0.0"'],
    ],
  ])('pre-release %j with %j', (value, prerelease, texts) => {
    const findings = run([file(value)], makePolicy({ versioning: { prerelease } }));
    expect(findings).toHaveLength(texts.length === 0 ? 0 : 1);
    for (const text of texts) expect(findings[0]?.message).toContain(text);
  });

  it('reports every bad source', () => {
    const findings = run([
      file('v1.2.3'),
      source('tag', '1.2.3'),
      source('input', '1.2.3'),
      source('branch', '1.2.3-x.1'),
    ]);
    expect(findings.map((f) => f.message.slice(0, 10))).toEqual([
      'package.js',
      'tag "1.2.3',
      'branch "1.',
    ]);
  });

  // Imitates a release-please-managed project on its 22.x mainline with v22.2.0-next.4 tagged.
  it.each<[string, string[], string, string]>([
    [
      '"next" not allowed: the first allowed identifier that sorts above next.4',
      ['alpha', 'beta', 'rc'],
      '22.2.0-next.5',
      'package.json "version" "22.2.0-next.5" (package.json:3:15) uses the pre-release identifier "next", which the policy does not allow. Allowed first identifiers: "alpha", "beta", "rc". Expected e.g. "22.2.0-rc.1". To allow "next", write prerelease: [alpha, beta, rc, next] under versioning in the policy.',
    ],
    [
      '"preview" with "next" allowed: the pre-release after next.4',
      ['alpha', 'beta', 'next', 'rc'],
      '22.2.0-preview.1',
      'package.json "version" "22.2.0-preview.1" (package.json:3:15) uses the pre-release identifier "preview", which the policy does not allow. Allowed first identifiers: "alpha", "beta", "next", "rc". Expected e.g. "22.2.0-next.5". To allow "preview", write prerelease: [alpha, beta, next, rc, preview] under versioning in the policy.',
    ],
    [
      'no allowed identifier sorts above next.4: the release itself',
      ['alpha', 'beta'],
      '22.2.0-next.5',
      'package.json "version" "22.2.0-next.5" (package.json:3:15) uses the pre-release identifier "next", which the policy does not allow. Allowed first identifiers: "alpha", "beta". Expected e.g. "22.2.0". To allow "next", write prerelease: [alpha, beta, next] under versioning in the policy.',
    ],
  ])('%s', (_name, prerelease, value, message) => {
    const findings = versionFormat.evaluate({
      facts: makeVersionFacts({
        branch: 'main',
        sources: [file(value)],
        tags: ['v22.1.0', 'v22.2.0-next.3', 'v22.2.0-next.4'],
      }),
      policy: makePolicy({ versioning: { prerelease } }),
      now,
    });
    expect(findings).toEqual([
      {
        file: 'package.json',
        line: 3,
        column: 15,
        message,
        hint: `Use an allowed identifier, or write prerelease: [${[...prerelease, value.split('-')[1]?.split('.')[0]].join(', ')}] under versioning in the policy.`,
      },
    ]);
  });
});
