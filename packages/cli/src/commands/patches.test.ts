import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { checkCliJson, createTestRepo, type TestRepo } from '../testing/harness.js';

let repo: TestRepo;
let base: string;
beforeEach(async () => {
  repo = await createTestRepo();
  base = await repo.commit('feat: start', { 'app.txt': 'one\ntwo\n' });
  repo.git(['checkout', '-q', '-b', '3.5.x']);
});
afterEach(() => repo.cleanup());

describe('patches', () => {
  it('lists each commit of the line with its status, and fails on a missing one', async () => {
    const release = await repo.commit('chore(release): 3.5.1', { 'app.txt': 'one\ntwo\n3.5.1\n' });
    const fix = await repo.commit('fix: only here', { 'other.txt': 'x\n' });
    repo.git(['checkout', '-q', 'main']);
    const run = await repo.run(['patches', '--json']);
    const doc = run.json();
    expect(checkCliJson(doc)).toEqual([]);
    expect(run.code).toBe(1);
    expect(doc.findings.map((f) => [f.rule, f.severity])).toEqual([['patch-merged', 'error']]);
    expect([doc.patches, doc.lines]).toEqual([
      { 'missing-count': 1 },
      [
        {
          line: '3.5.x',
          base,
          commits: [
            { sha: fix, subject: 'fix: only here', status: 'missing', evidence: [] },
            {
              sha: release,
              subject: 'chore(release): 3.5.1',
              status: 'exempt',
              evidence: [{ kind: 'exemption', pattern: 'chore(release):' }],
            },
          ],
        },
      ],
    ]);
  });

  it('passes once the fix is picked into mainline with -x, on the lines given', async () => {
    const fix = await repo.commit('fix: picked', { 'other.txt': 'x\n' });
    repo.git(['checkout', '-q', 'main']);
    repo.git(['cherry-pick', '-x', fix]);
    const run = await repo.run(['patches', '--line', '3.5.x', '--mainline', 'main', '--json']);
    expect(run.code).toBe(0);
    expect(run.json().lines?.[0]?.commits.map((c) => [c.subject, c.status])).toEqual([
      ['fix: picked', 'equivalent'],
    ]);
  });

  it('stops with exit 2 naming a line that does not exist', async () => {
    const run = await repo.run(['patches', '--line', '9.9.x']);
    expect([run.code, run.stderr]).toEqual([
      2,
      'release-policy: The line "9.9.x" is not a branch or commit of this clone. Fetch it, e.g. git fetch origin 9.9.x, or name an existing line, e.g. --line 3.5.x.\n',
    ]);
  });

  it('runs under check on a release branch, with the release as mainline, not on a feature branch', async () => {
    await repo.commit('fix: only here', { 'other.txt': 'x\n' });
    repo.git(['checkout', '-q', '-b', 'release/4.0', 'main']);
    const onRelease = (await repo.run(['check', '--json'])).json();
    expect([onRelease.patches, onRelease.lines?.map((l) => [l.line, l.commits.length])]).toEqual([
      { 'missing-count': 1 },
      [['3.5.x', 1]],
    ]);
    repo.git(['cherry-pick', '-x', '3.5.x']);
    expect((await repo.run(['check', '--json'])).json().patches).toEqual({ 'missing-count': 0 });
    repo.git(['checkout', '-q', '-b', 'feature/CHG-1-x', 'main']);
    const onFeature = (await repo.run(['check', '--json'])).json();
    expect([onFeature.patches, onFeature.lines]).toEqual([undefined, undefined]);
  });

  it.each([
    ['maint/3.5', 'the maintenance kind', [['maint/3.4', ['missing']]]],
    [
      'hot/3.5.2',
      'the hotfix kind',
      [
        ['maint/3.4', ['missing']],
        ['maint/3.5', []],
      ],
    ],
    // 3.4 and 3.5 are the duty of the releases of 3.5 and 3.6 (and of every main-version release).
    ['rel/3.7', 'the release kind', [['maint/3.6', ['missing']]]],
  ])(
    'runs under check on %s (%s, named by the policy), on its line and the line right below it',
    async (branch, _kind, expected) => {
      await repo.commit('chore: policy', {
        '.github/release-policy.yml': [
          'branches:',
          '  kinds:',
          '    rel: { patterns: ["rel/{major}.{minor}"], into: [mainline] }',
          '    maint: { patterns: ["maint/{major}.{minor}"], into: [mainline] }',
          '    hot: { patterns: ["hot/{major}.{minor}.{patch}"], into: [maint] }',
          '    feature: { patterns: ["feature/{slug}"], into: [mainline] }',
          'patches:',
          '  kinds: [rel, maint, hot]',
          '',
        ].join('\n'),
      });
      repo.git(['checkout', '-q', 'main']);
      repo.git(['merge', '-q', '--ff-only', '3.5.x']);
      for (const line of ['3.4', '3.5', '3.6']) {
        repo.git(['checkout', '-q', '-b', `maint/${line}`, 'main']);
        await repo.commit(`fix: only on ${line}`, { [`${line}.txt`]: `${line}\n` });
      }
      if (branch.startsWith('maint/')) repo.git(['checkout', '-q', branch]);
      else
        repo.git([
          'checkout',
          '-q',
          '-b',
          branch,
          branch.startsWith('hot/') ? 'maint/3.5' : 'main',
        ]);
      const run = await repo.run(['check', '--json']);
      const lines = run.json().lines?.map((l) => [l.line, l.commits.map((c) => c.status)]);
      expect(lines).toEqual(expected);
    },
  );

  it('completes a shallow clone first, then compares its remote-tracking lines', async () => {
    await repo.commit('fix: only here', { 'other.txt': 'x\n' });
    repo.git(['checkout', '-q', 'main']);
    const clone = await repo.cloneShallow(['--no-single-branch']);
    const run = await repo.run(['patches', '--json'], { cwd: clone });
    expect(run.json().lines?.map((l) => [l.line, l.commits.map((c) => c.status)])).toEqual([
      ['origin/3.5.x', ['missing']],
    ]);
  });
});
