import { describe, it, expect } from '@jest/globals';
import { createClient } from '../client.js';
import { type Emulator } from '../server.js';
import { useEmulator } from '../testing.js';

/** Each test's emulators are checked for violations and closed after it. */
const startEmulator = useEmulator();
let emulator: Emulator | undefined;

const main = 'e'.repeat(40);
const base = '/repos/octo-org/app/releases';

async function start() {
  let clock = Date.parse('2024-05-01T10:00:00Z');
  emulator = await startEmulator({ repos: ['octo-org/app'], now: () => new Date((clock += 1000)) });
  emulator.seed.commit({ repo: 'octo-org/app', sha: main, message: 'feat: x' });
  emulator.seed.ref({ repo: 'octo-org/app', ref: 'refs/heads/main', sha: main });
  return { em: emulator, call: createClient(emulator.url) };
}

interface Release {
  id: number;
  tag_name: string;
  draft: boolean;
  prerelease: boolean;
  name: string | null;
  body: string | null;
  published_at: string | null;
  html_url: string;
}

describe('releases', () => {
  it('creates a release, creates its tag, and refuses a second one for the tag', async () => {
    const { em, call } = await start();
    const created = await call<Release>('POST', base, {
      tag_name: 'v1.0.0',
      name: 'v1.0.0',
      body: 'notes',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ tag_name: 'v1.0.0', draft: false, body: 'notes' });
    expect(created.body.html_url).toBe('https://github.com/octo-org/app/releases/tag/v1.0.0');
    expect(em.state.refs).toContainEqual({
      repo: 'octo-org/app',
      ref: 'refs/tags/v1.0.0',
      sha: main,
    });
    const second = await call('POST', base, { tag_name: 'v1.0.0' });
    expect(second.status).toBe(422);
    expect(second.body).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
    });
    expect(em.state.releases).toHaveLength(1);
  });

  it('hides drafts from get-by-tag and latest, and shows them by id and in the list', async () => {
    const { em, call } = await start();
    const draft = await call<Release>('POST', base, { tag_name: 'v2.0.0', draft: true });
    expect(draft.body).toMatchObject({ draft: true, published_at: null });
    expect(em.state.refs.some((r) => r.ref === 'refs/tags/v2.0.0')).toBe(false);
    expect((await call('GET', `${base}/tags/v2.0.0`)).status).toBe(404);
    expect((await call('GET', `${base}/latest`)).status).toBe(404);
    expect((await call<Release>('GET', `${base}/${draft.body.id}`)).body.tag_name).toBe('v2.0.0');
    expect((await call<Release[]>('GET', base)).body.map((r) => r.id)).toEqual([draft.body.id]);
    // A second draft for the same tag is allowed, as on GitHub.
    expect((await call('POST', base, { tag_name: 'v2.0.0', draft: true })).status).toBe(201);
  });

  it('publishes a draft, which creates the tag and makes it visible', async () => {
    const { em, call } = await start();
    const draft = await call<Release>('POST', base, { tag_name: 'v3.0.0', draft: true });
    const published = await call<Release>('PATCH', `${base}/${draft.body.id}`, {
      draft: false,
      name: 'Three',
    });
    expect(published.body).toMatchObject({
      draft: false,
      name: 'Three',
      published_at: expect.any(String),
    });
    expect(em.state.refs.some((r) => r.ref === 'refs/tags/v3.0.0')).toBe(true);
    expect((await call<Release>('GET', `${base}/tags/v3.0.0`)).body.id).toBe(draft.body.id);
  });

  it('answers the newest non-prerelease as latest', async () => {
    const { call } = await start();
    await call('POST', base, { tag_name: 'v1.0.0' });
    await call('POST', base, { tag_name: 'v1.1.0' });
    await call('POST', base, { tag_name: 'v2.0.0-rc.1', prerelease: true });
    expect((await call<Release>('GET', `${base}/latest`)).body.tag_name).toBe('v1.1.0');
    const list = await call<Release[]>('GET', `${base}?per_page=2`);
    expect(list.body.map((r) => r.tag_name)).toEqual(['v2.0.0-rc.1', 'v1.1.0']);
    expect(list.headers.get('link')).toContain('rel="next"');
  });

  it('refuses a target that does not resolve, and deletes a release', async () => {
    const { em, call } = await start();
    const bad = await call('POST', base, { tag_name: 'v9.0.0', target_commitish: 'nope' });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ errors: [{ field: 'target_commitish', code: 'invalid' }] });
    const created = await call<Release>('POST', base, { tag_name: 'v1.0.0' });
    expect((await call('DELETE', `${base}/${created.body.id}`)).status).toBe(204);
    expect(em.state.releases).toEqual([]);
    expect((await call('GET', `${base}/${created.body.id}`)).status).toBe(404);
    expect((await call('PATCH', `${base}/${created.body.id}`, { name: 'x' })).status).toBe(404);
  });
});
