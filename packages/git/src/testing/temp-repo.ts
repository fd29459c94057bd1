/**
 * Test support shared by the packages that drive real git: throw-away
 * repositories with a clean environment. Only tests import this module
 * (also as `@release-policy/git/testing`); no bundle ever does.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, realpath, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CommitFacts, CommitPerson, CommitTrailer } from '@release-policy/core';

/**
 * The `for-each-ref` commands a `GIT_TRACE` file records, in the order git
 * ran them; null when there are none (or no file yet: git may still be
 * starting).
 */
export async function readTracedRefListings(trace: string): Promise<string[] | null> {
  const listings = (await readTracedCommands(trace)).filter((c) => c.startsWith('for-each-ref'));
  return listings.length > 0 ? listings : null;
}

/**
 * Every built-in git command a `GIT_TRACE` file records (`rev-parse …`,
 * `for-each-ref …`, without the fixed `-c` settings), in the order git ran
 * them; empty when there is no file yet.
 */
export async function readTracedCommands(trace: string): Promise<string[]> {
  const text = await readFile(trace, 'utf8').catch(() => '');
  return text.match(/(?<=trace: built-in: git ).*/g) ?? [];
}

/** The author of every commit made in a test repository. */
export const TEST_AUTHOR: CommitPerson = { name: 'Test Author', email: 'author@example.com' };
/** The committer of every commit made in a test repository. */
export const TEST_COMMITTER: CommitPerson = {
  name: 'Test Committer',
  email: 'committer@example.com',
};

/**
 * Builds an environment for git in tests: no user or system configuration
 * (no signing, hooks or aliases from the machine), a fixed identity, and none
 * of the GIT_* and GITHUB_* variables a surrounding process may have set, nor
 * NO_COLOR. With `ceiling`, git's search for a repository stops there, so a
 * temporary folder never finds an enclosing one.
 */
export function buildTestGitEnv(home: string, ceiling?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_') && !key.startsWith('GITHUB_') && key !== 'NO_COLOR') {
      env[key] = value;
    }
  }
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig'),
    GIT_AUTHOR_NAME: TEST_AUTHOR.name,
    GIT_AUTHOR_EMAIL: TEST_AUTHOR.email,
    GIT_COMMITTER_NAME: TEST_COMMITTER.name,
    GIT_COMMITTER_EMAIL: TEST_COMMITTER.email,
    ...(ceiling === undefined ? {} : { GIT_CEILING_DIRECTORIES: ceiling }),
  };
}

/** Creates a folder under the system temp directory; its path has symbolic links resolved. */
export async function makeTempDir(label = 'test'): Promise<string> {
  return realpath(await mkdtemp(join(tmpdir(), `release-policy-${label}-`)));
}

/** A throw-away repository (or plain directory) under the system temp directory. */
export interface TempRepo {
  /** The working tree, with symbolic links resolved. */
  dir: string;
  /** The environment tests should give git (see {@link buildTestGitEnv}). */
  env: NodeJS.ProcessEnv;
  /** Runs git (argument array, never a shell) in `dir` (or `cwd`); trimmed stdout. */
  git(args: readonly string[], options?: { input?: string | Buffer; cwd?: string }): string;
  /** Writes files (paths relative to `dir`), stages them and commits; returns the new sha. */
  commit(message: string, files?: Record<string, string>, extraArgs?: string[]): Promise<string>;
  /** Writes one file relative to `dir`, creating directories. */
  write(path: string, content: string): Promise<void>;
  /** Creates another temporary directory that is removed with this one. */
  makeDir(): Promise<string>;
  /**
   * Clones this repository with `--depth 1` (plus `extraArgs`) into a new
   * directory from {@link TempRepo.makeDir}; returns the clone's path.
   */
  cloneShallow(extraArgs?: readonly string[]): Promise<string>;
  /** Removes every directory this repository created. */
  cleanup(): Promise<void>;
}

/**
 * Creates a temporary directory; with `init` (the default) a repository on
 * branch `main`. Its home folder and every directory from `makeDir` live
 * beside it in one temporary folder, which is git's ceiling directory.
 */
export async function createTempRepo(options: { init?: boolean } = {}): Promise<TempRepo> {
  const base = await makeTempDir('repo');
  const home = join(base, 'home');
  const dir = join(base, 'work');
  await mkdir(home);
  await mkdir(dir);
  const makeDir = () => mkdtemp(join(base, 'dir-'));
  const env = buildTestGitEnv(home, base);
  const git = (args: readonly string[], opts: { input?: string | Buffer; cwd?: string } = {}) =>
    execFileSync('git', args, {
      cwd: opts.cwd ?? dir,
      env,
      input: opts.input,
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
      .toString('utf8')
      .trim();
  const write = async (path: string, content: string) => {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  };
  if (options.init !== false) git(['init', '--quiet', '-b', 'main']);
  return {
    dir,
    env,
    git,
    write,
    makeDir,
    async commit(message, files = {}, extraArgs = []) {
      for (const [path, content] of Object.entries(files)) await write(path, content);
      if (Object.keys(files).length > 0) git(['add', '--', ...Object.keys(files)]);
      git(['commit', '--quiet', '--allow-empty', '--cleanup=verbatim', '-F', '-', ...extraArgs], {
        input: message,
      });
      return git(['rev-parse', 'HEAD']);
    },
    async cloneShallow(extraArgs = []) {
      const parent = await makeDir();
      git(['clone', '--quiet', '--depth', '1', ...extraArgs, `file://${dir}`, 'clone'], {
        cwd: parent,
      });
      return join(parent, 'clone');
    },
    cleanup: () => rm(base, { recursive: true, force: true }),
  };
}

/**
 * Creates a temporary repository (see {@link createTempRepo}), runs `use` with
 * it and removes it afterwards, also when `use` throws.
 */
export async function withTempRepo<T>(
  use: (repo: TempRepo) => Promise<T>,
  options: { init?: boolean } = {},
): Promise<T> {
  const repo = await createTempRepo(options);
  try {
    return await use(repo);
  } finally {
    await repo.cleanup();
  }
}

/**
 * Builds a `git fast-import` stream of `count` linear commits on `branch`,
 * message `messageOf(i)` for commit i (0 = oldest). One git process creates
 * them all, far faster than one `git commit` each.
 */
export function buildFastImportStream(
  count: number,
  messageOf: (i: number) => string,
  branch = 'main',
): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < count; i += 1) {
    const message = Buffer.from(messageOf(i), 'utf8');
    parts.push(
      Buffer.from(
        `commit refs/heads/${branch}\nmark :${i + 1}\ncommitter Test Committer <committer@example.com> ${1_700_000_000 + i * 60} +0000\ndata ${message.length}\n`,
      ),
      message,
      Buffer.from('\n'),
    );
  }
  parts.push(Buffer.from('done\n'));
  return Buffer.concat(parts);
}

/** The text of a commit a test expects; `body` is empty and `trailers` none when absent. */
export interface ExpectedCommitText {
  message: string;
  subject: string;
  body?: string;
  trailers?: CommitTrailer[];
}

/**
 * The commit facts the git adapter should report for a commit `repo.commit`
 * made: the given text, the test identities, and the dates and parents git
 * recorded, asked of git for this one commit (not through the log reader).
 */
export function buildExpectedCommit(
  repo: TempRepo,
  sha: string,
  text: ExpectedCommitText,
): CommitFacts {
  const [authoredAt = '', committedAt = '', parents = ''] = repo
    .git(['show', '--no-patch', '--format=%aI%n%cI%n%P', sha])
    .split('\n');
  return {
    sha,
    message: text.message,
    subject: text.subject,
    body: text.body ?? '',
    author: TEST_AUTHOR,
    committer: TEST_COMMITTER,
    authoredAt,
    committedAt,
    parents: parents === '' ? [] : parents.split(' '),
    trailers: text.trailers ?? [],
  };
}
