/**
 * The docs-gate action from its bundle on real temporary git repositories
 * and the emulator: the change request of a pull request (passing, failing
 * with each missing section named, a re-run after the author edited the
 * description, exempt labels and bots) and the documents of a release
 * (missing, template-only, filled in, bad files), plus bad inputs.
 */
import { symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { ActionRun, Emulator } from '@release-policy/github-emulator';
import { packageJson, withRepo, type CommitSpec, type TempRepo } from './git-repo.js';
import {
  failureMessage,
  findHygieneProblems,
  readFindings,
  REPO,
  runCheck,
  seedPullRequest,
  seedPush,
  withEmulator,
} from './helpers.js';

const FILLED = [
  '## Reason',
  'Users cannot log in with SSO.',
  '',
  '## Impact analysis',
  'Only the login page.',
  '',
  '## Verification plan',
  'Log in with SSO on staging.',
  '',
  '## Risk',
  'Low: behind a flag.',
  '',
].join('\n');

/** A policy requiring one document for minor releases. */
const ONE_DOCUMENT = [
  'documents:',
  '  - path: docs/release/rollback.md',
  '    required-for: [major, minor]',
  '    sections: [Triggers, { title: Rollback, aliases: [回滚] }]',
  '    mention-version: true',
  '',
].join('\n');

const ROLLBACK =
  '# Rollback for 1.1.0\n\n## Triggers\nerror rate above 1%\n\n## Rollback\nredeploy v1.0.0\n';

/** v1.0.0 released, then the given commits. */
function history(...after: CommitSpec[]): CommitSpec[] {
  return [
    { message: 'chore: init', files: { 'package.json': packageJson('1.0.0') }, tags: ['v1.0.0'] },
    ...after,
  ];
}

interface Scenario {
  commits: CommitSpec[];
  head: string;
  title?: string;
  body?: string | null;
  labels?: string[];
  user?: string;
  basePolicy?: string;
  /** Files at the base commit besides the policy (the documents' templates, read there). */
  baseFiles?: Record<string, string>;
  inputs?: Record<string, string>;
  /** Changes the working tree before the run. */
  prepare?: (repo: TempRepo) => Promise<void>;
}

/** Sets what the API answers for the seeded pull request (the event payload keeps its own copy). */
function editPull(
  emulator: Emulator,
  changes: { body?: string | null; labels?: string[]; user?: string },
) {
  const pull = emulator.state.pulls.find((p) => p.repo === REPO && p.number === 7);
  if (!pull) throw new Error('the pull request is seeded');
  Object.assign(pull, changes);
}

function runDocs(
  scenario: Scenario,
  check: (
    run: ActionRun,
    emulator: Emulator,
    rerun: () => Promise<ActionRun>,
  ) => Promise<void> | void,
): Promise<void> {
  return withRepo(history(...scenario.commits), (repo) =>
    withEmulator(async (emulator) => {
      await scenario.prepare?.(repo);
      const headSha = await repo.git('rev-parse', 'HEAD');
      const event = seedPullRequest(emulator, {
        head: scenario.head,
        headSha,
        title: scenario.title ?? 'CHG-12: add login',
        ...(scenario.basePolicy === undefined ? {} : { basePolicy: scenario.basePolicy }),
      });
      for (const [path, content] of Object.entries(scenario.baseFiles ?? {})) {
        emulator.seed.file({ repo: REPO, ref: event.baseSha, path, content });
      }
      editPull(emulator, {
        body: scenario.body === undefined ? FILLED : scenario.body,
        labels: scenario.labels ?? [],
        ...(scenario.user === undefined ? {} : { user: scenario.user }),
      });
      const rerun = () =>
        runCheck(emulator, 'docs-gate', { ...event, cwd: repo.dir, inputs: scenario.inputs ?? {} });
      const run = await rerun();
      await check(run, emulator, rerun);
      expect(findHygieneProblems(run)).toEqual([]);
    }),
  );
}

const rulesOf = (run: ActionRun) =>
  readFindings(run).map((f) => [f.rule, f.severity, f.file ?? null, f.line ?? null]);

/** One change-request-sections error per section named (the pull request is the place). */
const missingSections = (...titles: string[]) =>
  titles.map(() => ['change-request-sections', 'error', null, null]);

describe('docs-gate action: the change request', () => {
  it.concurrent('passes a feature pull request with a complete change request and a ticket', () =>
    runDocs({ commits: [{ message: 'feat: add login' }], head: 'feature/CHG-12-login' }, (run) => {
      expect(run.exitCode).toBe(0);
      expect(run.outputs).toEqual({ 'release-type': '', missing: '0', ok: 'true', findings: '[]' });
      expect(run.summary).toContain('### ✅ Release documents: passed');
    }),
  );

  it.concurrent('fails an empty description (null), naming each missing section', () =>
    runDocs(
      {
        commits: [{ message: 'feat: add login' }],
        head: 'feature/login',
        title: 'add login',
        body: null,
      },
      (run) => {
        expect(run.exitCode).toBe(1);
        expect(rulesOf(run)).toEqual([
          ...missingSections('Reason', 'Impact analysis', 'Verification plan', 'Risk'),
          ['change-request-ticket', 'error', null, null],
        ]);
        const messages = readFindings(run).map((f) => f.message);
        for (const title of ['Reason', 'Impact analysis', 'Verification plan', 'Risk']) {
          expect(messages).toContainEqual(
            expect.stringContaining(`pull request #7 has no section "${title}"`),
          );
        }
        expect(failureMessage(run)).toBe(
          'Release documents: 5 policy errors; see the annotations and the job summary.',
        );
      },
    ),
  );

  it.concurrent(
    'passes the re-run after the author filled in the description (read from the API)',
    () =>
      runDocs(
        {
          commits: [{ message: 'feat: add login' }],
          head: 'feature/CHG-12-login',
          body: '## Reason\n\nTODO\n\n## Impact analysis\n\nTODO\n\n## Verification plan\n\nTODO\n\n## Risk\n\nTODO\n',
        },
        async (run, emulator, rerun) => {
          expect(rulesOf(run)).toEqual(
            missingSections('Reason', 'Impact analysis', 'Verification plan', 'Risk'),
          );
          expect(readFindings(run)[0]?.message).toContain(
            'has only placeholder text in the section "Reason"',
          );
          editPull(emulator, { body: FILLED });
          const again = await rerun();
          expect(again.exitCode).toBe(0);
          expect(again.outputs.ok).toBe('true');
        },
      ),
  );

  it.concurrent('passes a pull request with an exempt label, whatever its description', () =>
    runDocs(
      {
        commits: [{ message: 'chore: bump lodash' }],
        head: 'deps/lodash',
        title: 'bump lodash',
        body: null,
        labels: ['dependencies'],
      },
      (run) => {
        expect(run.exitCode).toBe(0);
        expect(readFindings(run)).toEqual([]);
      },
    ),
  );

  it.concurrent('passes a pull request by an exempt bot', () =>
    runDocs(
      {
        commits: [{ message: 'chore: bump lodash' }],
        head: 'renovate/lodash-4.x',
        title: 'Update lodash',
        body: null,
        user: 'renovate[bot]',
      },
      (run) => {
        expect(run.exitCode).toBe(0);
        expect(readFindings(run)).toEqual([]);
      },
    ),
  );

  it.concurrent('reads a 65,536-character description and a section only inside a quote', () =>
    runDocs(
      {
        commits: [{ message: 'feat: add login' }],
        head: 'feature/CHG-12-login',
        body: `> ## Reason\n> quoted\n\n${FILLED.replace('## Reason\nUsers cannot log in with SSO.\n', '')}`.padEnd(
          65_536,
          'x',
        ),
      },
      (run) => {
        expect(run.exitCode).toBe(1);
        expect(rulesOf(run)).toEqual(missingSections('Reason'));
      },
    ),
  );
});

describe('docs-gate action: the documents of a release', () => {
  const releaseCommit = (files: Record<string, string> = {}): CommitSpec => ({
    message: 'chore(release): 1.1.0',
    files: { 'package.json': packageJson('1.1.0'), ...files },
  });

  it.concurrent('passes a release branch whose documents are filled in', () =>
    runDocs(
      {
        commits: [
          { message: 'feat: search' },
          releaseCommit({ 'docs/release/rollback.md': ROLLBACK }),
        ],
        head: 'release/1.1',
        basePolicy: ONE_DOCUMENT,
      },
      (run) => {
        expect(run.exitCode).toBe(0);
        expect(run.outputs).toEqual({
          'release-type': 'minor',
          missing: '0',
          ok: 'true',
          findings: '[]',
        });
      },
    ),
  );

  it.concurrent('fails a release missing the default documents, each on its path', () =>
    runDocs(
      { commits: [{ message: 'feat: search' }, releaseCommit()], head: 'release/1.1' },
      (run) => {
        expect(run.exitCode).toBe(1);
        expect(rulesOf(run)).toEqual(
          [
            'docs/release/backup-restore.md',
            'docs/release/configuration.md',
            'docs/release/installation.md',
            'docs/release/release-notes.md',
            'docs/release/rollback.md',
          ].map((file) => ['document-present', 'error', file, null]),
        );
        expect(run.outputs['release-type']).toBe('minor');
        expect(run.outputs.missing).toBe('5');
      },
    ),
  );

  it.concurrent('fails a document with a missing section and placeholders, at their lines', () =>
    runDocs(
      {
        commits: [
          { message: 'feat: search' },
          releaseCommit({
            'docs/release/rollback.md': '# Rollback for 1.1.0\r\n\r\n## Triggers\r\n\r\nTODO\r\n',
          }),
        ],
        head: 'release/1.1',
        basePolicy: ONE_DOCUMENT,
      },
      (run) => {
        expect(run.exitCode).toBe(1);
        expect(rulesOf(run)).toEqual([
          ['document-placeholder', 'error', 'docs/release/rollback.md', 5],
          ['document-sections', 'error', 'docs/release/rollback.md', 5],
        ]);
        const annotation = run.annotations.find((a) => a.file === 'docs/release/rollback.md');
        expect(annotation).toMatchObject({ level: 'error', line: 5 });
        expect(run.outputs.missing).toBe('2');
      },
    ),
  );

  it.concurrent.each<[string, (repo: TempRepo) => Promise<void>, string]>([
    [
      'an empty file',
      (repo) => writeFile(join(repo.dir, 'docs/release/rollback.md'), ''),
      'is empty',
    ],
    [
      'a binary file',
      (repo) => writeFile(join(repo.dir, 'docs/release/rollback.md'), Buffer.from([0x23, 0, 1, 2])),
      'is a binary file',
    ],
    [
      'a 20 MB file',
      async (repo) => {
        await writeFile(join(repo.dir, 'docs/release/rollback.md'), '');
        await truncate(join(repo.dir, 'docs/release/rollback.md'), 20 * 1024 * 1024);
      },
      'is 20971520 bytes, larger than the 1 MiB limit',
    ],
  ])('reports %s clearly', (_name, make, says) =>
    runDocs(
      {
        commits: [
          { message: 'feat: search' },
          releaseCommit({ 'docs/release/README': 'release documents\n' }),
        ],
        head: 'release/1.1',
        basePolicy: ONE_DOCUMENT,
        prepare: make,
      },
      (run) => {
        expect(run.exitCode).toBe(1);
        expect(rulesOf(run)).toEqual([
          [
            'document-present',
            'error',
            'docs/release/rollback.md',
            _name === 'an empty file' ? 1 : null,
          ],
        ]);
        expect(readFindings(run)[0]?.message).toContain(says);
      },
    ),
  );

  it.concurrent('fails a glob that matches nothing, on the glob', () =>
    runDocs(
      {
        commits: [
          { message: 'feat: search' },
          releaseCommit({ 'docs/release/rollback.md': ROLLBACK }),
        ],
        head: 'release/1.1',
        basePolicy: ONE_DOCUMENT.replace('docs/release/rollback.md', 'docs/release/rollback-*.md'),
      },
      (run) => {
        expect(run.exitCode).toBe(1);
        expect(rulesOf(run)).toEqual([
          ['document-present', 'error', 'docs/release/rollback-*.md', null],
        ]);
        expect(readFindings(run)[0]?.message).toContain(
          'is missing: no file in the repository matches it',
        );
        expect(run.outputs.missing).toBe('1');
      },
    ),
  );

  it.concurrent(
    'fails sections present only inside a quote or a fence, one finding listing both',
    () =>
      runDocs(
        {
          commits: [
            { message: 'feat: search' },
            releaseCommit({
              'docs/release/rollback.md':
                '# Rollback for 1.1.0\n\n> ## Triggers\n> error rate\n\n```\n## Rollback\nredeploy\n```\n',
            }),
          ],
          head: 'release/1.1',
          basePolicy: ONE_DOCUMENT,
        },
        (run) => {
          expect(run.exitCode).toBe(1);
          expect(rulesOf(run)).toEqual([
            ['document-sections', 'error', 'docs/release/rollback.md', 1],
          ]);
          expect(readFindings(run)[0]?.data).toEqual({
            kind: 'documents',
            documents: [
              {
                path: 'docs/release/rollback.md',
                sections: [
                  { title: 'Triggers', gap: 'missing', line: 1 },
                  { title: 'Rollback', gap: 'missing', line: 1 },
                ],
              },
            ],
          });
          expect(run.summary).toContain(
            '| Document | Line | Section | Gap |\n| --- | --- | --- | --- |\n' +
              '| docs/release/rollback.md | 1 | Triggers | no heading |\n' +
              '| docs/release/rollback.md | 1 | Rollback | no heading |',
          );
          expect(run.outputs.missing).toBe('2');
        },
      ),
  );

  it.concurrent('passes headings with zero-width and full-width characters', () =>
    runDocs(
      {
        commits: [
          { message: 'feat: search' },
          releaseCommit({
            'docs/release/rollback.md':
              '# Rollback for 1.1.0\n\n## Ｔｒｉｇｇｅｒｓ\nerror rate\n\n## Roll\u200Bback\nredeploy v1.0.0\n',
          }),
        ],
        head: 'release/1.1',
        basePolicy: ONE_DOCUMENT,
      },
      (run) => {
        expect([run.exitCode, readFindings(run)]).toEqual([0, []]);
      },
    ),
  );

  it.concurrent.each([
    ['docs/release/rollback.md', ''],
    ['docs/release/*.md', ' matches "docs/release/rollback.md", which'],
  ])(
    'fails on a symbolic link leaving the repository as a policy error at the entry: %s',
    (path, matched) =>
      runDocs(
        {
          commits: [
            { message: 'feat: search' },
            releaseCommit({ 'docs/release/README': 'release documents\n' }),
          ],
          head: 'release/1.1',
          basePolicy: ONE_DOCUMENT.replace('docs/release/rollback.md', path),
          prepare: async (repo) => {
            await writeFile(join(repo.dir, '..', 'secret.md'), 'secret');
            await symlink(
              join(repo.dir, '..', 'secret.md'),
              join(repo.dir, 'docs/release/rollback.md'),
            );
          },
        },
        (run) => {
          expect(run.exitCode).toBe(1);
          expect(rulesOf(run)).toEqual([['policy-file', 'error', '.github/release-policy.yml', 2]]);
          expect(readFindings(run)[0]?.message).toMatch(
            new RegExp(
              `^documents\\[0\\]\\.path "${path.replace(/[.*]/g, '\\$&')}"${matched} is a symbolic link whose target leaves the repository`,
            ),
          );
          expect(run.annotations.filter((a) => a.file !== undefined)).toEqual([
            expect.objectContaining({
              level: 'error',
              file: '.github/release-policy.yml',
              line: 2,
              col: 11,
            }),
          ]);
          expect(failureMessage(run)).toMatch(/^The policy has 1 problem; see the annotations/);
          expect(JSON.stringify(run)).not.toContain('secret\n');
        },
      ),
  );

  it.concurrent(
    'fails a document unchanged since the previous release and still its template',
    () =>
      runDocs(
        {
          commits: [
            {
              message: 'chore(release): 1.0.1',
              files: {
                'package.json': packageJson('1.0.1'),
                'docs/release/rollback.md': ROLLBACK,
                'docs/templates/rollback.md': ROLLBACK,
              },
              tags: ['v1.0.1'],
            },
            { message: 'feat: search' },
            releaseCommit(),
          ],
          head: 'release/1.1',
          basePolicy: `${ONE_DOCUMENT}    updated: true\n    template: docs/templates/rollback.md\n`,
          baseFiles: { 'docs/templates/rollback.md': ROLLBACK },
        },
        (run) => {
          expect(run.exitCode).toBe(1);
          expect(rulesOf(run)).toEqual([
            ['document-placeholder', 'error', 'docs/release/rollback.md', 1],
            ['document-updated', 'error', 'docs/release/rollback.md', 1],
          ]);
          expect(readFindings(run).map((f) => f.message)).toEqual([
            'The document "docs/release/rollback.md", required for a minor release (the release branch "release/1.1"), is still identical to its template "docs/templates/rollback.md". Fill it in for this release.',
            'The document "docs/release/rollback.md", required for a minor release (the release branch "release/1.1"), has not changed since the previous release "v1.0.1". Update it for this release.',
          ]);
        },
      ),
  );

  it.concurrent('checks the documents of the release type given, on any branch', () =>
    runDocs(
      {
        commits: [{ message: 'feat: add login' }],
        head: 'feature/CHG-12-login',
        basePolicy: ONE_DOCUMENT,
        inputs: { 'release-type': 'major' },
      },
      (run) => {
        expect(run.exitCode).toBe(1);
        expect(rulesOf(run)).toEqual([
          ['document-present', 'error', 'docs/release/rollback.md', null],
        ]);
        expect(run.outputs['release-type']).toBe('major');
      },
    ),
  );

  it.concurrent('fails the step on a release-type input that is not a release type', () =>
    runDocs(
      {
        commits: [{ message: 'feat: add login' }],
        head: 'feature/CHG-12-login',
        inputs: { 'release-type': 'huge' },
      },
      (run) => {
        expect(run.exitCode).toBe(1);
        expect(failureMessage(run)).toContain(
          'The release-type input "huge" is not a release type. Give one of major, minor, patch, prerelease',
        );
      },
    ),
  );
});

describe('docs-gate action: a pushed tag', () => {
  it.concurrent('checks the documents of the release the tag makes, without a pull request', () =>
    withRepo(
      history({ message: 'feat: search', files: { 'package.json': packageJson('1.1.0') } }),
      (repo) =>
        withEmulator(async (emulator) => {
          await repo.git('tag', 'v1.1.0');
          const headSha = await repo.git('rev-parse', 'HEAD');
          const event = seedPush(emulator, 'refs/tags/v1.1.0', headSha);
          const run = await runCheck(emulator, 'docs-gate', { ...event, cwd: repo.dir });
          expect(run.exitCode).toBe(1);
          expect(rulesOf(run)).toEqual(
            [
              'docs/release/backup-restore.md',
              'docs/release/configuration.md',
              'docs/release/installation.md',
              'docs/release/release-notes.md',
              'docs/release/rollback.md',
            ].map((file) => ['document-present', 'error', file, null]),
          );
          expect(readFindings(run)[0]?.message).toContain(
            'required for a minor release (the pushed tag "v1.1.0")',
          );
          expect(findHygieneProblems(run)).toEqual([]);
        }),
    ),
  );
});
