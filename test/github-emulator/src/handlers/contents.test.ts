import { describe, it, expect } from '@jest/globals';
import { createClient } from '../client.js';
import { type Emulator } from '../server.js';
import { useEmulator } from '../testing.js';
import { blobSha } from './contents.js';

/** Each test's emulators are checked for violations and closed after it. */
const startEmulator = useEmulator();
let emulator: Emulator | undefined;

async function start() {
  emulator = await startEmulator({ repos: ['octo-org/app'] });
  const em = emulator;
  const main = em.seed.commit({ repo: 'octo-org/app', message: 'init' });
  em.seed.ref({ repo: 'octo-org/app', ref: 'refs/heads/main', sha: main.sha });
  em.seed.file({
    repo: 'octo-org/app',
    ref: 'main',
    path: '.github/release-policy.yml',
    content: 'version: 1\n',
  });
  em.seed.file({
    repo: 'octo-org/app',
    ref: 'main',
    path: 'package.json',
    content: '{"version":"1.2.3"}\n',
  });
  em.seed.file({
    repo: 'octo-org/app',
    ref: 'release/1.x',
    path: 'package.json',
    content: '{"version":"1.1.0"}\n',
  });
  return { em, call: createClient(emulator.url), main };
}

interface FileBody {
  type: string;
  encoding: string;
  content: string;
  sha: string;
  size: number;
  path: string;
}

describe('repos/get-content', () => {
  it('answers a file as base64 JSON at the default branch', async () => {
    const { call } = await start();
    const res = await call<FileBody>(
      'GET',
      '/repos/octo-org/app/contents/.github%2Frelease-policy.yml',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      type: 'file',
      encoding: 'base64',
      path: '.github/release-policy.yml',
      size: 11,
      sha: blobSha('version: 1\n'),
    });
    expect(Buffer.from(res.body.content, 'base64').toString('utf8')).toBe('version: 1\n');
  });

  it.each(['application/vnd.github.raw+json', 'application/vnd.github.raw'])(
    'answers raw text for %s',
    async (accept) => {
      const { call } = await start();
      const res = await call('GET', '/repos/octo-org/app/contents/package.json', undefined, {
        accept,
      });
      expect(res.status).toBe(200);
      expect(res.text).toBe('{"version":"1.2.3"}\n');
    },
  );

  it('reads at a branch, and at a sha that a branch points to', async () => {
    const { call, main } = await start();
    const branch = await call(
      'GET',
      '/repos/octo-org/app/contents/package.json?ref=release/1.x',
      undefined,
      {
        accept: 'application/vnd.github.raw+json',
      },
    );
    expect(branch.text).toBe('{"version":"1.1.0"}\n');
    const bySha = await call(
      'GET',
      `/repos/octo-org/app/contents/package.json?ref=${main.sha}`,
      undefined,
      {
        accept: 'application/vnd.github.raw+json',
      },
    );
    expect(bySha.text).toBe('{"version":"1.2.3"}\n');
  });

  it('lists a directory', async () => {
    const { call } = await start();
    const root = await call<{ name: string; type: string }[]>(
      'GET',
      '/repos/octo-org/app/contents/',
    );
    expect(root.body.map((e) => [e.name, e.type])).toEqual([
      ['.github', 'dir'],
      ['package.json', 'file'],
    ]);
    const dir = await call<{ path: string }[]>('GET', '/repos/octo-org/app/contents/.github');
    expect(dir.body.map((e) => e.path)).toEqual(['.github/release-policy.yml']);
  });

  it.each(['application/vnd.github.raw+json', 'application/vnd.github+json'])(
    'answers a link that leaves the repository as a symlink entry, for %s',
    async (accept) => {
      const { em, call } = await start();
      em.seed.symlink({
        repo: 'octo-org/app',
        ref: 'main',
        path: '.github/linked.yml',
        target: '../.git/config',
      });
      const res = await call('GET', '/repos/octo-org/app/contents/.github/linked.yml', undefined, {
        accept,
      });
      const sha = blobSha('../.git/config');
      const self = `${em.url}/repos/octo-org/app/contents/.github/linked.yml?ref=main`;
      const git = `${em.url}/repos/octo-org/app/git/blobs/${sha}`;
      const html = 'https://github.com/octo-org/app/blob/main/.github/linked.yml';
      expect([res.status, res.body]).toEqual([
        200,
        {
          type: 'symlink',
          target: '../.git/config',
          size: 14,
          name: 'linked.yml',
          path: '.github/linked.yml',
          sha,
          url: self,
          git_url: git,
          html_url: html,
          download_url: 'https://raw.githubusercontent.com/octo-org/app/main/.github/linked.yml',
          _links: { self, git, html },
        },
      ]);
    },
  );

  it('answers 404 for a missing file', async () => {
    const { call } = await start();
    expect((await call('GET', '/repos/octo-org/app/contents/nope.txt')).status).toBe(404);
    expect((await call('GET', '/repos/octo-org/app/contents/package.json?ref=gone')).status).toBe(
      404,
    );
  });
});
