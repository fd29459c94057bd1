import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findImportCycles, listImportSpecifiers, readImportGraph } from './import-graph.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

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
    expect(graph.get('packages/git/src/files.ts')).toEqual([
      'packages/core/src/index.ts',
      'packages/git/src/inside.ts',
    ]);
  });

  it("keeps the CLI's head start light: it loads before the CLI, so none of the core comes with it", () => {
    const graph = readImportGraph();
    const reached = new Set<string>(['packages/cli/src/head-start.ts']);
    const visit = (file: string) => {
      for (const target of graph.get(file) ?? []) {
        if (reached.has(target)) continue;
        reached.add(target);
        visit(target);
      }
    };
    visit('packages/cli/src/head-start.ts');
    expect([...reached].sort()).toEqual([
      'packages/cli/src/command-line.ts',
      'packages/cli/src/head-start.ts',
      'packages/git/src/executable.ts',
      'packages/git/src/head-start.ts',
      'packages/git/src/spawn.ts',
    ]);
    // Outside the workspace, Node's built-ins only (the graph leaves other packages out).
    const outside = [...reached].flatMap((file) =>
      listImportSpecifiers(readFileSync(join(REPO_ROOT, file), 'utf8')).filter(
        (specifier) => !specifier.startsWith('.') && !specifier.startsWith('@release-policy/'),
      ),
    );
    expect([...new Set(outside)].sort()).toEqual([
      'node:child_process',
      'node:fs',
      'node:path',
      'node:stream',
    ]);
  });
});
