import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestRepo, type TestRepo } from '../testing/harness.js';

/** A repository whose package.json declares 1.0.0, tagged v1.0.0, with the 1.0.0 notes written and a later fix. */
let repo: TestRepo;
let first: string;
let later: string;

beforeEach(async () => {
  repo = await createTestRepo();
  first = await repo.commit('feat: first', { 'package.json': '{ "version": "1.0.0" }\n' });
  repo.git(['tag', 'v1.0.0']);
  const written = await repo.run(['changelog', '--to', 'v1.0.0', '--write', 'CHANGELOG.md']);
  expect(written.code).toBe(0);
  later = await repo.commit('fix: later');
});
afterEach(() => repo.cleanup());

const RELEASED = () =>
  [
    '# Changelog',
    '',
    '## 1.0.0 (2025-03-14)',
    '',
    '### Features',
    '',
    `* first ${first.slice(0, 7)}`,
    '',
    '### Contributors',
    '',
    '* Test Author',
    '',
  ].join('\n');

describe('changelog and a released version', () => {
  it('puts commits after the release under the next version, never the tagged declared one', async () => {
    const run = await repo.run(['changelog', '--write', 'CHANGELOG.md', '--json']);
    expect([run.code, (run.json() as { version?: unknown }).version]).toEqual([0, '1.0.1']);
    expect(await readFile(join(repo.dir, 'CHANGELOG.md'), 'utf8')).toBe(
      RELEASED().replace(
        '# Changelog\n\n',
        `# Changelog\n\n## 1.0.1 (2025-03-14)\n\n### Bug Fixes\n\n* later ${later.slice(0, 7)}\n\n### Contributors\n\n* Test Author\n\n`,
      ),
    );
  });

  it('still names the declared version when it is not released yet', async () => {
    await repo.commit('chore: bump', { 'package.json': '{ "version": "2.0.0" }\n' });
    const run = await repo.run(['changelog', '--json']);
    expect([run.code, (run.json() as { version?: unknown }).version]).toEqual([0, '2.0.0']);
  });

  it('refuses --version naming a release tagged on another commit, writing nothing', async () => {
    const run = await repo.run(['changelog', '--version', '1.0.0', '--write', 'CHANGELOG.md']);
    expect([run.code, run.stderr.split('\n').at(-2)]).toEqual([
      2,
      `release-policy: --version "1.0.0" is already released (tag "v1.0.0" is on commit ${first.slice(0, 7)}), ` +
        `and --to "HEAD" is commit ${later.slice(0, 7)}: its notes would list commits that release does not hold. ` +
        'Leave --version out for the version the commits call for, or give an unreleased one; for the notes of 1.0.0 itself, ' +
        'give its tag, e.g. release-policy changelog --to v1.0.0. See https://github.com/release-policy/release-policy/blob/v0.1.0/docs/cli.md#changelog',
    ]);
    expect(await readFile(join(repo.dir, 'CHANGELOG.md'), 'utf8')).toBe(RELEASED());
  });

  it('refuses --all --version naming a released version for the commits after the newest tag', async () => {
    const run = await repo.run(['changelog', '--all', '--version', '1.0.0', '--write', 'ALL.md']);
    expect([run.code, run.stderr]).toEqual([
      2,
      'release-policy: --version "1.0.0" is already released (tag "v1.0.0"): the commits after the newest release would be listed under it. ' +
        'Give the version they will be released as, e.g. --all --version 2.0.0, or leave --version out to leave them out. See https://github.com/release-policy/release-policy/blob/v0.1.0/docs/cli.md#changelog\n',
    ]);
    expect(await repo.list()).toEqual(['CHANGELOG.md', 'package.json']);
  });

  it('rewrites a released section with the same commits (a new date), but never with other commits', async () => {
    const again = await repo.run(['changelog', '--to', 'v1.0.0', '--write', 'CHANGELOG.md']);
    expect(again.code).toBe(0);
    expect(await readFile(join(repo.dir, 'CHANGELOG.md'), 'utf8')).toBe(RELEASED());
    // Notes of v1.0.0 from another start (here: no commits at all) are other commits.
    const other = await repo.run([
      'changelog',
      '--from',
      'v1.0.0',
      '--to',
      'v1.0.0',
      '--write',
      'CHANGELOG.md',
    ]);
    expect([other.code, other.stderr.split('\n').at(-2)]).toEqual([
      2,
      `release-policy: "CHANGELOG.md" already has the notes of "1.0.0", a released version, and other commits would replace them: it has 1 commit the new notes lack (${first.slice(0, 7)}). ` +
        'Released notes are never replaced by notes of other commits: put commits made after the release under the next version ' +
        '(e.g. release-policy changelog --write CHANGELOG.md, which names the version the commits call for), ' +
        'and to rewrite the released notes, edit or delete that section by hand first. The file was left untouched. See https://github.com/release-policy/release-policy/blob/v0.1.0/docs/cli.md#changelog',
    ]);
    expect(await readFile(join(repo.dir, 'CHANGELOG.md'), 'utf8')).toBe(RELEASED());
  });

  it('keeps a hand-written released section that --all would replace with other commits', async () => {
    const hand = '# Changelog\n\n## 1.0.0\n\n* The first release, written by hand.\n';
    await writeFile(join(repo.dir, 'CHANGELOG.md'), hand);
    const run = await repo.run(['changelog', '--all', '--write', 'CHANGELOG.md']);
    expect([
      run.code,
      run.stderr.startsWith('release-policy: "CHANGELOG.md" already has the notes of "1.0.0"'),
    ]).toEqual([2, true]);
    expect(await readFile(join(repo.dir, 'CHANGELOG.md'), 'utf8')).toBe(hand);
  });
});

describe('changelog --version', () => {
  it('takes off the tag prefix once: --version v1.1.0 is 1.1.0', async () => {
    const run = await repo.run(['changelog', '--version', 'v1.1.0', '--json']);
    expect([run.code, (run.json() as { version?: unknown }).version]).toEqual([0, '1.1.0']);
    expect((run.json() as { markdown?: string }).markdown?.split('\n')[0]).toBe(
      '## 1.1.0 (2025-03-14)',
    );
  });

  it.each([
    [
      'banana',
      'it has 1 number part ("banana") where SemVer needs exactly three, MAJOR.MINOR.PATCH; the MAJOR part "banana" is not a whole number',
    ],
    [
      'vv1.1.0',
      'it starts with "v", which is not part of a version (only tags carry a prefix, "v")',
    ],
  ])('refuses --version %j with exit 2, writing nothing', async (value, problem) => {
    const run = await repo.run(['changelog', '--version', value, '--write', 'NEW.md']);
    expect([run.code, run.stdout, run.stderr]).toEqual([
      2,
      '',
      `release-policy: --version: ${JSON.stringify(value)} is not a valid version: ${problem}. ` +
        'Expected MAJOR.MINOR.PATCH with an optional -PRERELEASE, e.g. "1.4.0" or "1.4.0-rc.1". ' +
        'The tag prefix "v" may lead it once. Example: release-policy changelog --version 1.4.0. See https://github.com/release-policy/release-policy/blob/v0.1.0/docs/cli.md#options\n',
    ]);
    expect(await repo.list()).toEqual(['CHANGELOG.md', 'package.json']);
  });

  it.each([
    [['changelog', '--version', '--write', 'NEW.md'], 'changelog'],
    [['changelog', '--write', 'NEW.md', '--version'], 'changelog'],
    [['docs', '--version'], 'docs'],
    [['docs', '--version', '--json'], 'docs'],
  ])('refuses %j: --version without a value is a missing value, exit 2', async (argv, command) => {
    const run = await repo.run(argv);
    const message =
      `--version needs a value after "${command}": the release's version, e.g. --version 1.4.0, or leave the option out. ` +
      '(The CLI\'s own version is "release-policy --version", without a command.) Run "release-policy --help" for usage.';
    if (argv.includes('--json')) {
      expect([run.code, run.json()]).toEqual([
        2,
        { ok: false, findings: [], error: { type: 'UsageError', message } },
      ]);
    } else
      expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `release-policy: ${message}\n`]);
    expect(await repo.list()).toEqual(['CHANGELOG.md', 'package.json']);
  });

  it('still prints the CLI version for --version without a command', async () => {
    const run = await repo.run(['--version']);
    expect([run.code, run.stdout]).toEqual([0, '0.1.0\n']);
  });
});
