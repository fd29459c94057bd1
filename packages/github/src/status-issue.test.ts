import { describe, expect, it } from '@jest/globals';
import { createOctokit } from './octokit.js';
import { MAX_ISSUES_SCANNED, STATUS_ISSUE_MARKER, upsertStatusIssue } from './status-issue.js';
import { FULL_NAME, OWNER, REPO, useEmulator } from './testing/emulator.js';

const startEmulator = useEmulator();

async function start() {
  const emulator = await startEmulator();
  const octokit = createOctokit({ token: 't', baseUrl: emulator.url, retryAfterBaseMs: 1 });
  const input = {
    octokit,
    repo: { owner: OWNER, repo: REPO },
    title: 'Release status',
    botLogin: 'github-actions[bot]',
  };
  const ours = () =>
    emulator.state.issues
      .filter((i) => i.repo === FULL_NAME && i.body?.startsWith(STATUS_ISSUE_MARKER))
      .map((i) => [i.number, i.state, i.title, i.body?.split('\n')[1]]);
  return { emulator, input, ours };
}

describe('upsertStatusIssue', () => {
  it('creates the issue once, then updates it in place', async () => {
    const { input, ours } = await start();
    const first = await upsertStatusIssue({ ...input, body: 'first' });
    const second = await upsertStatusIssue({ ...input, title: 'Status', body: 'second' });
    expect([first.status, second.status, second.number]).toEqual([
      'created',
      'updated',
      first.number,
    ]);
    expect(ours()).toEqual([[first.number, 'open', 'Status', 'second']]);
  });

  it('ignores an issue carrying the marker that someone else wrote', async () => {
    const { emulator, input, ours } = await start();
    emulator.seed.issue({
      repo: FULL_NAME,
      title: 'copy',
      body: `${STATUS_ISSUE_MARKER}\nmine`,
      user: 'mallory',
    });
    const result = await upsertStatusIssue({ ...input, body: 'ours' });
    expect(result.status).toBe('created');
    expect(ours()).toEqual([
      [1, 'open', 'copy', 'mine'],
      [2, 'open', 'Release status', 'ours'],
    ]);
  });

  it('keeps one open issue when the create is retried after a lost answer', async () => {
    const { emulator, input, ours } = await start();
    const fault = emulator.fault({ operationId: 'issues/create', kind: 'after-write' });
    const result = await upsertStatusIssue({ ...input, body: 'status' });
    expect(fault.hits).toBe(1);
    // The first create's answer was lost: that issue (#1) is the status issue, the retry's is closed.
    expect(result).toMatchObject({ status: 'updated', number: 1, closed: [2] });
    expect(ours()).toEqual([
      [1, 'open', 'Release status', 'status'],
      [2, 'closed', 'Release status', 'status'],
    ]);
  });

  it('reopens and updates the status issue someone closed, and a re-run keeps that one issue', async () => {
    const { emulator, input, ours } = await start();
    const first = await upsertStatusIssue({ ...input, body: 'first' });
    const closed = emulator.state.issues.find((i) => i.number === first.number);
    if (closed) closed.state = 'closed';
    const second = await upsertStatusIssue({ ...input, body: 'second' });
    const third = await upsertStatusIssue({ ...input, body: 'third' });
    expect([second.status, second.number, third.status, third.number]).toEqual([
      'reopened',
      first.number,
      'updated',
      first.number,
    ]);
    expect(ours()).toEqual([[first.number, 'open', 'Release status', 'third']]);
  });

  it('reopens the issue closed last, not a duplicate closed before it', async () => {
    const { emulator, input, ours } = await start();
    emulator.fault({ operationId: 'issues/create', kind: 'after-write' });
    await upsertStatusIssue({ ...input, body: 'status' });
    // #2 was closed as a duplicate; then someone closes the status issue #1.
    const [one] = emulator.state.issues.filter((i) => i.number === 1);
    const closedAt = '2099-01-01T00:00:00Z';
    if (one) Object.assign(one, { state: 'closed', closedAt, updatedAt: closedAt });
    const result = await upsertStatusIssue({ ...input, body: 'again' });
    expect(result).toMatchObject({ status: 'reopened', number: 1, closed: [] });
    expect(ours()).toEqual([
      [1, 'open', 'Release status', 'again'],
      [2, 'closed', 'Release status', 'status'],
    ]);
  });

  it('finds the closed status issue behind more than the limit of other closed bot issues and pull requests', async () => {
    const { emulator, input, ours } = await start();
    const bot = input.botLogin;
    const extra = MAX_ISSUES_SCANNED + 50;
    // Older bot issues: a listing of every state, oldest first, would spend the limit on them.
    for (let i = 0; i < extra; i += 1) {
      const stamp = '2020-01-01T00:00:00Z';
      emulator.seed.issue({
        repo: FULL_NAME,
        title: `old ${i}`,
        user: bot,
        state: 'closed',
        createdAt: stamp,
        updatedAt: stamp,
        closedAt: stamp,
      });
    }
    const status = emulator.seed.issue({
      repo: FULL_NAME,
      title: 'Release status',
      body: `${STATUS_ISSUE_MARKER}\nold`,
      user: bot,
      state: 'closed',
      createdAt: '2021-01-01T00:00:00Z',
      updatedAt: '2022-01-01T00:00:00Z',
      closedAt: '2022-01-01T00:00:00Z',
    });
    // Bot pull requests updated since: listed first among closed ones, but not counted.
    for (let i = 0; i < extra; i += 1) {
      const stamp = '2023-01-01T00:00:00Z';
      emulator.seed.pull({
        repo: FULL_NAME,
        user: bot,
        state: 'closed',
        createdAt: stamp,
        updatedAt: stamp,
        closedAt: stamp,
      });
    }
    const result = await upsertStatusIssue({ ...input, body: 'new' });
    const again = await upsertStatusIssue({ ...input, body: 'again' });
    expect(result).toMatchObject({ status: 'reopened', number: status.number, closed: [] });
    expect(again).toMatchObject({ status: 'updated', number: status.number, closed: [] });
    expect(ours()).toEqual([[status.number, 'open', 'Release status', 'again']]);
    expect(emulator.state.issues.filter((i) => i.repo === FULL_NAME)).toHaveLength(extra + 1);
  });
});
