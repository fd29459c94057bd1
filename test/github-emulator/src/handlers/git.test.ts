import { describe, it, expect, afterAll, beforeAll } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '../client.js';
import { type Emulator } from '../server.js';
import { useEmulator } from '../testing.js';

/** Each test's emulators are checked for violations and closed after it. */
const startEmulator = useEmulator();
let emulator: Emulator | undefined;

interface Ref {
  ref: string;
  object: { type: string; sha: string };
}

describe('git data from seeded records', () => {
  async function start() {
    emulator = await startEmulator({ repos: ['octo-org/app'] });
    const em = emulator;
    const c1 = em.seed.commit({ repo: 'octo-org/app', message: 'feat: one' });
    const c2 = em.seed.commit({ repo: 'octo-org/app', message: 'fix: two', parents: [c1.sha] });
    em.seed.ref({ repo: 'octo-org/app', ref: 'refs/heads/main', sha: c2.sha });
    const tag = em.seed.annotatedTag({
      repo: 'octo-org/app',
      tag: 'v1.0.0',
      object: { sha: c1.sha, type: 'commit' },
    });
    return { em, call: createClient(em.url), c1, c2, tag };
  }

  it('gets refs and tells annotated tags from commits', async () => {
    const { call, c2, tag } = await start();
    const head = await call<Ref>('GET', '/repos/octo-org/app/git/ref/heads/main');
    expect(head.body).toMatchObject({
      ref: 'refs/heads/main',
      object: { type: 'commit', sha: c2.sha },
    });
    const tagRef = await call<Ref>('GET', '/repos/octo-org/app/git/ref/tags%2Fv1.0.0');
    expect(tagRef.body.object).toMatchObject({ type: 'tag', sha: tag.sha });
    expect((await call('GET', '/repos/octo-org/app/git/ref/heads/nope')).status).toBe(404);
    const matching = await call<Ref[]>('GET', '/repos/octo-org/app/git/matching-refs/tags/v1');
    expect(matching.body.map((r) => r.ref)).toEqual(['refs/tags/v1.0.0']);
  });

  it('reads an annotated tag and a git commit', async () => {
    const { call, c1, c2, tag } = await start();
    const t = await call<{ tag: string; object: { sha: string } }>(
      'GET',
      `/repos/octo-org/app/git/tags/${tag.sha}`,
    );
    expect(t.body).toMatchObject({ tag: 'v1.0.0', object: { sha: c1.sha } });
    const c = await call<{ message: string; parents: { sha: string }[] }>(
      'GET',
      `/repos/octo-org/app/git/commits/${c2.sha}`,
    );
    expect(c.body.message).toBe('fix: two');
    expect(c.body.parents.map((p) => p.sha)).toEqual([c1.sha]);
  });

  it('creates a ref, refuses a duplicate and a malformed name, and fast-forwards only', async () => {
    const { em, call, c1, c2 } = await start();
    const created = await call<Ref>('POST', '/repos/octo-org/app/git/refs', {
      ref: 'refs/heads/release',
      sha: c1.sha,
    });
    expect(created.status).toBe(201);
    expect(em.state.refs.find((r) => r.ref === 'refs/heads/release')?.sha).toBe(c1.sha);
    const again = await call('POST', '/repos/octo-org/app/git/refs', {
      ref: 'refs/heads/release',
      sha: c1.sha,
    });
    expect([again.status, again.body]).toEqual([
      422,
      expect.objectContaining({ message: 'Reference already exists' }),
    ]);
    const bad = await call('POST', '/repos/octo-org/app/git/refs', { ref: 'release', sha: c1.sha });
    expect(bad.status).toBe(422);
    const forward = await call('PATCH', '/repos/octo-org/app/git/refs/heads/release', {
      sha: c2.sha,
    });
    expect(forward.status).toBe(200);
    const back = await call('PATCH', '/repos/octo-org/app/git/refs/heads/release', { sha: c1.sha });
    expect([back.status, back.body]).toEqual([
      422,
      expect.objectContaining({ message: 'Update is not a fast forward' }),
    ]);
    expect(
      (
        await call('PATCH', '/repos/octo-org/app/git/refs/heads/release', {
          sha: c1.sha,
          force: true,
        })
      ).status,
    ).toBe(200);
  });

  it('lists tags with their peeled commit, and commits newest first', async () => {
    const { call, c1, c2 } = await start();
    const tags = await call<{ name: string; commit: { sha: string } }[]>(
      'GET',
      '/repos/octo-org/app/tags',
    );
    expect(tags.body.map((t) => [t.name, t.commit.sha])).toEqual([['v1.0.0', c1.sha]]);
    const commits = await call<{ sha: string }[]>('GET', '/repos/octo-org/app/commits?sha=main');
    expect(commits.body.map((c) => c.sha)).toEqual([c2.sha, c1.sha]);
    const one = await call<{ sha: string }>('GET', '/repos/octo-org/app/commits/v1.0.0');
    expect(one.body.sha).toBe(c1.sha);
    expect((await call('GET', '/repos/octo-org/app/commits/nope')).status).toBe(422);
  });

  it('compares two refs', async () => {
    const { call, c1, c2 } = await start();
    const res = await call<{
      status: string;
      ahead_by: number;
      behind_by: number;
      commits: { sha: string }[];
      merge_base_commit: { sha: string };
    }>('GET', '/repos/octo-org/app/compare/v1.0.0...main');
    expect(res.body).toMatchObject({
      status: 'ahead',
      ahead_by: 1,
      behind_by: 0,
      merge_base_commit: { sha: c1.sha },
    });
    expect(res.body.commits.map((c) => c.sha)).toEqual([c2.sha]);
    const reverse = await call<{ status: string }>(
      'GET',
      '/repos/octo-org/app/compare/main...v1.0.0',
    );
    expect(reverse.body.status).toBe('behind');
  });
});

describe('git data from a real local repository', () => {
  let dir: string;
  const shas: Record<string, string> = {};
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Ada',
        GIT_AUTHOR_EMAIL: 'ada@example.com',
        GIT_COMMITTER_NAME: 'Ada',
        GIT_COMMITTER_EMAIL: 'ada@example.com',
        GIT_CONFIG_NOSYSTEM: '1',
        HOME: dir,
      },
    }).trim();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'emulator-git-'));
    git('init', '-q', '-b', 'main');
    writeFileSync(join(dir, 'package.json'), '{"version":"1.0.0"}\n');
    git('add', '.');
    git('commit', '-q', '-m', 'feat: first', '--date', '2024-01-01T00:00:00Z');
    shas.first = git('rev-parse', 'HEAD');
    git('tag', '-a', 'v1.0.0', '-m', 'Release 1.0.0');
    writeFileSync(join(dir, 'package.json'), '{"version":"1.1.0"}\n');
    git('commit', '-q', '-am', 'feat: second\n\nCloses CHG-7', '--date', '2024-01-02T00:00:00Z');
    shas.second = git('rev-parse', 'HEAD');
    git('tag', 'light');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function start() {
    emulator = await startEmulator({ repos: [{ owner: 'octo-org', name: 'app', gitDir: dir }] });
    return { em: emulator, call: createClient(emulator.url) };
  }

  it('reads refs, annotated and lightweight tags from git', async () => {
    const { call } = await start();
    const refs = await call<Ref[]>('GET', '/repos/octo-org/app/git/matching-refs/tags/');
    expect(refs.body.map((r) => [r.ref, r.object.type])).toEqual([
      ['refs/tags/light', 'commit'],
      ['refs/tags/v1.0.0', 'tag'],
    ]);
    const tagSha = refs.body[1]?.object.sha ?? '';
    const tag = await call<{ tag: string; message: string; object: { sha: string } }>(
      'GET',
      `/repos/octo-org/app/git/tags/${tagSha}`,
    );
    expect(tag.body).toMatchObject({
      tag: 'v1.0.0',
      message: 'Release 1.0.0\n',
      object: { sha: shas.first },
    });
  });

  it('reads commits with messages, parents and history', async () => {
    const { call } = await start();
    const commits = await call<
      { sha: string; commit: { message: string; author: { name: string } } }[]
    >('GET', '/repos/octo-org/app/commits');
    expect(commits.body.map((c) => [c.sha, c.commit.message])).toEqual([
      [shas.second, 'feat: second\n\nCloses CHG-7'],
      [shas.first, 'feat: first'],
    ]);
    expect(commits.body[0]?.commit.author.name).toBe('Ada');
    const compare = await call<{ ahead_by: number }>(
      'GET',
      '/repos/octo-org/app/compare/v1.0.0...main',
    );
    expect(compare.body.ahead_by).toBe(1);
  });

  it('serves file contents at a tag and at the default branch', async () => {
    const { call } = await start();
    const raw = { accept: 'application/vnd.github.raw+json' };
    expect(
      (await call('GET', '/repos/octo-org/app/contents/package.json?ref=v1.0.0', undefined, raw))
        .text,
    ).toBe('{"version":"1.0.0"}\n');
    expect(
      (await call('GET', '/repos/octo-org/app/contents/package.json', undefined, raw)).text,
    ).toBe('{"version":"1.1.0"}\n');
    const root = await call<{ name: string }[]>('GET', '/repos/octo-org/app/contents/');
    expect(root.body.map((e) => e.name)).toEqual(['package.json']);
  });

  it('layers seeded refs over the repository', async () => {
    const { em, call } = await start();
    em.seed.ref({ repo: 'octo-org/app', ref: 'refs/heads/main', sha: shas.first ?? '' });
    const head = await call<Ref>('GET', '/repos/octo-org/app/git/ref/heads/main');
    expect(head.body.object.sha).toBe(shas.first);
  });
});
