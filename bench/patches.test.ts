import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timeCommand, timeInProcess } from './history.js';
import { checkCherryAnswer, checkPatchesAnswer, PATCHES_ARGS } from './patches.js';
import { computePatchAnswer, ensurePatchRepo, PATCH_LINE, type PatchRepo } from './patches-repo.js';

describe('the patches pair on a small made repository', () => {
  let base: string;
  let repo: PatchRepo;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'bench-patches-'));
    repo = await ensurePatchRepo({ mainline: 60, line: 7 }, base);
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('plans half of the line picked, the rest missing', () => {
    expect(computePatchAnswer({ mainline: 60, line: 7 })).toEqual({
      lineCommits: 7,
      picked: 3,
      missing: 4,
    });
    expect(repo.answer).toEqual({ lineCommits: 7, picked: 3, missing: 4 });
  });

  it('git cherry and our check both find what the generator planned', async () => {
    const cherry = await timeCommand('git', ['cherry', 'main', PATCH_LINE], repo.dir);
    expect(checkCherryAnswer(cherry, repo.answer)).toBeUndefined();
    expect(
      Number(
        await timeCommand('git', ['rev-list', '--count', 'main'], repo.dir).then((r) =>
          r.stdout.trim(),
        ),
      ),
    ).toBe(60);
    const ours = await timeInProcess(PATCHES_ARGS, repo.dir);
    expect(checkPatchesAnswer(ours, repo.answer)).toBeUndefined();
    expect(checkPatchesAnswer(ours, { ...repo.answer, missing: 5 })).toBe(
      'patches exited 1 with 4 missing and 3 equivalent; the generator expects exit 1, 5 and 3',
    );
  }, 60_000);
});
