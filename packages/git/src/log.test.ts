import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createGit, type Git } from './git.js';
import {
  buildExpectedCommit,
  buildFastImportStream,
  createTempRepo,
  type ExpectedCommitText,
  type TempRepo,
} from './testing/temp-repo.js';

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
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
  const cases: Array<[string, string, ExpectedCommitText]> = [
    [
      'NUL-like text',
      'fix: handle \\x00, %x00 and \\0 as plain text\n',
      {
        message: 'fix: handle \\x00, %x00 and \\0 as plain text',
        subject: 'fix: handle \\x00, %x00 and \\0 as plain text',
      },
    ],
    [
      'CRLF line ends',
      'feat: windows\r\n\r\nbody line\r\nBREAKING CHANGE: yes\r\n',
      {
        message: 'feat: windows\r\n\r\nbody line\r\nBREAKING CHANGE: yes',
        subject: 'feat: windows',
        body: 'body line\r\nBREAKING CHANGE: yes',
      },
    ],
    [
      'unicode',
      'feat(ü): 🚀 naïve café 中文 עברית\n\nzero\u200bwidth\n',
      {
        message: 'feat(ü): 🚀 naïve café 中文 עברית\n\nzero\u200bwidth',
        subject: 'feat(ü): 🚀 naïve café 中文 עברית',
        body: 'zero\u200bwidth',
      },
    ],
    [
      'shell and workflow syntax',
      'chore: $(touch pwned) `id` ::error::x %0A\n',
      {
        message: 'chore: $(touch pwned) `id` ::error::x %0A',
        subject: 'chore: $(touch pwned) `id` ::error::x %0A',
      },
    ],
    [
      'trailers',
      'fix: x\n\nbody\n\nRefs: CHG-1\nSigned-off-by: A <a@example.com>\n',
      {
        message: 'fix: x\n\nbody\n\nRefs: CHG-1\nSigned-off-by: A <a@example.com>',
        subject: 'fix: x',
        body: 'body\n\nRefs: CHG-1\nSigned-off-by: A <a@example.com>',
        trailers: [
          { key: 'Refs', value: 'CHG-1' },
          { key: 'Signed-off-by', value: 'A <a@example.com>' },
        ],
      },
    ],
    [
      'a two-line subject and a folded trailer',
      'feat: a\nsubject on two lines\n\nRefs: one\n  two\nAcked-by: B\n',
      {
        message: 'feat: a\nsubject on two lines\n\nRefs: one\n  two\nAcked-by: B',
        subject: 'feat: a subject on two lines',
        body: 'Refs: one\n  two\nAcked-by: B',
        trailers: [
          { key: 'Refs', value: 'one two' },
          { key: 'Acked-by', value: 'B' },
        ],
      },
    ],
    [
      'a forged record in the message',
      `fix: y\n\n${'f'.repeat(40)}\n%x00 Refs: x\n`,
      {
        message: `fix: y\n\n${'f'.repeat(40)}\n%x00 Refs: x`,
        subject: 'fix: y',
        body: `${'f'.repeat(40)}\n%x00 Refs: x`,
      },
    ],
    [
      '10,000 lines',
      `feat: long\n\n${tenThousandLines}\n`,
      {
        message: `feat: long\n\n${tenThousandLines}`,
        subject: 'feat: long',
        body: tenThousandLines,
      },
    ],
  ];

  it.each(cases)('keeps a message with %s intact', async (_name, written, expected) => {
    const sha = await repo.commit(written);
    const [newest] = await collect(git.log({ maxCount: 1 }));
    expect(newest).toEqual(buildExpectedCommit(repo, sha, expected));
  });

  it.each(cases)(
    'reads the trailers of a message with %s as git interpret-trailers --parse does',
    (_name, written, expected) => {
      const parsed = repo.git(['interpret-trailers', '--parse'], { input: written });
      const trailers = (expected.trailers ?? []).map(({ key, value }) => `${key}: ${value}`);
      expect(parsed).toBe(trailers.join('\n'));
    },
  );

  it('lists all of them newest first', async () => {
    const all = await collect(git.log());
    expect(all).toHaveLength(cases.length);
    expect(all.map((c) => c.subject)).toEqual([...cases].reverse().map(([, , e]) => e.subject));
  });

  it('reads the same shas and messages, and nothing else, through listMessages', async () => {
    const messages = await git.listMessages();
    expect(messages).toEqual(
      [...cases].reverse().map(([, , e], i) => ({ sha: shaAt(i), message: e.message })),
    );
  });

  function shaAt(index: number): string {
    return repo.git(['rev-parse', `HEAD~${index}`]);
  }
});

describe('Git.log people, dates and parents', () => {
  let repo: TempRepo;
  let git: Git;

  beforeAll(async () => {
    repo = await createTempRepo();
    // One root, a side commit and a merge, with fixed people and dates, so shas are fixed too.
    const person = (who: string, seconds: number, zone: string) =>
      `${who} ${1_700_000_000 + seconds} ${zone}\n`;
    const commit = (branch: string, mark: number, message: string, people: string[], after = '') =>
      [
        `commit refs/heads/${branch}\nmark :${mark}\n`,
        ...people,
        `data ${Buffer.byteLength(message)}\n${message}\n`,
        after,
      ].join('');
    const stream = [
      commit('main', 1, 'feat: root', [
        `author ${person('Ada Ünïcode <ada@example.com>', 0, '+0200')}`,
        `committer ${person('Bot <bot@example.com>', 60, '-0530')}`,
      ]),
      commit(
        'side',
        2,
        'fix: side',
        [`committer ${person('Bot <bot@example.com>', 120, '+0000')}`],
        'from :1\n',
      ),
      commit(
        'main',
        3,
        'Merge side',
        [`committer ${person('Bot <bot@example.com>', 180, '+0000')}`],
        'from :1\nmerge :2\n',
      ),
      'done\n',
    ].join('');
    repo.git(['fast-import', '--quiet'], { input: stream });
    git = createGit({ cwd: repo.dir, env: repo.env });
  });
  afterAll(() => repo.cleanup());

  it('reads author, committer, dates and parents in the same pass', async () => {
    const [merge, side, root] = repo.git(['rev-list', '--topo-order', 'main']).split('\n');
    const bot = { name: 'Bot', email: 'bot@example.com' };
    const plain = { body: '', trailers: [] };
    expect(await collect(git.log())).toEqual([
      {
        sha: merge,
        message: 'Merge side',
        subject: 'Merge side',
        ...plain,
        author: bot,
        committer: bot,
        authoredAt: '2023-11-14T22:16:20+00:00',
        committedAt: '2023-11-14T22:16:20+00:00',
        parents: [root, side],
      },
      {
        sha: side,
        message: 'fix: side',
        subject: 'fix: side',
        ...plain,
        author: bot,
        committer: bot,
        authoredAt: '2023-11-14T22:15:20+00:00',
        committedAt: '2023-11-14T22:15:20+00:00',
        parents: [root],
      },
      {
        sha: root,
        message: 'feat: root',
        subject: 'feat: root',
        ...plain,
        author: { name: 'Ada Ünïcode', email: 'ada@example.com' },
        committer: bot,
        authoredAt: '2023-11-15T00:13:20+02:00',
        committedAt: '2023-11-14T16:44:20-05:30',
        parents: [],
      },
    ]);
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

  it('streams every sha and message through listMessages, as log reads them', async () => {
    const full = await collect(git.log({ from: 'main~1500', maxCount: 1200 }));
    const messages = await git.listMessages({ from: 'main~1500', maxCount: 1200 });
    expect(messages).toHaveLength(1200);
    expect(messages).toEqual(full.map(({ sha, message }) => ({ sha, message })));
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

describe('Git.log paths', () => {
  let repo: TempRepo;
  let git: Git;
  beforeAll(async () => {
    repo = await createTempRepo();
    git = createGit({ cwd: repo.dir, env: repo.env });
  });
  afterAll(() => repo.cleanup());

  it('lists only the commits under the paths, read literally from the top', async () => {
    const api = await repo.commit('feat(api): a', { 'packages/api/a.ts': '1\n' });
    await repo.commit('fix: web', { 'packages/web/b.ts': '1\n' });
    const star = await repo.commit('chore: odd name', { 'packages/*/c.ts': '1\n' });
    const subjects = async (paths: string[]) =>
      (await collect(git.log({ paths }))).map((c) => c.sha);
    expect(await subjects(['packages/api'])).toEqual([api]);
    // A glob character in the policy's path is a character, not a pattern.
    expect(await subjects(['packages/*'])).toEqual([star]);
    expect(await subjects(['packages/none'])).toEqual([]);
    const messages = await git.listMessages({ paths: ['packages/*'] });
    expect(messages).toEqual([{ sha: star, message: 'chore: odd name' }]);
  });
});
