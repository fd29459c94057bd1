/**
 * The changelog action from its committed bundle, on a tag push: it writes
 * the notes and CHANGELOG.md, publishes the GitHub Release, and a second run
 * ends in the same state. Each publishing fault still ends with exactly one
 * release with the right notes; a pre-release tag gives a pre-release; text
 * a person added outside the marked block survives.
 */
import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Emulator } from '@release-policy/github-emulator';
import { withRepo, type CommitSpec, type TempRepo } from './git-repo.js';
import { failureMessage, REPO, runCheck, seedPush, withEmulator } from './helpers.js';

const NOTES_START = '<!-- release-policy:notes:start -->';
const NOTES_END = '<!-- release-policy:notes:end -->';

const HISTORY: CommitSpec[] = [
  { message: 'feat: first', tags: ['v1.0.0'] },
  { message: 'feat(api): add tokens (#3)' },
  { message: 'fix: close </details> for @someone' },
  { message: 'docs: explain', tags: ['v1.1.0', 'v1.2.0-rc.1'] },
];

/** Pushes `tag` and runs the action with publish on, in the repository as the workspace. */
async function pushTag(
  emulator: Emulator,
  repo: TempRepo,
  tag: string,
  extra: { publish?: string; token?: string } = {},
) {
  const sha = await repo.git('rev-parse', `${tag}^{commit}`);
  if (!emulator.state.refs.some((r) => r.repo === REPO && r.ref === `refs/tags/${tag}`)) {
    emulator.seed.ref({ repo: REPO, ref: `refs/tags/${tag}`, sha });
  }
  const run = await runCheck(emulator, 'changelog', {
    ...seedPush(emulator, `refs/tags/${tag}`, sha),
    inputs: { publish: extra.publish ?? 'true', comment: 'false' },
    cwd: repo.dir,
    ...(extra.token !== undefined ? { token: extra.token } : {}),
  });
  expect(failureMessage(run)).toBe('');
  return run;
}

function releases(emulator: Emulator) {
  return emulator.state.releases.map((r) => ({
    tag: r.tagName,
    draft: r.draft,
    prerelease: r.prerelease,
    body: r.body,
  }));
}

/** The notes between the markers of the only release. */
function notesOf(emulator: Emulator): string {
  const body = emulator.state.releases[0]?.body ?? '';
  return body.slice(body.indexOf(NOTES_START) + NOTES_START.length, body.indexOf(NOTES_END)).trim();
}

describe('changelog action on a tag push', () => {
  it('publishes the notes and writes CHANGELOG.md, with the same end state when run twice', () =>
    withRepo(HISTORY, (repo) =>
      withEmulator(async (emulator) => {
        const first = await pushTag(emulator, repo, 'v1.1.0');
        const changelog = await readFile(join(repo.dir, 'CHANGELOG.md'), 'utf8');
        const state = releases(emulator);
        await pushTag(emulator, repo, 'v1.1.0');
        expect(await readFile(join(repo.dir, 'CHANGELOG.md'), 'utf8')).toBe(changelog);
        expect(releases(emulator)).toEqual(state);
        expect(state.map((r) => [r.tag, r.draft, r.prerelease])).toEqual([
          ['v1.1.0', false, false],
        ]);
        const notes = notesOf(emulator);
        expect(notes.split('\n').filter((l) => l.startsWith('#') || l.startsWith('*'))).toEqual([
          expect.stringMatching(
            /^## \[1\.1\.0\]\(https?:\/\/[^)]+\/compare\/v1\.0\.0\.\.\.v1\.1\.0\) \(\d{4}-\d\d-\d\d\)$/,
          ),
          '### Features',
          expect.stringMatching(
            /^\* \*\*api:\*\* add tokens \(\[#3\]\(.+\/issues\/3\)\) \(\[[0-9a-f]{7}\]/,
          ),
          '### Bug Fixes',
          expect.stringMatching(/^\* close &lt;\/details&gt; for @\u200bsomeone \(\[[0-9a-f]{7}\]/),
          '### Contributors',
          expect.stringMatching(/^\* /),
        ]);
        expect(changelog).toBe(`# Changelog\n\n${notes}\n`);
        // The notes file is in RUNNER_TEMP, which the runner empties after the job.
        expect(first.outputs.notes).toMatch(/[/\\]release-notes-1\.1\.0\.md$/);
        expect([first.outputs.version, first.outputs['release-id'], first.outputs.url]).toEqual([
          '1.1.0',
          String(emulator.state.releases[0]?.id),
          expect.stringMatching(/\/releases\/tag\/v1\.1\.0$/),
        ]);
      }),
    ));

  it("collects each pull request's Risk section, listing the pull requests once", () =>
    withRepo(HISTORY, (repo) =>
      withEmulator(async (emulator) => {
        emulator.seed.pull({
          repo: REPO,
          number: 3,
          title: 'Add tokens',
          body: '## Summary\nTokens.\n\n## Risk\nLow: behind the tokens flag.\n',
          state: 'closed',
          merged: true,
          mergedAt: '2024-01-01T00:00:00Z',
        });
        const run = await pushTag(emulator, repo, 'v1.1.0');
        expect(notesOf(emulator)).toContain(
          '### Risk assessment\n\n* #3 Add tokens: Low: behind the tokens flag.\n',
        );
        expect(run.requests.filter((r) => r.operationId === 'pulls/list').length).toBe(1);
      }),
    ));

  it('leaves the Risk section out with a notice without a token', () =>
    withRepo(HISTORY, (repo) =>
      withEmulator(async (emulator) => {
        const run = await pushTag(emulator, repo, 'v1.1.0', { publish: 'false', token: '' });
        const changelog = await readFile(join(repo.dir, 'CHANGELOG.md'), 'utf8');
        expect([
          changelog.includes('Risk assessment'),
          run.outputs['release-id'],
          emulator.state.releases,
        ]).toEqual([false, '', []]);
        expect(run.stdout).toContain(
          '::notice::The release notes have no Risk assessment section: the action has no token to list the pull requests.',
        );
      }),
    ));

  it('gives a pre-release for a pre-release tag', () =>
    withRepo(HISTORY, (repo) =>
      withEmulator(async (emulator) => {
        await pushTag(emulator, repo, 'v1.2.0-rc.1');
        expect(releases(emulator).map((r) => [r.tag, r.prerelease])).toEqual([
          ['v1.2.0-rc.1', true],
        ]);
      }),
    ));

  it('keeps the text a person added outside the marked block', () =>
    withRepo(HISTORY, (repo) =>
      withEmulator(async (emulator) => {
        await pushTag(emulator, repo, 'v1.1.0');
        const release = emulator.state.releases[0];
        if (release) release.body = `Upgrade notes: none.\n\n${release.body ?? ''}\n\nThanks!`;
        const edited = release?.body;
        await pushTag(emulator, repo, 'v1.1.0');
        expect(releases(emulator).map((r) => r.body)).toEqual([edited]);
      }),
    ));

  it.each([
    [
      'the create failing after it wrote',
      (e: Emulator) => void e.fault({ operationId: 'repos/create-release', kind: 'after-write' }),
    ],
    [
      'a 404 right after creation',
      (e: Emulator) =>
        void e.fault({ operationId: 'repos/get-release-by-tag', kind: 'not-found-once' }),
    ],
    [
      'a draft that get-by-tag does not find',
      (e: Emulator) =>
        void e.seed.release({ repo: REPO, tagName: 'v1.1.0', draft: true, body: 'draft' }),
    ],
    [
      'a release made by hand (422 already_exists on create)',
      (e: Emulator) => void e.seed.release({ repo: REPO, tagName: 'v1.1.0', body: 'by hand' }),
    ],
  ])('ends with exactly one release with the notes after %s', (_name, fault) =>
    withRepo(HISTORY, (repo) =>
      withEmulator(async (emulator) => {
        fault(emulator);
        await pushTag(emulator, repo, 'v1.1.0');
        await pushTag(emulator, repo, 'v1.1.0');
        expect(releases(emulator).map((r) => r.tag)).toEqual(['v1.1.0']);
        expect(notesOf(emulator)).toMatch(/^## \[1\.1\.0\][^\n]*\n\n### Features\n/);
      }),
    ),
  );
});
