import { describe, it, expect } from '@jest/globals';
import { createClient } from '../client.js';
import { startEmulator as startBare } from '../server.js';
import { useEmulator } from '../testing.js';

/** Each test's emulators are checked for violations and closed after it. */
const startEmulator = useEmulator();

interface Asset {
  id: number;
  name: string;
  label: string | null;
  size: number;
  digest: string;
  content_type: string;
  state: string;
  browser_download_url: string;
}

interface Release {
  id: number;
  upload_url: string;
  assets: Asset[];
}

async function start() {
  const emulator = await startEmulator({ repos: ['octo-org/app'] });
  const release = emulator.seed.release({ repo: 'octo-org/app', tagName: 'v1.0.0' });
  const api = createClient(emulator.url);
  const uploads = createClient(emulator.uploadsUrl);
  const assetsPath = `/repos/octo-org/app/releases/${release.id}/assets`;
  const upload = (name: string, data: string, type = 'application/json') =>
    uploads<Asset>('POST', `${assetsPath}?name=${encodeURIComponent(name)}`, data, {
      'content-type': type,
    });
  return { emulator, release, api, upload, assetsPath };
}

describe('release assets', () => {
  it('points upload_url at the uploads host, another origin than the API', async () => {
    const { emulator, api, release } = await start();
    const got = await api<Release>('GET', `/repos/octo-org/app/releases/${release.id}`);
    expect(got.body.upload_url).toBe(
      `${emulator.uploadsUrl}/repos/octo-org/app/releases/${release.id}/assets{?name,label}`,
    );
    expect(new URL(emulator.uploadsUrl).origin).not.toBe(new URL(emulator.url).origin);
  });

  it('stores the uploaded bytes with their digest and lists them on the release', async () => {
    const { emulator, api, upload, release, assetsPath } = await start();
    const created = await upload('evidence.json', '{"ok":true}');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'evidence.json',
      size: 11,
      content_type: 'application/json',
      state: 'uploaded',
      digest: 'sha256:4062edaf750fb8074e7e83e0c9028c94e32468a8b6f1614774328ef045150f93',
      browser_download_url:
        'https://github.com/octo-org/app/releases/download/v1.0.0/evidence.json',
    });
    expect(emulator.state.releaseAssets[0]?.data.toString('utf8')).toBe('{"ok":true}');
    const listed = await api<Asset[]>('GET', assetsPath);
    expect(listed.body.map((a) => a.id)).toEqual([created.body.id]);
    const rendered = await api<Release>('GET', `/repos/octo-org/app/releases/${release.id}`);
    expect(rendered.body.assets.map((a) => a.name)).toEqual(['evidence.json']);
    const one = await api<Asset>('GET', `/repos/octo-org/app/releases/assets/${created.body.id}`);
    expect(one.body.digest).toBe(created.body.digest);
  });

  it('refuses a second asset of the same name with 422 already_exists', async () => {
    const { emulator, upload } = await start();
    await upload('evidence.json', '{}');
    const second = await upload('evidence.json', '{"again":true}');
    expect(second.status).toBe(422);
    expect(second.body).toMatchObject({
      errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }],
    });
    expect(emulator.state.releaseAssets).toHaveLength(1);
  });

  it('deletes an asset, and a release deletes its assets with it', async () => {
    const { emulator, api, upload, release } = await start();
    const a = await upload('a.json', '{}');
    await upload('b.json', '{}');
    const gone = await api('DELETE', `/repos/octo-org/app/releases/assets/${a.body.id}`);
    expect(gone.status).toBe(204);
    expect(emulator.state.releaseAssets.map((x) => x.name)).toEqual(['b.json']);
    expect((await api('GET', `/repos/octo-org/app/releases/assets/${a.body.id}`)).status).toBe(404);
    await api('DELETE', `/repos/octo-org/app/releases/${release.id}`);
    expect(emulator.state.releaseAssets).toEqual([]);
  });

  it('serves uploads under /api/uploads next to a /api/v3 prefix, as GitHub Enterprise Server does', async () => {
    const emulator = await startEmulator({ repos: ['octo-org/app'], pathPrefix: '/api/v3' });
    const release = emulator.seed.release({ repo: 'octo-org/app', tagName: 'v1.0.0' });
    expect(emulator.uploadsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/uploads$/);
    const uploads = createClient(emulator.uploadsUrl);
    const created = await uploads(
      'POST',
      `/repos/octo-org/app/releases/${release.id}/assets?name=x.txt`,
      'x',
      {
        'content-type': 'text/plain',
      },
    );
    expect(created.status).toBe(201);
  });
});

describe('release assets on the wrong host', () => {
  it('records an upload sent to the API host instead of upload_url', async () => {
    const emulator = await startBare({ repos: ['octo-org/app'] });
    try {
      const release = emulator.seed.release({ repo: 'octo-org/app', tagName: 'v1.0.0' });
      const api = createClient(emulator.url);
      const sent = await api(
        'POST',
        `/repos/octo-org/app/releases/${release.id}/assets?name=x.json`,
        '{}',
      );
      expect(sent.status).toBe(404);
      expect(emulator.violations.map((v) => [v.kind, v.operationId])).toEqual([
        ['unknown-route', 'repos/upload-release-asset'],
      ]);
      expect(emulator.violations[0]?.message).toContain("send it to the release's upload_url");
      expect(emulator.state.releaseAssets).toEqual([]);
    } finally {
      await emulator.close();
    }
  });

  it('records an API call sent to the uploads host', async () => {
    const emulator = await startBare({ repos: ['octo-org/app'] });
    try {
      const sent = await createClient(emulator.uploadsUrl)('GET', '/repos/octo-org/app');
      expect(sent.status).toBe(404);
      expect(emulator.violations[0]?.message).toContain(
        'the uploads host serves release-asset uploads only',
      );
    } finally {
      await emulator.close();
    }
  });
});
