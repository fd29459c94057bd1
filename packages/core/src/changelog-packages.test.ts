import { describe, expect, it } from '@jest/globals';
import type { ChangelogEntry } from './changelog-entries.js';
import { findChangelogPackage, selectPackageEntries } from './changelog-packages.js';
import { loadPolicy, parsePolicy } from './config/load.js';
import { UsageError } from './errors.js';

const entry = (sha: string, scope?: string): ChangelogEntry => ({
  sha: sha.repeat(40),
  type: 'feat',
  subject: sha,
  breaking: false,
  notes: [],
  ...(scope === undefined ? {} : { scope }),
});

const POLICY = loadPolicy(
  'changelog:\n' +
    '  packages:\n' +
    '    - { name: api, path: ./packages/api/, scopes: [api, server] }\n' +
    '    - { name: "@org/web", scopes: [web] }\n',
  'policy.yml',
);

describe('changelog packages', () => {
  it('resolves each package, the path made plain', () => {
    expect(POLICY.changelog.packages).toEqual([
      { name: 'api', path: 'packages/api', scopes: ['api', 'server'] },
      { name: '@org/web', scopes: ['web'] },
    ]);
  });

  it.each([
    ['    - { name: api }\n', 'a package needs a path, scopes, or both'],
    ['    - { name: api, path: ../other }\n', 'without ".."'],
    ['    - { name: "a b", scopes: [x] }\n', 'changelog.packages[0].name'],
  ])('refuses %j', (entryYaml, says) => {
    const result = parsePolicy(`changelog:\n  packages:\n${entryYaml}`, 'policy.yml');
    expect(result.ok).toBe(false);
    expect(
      result.ok ? '' : result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'),
    ).toContain(says);
  });

  it('selects the entries under the path or of the scopes', () => {
    const api = findChangelogPackage(POLICY.changelog, 'api');
    const entries = [entry('a', 'api'), entry('b'), entry('c', 'ui'), entry('d', 'server')];
    expect(
      selectPackageEntries(entries, api, new Set(['c'.repeat(40)])).map((e) => e.subject),
    ).toEqual(['a', 'c', 'd']);
    const web = findChangelogPackage(POLICY.changelog, '@org/web');
    expect(selectPackageEntries(entries, web, undefined)).toEqual([]);
  });

  it('names the packages there are, and the closest, for an unknown one', () => {
    expect(() => findChangelogPackage(POLICY.changelog, 'apo')).toThrow(
      new UsageError(
        '--package "apo" is not a package of the policy\'s changelog section. Did you mean "api"? Packages: api, @org/web. See docs/policy.md#changelog',
      ),
    );
  });
});
