/**
 * Reads the import graph of the workspace packages' sources (`packages/<name>/src`)
 * and finds its cycles, so a test can keep the repository free of them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, as an absolute path. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Static imports and re-exports (`import x from`, `import type`, `export … from`) and side-effect imports. */
const IMPORT =
  /(?:^|[;\n])\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g;
/** Dynamic `import('…')`. */
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function listSourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listSourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/** Maps `@release-policy/<name>[/<sub>]` to the package's source entry, when it is one of ours. */
function resolvePackageImport(specifier: string): string | undefined {
  const match = /^@release-policy\/([^/]+)(?:\/(.+))?$/.exec(specifier);
  if (!match) return undefined;
  const [, name, sub] = match;
  const candidates = [
    join(REPO_ROOT, 'packages', name!, 'src', sub ?? '', 'index.ts'),
    join(REPO_ROOT, 'packages', name!, 'src', `${sub ?? 'index'}.ts`),
  ];
  return candidates.find((path) => existsSync(path));
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return resolvePackageImport(specifier);
  const target = resolve(dirname(from), specifier).replace(/\.js$/, '');
  return [`${target}.ts`, join(target, 'index.ts')].find((path) => existsSync(path));
}

/** Every module a source text imports (static, type-only, re-exports, side effects, dynamic), as written. */
export function listImportSpecifiers(text: string): string[] {
  return [...text.matchAll(IMPORT), ...text.matchAll(DYNAMIC_IMPORT)].map((m) => m[1]!);
}

/** The import graph: each source file (repository-relative) to the source files it imports. */
export function readImportGraph(): Map<string, string[]> {
  const files = readdirSync(join(REPO_ROOT, 'packages'))
    .map((name) => join(REPO_ROOT, 'packages', name, 'src'))
    .filter((dir) => existsSync(dir))
    .flatMap(listSourceFiles);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const specifiers = listImportSpecifiers(readFileSync(file, 'utf8'));
    const targets = specifiers
      .map((specifier) => resolveImport(file, specifier))
      .filter((target): target is string => target !== undefined)
      .map((target) => relative(REPO_ROOT, target));
    graph.set(relative(REPO_ROOT, file), [...new Set(targets)].sort());
  }
  return graph;
}

/**
 * Finds the import cycles of a graph: one per strongly connected group of
 * files that import each other (directly or through others), given as that
 * group's files, sorted. Groups are sorted by their first file.
 */
export function findImportCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's algorithm, iterative so that deep import chains cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let next = 0;
  for (const root of [...graph.keys()].sort()) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; edge: number }> = [{ node: root, edge: 0 }];
    index.set(root, next);
    low.set(root, next);
    next += 1;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const target = edges[frame.edge]!;
        frame.edge += 1;
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next);
          next += 1;
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, edge: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== frame.node);
      const selfImport = (graph.get(frame.node) ?? []).includes(frame.node);
      if (group.length > 1 || selfImport) cycles.push(group.sort());
    }
  }
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}
