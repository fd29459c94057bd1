import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { classifyLineCommits, defaultPolicy, type PatchFacts } from '@release-policy/core';
import { GitError } from './errors.js';
import { createGit } from './git.js';
import { gatherPatchFacts, PatchLineError } from './patches.js';
import { createTempRepo, type TempRepo } from './testing/temp-repo.js';

const now = new Date('2026-06-01T12:00:00Z');
const policy = defaultPolicy();
const FILE = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', ''].join(
  '\n',
);

let repo: TempRepo;
beforeEach(async () => {
  repo = await createTempRepo();
  await repo.commit('feat: start', { 'app.txt': FILE, 'other.txt': 'a\n' });
});
afterEach(() => repo.cleanup());

function gather(options: { lines?: string[]; mainline?: string; mainlineRevision?: string } = {}) {
  return gatherPatchFacts({
    git: createGit({ cwd: repo.dir, env: repo.env }),
    policy,
    now,
    ...options,
  });
}

/** Each line's commits as `subject: status [evidence kinds]`, newest first. */
function statusesOf(facts: PatchFacts): Record<string, string[]> {
  return Object.fromEntries(
    classifyLineCommits(facts, policy, now).map((line) => [
      line.line,
      line.commits.map(
        (c) => `${c.subject}: ${c.status} [${c.evidence.map((e) => e.kind).join(', ')}]`,
      ),
    ]),
  );
}

const edit = (from: string, to: string, text = FILE) => text.replace(from, to);

describe('gatherPatchFacts', () => {
  it('finds nothing missing once the line is merged forward into mainline', async () => {
    repo.git(['checkout', '-q', '-b', '3.5.x']);
    await repo.commit('fix: two', { 'app.txt': edit('two', 'TWO') });
    repo.git(['checkout', '-q', 'main']);
    await repo.commit('feat: other', { 'other.txt': 'b\n' });
    repo.git(['merge', '-q', '--no-edit', '--no-ff', '3.5.x']);
    const facts = await gather({ lines: ['3.5.x'] });
    expect(facts.lines.map((l) => [l.line, l.base, l.commits])).toEqual([
      ['3.5.x', repo.git(['rev-parse', '3.5.x']), []],
    ]);
  });

  it('classifies every evidence kind on a line with picks, bumps and a missing fix', async () => {
    const base = repo.git(['rev-parse', 'HEAD']);
    // Mainline: a fix to pick, a pull request, a change near where the line edits.
    const pickMe = await repo.commit('fix: seven', { 'app.txt': edit('seven', 'SEVEN') });
    await repo.commit('fix: eight on main (#12)', {
      'app.txt': edit('eight', 'EIGHT', edit('seven', 'SEVEN')),
    });
    await repo.commit('refactor: three', {
      'app.txt': edit('three', '3', edit('eight', 'EIGHT', edit('seven', 'SEVEN'))),
    });
    await repo.commit('fix: four on main', {
      'app.txt': edit(
        'four',
        'FOUR',
        edit('three', '3', edit('eight', 'EIGHT', edit('seven', 'SEVEN'))),
      ),
    });
    repo.git(['checkout', '-q', '-b', '3.5.x', base]);
    // The same change with other context lines (main renamed "three").
    await repo.commit('fix: four', { 'app.txt': edit('four', 'FOUR') });
    repo.git(['cherry-pick', '-x', pickMe]);
    // A pick whose conflict was resolved differently: only its -x line shows it.
    await repo.commit(`fix: seven again\n\n(cherry picked from commit ${pickMe})\n`, {
      'app.txt': edit('seven', 'Seven', edit('four', 'FOUR', edit('seven', 'SEVEN'))),
    });
    await repo.commit('fix: eight on the line (#12)', {
      'app.txt': edit('eight', 'Eight', edit('four', 'FOUR', edit('seven', 'Seven'))),
    });
    await repo.commit('chore(release): 3.5.1', { 'other.txt': '3.5.1\n' });
    await repo.commit('fix: only on the line', { 'other.txt': 'only\n' });
    await repo.commit(`fix: claims a pick\n\n(cherry picked from commit ${'e'.repeat(40)})\n`, {
      'other.txt': 'claims\n',
    });
    const facts = await gather({ lines: ['3.5.x'] });
    expect(facts.lines[0]?.base).toBe(base);
    expect(statusesOf(facts)).toEqual({
      '3.5.x': [
        'fix: claims a pick: missing [unverified-cherry-pick]',
        'fix: only on the line: missing []',
        'chore(release): 3.5.1: exempt [exemption]',
        'fix: eight on the line (#12): pr [pull-request]',
        'fix: seven again: cherry-picked [cherry-pick]',
        'fix: seven: equivalent [patch-id, cherry-pick]',
        'fix: four: equivalent [patch-id]',
      ],
    });
    const four = classifyLineCommits(facts, policy, now)[0]?.commits.at(-1);
    expect(four?.evidence).toEqual([
      { kind: 'patch-id', context: 'zero', mainline: repo.git(['rev-parse', 'main']) },
    ]);
  });

  it('reads patch ids only for the mainline commits that change what the line changes', async () => {
    const base = repo.git(['rev-parse', 'HEAD']);
    const other = await repo.commit('feat: other', { 'other.txt': 'b\n' });
    repo.git(['checkout', '-q', '-b', '3.5.x', base]);
    const fix = await repo.commit('fix: two', { 'app.txt': edit('two', 'TWO') });
    const near = await repo.commit('fix: nine', {
      'app.txt': edit('nine', 'NINE', edit('two', 'TWO')),
    });
    repo.git(['checkout', '-q', 'main']);
    repo.git(['cherry-pick', fix]);
    const picked = repo.git(['rev-parse', 'HEAD']);
    const facts = await gather({ lines: ['3.5.x'] });
    const ids = (
      commits: readonly { sha: string; patchId?: string; zeroContextPatchId?: string }[],
    ) => commits.map((c) => [c.sha, c.patchId !== undefined, c.zeroContextPatchId !== undefined]);
    // The pick matches by its stable id; "nine" does not, so only it and the pick get zero-context ids.
    expect(ids(facts.lines[0]?.mainline ?? [])).toEqual([
      [picked, true, true],
      [other, false, false],
    ]);
    expect(ids(facts.lines[0]?.commits ?? [])).toEqual([
      [near, true, true],
      [fix, true, false],
    ]);
    expect(statusesOf(facts)).toEqual({
      '3.5.x': ['fix: nine: missing []', 'fix: two: equivalent [patch-id]'],
    });
  });

  it('finds the merge base when mainline merged a branch forked before the line', async () => {
    repo.git(['checkout', '-q', '-b', 'feature/CHG-3-early']);
    await repo.commit('feat: early', { 'early.txt': 'early\n' });
    repo.git(['checkout', '-q', 'main']);
    const base = await repo.commit('feat: other', { 'other.txt': 'b\n' });
    repo.git(['checkout', '-q', '-b', '3.5.x']);
    const fix = await repo.commit('fix: two', { 'app.txt': edit('two', 'TWO') });
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--no-ff', '--no-edit', 'feature/CHG-3-early']);
    repo.git(['cherry-pick', fix]);
    const facts = await gather({ lines: ['3.5.x'] });
    // The early branch's fork point is a boundary of the walk too, but not the merge base.
    expect(facts.lines[0]?.base).toBe(base);
    expect(facts.lines[0]?.mainline.map((c) => c.sha)).toEqual(
      repo.git(['log', '--format=%H', `${base}..main`]).split('\n'),
    );
    expect(statusesOf(facts)).toEqual({ '3.5.x': ['fix: two: equivalent [patch-id]'] });
  });

  it('reads mainline since the merge base git names when criss-cross merges leave two', async () => {
    const start = repo.git(['rev-parse', 'HEAD']);
    const onMain = await repo.commit('feat: main side', { 'other.txt': 'main\n' });
    repo.git(['checkout', '-q', '-b', '3.5.x', start]);
    const onLine = await repo.commit('fix: line side', { 'line.txt': 'line\n' });
    repo.git(['merge', '-q', '--no-edit', onMain]);
    await repo.commit('fix: two', { 'app.txt': edit('two', 'TWO') });
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--no-edit', onLine]);
    await repo.commit('fix: two on main', { 'app.txt': edit('two', 'TWO') });
    expect(repo.git(['merge-base', '--all', 'main', '3.5.x']).split('\n')).toHaveLength(2);
    const facts = await gather({ lines: ['3.5.x'] });
    const base = repo.git(['merge-base', 'main', '3.5.x']);
    expect(facts.lines[0]?.base).toBe(base);
    expect(facts.lines[0]?.mainline.map((c) => c.sha)).toEqual(
      repo.git(['log', '--format=%H', `${base}..main`]).split('\n'),
    );
    expect(statusesOf(facts)).toEqual({ '3.5.x': ['fix: two: equivalent [patch-id]'] });
  });

  it('does not trust a -x line naming a commit of another branch', async () => {
    repo.git(['checkout', '-q', '-b', 'feature/CHG-1-x']);
    const feature = await repo.commit('feat: not merged', { 'other.txt': 'feature\n' });
    repo.git(['checkout', '-q', '-b', '1.x', 'main']);
    await repo.commit(`fix: from a feature\n\n(cherry picked from commit ${feature})\n`, {
      'other.txt': 'other\n',
    });
    expect(statusesOf(await gather({ lines: ['1.x'] }))).toEqual({
      '1.x': ['fix: from a feature: missing [unverified-cherry-pick]'],
    });
  });

  it('checks the branches of the policy kinds by default, and mainline as HEAD on a release merge', async () => {
    repo.git(['checkout', '-q', '-b', '2.1.x']);
    await repo.commit('fix: line', { 'other.txt': 'line\n' });
    repo.git(['checkout', '-q', '-b', 'feature/CHG-2-y', 'main']);
    await repo.commit('feat: y', { 'other.txt': 'y\n' });
    repo.git(['checkout', '-q', 'main']);
    expect(statusesOf(await gather())).toEqual({ '2.1.x': ['fix: line: missing []'] });
    repo.git(['checkout', '-q', '--detach', 'main']);
    repo.git(['merge', '-q', '--no-edit', '2.1.x']);
    expect(statusesOf(await gather({ mainlineRevision: 'HEAD' }))).toEqual({ '2.1.x': [] });
  });

  it.each<
    [string, (r: TempRepo) => Promise<void>, { lines?: string[]; mainline?: string }, string]
  >([
    [
      'a line that does not exist',
      async () => {},
      { lines: ['3.9.x'] },
      'The line "3.9.x" is not a branch or commit of this clone. Fetch it, e.g. git fetch origin 3.9.x, or name an existing line, e.g. --line 3.5.x.',
    ],
    [
      'a line that is the mainline',
      async () => {},
      { lines: ['main'] },
      'The line "main" is the mainline itself; name a maintenance line, e.g. --line 3.5.x.',
    ],
    [
      'a mainline that does not exist',
      async () => {},
      { mainline: 'trunk' },
      'The mainline "trunk" is not a branch of this clone (nor origin/trunk). Fetch it, e.g. git fetch origin trunk, or name the mainline, e.g. --mainline main.',
    ],
    [
      'a line with unrelated history',
      async (r) => {
        r.git(['checkout', '-q', '--orphan', '4.0.x']);
        await r.commit('feat: elsewhere', { 'x.txt': 'x\n' });
        r.git(['checkout', '-q', 'main']);
      },
      { lines: ['4.0.x'] },
      'The line "4.0.x" shares no history with the mainline "main": its patches cannot be compared. Check that it is a line of this project.',
    ],
  ])('refuses %s with a clear message', async (_name, setup, options, message) => {
    await setup(repo);
    const error = await gather(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatchLineError);
    expect((error as Error).message).toBe(message);
  });

  it('names the missing mainline revision when the walk of a line fails on it', async () => {
    repo.git(['branch', '3.5.x']);
    const error = await gather({ lines: ['3.5.x'], mainlineRevision: 'v9.9.9' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).kind).toBe('unknown-revision');
    expect((error as GitError).args).toContain('v9.9.9^{commit}');
  });

  it('reads the paths of a long mainline only where a line commit could match', async () => {
    const base = repo.git(['rev-parse', 'main']);
    repo.git(['checkout', '-q', '-b', '3.5.x']);
    const fix = await repo.commit('fix: two', { 'app.txt': edit('two', 'TWO') });
    const near = await repo.commit('fix: nine', {
      'app.txt': edit('nine', 'NINE', edit('two', 'TWO')),
    });
    repo.git(['checkout', '-q', 'main']);
    // More mainline commits than are listed with the line's: the path-limited walk reads them.
    const parts: string[] = [];
    for (let i = 0; i < 1_200; i += 1) {
      parts.push(
        `commit refs/heads/main\ncommitter Test <t@example.com> ${1_700_000_000 + i} +0000\n` +
          `data 12\nfeat: m ${String(i).padStart(4, '0')}\n` +
          (i === 0 ? `from ${base}\n` : '') +
          `M 100644 inline main.txt\ndata ${String(i).length + 1}\n${i}\n\n`,
      );
    }
    repo.git(['fast-import', '--quiet'], { input: `${parts.join('')}done\n` });
    repo.git(['reset', '-q', '--hard', 'main']);
    repo.git(['cherry-pick', fix]);
    const picked = repo.git(['rev-parse', 'HEAD']);
    const facts = await gather({ lines: ['3.5.x'] });
    expect(facts.lines[0]?.mainline).toHaveLength(1_201);
    const withIds = facts.lines[0]?.mainline.filter((c) => c.patchId !== undefined);
    expect(withIds?.map((c) => [c.sha, c.zeroContextPatchId !== undefined])).toEqual([
      [picked, true],
    ]);
    expect(statusesOf(facts)).toEqual({
      '3.5.x': ['fix: nine: missing []', 'fix: two: equivalent [patch-id]'],
    });
    expect(near).toBe(facts.lines[0]?.commits[0]?.sha);
  }, 60_000);

  it('classifies 10,000 commits on one line in batches', async () => {
    const from = repo.git(['rev-parse', 'main']);
    const parts: string[] = [];
    for (let i = 0; i < 10_000; i += 1) {
      const message = i % 2 === 0 ? `fix: change ${i}` : `chore(release): 9.${i}`;
      parts.push(
        `commit refs/heads/9.x\ncommitter Test <t@example.com> ${1_700_000_000 + i} +0000\n` +
          `data ${Buffer.byteLength(message)}\n${message}\n` +
          (i === 0 ? `from ${from}\n` : '') +
          // One small file rewritten each time: a growing folder would make the import slow.
          `M 100644 inline line.txt\ndata ${String(i).length + 1}\n${i}\n\n`,
      );
    }
    repo.git(['fast-import', '--quiet'], { input: `${parts.join('')}done\n` });
    // A commit on mainline since the base: the patch ids of both sides are read.
    await repo.commit('fix: on main', { 'other.txt': 'main\n' });
    const [line] = classifyLineCommits(await gather({ lines: ['9.x'] }), policy, now);
    const counts: Record<string, number> = {};
    for (const commit of line?.commits ?? [])
      counts[commit.status] = (counts[commit.status] ?? 0) + 1;
    expect(counts).toEqual({ missing: 5_000, exempt: 5_000 });
    // A guard against a hang, not a speed limit (bench/ measures speed): 20 s alone, up to 60 s on a
    // busy 2-core machine.
  }, 180_000);
});
