/**
 * `gatherReleaseRange` finds the previous release by testing
 * `rankPreviousReleaseTags`' candidates for reachability one by one (then one
 * `for-each-ref --merged` after a few misses) instead of listing every tag
 * reachable from `to`. These tests hold it to the answer of the plain way,
 * `planVersionCheck` over `git.listTags({ mergedInto: to })`, for every tag
 * and branch of a history with the shapes that make the two differ if the
 * candidate order were wrong: maintenance lines whose newer patches are not
 * reachable from the mainline, a maintenance line merged back, pre-releases,
 * two tags on one commit, prefixes the policy does not know, and more
 * unreachable candidates than are tested one by one.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { defaultPolicy, parseReleaseTag, planVersionCheck } from '@release-policy/core';
import { createGit, type Git } from './git.js';
import { gatherReleaseRange } from './release-notes.js';
import { createTempRepo, type TempRepo } from './testing/temp-repo.js';

const policy = defaultPolicy();
let repo: TempRepo;
let git: Git;

beforeAll(async () => {
  repo = await createTempRepo();
  git = createGit({ cwd: repo.dir, env: repo.env });
  await repo.commit('feat: start');
  repo.git(['tag', 'v1.0.0']);
  await repo.commit('fix: one');
  repo.git(['tag', '-a', '-m', 'patch', 'v1.0.1']);
  await repo.commit('feat: two');
  repo.git(['tag', 'v1.1.0-rc.1']);
  repo.git(['tag', 'v1.1.0']);
  repo.git(['tag', 'release-9.9.9']);
  // 1.1.x: five patches that the mainline never reaches (more than the single checks).
  repo.git(['switch', '-c', '1.1.x']);
  for (let patch = 1; patch <= 5; patch += 1) {
    await repo.commit(`fix: patch ${patch}`);
    repo.git(['tag', `v1.1.${patch}`]);
  }
  repo.git(['switch', 'main']);
  await repo.commit('feat: three');
  repo.git(['tag', 'v1.2.0']);
  // 1.2.x: forked, patched, and merged back into main.
  repo.git(['switch', '-c', '1.2.x']);
  await repo.commit('fix: merged back');
  repo.git(['tag', 'v1.2.1']);
  repo.git(['switch', 'main']);
  await repo.commit('feat: four');
  repo.git(['merge', '--no-ff', '-m', 'Merge 1.2.x', '1.2.x']);
  await repo.commit('feat: five');
  repo.git(['tag', 'v2.0.0-beta.1']);
  await repo.commit('fix: six');
});
afterAll(() => repo.cleanup());

/** The previous release the plain way: the plan over every tag reachable from `to`. */
async function planFromReachableTags(to: string, version?: string): Promise<string | undefined> {
  const tags = await git.listTags({ mergedInto: to });
  const tag = tags.includes(to) && parseReleaseTag(to, policy) ? to : undefined;
  const pinned = version ?? (tag ? parseReleaseTag(tag, policy)?.version : undefined);
  const anchor = tag ?? (pinned ? `v${pinned}` : undefined);
  return planVersionCheck({ tags, pushedTag: anchor }, policy).previousTag;
}

describe('gatherReleaseRange: the previous release', () => {
  it('is the one planVersionCheck picks among the tags reachable from every tag and branch', async () => {
    const refs = [...(await git.listTags()), 'main', '1.1.x', '1.2.x', 'HEAD'];
    const answers = await Promise.all(
      refs.map(async (to) => ({
        to,
        ours: (await gatherReleaseRange({ git, policy, to })).from,
        plain: await planFromReachableTags(to),
      })),
    );
    expect(answers.filter((a) => a.ours !== a.plain)).toEqual([]);
    // The history has the shapes the comparison needs: the answers differ by ref.
    expect(Object.fromEntries(answers.map((a) => [a.to, a.ours]))).toEqual({
      '1.1.x': 'v1.1.5',
      '1.2.x': 'v1.2.1',
      HEAD: 'v1.2.1',
      main: 'v1.2.1',
      'release-9.9.9': 'v1.1.0',
      'v1.0.0': undefined,
      'v1.0.1': 'v1.0.0',
      'v1.1.0': 'v1.0.1',
      'v1.1.0-rc.1': 'v1.0.1',
      'v1.1.1': 'v1.1.0',
      'v1.1.2': 'v1.1.1',
      'v1.1.3': 'v1.1.2',
      'v1.1.4': 'v1.1.3',
      'v1.1.5': 'v1.1.4',
      'v1.2.0': 'v1.1.0',
      'v1.2.1': 'v1.2.0',
      'v2.0.0-beta.1': 'v1.2.1',
    });
  });

  it.each([
    // On main, 1.1.1–1.1.5 are not reachable: more misses than single checks, then one walk.
    ['main', '1.1.9', 'v1.1.0'],
    ['main', '1.3.0', 'v1.2.1'],
    ['main', '2.0.0', 'v1.2.1'],
    ['1.1.x', '1.1.6', 'v1.1.5'],
    ['1.1.x', '1.2.2', 'v1.1.5'],
    ['main', '1.0.0', undefined],
  ])('from %s for --version %s is %j, as the plain way finds', async (to, version, expected) => {
    const range = await gatherReleaseRange({ git, policy, to, version });
    expect([range.from, await planFromReachableTags(to, version)]).toEqual([expected, expected]);
  });
});
