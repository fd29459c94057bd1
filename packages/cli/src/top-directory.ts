import { GitError, type Git, type GitFailureKind } from '@release-policy/git';

/**
 * The failures that mean git cannot name a top directory here, and that the
 * CLI answers by reading from the working directory, as it did before it
 * asked: a check that reads no git (a branch name given) still runs, and one
 * that does fails on git's own error, as it always has.
 */
const NO_TOP_DIRECTORY: readonly GitFailureKind[] = [
  // Outside a repository.
  'not-a-repository',
  // A bare repository (a server-side hook runs in one) or a `.git` folder.
  'no-work-tree',
  // No git at all, or a repository git refuses to read.
  'git-not-found',
  'dubious-ownership',
];

/**
 * The working tree's top directory, where the CLI reads the policy file, the
 * policy's version files and the release documents with their templates:
 * the same files wherever inside the repository it runs (`-C sub` or a
 * subdirectory as the current directory), as git and the actions read them.
 * The question is asked in the git process that also says which branch is
 * checked out and whether the clone is shallow (the head start's probe), so
 * it costs a run no process of its own. Where git cannot name one (see
 * `NO_TOP_DIRECTORY`), `cwd`.
 *
 * @throws GitError for any other git failure
 */
export async function readTopDirectory(git: Git, cwd: string): Promise<string> {
  try {
    return await git.root();
  } catch (error) {
    if (error instanceof GitError && NO_TOP_DIRECTORY.includes(error.kind)) return cwd;
    throw error;
  }
}
