import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  countOurReleases,
  countPeerReleases,
  countReleaseTags,
  listChangelogScenarios,
} from './changelog.js';
import { ensureHistoryRepo, type HistoryRepo } from './history-repo.js';
import { timeCommand, timeInProcess } from './history.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const PEER = join(root, 'node_modules', '.bin', 'conventional-changelog');

describe('countPeerReleases and countOurReleases', () => {
  it('count the release headings and the JSON releases', () => {
    expect(
      countPeerReleases(
        '## [1.1.0](compare/v1.0.0...v1.1.0) (2020-01-02)\n\n### Features\n\n* x\n\n## 1.0.0 (2020-01-01)\n',
      ),
    ).toBe(2);
    expect(countOurReleases('{"releases":[{},{},{}],"markdown":""}')).toBe(3);
    expect(countOurReleases('not json')).toBeUndefined();
  });
});

describe('the changelog pairs on a tiny history', () => {
  let base: string;
  let repo: HistoryRepo;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'bench-changelog-'));
    repo = await ensureHistoryRepo({ commits: 120, tags: 20 }, base);
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('our --all and conventional-changelog -r 0 agree on every release; one release reads its range', async () => {
    // The mainline's release tags (the maintenance lines' are not reachable from it).
    const releases = await countReleaseTags(repo);
    expect(releases).toBe(14);
    const [all, one] = listChangelogScenarios(repo, 'cli.js', PEER, releases);
    expect([all?.peerName, one?.peerName]).toEqual([
      'conventional-changelog -p conventionalcommits -r 0',
      'git log v1.3.2..HEAD',
    ]);
    for (const scenario of [all, one]) {
      if (!scenario) throw new Error('two scenarios');
      const ours = await timeInProcess(scenario.cli.slice(1), repo.mainline);
      const peer = await timeCommand(scenario.peer[0], scenario.peer[1], repo.mainline);
      expect([scenario.checkOurs(ours), scenario.checkPeer(peer)]).toEqual([undefined, undefined]);
    }
    const wrong = listChangelogScenarios(repo, 'cli.js', PEER, releases + 1)[0];
    const ours = await timeInProcess(wrong?.cli.slice(1) ?? [], repo.mainline);
    expect(wrong?.checkOurs(ours)).toBe(
      `changelog --all gave ${releases} releases, the history has ${releases + 1}`,
    );
  }, 120_000);
});
