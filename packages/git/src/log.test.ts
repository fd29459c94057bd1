import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CommitFacts } from '@release-policy/core';
import { createGit, type Git } from './git.js';
import { buildFastImportStream, createTempRepo, type TempRepo } from './testing/temp-repo.js';

async function collect(iterable: AsyncIterable<CommitFacts>): Promise<CommitFacts[]> {
  const out: CommitFacts[] = [];
  for await (const commit of iterable) out.push(commit);
  return out;
}

describe('Git.log message parsing', () => {
  let repo: TempRepo;
  let git: Git;

  beforeAll(async () => {
    repo = await createTempRepo();
    git = createGit({ cwd: repo.dir, env: repo.env });
  });
  afterAll(() => repo.cleanup());

  const tenThousandLines = Array.from(
    { length: 10_000 },
    (_, i) => `line ${i + 1}: ${'x'.repeat(i % 50)}`,
  ).join('\n');
  const cases: Array<[string, string, string]> = [
    [
      'NUL-like text',
      'fix: handle \\x00, %x00 and \\0 as plain text\n',
      'fix: handle \\x00, %x00 and \\0 as plain text',
    ],
    [
      'CRLF line ends',
      'feat: windows\r\n\r\nbody line\r\nBREAKING CHANGE: yes\r\n',
      'feat: windows\r\n\r\nbody line\r\nBREAKING CHANGE: yes',
    ],
    [
      'unicode',
      'feat(ü): 🚀 naïve café 中文 עברית\n\nzero\u200bwidth\n',
      'feat(ü): 🚀 naïve café 中文 עברית\n\nzero\u200bwidth',
    ],
    [
      'shell and workflow syntax',
      'chore: $(touch pwned) `id` ::error::x %0A\n',
      'chore: $(touch pwned) `id` ::error::x %0A',
    ],
    [
      'trailers',
      'fix: x\n\nbody\n\nRefs: CHG-1\nSigned-off-by: A <a@example.com>\n',
      'fix: x\n\nbody\n\nRefs: CHG-1\nSigned-off-by: A <a@example.com>',
    ],
    ['10,000 lines', `feat: long\n\n${tenThousandLines}\n`, `feat: long\n\n${tenThousandLines}`],
  ];

  it.each(cases)('keeps a message with %s intact', async (_name, written, expected) => {
    const sha = await repo.commit(written);
    const [newest] = await collect(git.log({ maxCount: 1 }));
    expect(newest).toEqual({ sha, message: expected });
  });

  it('lists all of them newest first', async () => {
    const all = await collect(git.log());
    expect(all).toHaveLength(cases.length);
    expect(all.map((c) => c.message.split('\n', 1)[0])).toEqual(
      [...cases].reverse().map(([, , expected]) => expected.split('\n', 1)[0]),
    );
  });
});

describe('Git.log streaming', () => {
  const COUNT = 2_000;
  let repo: TempRepo;
  let git: Git;
  const messageOf = (i: number) =>
    `feat: commit ${i}\n\nbody of ${i} with ünïcode ✓\n${'padding '.repeat(i % 40)}\n`;

  beforeAll(async () => {
    repo = await createTempRepo();
    repo.git(['fast-import', '--quiet'], { input: buildFastImportStream(COUNT, messageOf) });
    git = createGit({ cwd: repo.dir, env: repo.env });
  });
  afterAll(() => repo.cleanup());

  it('streams every commit, newest first, with exact messages', async () => {
    const shas = repo.git(['rev-list', 'main']).split('\n');
    let index = 0;
    for await (const commit of git.log()) {
      const i = COUNT - 1 - index;
      expect(commit.sha).toBe(shas[index]);
      expect(commit.message).toBe(messageOf(i).replace(/\n+$/, ''));
      index += 1;
    }
    expect(index).toBe(COUNT);
  });

  it('stops git when the reader stops early, and keeps working afterwards', async () => {
    const seen: string[] = [];
    for await (const commit of git.log()) {
      seen.push(commit.message.split('\n', 1)[0]!);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([
      `feat: commit ${COUNT - 1}`,
      `feat: commit ${COUNT - 2}`,
      `feat: commit ${COUNT - 3}`,
    ]);
    const range = await collect(git.log({ from: 'main~5', to: 'main~2' }));
    expect(range.map((c) => c.message.split('\n', 1)[0])).toEqual([
      `feat: commit ${COUNT - 3}`,
      `feat: commit ${COUNT - 4}`,
      `feat: commit ${COUNT - 5}`,
    ]);
  });
});
