import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ChangelogFileError, defaultPolicy, UsageError } from '@release-policy/core';
import { readChangelogFile, writeChangelogFile } from './changelog-file.js';
import { createGit, type Git } from './git.js';
import { gatherAllReleases, gatherReleaseRange } from './release-notes.js';
import { createTempRepo, type TempRepo } from './testing/temp-repo.js';

const policy = defaultPolicy();
let repo: TempRepo;
let git: Git;
const shas: Record<string, string> = {};

beforeAll(async () => {
  repo = await createTempRepo();
  git = createGit({ cwd: repo.dir, env: repo.env });
  shas.one = await repo.commit('feat: one');
  repo.git(['tag', 'v1.0.0']);
  shas.two = await repo.commit('fix: two');
  repo.git(['tag', 'v1.0.1']);
  shas.three = await repo.commit('feat: three');
  repo.git(['tag', '-a', '-m', 'rc', 'v1.1.0-rc.1']);
  shas.four = await repo.commit('feat: four');
  repo.git(['tag', 'v1.1.0']);
  shas.five = await repo.commit('fix: five');
});
afterAll(() => repo.cleanup());

const shasOf = (range: { commits: { sha: string }[] }) => range.commits.map((c) => c.sha);
/** Every tag of the repository, as `ReleaseRange.tags` lists them (by name). */
const ALL_TAGS = ['v1.0.0', 'v1.0.1', 'v1.1.0', 'v1.1.0-rc.1'];

describe('gatherReleaseRange', () => {
  it('reads HEAD back to the newest stable release', async () => {
    const range = await gatherReleaseRange({ git, policy });
    expect({ ...range, commits: shasOf(range) }).toEqual({
      from: 'v1.1.0',
      to: 'HEAD',
      commits: [shas.five],
      tags: ALL_TAGS,
    });
  });

  it('reads a release tag back to the previous stable release, pre-releases included in the range', async () => {
    const range = await gatherReleaseRange({ git, policy, to: 'v1.1.0' });
    expect({ ...range, commits: shasOf(range) }).toEqual({
      from: 'v1.0.1',
      to: 'v1.1.0',
      tag: 'v1.1.0',
      version: '1.1.0',
      commits: [shas.four, shas.three],
      tags: ALL_TAGS,
    });
  });

  it('takes --from and --version as given', async () => {
    const range = await gatherReleaseRange({ git, policy, from: 'v1.0.0', version: '2.0.0' });
    expect({ ...range, commits: shasOf(range) }).toEqual({
      from: 'v1.0.0',
      to: 'HEAD',
      version: '2.0.0',
      commits: [shas.five, shas.four, shas.three, shas.two],
      tags: ALL_TAGS,
    });
  });

  it('refuses --from after --to', async () => {
    await expect(gatherReleaseRange({ git, policy, from: 'v1.1.0', to: 'v1.0.0' })).rejects.toThrow(
      new UsageError(
        `--from "v1.1.0" is not an ancestor of --to "v1.0.0": commit ${shas.four?.slice(0, 7)} is in --from but not in --to. ` +
          'Give the older release first, e.g. --from v1.3.0 --to v1.4.0. See docs/cli.md#changelog',
      ),
    );
  });

  it('fails with a git error for a tag that does not exist', async () => {
    await expect(gatherReleaseRange({ git, policy, to: 'v9.9.9' })).rejects.toMatchObject({
      name: 'GitError',
    });
  });
});

describe('gatherAllReleases', () => {
  it('splits one log pass into every release, newest first, annotated tags peeled', async () => {
    const ranges = await gatherAllReleases({ git, policy });
    expect(ranges.map((r) => [r.tag, r.version, r.from, shasOf(r)])).toEqual([
      ['v1.1.0', '1.1.0', 'v1.1.0-rc.1', [shas.four]],
      ['v1.1.0-rc.1', '1.1.0-rc.1', 'v1.0.1', [shas.three]],
      ['v1.0.1', '1.0.1', 'v1.0.0', [shas.two]],
      ['v1.0.0', '1.0.0', undefined, [shas.one]],
    ]);
  });

  it('gives the commits above the newest tag to --version', async () => {
    const [next] = await gatherAllReleases({ git, policy, version: '1.2.0' });
    expect(next).toEqual({
      to: 'HEAD',
      version: '1.2.0',
      from: 'v1.1.0',
      commits: [expect.objectContaining({ sha: shas.five })],
    });
  });

  it('tells its progress every progressEvery commits: commits read, releases found', async () => {
    const seen: { commits: number; releases: number }[] = [];
    await gatherAllReleases({ git, policy, progressEvery: 2, onProgress: (p) => seen.push(p) });
    // Newest first: five, four (v1.1.0), three (rc.1), two (v1.0.1), one (v1.0.0).
    expect(seen).toEqual([
      { commits: 2, releases: 0 },
      { commits: 4, releases: 2 },
    ]);
  });
});

describe('the changelog file', () => {
  it('is written atomically, replaced by version, and left untouched when refused', async () => {
    const dir = await repo.makeDir();
    const path = join(dir, 'CHANGELOG.md');
    await writeChangelogFile(path, '1.0.0', '## 1.0.0\n\n* a\n');
    await writeChangelogFile(path, '1.0.0', '## 1.0.0\n\n* b\n');
    expect(await readFile(path, 'utf8')).toBe('# Changelog\n\n## 1.0.0\n\n* b\n');
    await writeFile(path, Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
    await expect(writeChangelogFile(path, '1.0.0', '## 1.0.0\n')).rejects.toThrow(
      ChangelogFileError,
    );
    expect(await readFile(path)).toEqual(Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
  });

  it('reads a missing file as empty', async () => {
    expect(await readChangelogFile(join(await repo.makeDir(), 'CHANGELOG.md'))).toBe('');
  });
});
