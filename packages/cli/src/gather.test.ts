import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { defaultPolicy, selectChecks } from '@release-policy/core';
import { createGit, type Git } from '@release-policy/git';
import { gatherFacts, type GatherRequest } from './gather.js';
import { createTestRepo, type TestRepo } from './testing/harness.js';

// One repository: main, the maintenance line 2.0.x below, and 2.1.x checked
// out with a fix that 2.0.x lacks; every test reads it, none changes it.
let repo: TestRepo;
beforeAll(async () => {
  repo = await createTestRepo();
  await repo.commit('feat: start', { 'app.txt': 'a\n' });
  repo.git(['tag', 'v2.0.0']);
  repo.git(['branch', '2.0.x']);
  await repo.commit('feat: two one', { 'app.txt': 'b\n' });
  repo.git(['tag', 'v2.1.0']);
  repo.git(['checkout', '--quiet', '-b', '2.1.x']);
  repo.git(['checkout', '--quiet', '2.0.x']);
  await repo.commit('fix: only on 2.0.x', { 'other.txt': 'x\n' });
  repo.git(['checkout', '--quiet', '2.1.x']);
});
afterAll(() => repo.cleanup());

/** What `check` asks for on this repository, with `git` in place of the real adapter. */
function requestWith(git: Git): GatherRequest {
  return {
    git,
    cwd: repo.dir,
    root: repo.dir,
    env: repo.env,
    policy: defaultPolicy(),
    checks: selectChecks(['branch', 'version', 'docs', 'patches']),
    now: new Date('2026-12-03T00:00:00Z'),
  };
}

describe('gatherFacts', () => {
  it('gathers the version facts and, beside them, the patches of the line below', async () => {
    const gathered = await gatherFacts(requestWith(createGit({ cwd: repo.dir, env: repo.env })));
    expect(gathered.facts.branch?.name).toBe('2.1.x');
    expect(gathered.facts.version?.tags).toEqual(['v2.0.0', 'v2.1.0']);
    expect(gathered.facts.patches?.lines.map((line) => line.line)).toEqual(['2.0.x']);
    expect(gathered.facts.patches?.lines[0]?.commits.map((c) => c.subject)).toEqual([
      'fix: only on 2.0.x',
    ]);
    expect(gathered.notices).toEqual([]);
  });

  it('throws the error of the first gatherer in order once the patches walk has stopped too', async () => {
    const git = createGit({ cwd: repo.dir, env: repo.env });
    const events: string[] = [];
    const failing: Git = {
      ...git,
      listTags: async () => {
        events.push('tags failed');
        throw new Error('the tags could not be listed');
      },
      listSymmetricDifference: async (left, right) => {
        // Slower than the version facts: the error may not be thrown before this ends.
        await new Promise((resolve) => setTimeout(resolve, 50));
        events.push('walk failed');
        throw new Error(`the walk of ${left}...${right} failed`);
      },
    };
    const error = await gatherFacts(requestWith(failing)).catch((e: unknown) => e);
    expect((error as Error).message).toBe('the tags could not be listed');
    expect(events).toEqual(['tags failed', 'walk failed']);
  });

  it('throws the patches error when the gatherers in order succeed', async () => {
    const git = createGit({ cwd: repo.dir, env: repo.env });
    const failing: Git = {
      ...git,
      listSymmetricDifference: (left, right) =>
        Promise.reject(new Error(`the walk of ${left}...${right} failed`)),
    };
    const error = await gatherFacts(requestWith(failing)).catch((e: unknown) => e);
    expect((error as Error).message).toBe('the walk of HEAD...2.0.x failed');
  });
});
