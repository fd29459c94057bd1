import { isStdinPath } from './arguments.js';

/**
 * The most paths a path-limited `git log` is given. git matches every
 * changed tree entry against each path, so a walk with hundreds of them
 * costs several times one with a few folders.
 */
export const MAX_LIMIT_PATHS = 100;

/**
 * What limits a `git log` to the commits that change what `shas` change:
 * `{ paths }`, every path they change, merged into their folders as far as
 * needed to stay within `max` (a folder covers every path under it, so no
 * commit that changes one of the paths is left out); empty (nothing to read)
 * when they change none. `{}` (no limit: every commit) when a path cannot be
 * passed to git one a line.
 */
export function computePathLimit(
  changed: ReadonlyMap<string, readonly string[]>,
  shas: readonly string[],
  max = MAX_LIMIT_PATHS,
): { paths?: string[] } {
  const paths = new Set<string>();
  for (const sha of shas) for (const path of changed.get(sha) ?? []) paths.add(path);
  if (![...paths].every(isStdinPath)) return {};
  return { paths: coarsenPaths(paths, max) };
}

/**
 * `paths` with the largest groups of paths sharing a folder replaced by that
 * folder, largest first, until at most `max` remain; when no folder holds
 * two of them, each path below the top is replaced by its folder, and the
 * merging goes on. Paths at the top that still number more than `max` stay
 * as they are.
 */
export function coarsenPaths(paths: Iterable<string>, max: number): string[] {
  const current = new Set(paths);
  while (current.size > max) {
    const byFolder = new Map<string, string[]>();
    for (const path of current) {
      const at = path.lastIndexOf('/');
      if (at <= 0) continue;
      const folder = path.slice(0, at);
      const members = byFolder.get(folder);
      if (members === undefined) byFolder.set(folder, [path]);
      else members.push(path);
    }
    if (byFolder.size === 0) break;
    const groups = [...byFolder].filter(([, members]) => members.length > 1);
    if (groups.length === 0) {
      for (const [folder, [path]] of byFolder) {
        current.delete(path ?? '');
        current.add(folder);
      }
      continue;
    }
    groups.sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
    for (const [folder, members] of groups) {
      if (current.size <= max) break;
      for (const path of members) current.delete(path);
      current.add(folder);
    }
  }
  return [...current].sort();
}
