/**
 * Temporary git repositories for the version action's end-to-end tests: a
 * real working tree the action reads as GITHUB_WORKSPACE. Git is spawned with
 * argument arrays only, with a fixed identity and dates, and without the
 * caller's git configuration.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A commit to make: its message and the files it writes (path -> content). */
export interface CommitSpec {
  message: string;
  files?: Record<string, string>;
  /** Tags to put on this commit (lightweight). */
  tags?: string[];
}

/** A temporary repository. */
export interface TempRepo {
  dir: string;
  /** Runs git in the repository and returns its trimmed stdout. */
  git(...args: string[]): Promise<string>;
  /** Writes the files, commits them (an empty commit when none) and tags the commit. */
  commit(spec: CommitSpec): Promise<string>;
  /** Removes the repository (and a clone made of it). */
  remove(): Promise<void>;
}

let clock = 0;

function gitEnv(): NodeJS.ProcessEnv {
  // A fixed, increasing date per commit keeps the history ordered and reproducible.
  clock += 1;
  const date = new Date(Date.UTC(2024, 0, 1) + clock * 60_000).toISOString();
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Octo Cat',
    GIT_AUTHOR_EMAIL: 'octocat@example.com',
    GIT_COMMITTER_NAME: 'Octo Cat',
    GIT_COMMITTER_EMAIL: 'octocat@example.com',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
}

async function runGit(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, env: gitEnv(), maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}

function wrap(dir: string, cleanup: string): TempRepo {
  const git = (...args: string[]) => runGit(dir, args);
  return {
    dir,
    git,
    async commit(spec) {
      for (const [path, content] of Object.entries(spec.files ?? {})) {
        const file = join(dir, path);
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, content);
        await git('add', '--', path);
      }
      await git('commit', '--allow-empty', '--quiet', '-m', spec.message);
      for (const tag of spec.tags ?? []) await git('tag', tag);
      return git('rev-parse', 'HEAD');
    },
    remove: () => rm(cleanup, { recursive: true, force: true }),
  };
}

/** The content of a `package.json` declaring `version`. */
export function packageJson(version: string): string {
  return `${JSON.stringify({ name: 'app', version, private: true }, null, 2)}\n`;
}

/**
 * Creates a repository on branch `main` (or `branch`) and makes `commits` in
 * order, oldest first.
 */
export async function createRepo(commits: CommitSpec[], branch = 'main'): Promise<TempRepo> {
  const root = await mkdtemp(join(tmpdir(), 'release-policy-e2e-'));
  const dir = join(root, 'repo');
  await mkdir(dir);
  await runGit(dir, ['init', '--quiet', '-b', branch]);
  const repo = wrap(dir, root);
  for (const spec of commits) await repo.commit(spec);
  return repo;
}

/**
 * Clones `source` with only its last commit (`--depth 1`), as actions/checkout
 * does by default. The clone lives next to the source and goes with it.
 */
export async function cloneShallow(source: TempRepo): Promise<TempRepo> {
  const dir = join(dirname(source.dir), 'shallow');
  await runGit(dirname(source.dir), [
    'clone',
    '--quiet',
    '--depth',
    '1',
    '--no-tags',
    `file://${source.dir}`,
    dir,
  ]);
  return wrap(dir, dir);
}

/** Runs `body` with a fresh repository made of `commits`, and removes it afterwards. */
export async function withRepo<T>(
  commits: CommitSpec[],
  body: (repo: TempRepo) => Promise<T>,
): Promise<T> {
  const repo = await createRepo(commits);
  try {
    return await body(repo);
  } finally {
    await repo.remove();
  }
}
