import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { defaultPolicy } from '@release-policy/core';
import { gatherAuditPatchFacts } from './audit-patches.js';
import { createGit } from './git.js';
import { createTempRepo, type TempRepo } from './testing/temp-repo.js';

const now = new Date('2026-06-01T12:00:00Z');
const policy = defaultPolicy();

let repo: TempRepo;
beforeEach(async () => {
  repo = await createTempRepo();
  await repo.commit('feat: start', { 'app.txt': 'a\n' });
  repo.git(['checkout', '-q', '-b', '3.5.x']);
  await repo.commit('fix: only on the line', { 'app.txt': 'b\n' });
  repo.git(['checkout', '-q', 'main']);
});
afterEach(() => repo.cleanup());

function gather(cwd: string) {
  return gatherAuditPatchFacts({
    git: createGit({ cwd, env: repo.env }),
    policy,
    advice: 'action',
    now,
  });
}

describe('gatherAuditPatchFacts', () => {
  it("compares every line of the policy's patches kinds with mainline", async () => {
    const facts = await gather(repo.dir);
    expect(
      'patches' in facts
        ? facts.patches.lines.map((l) => [l.line, l.commits.map((c) => c.subject)])
        : facts,
    ).toEqual([['3.5.x', ['fix: only on the line']]]);
  });

  it('says the workspace is no clone instead of passing', async () => {
    const empty = await repo.makeDir();
    expect(await gather(empty)).toEqual({
      patchesUnread: {
        reason: 'no-checkout',
        detail: 'The workspace is not a git clone (check out the repository before the audit).',
      },
    });
  });

  it('says a shallow clone that cannot be deepened hides the lines, with the fetch-depth: 0 fix', async () => {
    const clone = await repo.cloneShallow();
    repo.git(['remote', 'remove', 'origin'], { cwd: clone });
    const facts = await gather(clone);
    expect('patchesUnread' in facts ? facts.patchesUnread.reason : facts).toBe('shallow');
    expect('patchesUnread' in facts ? facts.patchesUnread.detail : '').toContain(
      'actions/checkout with "fetch-depth: 0"',
    );
  });
});
