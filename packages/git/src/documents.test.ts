import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ConfigError,
  defaultPolicy,
  loadPolicy,
  type DocumentSpec,
  type Policy,
} from '@release-policy/core';
import { gatherDocumentFacts, listMatchingFiles, matchGlob, readDocument } from './documents.js';
import { createGit } from './git.js';
import { createTempRepo, type TempRepo } from './testing/temp-repo.js';

describe('matchGlob', () => {
  it.each<[string, string, boolean]>([
    ['docs/release/*.md', 'docs/release/notes.md', true],
    ['docs/release/*.md', 'docs/release/sub/notes.md', false],
    ['docs/**/*.md', 'docs/notes.md', true],
    ['docs/**/*.md', 'docs/a/b/notes.md', true],
    ['docs/notes-?.md', 'docs/notes-1.md', true],
    ['docs/notes-?.md', 'docs/notes-10.md', false],
    ['./docs/*.md', 'docs/x.md', true],
  ])('%j matches %j: %j', (glob, path, expected) => {
    expect(matchGlob(glob, path)).toBe(expected);
  });
});

function makePolicy(documents: DocumentSpec[]): Policy {
  return { ...defaultPolicy(), documents };
}

function spec(path: string, overrides: Partial<DocumentSpec> = {}): DocumentSpec {
  return {
    path,
    requiredFor: ['minor'],
    sections: [],
    mentionVersion: false,
    updated: false,
    placeholders: [],
    ...overrides,
  };
}

let repo: TempRepo;
beforeEach(async () => {
  repo = await createTempRepo();
});
afterEach(() => repo.cleanup());

describe('readDocument', () => {
  it('reads a text file with its size', async () => {
    await repo.write('docs/a.md', '# A\r\n');
    expect(await readDocument(repo.dir, 'docs/a.md')).toEqual({
      path: 'docs/a.md',
      size: 5,
      text: '# A\r\n',
    });
  });

  it.each<[string, (dir: string, outside: string) => Promise<void>, object]>([
    [
      'a binary file',
      (dir) => writeFile(join(dir, 'doc.md'), Buffer.from([0x23, 0x00, 0x01])),
      { size: 3, problem: 'binary' },
    ],
    [
      'a file that is not UTF-8',
      (dir) => writeFile(join(dir, 'doc.md'), Buffer.from([0x23, 0x20, 0xff, 0xfe])),
      { size: 4, problem: 'binary' },
    ],
    [
      'a 20 MB file, never read',
      async (dir) => {
        await writeFile(join(dir, 'doc.md'), '');
        await truncate(join(dir, 'doc.md'), 20 * 1024 * 1024);
      },
      { size: 20 * 1024 * 1024, problem: 'too-large' },
    ],
    [
      'a symbolic link leaving the repository',
      async (dir, outside) => {
        await writeFile(join(outside, 'secret.md'), 'secret');
        await symlink(join(outside, 'secret.md'), join(dir, 'doc.md'));
      },
      { outside: true },
    ],
    [
      "a symbolic link into the repository's .git (the checkout's credential)",
      (dir) => symlink(join(dir, '.git', 'config'), join(dir, 'doc.md')),
      { outside: true },
    ],
    [
      'a directory',
      (dir) => mkdir(join(dir, 'doc.md')),
      { size: expect.any(Number), problem: 'not-file' },
    ],
  ])('reports %s', async (_name, make, expected) => {
    await make(repo.dir, await repo.makeDir());
    expect(await readDocument(repo.dir, 'doc.md')).toEqual({ path: 'doc.md', ...expected });
  });
});

describe('listMatchingFiles', () => {
  it('lists the files a glob matches, sorted, and a plain path only when it exists', async () => {
    await repo.write('docs/release/b.md', 'b');
    await repo.write('docs/release/a.md', 'a');
    await repo.write('docs/release/old/c.md', 'c');
    await repo.write('docs/release/notes.txt', 'n');
    expect(await listMatchingFiles(repo.dir, 'docs/release/*.md')).toEqual([
      'docs/release/a.md',
      'docs/release/b.md',
    ]);
    expect(await listMatchingFiles(repo.dir, 'docs/**/c.md')).toEqual(['docs/release/old/c.md']);
    expect(await listMatchingFiles(repo.dir, 'docs/release/a.md')).toEqual(['docs/release/a.md']);
    expect(await listMatchingFiles(repo.dir, 'docs/none/*.md')).toEqual([]);
    expect(await listMatchingFiles(repo.dir, 'docs/release/x.md')).toEqual([]);
  });

  it('does not walk into a linked directory that leaves the repository', async () => {
    const outside = await repo.makeDir();
    await writeFile(join(outside, 'x.md'), 'x');
    await mkdir(join(repo.dir, 'docs'));
    await symlink(outside, join(repo.dir, 'docs', 'linked'));
    // The link itself is listed (it is not a .md name); its target's files are not.
    expect(await listMatchingFiles(repo.dir, 'docs/**/*.md')).toEqual([]);
    expect(await listMatchingFiles(repo.dir, 'docs/*')).toEqual(['docs/linked']);
  });
});

describe('gatherDocumentFacts', () => {
  it('reads each entry, compares with the template and the previous release tag', async () => {
    await repo.commit('feat: first', {
      'package.json': '{ "version": "1.0.0" }\n',
      'docs/release/rollback.md': '# Rollback\nold\n',
      'docs/release/notes.md': '# Notes\n',
      'docs/templates/notes.md': '# Notes\n',
    });
    repo.git(['tag', 'v1.0.0']);
    await repo.commit('feat: second', { 'docs/release/rollback.md': '# Rollback\nnew\n' });
    const policy = makePolicy([
      spec('docs/release/rollback.md'),
      spec('docs/release/notes.md', { template: 'docs/templates/notes.md' }),
      spec('docs/release/missing-*.md'),
    ]);
    const facts = {
      version: {
        sources: [{ kind: 'file' as const, value: '1.1.0', label: 'package.json' }],
        tags: ['v1.0.0'],
      },
    };
    const git = createGit({ cwd: repo.dir, env: repo.env });
    expect(
      await gatherDocumentFacts({ git, cwd: repo.dir, policy, facts, releaseType: 'minor' }),
    ).toEqual({
      entries: [
        {
          path: 'docs/release/rollback.md',
          files: [
            {
              path: 'docs/release/rollback.md',
              size: 15,
              text: '# Rollback\nnew\n',
              changed: true,
            },
          ],
        },
        {
          path: 'docs/release/notes.md',
          files: [
            {
              path: 'docs/release/notes.md',
              size: 8,
              text: '# Notes\n',
              changed: false,
              sameAsTemplate: true,
            },
          ],
        },
        { path: 'docs/release/missing-*.md', files: [] },
      ],
      releaseType: 'minor',
      since: 'v1.0.0',
    });
  });

  it('reads the versions declared on a pull request base branch', async () => {
    await repo.commit('feat: first', { 'package.json': '{ "version": "1.0.0" }\n' });
    repo.git(['checkout', '-q', '-b', 'feature/x']);
    await repo.commit('feat: bump', { 'package.json': '{ "version": "1.1.0" }\n' });
    const policy = makePolicy([]);
    const git = createGit({ cwd: repo.dir, env: repo.env });
    const facts = { branch: { name: 'feature/x', base: 'main' } };
    expect(await gatherDocumentFacts({ git, cwd: repo.dir, policy, facts })).toEqual({
      entries: [],
      baseVersions: ['1.0.0'],
    });
    const unknown = { branch: { name: 'feature/x', base: 'nowhere' } };
    expect(await gatherDocumentFacts({ git, cwd: repo.dir, policy, facts: unknown })).toEqual({
      entries: [],
    });
  });

  it.each([
    [
      'a path that is a link out',
      'docs/release/rollback.md',
      undefined,
      'documents[0].path',
      3,
      11,
      'documents[0].path "docs/release/rollback.md" is a symbolic link whose target leaves the repository',
    ],
    [
      'a glob matching a link out',
      'docs/release/*.md',
      undefined,
      'documents[0].path',
      3,
      11,
      'documents[0].path "docs/release/*.md" matches "docs/release/rollback.md", which is a symbolic link',
    ],
    [
      'a template that is a link out',
      'docs/release/notes.md',
      'docs/release/rollback.md',
      'documents[0].template',
      5,
      15,
      'documents[0].template "docs/release/rollback.md" is a symbolic link whose target leaves',
    ],
  ])(
    'makes %s a policy error at the entry (file:line:col), not a finding',
    async (_name, path, template, at, line, column, message) => {
      const outside = await repo.makeDir();
      await writeFile(join(outside, 'secret.md'), '# Rollback\nsecret\n');
      await repo.commit('feat: first', { 'docs/release/notes.md': '# Notes\n' });
      await symlink(join(outside, 'secret.md'), join(repo.dir, 'docs/release/rollback.md'));
      const text =
        'documents:\n' +
        '  # the release notes\n' +
        `  - path: ${path}\n` +
        '    required-for: [minor]\n' +
        (template === undefined ? '' : `    template: ${template}\n`);
      const policy = loadPolicy(text, '.github/release-policy.yml');
      const git = createGit({ cwd: repo.dir, env: repo.env });
      const error = await gatherDocumentFacts({ git, cwd: repo.dir, policy, facts: {} }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ConfigError);
      const issues = (error as ConfigError).issues;
      expect(issues.map((i) => [i.file, i.line, i.column, i.path])).toEqual([
        ['.github/release-policy.yml', line, column, at],
      ]);
      expect(issues[0]?.message).toContain(message);
      expect(issues[0]?.message).toContain('See docs/policy.md#documents.');
      expect(issues[0]?.message).not.toContain('secret');
    },
  );
});
