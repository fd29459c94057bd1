import * as nodePath from 'node:path';

/**
 * True when `real` (a path with symbolic links resolved) is `realRoot` (the
 * working tree's real path) or lies inside it, and not inside its `.git`,
 * which holds the checkout's configuration and credential. The one rule for
 * every file read from or written to a working tree (version files,
 * documents, the changelog, what `init` writes): a symbolic link is never
 * followed out of the repository or into `.git`.
 */
export function isInsideRepository(realRoot: string, real: string): boolean {
  const inside = nodePath.relative(realRoot, real);
  if (inside === '') return true;
  if (nodePath.isAbsolute(inside)) return false;
  const parts = inside.split(nodePath.sep);
  return parts[0] !== '..' && !parts.includes('.git');
}
