/**
 * Files as of a revision: a blob's bytes (bounded), a tree entry's mode.
 * Revisions and paths are checked and passed after `--end-of-options`.
 */
import { checkArgument } from './arguments.js';
import { GitError } from './errors.js';
import type { GitRunner } from './runner.js';

/** One entry of a tree: its mode and object type, as `git ls-tree` gives them. */
export interface TreeEntry {
  /** `100644`, `100755`, `120000` (a symbolic link), `160000` (a submodule), `040000` (a folder). */
  mode: string;
  /** `blob`, `tree` or `commit`. */
  type: string;
}

/** Full sha of the commit `rev` names. */
export async function resolveCommit(runner: GitRunner, rev: string): Promise<string> {
  const args = ['rev-parse', '--verify', '--end-of-options', `${rev}^{commit}`];
  checkArgument(args, rev, 'revision');
  return runner.text(args);
}

/** The file `path` as of `rev` as UTF-8 text; undefined when it does not exist there. */
export async function readFileAt(
  runner: GitRunner,
  rev: string,
  path: string,
): Promise<string | undefined> {
  const blob = await readBlobAt(runner, rev, path);
  return blob?.bytes?.toString('utf8');
}

/**
 * The blob at `rev:path`: its bytes when it is at most `maxBytes`, else only
 * its size (nothing read); undefined when there is no such file.
 */
export async function readBlobAt(
  runner: GitRunner,
  rev: string,
  path: string,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<{ size: number; bytes?: Buffer } | undefined> {
  const object = `${rev}:${path}`;
  const typeArgs = ['cat-file', '-t', '--end-of-options', object];
  checkArgument(typeArgs, rev, 'revision');
  checkArgument(typeArgs, path, 'path');
  await resolveCommit(runner, rev);
  const type = await runner.run(typeArgs, [0, 128]);
  if (type.exitCode !== 0) {
    if (/does not exist in|exists on disk, but not in/i.test(type.stderr)) return undefined;
    throw await runner.sharpen(
      new GitError({ args: typeArgs, exitCode: type.exitCode, stderr: type.stderr }),
    );
  }
  if (type.stdout.toString('utf8').trim() !== 'blob') return undefined;
  const size = Number((await runner.text(['cat-file', '-s', '--end-of-options', object])).trim());
  if (size > maxBytes) return { size };
  const { stdout } = await runner.run(['show', '--no-textconv', '--end-of-options', object]);
  return { size, bytes: stdout };
}

/**
 * The entry `path` of `rev`'s tree, from a listing of its folder (no
 * pathspec: the name is compared as it is); undefined when the folder or
 * the entry does not exist there.
 */
export async function readTreeEntryAt(
  runner: GitRunner,
  rev: string,
  path: string,
): Promise<TreeEntry | undefined> {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  // --full-tree: run in a subfolder, ls-tree would list only the entries under that folder.
  const args = [
    'ls-tree',
    '-z',
    '--full-tree',
    '--end-of-options',
    `${rev}:${slash < 0 ? '' : path.slice(0, slash)}`,
  ];
  checkArgument(args, rev, 'revision');
  checkArgument(args, path, 'path');
  await resolveCommit(runner, rev);
  const result = await runner.run(args, [0, 128]);
  if (result.exitCode !== 0) {
    // No such folder at `rev`, or a file where the path needs one: no entry.
    if (/not a valid object name|not a tree object/i.test(result.stderr)) return undefined;
    throw await runner.sharpen(
      new GitError({ args, exitCode: result.exitCode, stderr: result.stderr }),
    );
  }
  for (const line of result.stdout.toString('utf8').split('\0')) {
    const tab = line.indexOf('\t');
    if (tab < 0 || line.slice(tab + 1) !== name) continue;
    const [mode = '', type = ''] = line.slice(0, tab).split(' ');
    return { mode, type };
  }
  return undefined;
}
