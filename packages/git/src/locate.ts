import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

/**
 * The executable a spawn of `name` would run, found once on the `PATH` of
 * `env`, so that later spawns start it by its full path.
 *
 * Why: when given a bare name, the child searches `PATH` after the fork,
 * and Node's thread waits until that search has reached an `exec`. Every
 * directory before git's costs a failed `exec`; on a runner's or a
 * developer's long `PATH` that is one to two milliseconds per git process,
 * several per run.
 *
 * The search follows what the child's own lookup does, so the same file
 * runs: directories in order, the first regular file the process may
 * execute. Whenever the answer could differ, the bare name is kept and the
 * child searches as before: a name with a slash, an empty or relative `PATH`
 * entry before the hit (those name the child's working directory), no
 * `PATH`, or Windows (whose lookup also tries extensions).
 */
export function locateExecutable(
  name: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): string {
  const path = env.PATH;
  if (platform === 'win32' || name.includes('/') || name === '' || !path) return name;
  for (const dir of path.split(':')) {
    if (!isAbsolute(dir)) return name;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return name;
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    // Missing, unreadable or not executable: the child's search goes on past it too.
    return false;
  }
}
