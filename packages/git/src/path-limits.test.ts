import { describe, expect, it } from '@jest/globals';
import { coarsenPaths, computePathLimit } from './path-limits.js';

describe('coarsenPaths', () => {
  it.each<[string, string[], number, string[]]>([
    ['keeps paths within the limit as they are', ['b.txt', 'a/x.ts'], 2, ['a/x.ts', 'b.txt']],
    [
      'merges the largest group of a folder first',
      ['src/a.ts', 'src/b.ts', 'src/c.ts', 'docs/a.md', 'docs/b.md', 'pom.xml'],
      4,
      ['docs/a.md', 'docs/b.md', 'pom.xml', 'src'],
    ],
    [
      'lifts single paths a level when no folder holds two',
      ['a/one/x.ts', 'b/two/y.ts', 'c.txt'],
      2,
      ['a', 'b', 'c.txt'],
    ],
    ['leaves paths at the top when they still number more', ['a', 'b', 'c'], 2, ['a', 'b', 'c']],
  ])('%s', (_name, paths, max, expected) => {
    expect(coarsenPaths(paths, max)).toEqual(expected);
  });
});

describe('computePathLimit', () => {
  const changed = new Map([
    ['1', ['fixes/one.txt', 'pom.xml']],
    ['2', ['fixes/two.txt']],
    ['3', []],
  ]);

  it.each<[string, string[], number, { paths?: string[] }]>([
    [
      'every path the commits change',
      ['1', '2'],
      10,
      { paths: ['fixes/one.txt', 'fixes/two.txt', 'pom.xml'] },
    ],
    ['their folders when they are too many', ['1', '2'], 2, { paths: ['fixes', 'pom.xml'] }],
    ['no path for commits that change nothing', ['3'], 10, { paths: [] }],
  ])('gives %s', (_name, shas, max, expected) => {
    expect(computePathLimit(changed, shas, max)).toEqual(expected);
  });

  it('gives no limit when a path cannot be passed one a line', () => {
    expect(computePathLimit(new Map([['1', ['a.txt', 'b\nc.txt']]]), ['1'])).toEqual({});
  });
});
