import { describe, expect, it } from '@jest/globals';
import { findImportCycles, readImportGraph } from './import-graph.js';

describe('findImportCycles', () => {
  it.each([
    ['no imports', { 'a.ts': [] }, []],
    ['a chain', { 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': [] }, []],
    ['two files importing each other', { 'a.ts': ['b.ts'], 'b.ts': ['a.ts'] }, [['a.ts', 'b.ts']]],
    ['a self-import', { 'a.ts': ['a.ts'] }, [['a.ts']]],
    [
      'a three-file loop beside a separate pair',
      { 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': ['a.ts'], 'x.ts': ['y.ts'], 'y.ts': ['x.ts'] },
      [
        ['a.ts', 'b.ts', 'c.ts'],
        ['x.ts', 'y.ts'],
      ],
    ],
  ])('finds the cycles of %s', (_name, edges, expected) => {
    expect(findImportCycles(new Map(Object.entries(edges)))).toEqual(expected);
  });
});

describe('the packages import graph', () => {
  it('has no import cycles', () => {
    expect(findImportCycles(readImportGraph())).toEqual([]);
  });

  it('sees type-only imports and imports of another package', () => {
    const graph = readImportGraph();
    expect(graph.get('packages/core/src/pattern-automaton.ts')).toEqual([
      'packages/core/src/placeholders.ts',
    ]);
    expect(graph.get('packages/git/src/files.ts')).toEqual(['packages/core/src/index.ts']);
  });
});
