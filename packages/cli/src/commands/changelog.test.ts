import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestRepo, type TestRepo } from '../testing/harness.js';

let repo: TestRepo;
const shas: string[] = [];

beforeAll(async () => {
  repo = await createTestRepo();
  shas.push(await repo.commit('feat: first'));
  repo.git(['tag', 'v1.0.0']);
  shas.push(await repo.commit('feat(api): add tokens (#12)'));
  shas.push(await repo.commit('fix: close </details> for @someone'));
  shas.push(await repo.commit('chore: tidy'));
  repo.git(['remote', 'add', 'origin', 'https://github.com/octo-org/app.git']);
});
afterAll(() => repo.cleanup());

/** Said on stderr when no token is set: the notes then have no risk assessment. */
const NO_RISK =
  'release-policy: notice: the Risk assessment section was left out: no GitHub token: set GITHUB_TOKEN or GH_TOKEN. See https://github.com/release-policy/release-policy/blob/v0.1.0/docs/cli.md#github-api\n';

const NOTES = (version: string) =>
  [
    `## [${version}](https://github.com/octo-org/app/compare/v1.0.0...v${version}) (2025-03-14)`,
    '',
    '### Features',
    '',
    `* **api:** add tokens ([#12](https://github.com/octo-org/app/issues/12)) ([${shas[1]?.slice(0, 7)}](https://github.com/octo-org/app/commit/${shas[1]}))`,
    '',
    '### Bug Fixes',
    '',
    `* close &lt;/details&gt; for @\u200bsomeone ([${shas[2]?.slice(0, 7)}](https://github.com/octo-org/app/commit/${shas[2]}))`,
    '',
    '### Contributors',
    '',
    '* Test Author',
    '',
  ].join('\n');

describe('release-policy changelog', () => {
  it('prints the JSON document: version, from, to, sections with full shas, markdown', async () => {
    const run = await repo.run(['changelog', '--json']);
    expect([run.code, run.stderr]).toEqual([0, NO_RISK]);
    expect(run.json()).toEqual({
      version: '1.1.0',
      from: 'v1.0.0',
      to: 'HEAD',
      sections: [
        {
          title: 'Features',
          entries: [
            {
              sha: shas[1],
              type: 'feat',
              scope: 'api',
              subject: 'add tokens',
              breaking: false,
              pr: 12,
            },
          ],
        },
        {
          title: 'Bug Fixes',
          entries: [
            {
              sha: shas[2],
              type: 'fix',
              scope: null,
              subject: 'close </details> for @someone',
              breaking: false,
              pr: null,
            },
          ],
        },
      ],
      markdown: NOTES('1.1.0'),
    });
  });

  it('takes --version V (not the CLI version switch) and writes the changelog with --write', async () => {
    const run = await repo.run(['changelog', '--version', '1.2.0', '--write', 'CHANGELOG.md']);
    // On stdout invisible characters are escaped, as in all terminal output (the
    // zero-width space that keeps "@someone" from notifying); the file holds them as they are.
    expect([run.code, run.stdout]).toEqual([
      0,
      `${NOTES('1.2.0')
        .trimEnd()
        .replace(/\u200b/g, '\\u200b')}\n`,
    ]);
    const again = await repo.run(['changelog', '--version=1.2.0', '--write', 'CHANGELOG.md']);
    expect(again.code).toBe(0);
    expect(await readFile(join(repo.dir, 'CHANGELOG.md'), 'utf8')).toBe(
      `# Changelog\n\n${NOTES('1.2.0')}`,
    );
  });

  it.each([
    [
      ['changelog', '--from', 'HEAD', '--to', 'v1.0.0'],
      'release-policy: --from "HEAD" is not an ancestor of --to "v1.0.0"',
    ],
    [['changelog', '--to', 'v9.9.9'], 'release-policy: '],
    [['changelog', 'extra'], 'release-policy: "changelog" takes no arguments, got ["extra"].'],
    [['changelog', '--from', ''], 'release-policy: --from was given an empty value.'],
    [
      ['changelog', '--writ', 'x'],
      'release-policy: Unknown option "--writ". Did you mean "--write"?',
    ],
  ])('refuses %j with exit code 2', async (argv, says) => {
    const run = await repo.run(argv);
    expect([run.code, run.stderr.startsWith(says)]).toEqual([2, true]);
  });

  it.each([
    // One release's notes have a risk assessment, left out without a token, and say so first.
    [['changelog', '--version', '1.2.0', '--write', 'missing/CHANGELOG.md'], 'missing', NO_RISK],
    [['changelog', '--all', '--write', 'missing/deeper/CHANGELOG.md'], 'missing/deeper', ''],
  ])(
    '%j: a folder that does not exist is named with the fix, exit 2, valid JSON',
    async (argv, folder, notice) => {
      const file = argv[argv.length - 1] ?? '';
      const message =
        `The folder "${folder}" of the changelog "${file}" does not exist, so no release notes were written. ` +
        `Create the folder first (mkdir -p ${folder}), or give a changelog in an existing folder, e.g. CHANGELOG.md.`;
      const run = await repo.run(argv);
      expect([run.code, run.stderr]).toEqual([2, `${notice}release-policy: ${message}\n`]);
      const json = await repo.run([...argv, '--json']);
      expect([json.code, json.json()]).toEqual([
        2,
        { ok: false, findings: [], error: { type: 'ChangelogFileError', message } },
      ]);
      expect(await repo.list()).not.toContain('missing');
    },
  );

  it('refuses a changelog with conflict markers and leaves it untouched', async () => {
    const text = '# Changelog\n<<<<<<< HEAD\n## 1.0.0\n=======\n>>>>>>> other\n';
    await writeFile(join(repo.dir, 'CONFLICTED.md'), text);
    const run = await repo.run(['changelog', '--write', 'CONFLICTED.md']);
    expect([run.code, run.stderr]).toEqual([
      2,
      NO_RISK +
        'release-policy: "CONFLICTED.md" has a git conflict marker on line 2: "<<<<<<< HEAD". Resolve the conflict and commit the file, then run again; the file was left untouched.\n',
    ]);
    expect(await readFile(join(repo.dir, 'CONFLICTED.md'), 'utf8')).toBe(text);
  });

  it('writes every release with --all, newest first', async () => {
    const run = await repo.run([
      'changelog',
      '--all',
      '--version',
      '1.1.0',
      '--json',
      '--write',
      'ALL.md',
    ]);
    const doc = run.json() as unknown as { releases: { version: string; from: string | null }[] };
    expect([run.code, doc.releases.map((r) => [r.version, r.from])]).toEqual([
      0,
      [
        ['1.1.0', 'v1.0.0'],
        ['1.0.0', null],
      ],
    ]);
    const text = await readFile(join(repo.dir, 'ALL.md'), 'utf8');
    expect(text.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      '## [1.1.0](https://github.com/octo-org/app/compare/v1.0.0...v1.1.0) (2025-03-14)',
      '## 1.0.0 (2025-03-14)',
    ]);
  });

  it.each([
    ['an ssh remote on GitHub Enterprise Server', 'git@ghes.example.com:octo-org/app.git', {}],
    [
      'GITHUB_SERVER_URL over the remote',
      'https://github.com/octo-org/app.git',
      { GITHUB_SERVER_URL: 'https://ghes.example.com' },
    ],
  ])('links to the server of %s, never assuming github.com', async (_name, remote, env) => {
    repo.git(['remote', 'set-url', 'origin', remote]);
    try {
      const run = await repo.run(['changelog'], { extraEnv: env });
      expect(run.code).toBe(0);
      const text = run.stdout;
      expect(text).toContain(
        '## [1.1.0](https://ghes.example.com/octo-org/app/compare/v1.0.0...v1.1.0)',
      );
      expect(text).toContain(`(https://ghes.example.com/octo-org/app/commit/${shas[1]})`);
      expect(text).toContain('[#12](https://ghes.example.com/octo-org/app/issues/12)');
      expect(text).not.toContain('github.com/');
    } finally {
      repo.git(['remote', 'set-url', 'origin', 'https://github.com/octo-org/app.git']);
    }
  });

  it.each([
    [true, 2],
    [false, 0],
  ])(
    '--all on a long history shows a progress line on a terminal (%j): %i updates, then erased',
    async (terminal, updates) => {
      const long = await createTestRepo();
      try {
        // 2,500 commits in one fast-import stream, v1.0.0 on the 1,000th.
        const marks = Array.from({ length: 2500 }, (_, i) => {
          const message = `fix: change ${i + 1}\n`;
          return [
            'commit refs/heads/main',
            `mark :${i + 1}`,
            `committer Test <test@example.com> ${1_700_000_000 + i} +0000`,
            `data ${Buffer.byteLength(message)}`,
            message,
            ...(i === 0 ? [] : [`from :${i}`]),
            '',
          ].join('\n');
        });
        long.git(['fast-import', '--quiet'], { input: `${marks.join('\n')}\n` });
        long.git(['reset', '-q', '--hard', 'main']);
        long.git(['tag', 'v1.0.0', 'main~1500']);
        const run = await long.run(['changelog', '--all', '--json'], { progress: terminal });
        expect(run.code).toBe(0);
        const lines = run.stderr
          .split('\r')
          .filter((part) => part.startsWith('release-policy: reading'));
        expect(lines).toEqual(
          [
            'release-policy: reading the history: 1,000 commits, 0 releases…',
            'release-policy: reading the history: 2,000 commits, 0 releases…',
          ].slice(0, updates),
        );
        expect(run.stderr.endsWith('\r\u001b[K')).toBe(terminal);
        expect((run.json() as unknown as { releases: unknown[] }).releases).toHaveLength(1);
      } finally {
        await long.cleanup();
      }
    },
  );

  it("writes one package's notes with --package: its path (one git log) or its scopes", async () => {
    const mono = await createTestRepo();
    try {
      await mono.commit('chore: start', {
        '.github/release-policy.yml':
          'changelog:\n  contributors: false\n  packages:\n' +
          '    - { name: api, path: packages/api, scopes: [api] }\n' +
          '    - { name: web, path: packages/web }\n',
        'packages/api/index.ts': '0\n',
        'packages/web/index.ts': '0\n',
      });
      mono.git(['tag', 'v1.0.0']);
      const a = await mono.commit('feat(api): add tokens', { 'packages/api/index.ts': '1\n' });
      const b = await mono.commit('fix: web layout', { 'packages/web/index.ts': '1\n' });
      const c = await mono.commit('feat(shared): both', {
        'packages/api/shared.ts': '1\n',
        'packages/web/shared.ts': '1\n',
      });
      const d = await mono.commit('feat(api): document it', { 'README.md': 'api\n' });
      const shasOf = async (argv: string[]) => {
        const run = await mono.run(argv);
        expect(run.code).toBe(0);
        const doc = run.json() as unknown as { sections: { entries: { sha: string }[] }[] };
        return doc.sections.flatMap((section) => section.entries.map((e) => e.sha)).sort();
      };
      expect(await shasOf(['changelog', '--package', 'api', '--json'])).toEqual([a, c, d].sort());
      expect(await shasOf(['changelog', '--package', 'web', '--json'])).toEqual([b, c].sort());
      const all = await mono.run(['changelog', '--all', '--version', '1.1.0', '--package', 'web']);
      expect(all.stdout).toContain('* web layout');
      expect(all.stdout).not.toContain('add tokens');
      const unknown = await mono.run(['changelog', '--package', 'apo']);
      expect([unknown.code, unknown.stderr]).toEqual([
        2,
        'release-policy: --package "apo" is not a package of the policy\'s changelog section. Did you mean "api"? Packages: api, web. See https://github.com/release-policy/release-policy/blob/v0.1.0/docs/policy.md#changelog\n',
      ]);
    } finally {
      await mono.cleanup();
    }
  });

  it('still prints the CLI version for --version alone', async () => {
    expect((await repo.run(['--version'])).stdout).toBe('0.1.0\n');
  });
});
