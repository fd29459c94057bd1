import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { FORWARD_PORT_IDENTITY, ForwardPortError, pushForwardPort } from './forward-port.js';
import { createTempRepo, type TempRepo } from './testing/temp-repo.js';

const BRANCH = 'release-policy/forward-port/3.5.x';

let repo: TempRepo;
let origin: string;
let fixes: { sha: string; subject: string }[];

/**
 * main and a line 3.5.x with three fixes: one that applies, one that
 * conflicts with main, one main already has; pushed to a bare origin.
 */
beforeEach(async () => {
  repo = await createTempRepo();
  await repo.commit('feat: start', { 'app.txt': 'one\n', 'conf.txt': 'a\n' });
  repo.git(['checkout', '-q', '-b', '3.5.x']);
  const subjects = ['fix: crash on empty input', 'fix: conf for 3.5', 'fix: typo'];
  const shas = [
    await repo.commit(subjects[0] ?? '', { 'fix.txt': 'x\n' }),
    await repo.commit(subjects[1] ?? '', { 'conf.txt': 'line\n' }),
    await repo.commit(subjects[2] ?? '', { 'typo.txt': 'fixed\n' }),
  ];
  fixes = shas.map((sha, i) => ({ sha, subject: subjects[i] ?? '' }));
  repo.git(['checkout', '-q', 'main']);
  await repo.commit('feat: new conf', { 'conf.txt': 'mainline\n' });
  await repo.commit('fix: typo (on main too)', { 'typo.txt': 'fixed\n' });
  origin = await repo.makeDir();
  repo.git(['init', '--quiet', '--bare', origin]);
  repo.git(['remote', 'add', 'origin', origin]);
  repo.git(['push', '--quiet', 'origin', 'main', '3.5.x']);
});
afterEach(() => repo.cleanup());

async function port(commits = fixes, env = repo.env) {
  return pushForwardPort({
    repository: { cwd: repo.dir, env },
    mainline: 'main',
    branch: BRANCH,
    commits,
    tempDir: await repo.makeDir(),
  });
}

/** The pushed branch's own commits, oldest first: subject and the picked-from line. */
function readPushedCommits(): string[] {
  return repo
    .git(['--git-dir', origin, 'log', '--reverse', '--format=%s|%b', `main..${BRANCH}`])
    .split('\n')
    .filter((line) => line.trim() !== '');
}

describe('pushForwardPort', () => {
  it('picks with -x onto mainline, skipping a conflict and an empty pick, and pushes the branch', async () => {
    const result = await port();
    expect(result).toMatchObject({
      branch: BRANCH,
      reused: false,
      pushed: true,
      ahead: true,
      picked: [fixes[0]],
      skipped: [
        { ...fixes[1], reason: 'conflict' },
        { ...fixes[2], reason: 'empty' },
      ],
    });
    expect(readPushedCommits()).toEqual([
      `fix: crash on empty input|(cherry picked from commit ${fixes[0]?.sha ?? ''})`,
    ]);
    expect(repo.git(['--git-dir', origin, 'rev-parse', BRANCH])).toBe(result.head);
    // The checkout is untouched and no worktree is left behind.
    expect([repo.git(['branch', '--show-current']), repo.git(['status', '--porcelain'])]).toEqual([
      'main',
      '',
    ]);
    expect(repo.git(['worktree', 'list', '--porcelain']).match(/^worktree /gm)).toHaveLength(1);
  });

  it('continues its branch on a re-run: a pick resolved there by a person is kept, nothing is picked twice', async () => {
    const first = await port();
    // A person resolves the conflicting pick on the branch and pushes it.
    repo.git(['fetch', '-q', 'origin', BRANCH]);
    repo.git(['checkout', '-q', '-b', 'resolve', 'FETCH_HEAD']);
    repo.git(['cherry-pick', '-x', '-X', 'theirs', fixes[1]?.sha ?? '']);
    repo.git(['push', '-q', 'origin', `HEAD:refs/heads/${BRANCH}`]);
    const resolved = repo.git(['rev-parse', 'HEAD']);
    repo.git(['checkout', '-q', 'main']);
    const again = await port();
    expect(again).toMatchObject({
      reused: true,
      pushed: false,
      ahead: true,
      head: resolved,
      picked: [],
      skipped: [
        { ...fixes[0], reason: 'already-on-branch' },
        { ...fixes[1], reason: 'already-on-branch' },
        { ...fixes[2], reason: 'empty' },
      ],
    });
    expect(first.head).not.toBe(resolved);
    expect(repo.git(['--git-dir', origin, 'rev-parse', BRANCH])).toBe(resolved);
  });

  it('starts again from mainline when its kept branch was merged with a merge commit', async () => {
    const first = await port([fixes[0]].flatMap((c) => (c ? [c] : [])));
    // The pull request is merged with a merge commit and the branch is kept.
    repo.git(['fetch', '-q', 'origin', BRANCH]);
    repo.git(['merge', '-q', '--no-ff', '-m', 'Merge forward port', 'FETCH_HEAD']);
    repo.git(['push', '-q', 'origin', 'main']);
    const merged = repo.git(['rev-parse', 'main']);
    const nothingNew = await port([fixes[0]].flatMap((c) => (c ? [c] : [])));
    expect([nothingNew.reused, nothingNew.pushed, nothingNew.ahead, nothingNew.head]).toEqual([
      true,
      false,
      false,
      merged,
    ]);
    expect(nothingNew.skipped.map((s) => s.reason)).toEqual(['empty']);
    // A later fix is picked onto mainline, and the push is a fast-forward of the old branch.
    repo.git(['checkout', '-q', '3.5.x']);
    const later = await repo.commit('fix: later', { 'later.txt': 'y\n' });
    repo.git(['checkout', '-q', 'main']);
    const next = await port([{ sha: later, subject: 'fix: later' }]);
    expect([next.reused, next.pushed, next.ahead]).toEqual([true, true, true]);
    expect(repo.git(['--git-dir', origin, 'rev-parse', `${BRANCH}~1`])).toBe(merged);
    expect(repo.git(['--git-dir', origin, 'merge-base', '--is-ancestor', first.head, BRANCH])).toBe(
      '',
    );
    expect(readPushedCommits()).toEqual([`fix: later|(cherry picked from commit ${later})`]);
  });

  it('reads only its own branch from the remote, not refs/heads/refs/heads/<branch>', async () => {
    const first = await port([fixes[0]].flatMap((c) => (c ? [c] : [])));
    repo.git(['push', '-q', 'origin', `3.5.x:refs/heads/refs/heads/${BRANCH}`]);
    const again = await port([fixes[0]].flatMap((c) => (c ? [c] : [])));
    expect([again.reused, again.pushed, again.head]).toEqual([true, false, first.head]);
    expect(again.skipped.map((s) => s.reason)).toEqual(['already-on-branch']);
  });

  it('refuses to push when the remote has only refs/heads/refs/heads/<branch>, which push would update', async () => {
    repo.git(['push', '-q', 'origin', `3.5.x:refs/heads/refs/heads/${BRANCH}`]);
    await expect(port([fixes[0]].flatMap((c) => (c ? [c] : [])))).rejects.toThrow(
      /has "refs\/heads\/refs\/heads\/release-policy\/forward-port\/3\.5\.x" but no/,
    );
    expect(repo.git(['--git-dir', origin, 'rev-parse', `refs/heads/refs/heads/${BRANCH}`])).toBe(
      repo.git(['rev-parse', '3.5.x']),
    );
  });

  it('does not push a branch when no commit could be picked', async () => {
    const result = await port([fixes[1], fixes[2]].flatMap((c) => (c ? [c] : [])));
    expect([
      result.pushed,
      result.ahead,
      result.picked,
      result.skipped.map((s) => s.reason),
    ]).toEqual([false, false, [], ['conflict', 'empty']]);
    expect(repo.git(['--git-dir', origin, 'branch', '--list', BRANCH])).toBe('');
  });

  it('commits the picks as github-actions[bot] when the repository configures no identity', async () => {
    const env = { ...repo.env };
    delete env.GIT_COMMITTER_NAME;
    delete env.GIT_COMMITTER_EMAIL;
    await port(
      [fixes[0]].flatMap((c) => (c ? [c] : [])),
      env,
    );
    expect(repo.git(['--git-dir', origin, 'log', '-1', '--format=%cn <%ce>|%an', BRANCH])).toBe(
      `${FORWARD_PORT_IDENTITY.name} <${FORWARD_PORT_IDENTITY.email}>|Test Author`,
    );
  });

  it.each([
    ['a commit that is not a full sha', { sha: 'HEAD~1', subject: 'x' }, BRANCH],
    ['a branch git would read as an option', undefined, '--force'],
    ['a branch with shell characters', undefined, 'port/$(id)'],
  ])('refuses %s before running git', async (_what, commit, branch) => {
    await expect(
      pushForwardPort({
        repository: { cwd: repo.dir, env: repo.env },
        mainline: 'main',
        branch,
        commits: commit ? [commit] : fixes,
        tempDir: await repo.makeDir(),
      }),
    ).rejects.toThrow(branch.startsWith('-') ? /starts with "-"/ : ForwardPortError);
  });
});
