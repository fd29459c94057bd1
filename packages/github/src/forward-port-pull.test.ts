import { describe, expect, it } from '@jest/globals';
import type { Emulator } from '@release-policy/github-emulator';
import {
  formatForwardPortTitle,
  renderForwardPortBody,
  upsertForwardPortPull,
} from './forward-port-pull.js';
import { createOctokit } from './octokit.js';
import { muteStdout } from './testing/actions-env.js';
import { ACTIONS_DOCS } from './text.js';
import { FULL_NAME, OWNER, REPO, useEmulator } from './testing/emulator.js';

const startEmulator = useEmulator();
const HEAD = 'release-policy/forward-port/3.5.x';

async function start(headSha = 'b'.repeat(40)) {
  const emulator = await startEmulator();
  emulator.seed.ref({ repo: FULL_NAME, ref: 'refs/heads/main', sha: 'a'.repeat(40) });
  emulator.seed.ref({ repo: FULL_NAME, ref: `refs/heads/${HEAD}`, sha: headSha });
  const input = {
    octokit: makeOctokit(emulator),
    repo: { owner: OWNER, repo: REPO },
    base: 'main',
    head: HEAD,
  };
  const pulls = () =>
    emulator.state.pulls.map((p) => [p.number, p.state, p.head.ref, p.base.ref, p.title, p.body]);
  const requests = () => emulator.requests.map((r) => [r.operationId, r.status]);
  return { emulator, input, pulls, requests };
}

/** One run's Octokit, as a separate job would have. */
function makeOctokit(emulator: Emulator) {
  return muteStdout(() =>
    createOctokit({ token: 't', baseUrl: emulator.url, retryAfterBaseMs: 1 }),
  );
}

/** The message of what `promise` rejected with, or `resolved`. */
function readRejection(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'resolved',
    (error: Error) => `${error.constructor.name}: ${error.message}`,
  );
}

describe('upsertForwardPortPull', () => {
  it('opens the pull request once, then updates its title and body in place', async () => {
    const { input, pulls } = await start();
    const first = await upsertForwardPortPull({
      ...input,
      title: 'Forward-port 3.5.x',
      body: 'one',
    });
    const second = await upsertForwardPortPull({
      ...input,
      title: 'Forward-port 3.5.x',
      body: 'two',
    });
    expect([first.status, second.status, second.number, second.url]).toEqual([
      'created',
      'updated',
      first.number,
      first.url,
    ]);
    expect(pulls()).toEqual([[1, 'open', HEAD, 'main', 'Forward-port 3.5.x', 'two']]);
  });

  it('opens a new pull request when the earlier one was closed, and leaves other branches alone', async () => {
    const { emulator, input, pulls } = await start();
    emulator.seed.pull({
      repo: FULL_NAME,
      head: { ref: HEAD, sha: 'b'.repeat(40) },
      state: 'closed',
      title: 'old',
      body: 'x',
    });
    emulator.seed.pull({
      repo: FULL_NAME,
      head: { ref: 'feature', sha: 'c'.repeat(40) },
      title: 'feature',
      body: 'y',
    });
    const result = await upsertForwardPortPull({
      ...input,
      title: 'Forward-port 3.5.x',
      body: 'new',
    });
    expect([result.status, result.number]).toEqual(['created', 3]);
    expect(pulls()).toEqual([
      [1, 'closed', HEAD, 'main', 'old', 'x'],
      [2, 'open', 'feature', 'main', 'feature', 'y'],
      [3, 'open', HEAD, 'main', 'Forward-port 3.5.x', 'new'],
    ]);
  });
});

describe('upsertForwardPortPull when the create fails or races', () => {
  const content = { title: 'Forward-port 3.5.x', body: 'one' };

  it('sends the create once and updates the pull request it opened when the answer was lost (502 after writing)', async () => {
    const { emulator, input, pulls, requests } = await start();
    emulator.fault({ operationId: 'pulls/create', kind: 'after-write' });
    const result = await upsertForwardPortPull({ ...input, ...content });
    expect([result.status, result.number]).toEqual(['updated', 1]);
    expect(pulls()).toEqual([[1, 'open', HEAD, 'main', 'Forward-port 3.5.x', 'one']]);
    expect(requests()).toEqual([
      ['pulls/list', 200],
      ['pulls/create', 502],
      ['pulls/list', 200],
      ['pulls/update', 200],
    ]);
  });

  it('ends with one pull request when two runs race: the later create answers 422 already exists', async () => {
    const { emulator, input, pulls } = await start();
    const results = await Promise.all([
      upsertForwardPortPull({ ...input, ...content }),
      upsertForwardPortPull({ ...input, octokit: makeOctokit(emulator), ...content }),
    ]);
    expect(results.map((r) => [r.status, r.number]).sort()).toEqual([
      ['created', 1],
      ['updated', 1],
    ]);
    expect(pulls()).toEqual([[1, 'open', HEAD, 'main', 'Forward-port 3.5.x', 'one']]);
    expect(
      emulator.requests.filter((r) => r.operationId === 'pulls/create').map((r) => r.status),
    ).toEqual([201, 422]);
  });

  it('sends the create again when it answered 502 and opened nothing', async () => {
    const { emulator, input, pulls, requests } = await start();
    emulator.fault({ operationId: 'pulls/create', kind: 'status', status: 502 });
    const result = await upsertForwardPortPull({ ...input, ...content });
    expect([result.status, pulls().length, requests()]).toEqual([
      'created',
      1,
      [
        ['pulls/list', 200],
        ['pulls/create', 502],
        ['pulls/list', 200],
        ['pulls/create', 201],
      ],
    ]);
  });

  it('fails with the server error when two creates in a row answered 502 and opened nothing', async () => {
    const { emulator, input, pulls, requests } = await start();
    emulator.fault({ operationId: 'pulls/create', kind: 'status', status: 502 });
    emulator.fault({ operationId: 'pulls/create', kind: 'status', status: 502 });
    const message = await readRejection(upsertForwardPortPull({ ...input, ...content }));
    expect(message).toMatch(
      /^GitHubApiError: POST \/repos\/\{owner\}\/\{repo\}\/pulls answered 502 .*server error, also after retrying/,
    );
    expect([pulls(), requests()]).toEqual([
      [],
      [
        ['pulls/list', 200],
        ['pulls/create', 502],
        ['pulls/list', 200],
        ['pulls/create', 502],
        ['pulls/list', 200],
      ],
    ]);
  });

  it('says what to do when GitHub answers already exists and the look-up finds none', async () => {
    const { emulator, input, requests } = await start();
    emulator.seed.pull({ repo: FULL_NAME, head: { ref: HEAD, sha: 'b'.repeat(40) }, title: 'x' });
    // As when GitHub does not list a pull request yet: every list answers empty.
    input.octokit.hook.after('request', (response, options) => {
      if (options.method === 'GET') Object.assign(response, { data: [] });
    });
    const message = await readRejection(upsertForwardPortPull({ ...input, ...content }));
    expect(message).toBe(
      `GitHubApiError: POST /repos/{owner}/{repo}/pulls answered 422: a pull request from "${HEAD}" into "main" already exists, ` +
        `but listing the open pull requests with head "${HEAD}" found none. This can happen right after it ` +
        'was opened, before GitHub lists it: re-run the job, which finds it and updates it. If it fails again, ' +
        `close the open pull request from "${HEAD}" into "main" in the repository so that a re-run opens a new one. ` +
        `Read more: ${ACTIONS_DOCS}#forward-ports`,
    );
    expect(requests()).toEqual([
      ['pulls/list', 200],
      ['pulls/create', 422],
      ['pulls/list', 200],
    ]);
  });

  it('does not look again after a 422 that is not already exists (no commits between the branches)', async () => {
    const { input, pulls, requests } = await start('a'.repeat(40));
    const message = await readRejection(upsertForwardPortPull({ ...input, ...content }));
    expect(message).toMatch(/^GitHubApiError: POST .* answered 422 "Validation Failed"/);
    expect([pulls(), requests()]).toEqual([
      [],
      [
        ['pulls/list', 200],
        ['pulls/create', 422],
      ],
    ]);
  });
});

describe('renderForwardPortBody', () => {
  const picked = { sha: '1'.repeat(40), subject: 'fix: crash | <b>@alice</b>' };
  const conflict = { sha: '2'.repeat(40), subject: 'fix: `conf`', reason: 'conflict' as const };
  const empty = { sha: '3'.repeat(40), subject: 'fix: typo', reason: 'empty' as const };

  it('lists the picks, what was left out and the commands for each conflicting pick, escaping untrusted text', () => {
    const body = renderForwardPortBody({
      line: '3.5.x [x](y)',
      mainline: 'main',
      branch: HEAD,
      picked: [picked],
      skipped: [conflict, empty],
    });
    expect(body.split('\n')).toEqual([
      'Commits shipped on the maintenance line **3.5.x &#91;x&#93;(y)** that **main** lacks, cherry-picked with `git cherry-pick -x` by release-policy (patch-merge, open-forward-ports). A re-run updates this pull request and adds only new picks.',
      '',
      '### Picked by the last run',
      '',
      '| commit | subject |',
      '| --- | --- |',
      '| `111111111111` | fix: crash &#124; &lt;b&gt;&#64;alice&lt;/b&gt; |',
      '',
      '### Not picked',
      '',
      '| commit | subject | why |',
      '| --- | --- | --- |',
      '| `222222222222` | fix: &#96;conf&#96; | conflicts with mainline: pick it by hand |',
      '| `333333333333` | fix: typo | already applied (the pick came out empty) |',
      '',
      '### For a person to do',
      '',
      'These picks conflict with mainline. Pick each on this branch, resolve the conflict, `git cherry-pick --continue`, then push; a later run sees the `(cherry picked from commit …)` line and leaves it:',
      '',
      '```sh',
      `git fetch origin ${HEAD}`,
      `git switch ${HEAD}`,
      `git cherry-pick -x ${'2'.repeat(40)}`,
      `git push origin ${HEAD}`,
      '```',
      '',
    ]);
  });

  it('says so when the run picked nothing new', () => {
    const body = renderForwardPortBody({
      line: '3.5.x',
      mainline: 'main',
      branch: HEAD,
      picked: [],
      skipped: [],
    });
    expect(body.split('\n\n')[1]).toBe('The last run picked no new commit.\n');
  });

  it('titles the pull request by line and mainline', () => {
    expect(formatForwardPortTitle('3.5.x', 'main')).toBe('Forward-port 3.5.x into main');
  });
});
