import { describe, expect, it } from '@jest/globals';
import type { Emulator } from '@release-policy/github-emulator';
import { createOctokit } from './octokit.js';
import { mergeReleaseBody, NOTES_END, NOTES_START, publishRelease } from './release.js';
import { muteStdout } from './testing/actions-env.js';
import { FULL_NAME, OWNER, REPO, useEmulator } from './testing/emulator.js';

const TOKEN = 'ghs_BotToken0123456789';
const NOTES = '## 1.4.0 (2026-01-02)\n\n### Features\n\n* add tokens\n';
const BLOCK = `${NOTES_START}\n${NOTES.trimEnd()}\n${NOTES_END}`;

const startEmulator = useEmulator({ token: TOKEN });

/** An emulator whose repository has the tag v1.4.0. */
async function start(): Promise<Emulator> {
  const emulator = await startEmulator();
  emulator.seed.ref({ repo: FULL_NAME, ref: 'refs/tags/v1.4.0', sha: 'a'.repeat(40) });
  return emulator;
}

/** One run: its own Octokit, as a separate job would have. */
function publish(
  emulator: Emulator,
  options: { draft?: boolean; prerelease?: boolean; notes?: string } = {},
) {
  const octokit = muteStdout(() =>
    createOctokit({ token: TOKEN, baseUrl: emulator.url, retryAfterBaseMs: 1 }),
  );
  return publishRelease({
    octokit,
    repo: { owner: OWNER, repo: REPO },
    tag: 'v1.4.0',
    name: 'v1.4.0',
    notes: options.notes ?? NOTES,
    draft: options.draft ?? false,
    prerelease: options.prerelease ?? false,
  });
}

/** The releases of the repository as the emulator stores them. */
function stored(emulator: Emulator) {
  return emulator.state.releases
    .filter((r) => r.repo === FULL_NAME)
    .map((r) => ({ tag: r.tagName, body: r.body, draft: r.draft, prerelease: r.prerelease }));
}

describe('mergeReleaseBody', () => {
  it.each([
    ['an empty body', '', BLOCK],
    ['a body a person wrote', 'Thanks to all!', `${BLOCK}\n\nThanks to all!`],
    [
      'a body with an old block and text around it',
      `Intro\n${NOTES_START}\nold\n${NOTES_END}\nOutro`,
      `Intro\n${BLOCK}\nOutro`,
    ],
  ])('puts the notes into %s', (_name, body, expected) => {
    expect(mergeReleaseBody(body, NOTES)).toBe(expected);
  });
});

describe('publishRelease', () => {
  it('creates the release, then updates the same one on a re-run', async () => {
    const emulator = await start();
    const first = await publish(emulator);
    const second = await publish(emulator, { notes: NOTES.replace('add tokens', 'add keys') });
    expect([first.status, second.status, second.id]).toEqual(['created', 'updated', first.id]);
    expect(stored(emulator)).toEqual([
      {
        tag: 'v1.4.0',
        body: mergeReleaseBody('', NOTES.replace('add tokens', 'add keys')),
        draft: false,
        prerelease: false,
      },
    ]);
  });

  it('keeps the text a person added outside the marked block', async () => {
    const emulator = await start();
    await publish(emulator);
    const release = emulator.state.releases[0];
    if (release) release.body = `Read this first.\n\n${release.body ?? ''}\n\nSigned, the team`;
    await publish(emulator);
    expect(stored(emulator).map((r) => r.body)).toEqual([
      `Read this first.\n\n${BLOCK}\n\nSigned, the team`,
    ]);
  });

  it('finds a draft that get-by-tag does not find, and updates it', async () => {
    const emulator = await start();
    emulator.seed.release({ repo: FULL_NAME, tagName: 'v1.4.0', draft: true, body: 'draft text' });
    const result = await publish(emulator, { draft: true });
    expect(result.status).toBe('updated');
    expect(stored(emulator)).toEqual([
      { tag: 'v1.4.0', body: `${BLOCK}\n\ndraft text`, draft: true, prerelease: false },
    ]);
  });

  it('never turns a release a maintainer published back into a draft, and still updates its notes and name', async () => {
    const emulator = await start();
    await publish(emulator, { draft: true });
    const release = emulator.state.releases[0];
    if (release) Object.assign(release, { draft: false, name: 'renamed by hand' });
    const result = await publish(emulator, { draft: true, notes: NOTES.replace('tokens', 'keys') });
    expect(result.status).toBe('updated');
    expect(stored(emulator)).toEqual([
      {
        tag: 'v1.4.0',
        body: mergeReleaseBody('', NOTES.replace('tokens', 'keys')),
        draft: false,
        prerelease: false,
      },
    ]);
    expect(emulator.state.releases[0]?.name).toBe('v1.4.0');
    const update = emulator.requests.find((r) => r.operationId === 'repos/update-release');
    // Neither draft nor prerelease is sent: a release published meanwhile stays published.
    expect(update?.requestBody).toEqual({
      tag_name: 'v1.4.0',
      name: 'v1.4.0',
      body: mergeReleaseBody('', NOTES.replace('tokens', 'keys')),
    });
  });

  it('publishes a draft when the policy asks for published releases', async () => {
    const emulator = await start();
    emulator.seed.release({ repo: FULL_NAME, tagName: 'v1.4.0', draft: true, body: '' });
    await publish(emulator, { draft: false });
    expect(stored(emulator)).toEqual([
      { tag: 'v1.4.0', body: BLOCK, draft: false, prerelease: false },
    ]);
  });

  it.each([
    ['a pre-release a person marked as a full release', true, false],
    ['a release a person marked as a pre-release', false, true],
  ])('leaves %s as the person left it', async (_label, computed, setByHand) => {
    const emulator = await start();
    emulator.seed.release({ repo: FULL_NAME, tagName: 'v1.4.0', prerelease: setByHand, body: '' });
    await publish(emulator, { prerelease: computed });
    expect(stored(emulator)).toEqual([
      { tag: 'v1.4.0', body: BLOCK, draft: false, prerelease: setByHand },
    ]);
  });

  it('ends with one release when two runs race: the later create answers 422 already_exists', async () => {
    const emulator = await start();
    const results = await Promise.all([publish(emulator), publish(emulator, { prerelease: true })]);
    expect(results.map((r) => r.status).sort()).toEqual(['created', 'updated']);
    expect(stored(emulator)).toHaveLength(1);
    expect(stored(emulator)[0]?.body).toBe(BLOCK);
  });

  it.each([false, true])(
    'ends with one release when the create fails after writing (draft %s)',
    async (draft) => {
      const emulator = await start();
      emulator.fault({ operationId: 'repos/create-release', kind: 'after-write' });
      const result = await publish(emulator, { draft });
      expect([result.status, stored(emulator)]).toEqual([
        'updated',
        [{ tag: 'v1.4.0', body: BLOCK, draft, prerelease: false }],
      ]);
    },
  );

  it('ends with one release when it answers 404 right after creation', async () => {
    const emulator = await start();
    emulator.fault({ operationId: 'repos/get-release-by-tag', kind: 'not-found-once' });
    emulator.fault({ operationId: 'repos/get-release', kind: 'not-found-once' });
    await publish(emulator);
    await publish(emulator);
    expect(stored(emulator)).toEqual([
      { tag: 'v1.4.0', body: BLOCK, draft: false, prerelease: false },
    ]);
  });
});
