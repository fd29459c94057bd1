import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { GitError } from './errors.js';
import { createGit } from './git.js';
import { HEAD_PROBE_ARGS, REF_LISTING_ARGS, startGitHeadStart } from './head-start.js';
import { createTempRepo, readTracedCommands, type TempRepo } from './testing/temp-repo.js';

// As GIT_TRACE writes it: no argument of the probe needs quoting.
const PROBE = HEAD_PROBE_ARGS.join(' ');

describe('Git.root through the HEAD probe', () => {
  let repo: TempRepo;
  beforeAll(async () => {
    repo = await createTempRepo();
    await repo.commit('feat: first\n', { 'app/src/index.ts': 'export {};\n' });
    repo.git(['checkout', '--quiet', '-b', 'feature/CHG-1-x']);
  });
  afterAll(() => repo.cleanup());

  /** A Git in `cwd` whose git writes a trace, and the trace file. */
  const makeTracedGit = async (cwd: string, early = false) => {
    const trace = join(await repo.makeDir(), 'trace');
    const env = { ...repo.env, GIT_TRACE: trace };
    const headStart = early
      ? startGitHeadStart({ cwd, gitBinary: 'git', env }, [REF_LISTING_ARGS, HEAD_PROBE_ARGS])
      : undefined;
    const git = createGit({ cwd, env, ...(headStart ? { headStart } : {}) });
    const traced = async () =>
      (await readTracedCommands(trace)).filter((c) => !c.startsWith('for-each-ref'));
    return { git, traced, stop: () => headStart?.stop() };
  };

  it.each([[false], [true]])(
    'answers the top directory, the branch and isShallow in one process from a subdirectory (started early: %s)',
    async (early) => {
      const { git, traced, stop } = await makeTracedGit(join(repo.dir, 'app', 'src'), early);
      const top = await git.root();
      const answers = { top, branch: await git.currentBranch(), shallow: await git.isShallow() };
      stop();
      expect(answers).toEqual({ top: repo.dir, branch: 'feature/CHG-1-x', shallow: false });
      expect(await traced()).toEqual([PROBE]);
    },
  );

  it('hands its answers over once: a later question asks git again', async () => {
    const { git, traced } = await makeTracedGit(repo.dir);
    expect(await git.root()).toBe(repo.dir);
    expect(await git.currentBranch()).toBe('feature/CHG-1-x');
    expect(await git.currentBranch()).toBe('feature/CHG-1-x');
    expect(await traced()).toEqual([PROBE, PROBE]);
  });

  it.each([['my répo '], ['two\nlines'], ['ends with a line break\n'], ['--']])(
    'reads a top directory named %j from the probe as it is',
    async (name) => {
      const dir = join(await repo.makeDir(), name);
      repo.git(['init', '--quiet', '-b', 'main', dir]);
      repo.git(['-C', dir, 'commit', '--quiet', '--allow-empty', '-m', 'first']);
      await mkdir(join(dir, 'sub'));
      const { git, traced } = await makeTracedGit(join(dir, 'sub'));
      expect([await git.root(), await git.currentBranch()]).toEqual([dir, 'main']);
      expect(await traced()).toEqual([PROBE]);
    },
  );

  it('answers before the first commit, when the probe cannot', async () => {
    const dir = join(await repo.makeDir(), 'unborn');
    repo.git(['init', '--quiet', '-b', 'trunk', dir]);
    const { git, traced } = await makeTracedGit(dir);
    expect([await git.root(), await git.currentBranch()]).toEqual([dir, 'trunk']);
    expect(await traced()).toEqual([
      PROBE,
      'rev-parse --show-toplevel',
      'symbolic-ref --quiet HEAD',
    ]);
  });

  it.each([['a bare repository'], ['a .git folder']])(
    'in %s fails as no-work-tree, and the branch is still answered',
    async (where) => {
      let cwd = join(repo.dir, '.git');
      if (where === 'a bare repository') {
        cwd = join(await repo.makeDir(), 'bare.git');
        repo.git(['clone', '--quiet', '--bare', repo.dir, cwd]);
      }
      const git = createGit({ cwd, env: repo.env });
      const error = await git.root().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GitError);
      expect((error as GitError).kind).toBe('no-work-tree');
      expect((error as GitError).message).toContain('docs/git.md#no-working-tree');
      expect([await git.currentBranch(), await git.isShallow()]).toEqual([
        'feature/CHG-1-x',
        false,
      ]);
    },
  );

  it('fails outside a repository as not-a-repository', async () => {
    const git = createGit({ cwd: await repo.makeDir(), env: repo.env });
    const error = await git.root().catch((e: unknown) => e);
    expect((error as GitError).kind).toBe('not-a-repository');
  });
});
