import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

/** Errors after which the child's own search tries the next `PATH` directory. */
const SEARCH_GOES_ON = new Set(['ENOENT', 'ENOTDIR', 'EACCES']);

/**
 * The executable a spawn of `name` would run, found on the `PATH` of `env`,
 * so that later spawns can start it by its full path.
 *
 * Why: given a bare name, the child searches `PATH` after the fork, and
 * Node's thread waits until that search has reached an `exec`. Every
 * directory before git's costs a failed `exec`; on a runner's or a
 * developer's long `PATH` that is one to two milliseconds per git process,
 * several per run.
 *
 * The search follows the child's own: directories in order, skipping those
 * where the name is missing, not a regular file or not executable, and
 * stopping at any other error. Whenever the answer could differ, `name` is
 * returned and the child searches as before: a name with a slash, no `PATH`,
 * an empty or relative entry before the hit (those name the child's working
 * directory), an error that stops the child's search, or Windows (whose
 * lookup also tries extensions). Execute permission is checked for the real
 * user, as a process that is not setuid has.
 */
export function findExecutable(
  name: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): string {
  const path = env.PATH;
  if (platform === 'win32' || name.includes('/') || name === '' || !path) return name;
  for (const dir of path.split(':')) {
    if (!isAbsolute(dir)) return name;
    const candidate = join(dir, name);
    const found = checkExecutable(candidate);
    if (found === 'yes') return candidate;
    if (found === 'stop') return name;
  }
  return name;
}

/** Whether the child would run `path`, try the next directory, or stop its search with an error. */
function checkExecutable(path: string): 'yes' | 'next' | 'stop' {
  try {
    if (!statSync(path).isFile()) return 'next';
    accessSync(path, constants.X_OK);
    return 'yes';
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    return typeof code === 'string' && SEARCH_GOES_ON.has(code) ? 'next' : 'stop';
  }
}
