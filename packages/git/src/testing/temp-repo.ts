import { execFileSync } from 'node:child_process';
import { mkdtemp, realpath, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * An environment for git in tests: no user or system configuration (no
 * signing, hooks or aliases from the machine), a fixed identity, and none of
 * the GIT_* variables a surrounding git process may have set.
 */
export function buildTestGitEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_') && !key.startsWith('GITHUB_')) env[key] = value;
  }
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig'),
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.com',
    GIT_COMMITTER_NAME: 'Test Committer',
    GIT_COMMITTER_EMAIL: 'committer@example.com',
  };
}

/** A throw-away repository (or plain directory) under the system temp directory. */
export interface TempRepo {
  /** The directory, with symbolic links resolved. */
  dir: string;
  /** The environment tests should give git. */
  env: NodeJS.ProcessEnv;
  /** Runs git synchronously in `dir` (or `cwd`) and returns its trimmed stdout. */
  git(args: string[], options?: { input?: string | Buffer; cwd?: string }): string;
  /** Writes files (paths relative to `dir`), stages them and commits; returns the new sha. */
  commit(message: string, files?: Record<string, string>, extraArgs?: string[]): Promise<string>;
  /** Writes one file relative to `dir`, creating directories. */
  write(path: string, content: string): Promise<void>;
  /** Creates another temporary directory that is removed with this one. */
  makeDir(): Promise<string>;
  /** Removes every directory this repository created. */
  cleanup(): Promise<void>;
}

/** Creates a temporary directory; with `init` (the default) a repository on branch `main`. */
export async function createTempRepo(options: { init?: boolean } = {}): Promise<TempRepo> {
  const made: string[] = [];
  const makeDir = async () => {
    const dir = await realpath(await mkdtemp(join(tmpdir(), 'release-policy-git-')));
    made.push(dir);
    return dir;
  };
  const home = await makeDir();
  const dir = await makeDir();
  const env = buildTestGitEnv(home);
  const git = (args: string[], opts: { input?: string | Buffer; cwd?: string } = {}) =>
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
    async cleanup() {
      await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
    },
  };
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
