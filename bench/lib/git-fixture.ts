/**
 * Small throwaway git repositories for the action runs: git is spawned with
 * argument arrays, with a fixed identity and no signing, so the user's git
 * configuration cannot change the result.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** One commit of a fixture: files to write (path -> content), then the message. */
export interface FixtureCommit {
  message: string;
  files?: Record<string, string>;
  /** Tags to put on this commit, e.g. `v1.0.0`. */
  tags?: string[];
}

/** A git command failed; carries its arguments and what it printed. */
export class GitFixtureError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GitFixtureError';
  }
}

const IDENTITY = [
  '-c',
  'user.name=Release Policy Bench',
  '-c',
  'user.email=bench@example.com',
  '-c',
  'commit.gpgsign=false',
  '-c',
  'tag.gpgsign=false',
  '-c',
  'init.defaultBranch=main',
];

/** Runs git in `cwd` with the fixed identity; throws {@link GitFixtureError} on failure. */
export function runGit(cwd: string, args: readonly string[]): string {
  const result = spawnSync('git', [...IDENTITY, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' },
  });
  if (result.error || result.status !== 0) {
    throw new GitFixtureError(
      `git ${JSON.stringify(args)} failed in the bench fixture (exit ${result.status}): ` +
        `${(result.stderr || result.error?.message || '').trim().slice(0, 300)}. ` +
        'The bench needs git on PATH; see bench/README.md.',
      { cause: result.error },
    );
  }
  return result.stdout;
}

/** Adds commits (and their tags) to the repository at `dir`, creating it on first use. */
export async function commitFixture(dir: string, commits: readonly FixtureCommit[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  if (spawnSync('git', ['rev-parse', '--git-dir'], { cwd: dir }).status !== 0) {
    runGit(dir, ['init', '--quiet', '--initial-branch=main']);
  }
  for (const commit of commits) {
    for (const [path, content] of Object.entries(commit.files ?? {})) {
      const file = join(dir, path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);
    }
    runGit(dir, ['add', '--all']);
    runGit(dir, ['commit', '--quiet', '--allow-empty', '--message', commit.message]);
    for (const tag of commit.tags ?? []) runGit(dir, ['tag', tag]);
  }
}

/** The sha of HEAD in `dir`. */
export function readHead(dir: string): string {
  return runGit(dir, ['rev-parse', 'HEAD']).trim();
}

/** A `package.json` declaring `version`, as the default policy reads it. */
export function renderPackageJson(version: string): string {
  return `${JSON.stringify({ name: 'app', version, private: true }, null, 2)}\n`;
}
