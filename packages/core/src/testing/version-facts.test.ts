import { describe, it, expect } from '@jest/globals';
import { collectFileVersionSource } from '../version-files.js';
import { collectBranchVersionSource, collectTagVersionSource } from '../version-sources.js';
import { makePolicy } from './policies.js';
import {
  makeBranchSource,
  makeCommit,
  makeFileSource,
  makeTagSource,
  makeVersionFacts,
} from './version-facts.js';

describe('version source builders', () => {
  it('build what the core collectors build', () => {
    const manifest = '{\n  "name": "app",\n  "version": "1.2.3"\n}\n';
    const spec = { path: 'package.json', format: 'auto' as const, optional: false };
    expect(collectFileVersionSource(spec, manifest)).toEqual({ source: makeFileSource('1.2.3') });
    expect(collectTagVersionSource('v1.2.3', makePolicy())).toEqual(makeTagSource('v1.2.3'));
    expect(
      collectBranchVersionSource({ name: 'hotfix/1.4.3', kind: 'hotfix', version: '1.4.3' }),
    ).toEqual(makeBranchSource('1.4.3'));
  });

  it('place a file source in the given file', () => {
    expect(makeFileSource('1.0.0', 'web/package.json')).toMatchObject({
      file: 'web/package.json',
      label: 'web/package.json "version"',
    });
  });
});

describe('makeVersionFacts', () => {
  it('defaults to no sources, no tags and no branch', () => {
    expect(makeVersionFacts({})).toEqual({ version: { sources: [], tags: [] } });
  });

  it('keeps what is given and leaves undefined fields absent', () => {
    const commits = [makeCommit('a1', 'feat: x')];
    const facts = makeVersionFacts({
      branch: 'main',
      sources: [makeTagSource('v1.0.0')],
      tags: ['v1.0.0'],
      pushedTag: 'v1.0.0',
      commits,
      shallow: undefined,
    });
    expect(facts).toEqual({
      branch: { name: 'main' },
      version: {
        sources: [makeTagSource('v1.0.0')],
        tags: ['v1.0.0'],
        pushedTag: 'v1.0.0',
        commits,
      },
    });
    expect(Object.keys(facts.version ?? {})).not.toContain('shallow');
  });
});
