import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkCliJson,
  createTestRepo,
  writePackageJson,
  type TestRepo,
} from '../testing/harness.js';

const POLICY = [
  'documents:',
  '  - path: docs/release/rollback.md',
  '    required-for: [major, minor, patch]',
  '    sections: [Triggers, { title: Rollback, aliases: [回滚] }]',
  '    mention-version: true',
  '',
].join('\n');

const FILLED = '# Rollback plan for 1.1.0\n\n## Triggers\nerror rate\n\n## 回滚\nredeploy v1.0.0\n';

let repo: TestRepo;
beforeEach(async () => {
  repo = await createTestRepo();
  await repo.commit('feat: first', {
    '.github/release-policy.yml': POLICY,
    'package.json': writePackageJson('1.0.0'),
  });
  repo.git(['tag', 'v1.0.0']);
  repo.git(['checkout', '-q', '-b', 'release/1.1']);
});
afterEach(() => repo.cleanup());

function rulesOf(doc: { findings: { rule: string; file?: string; line?: number }[] }) {
  return doc.findings.map((f) => `${f.rule}:${f.file ?? ''}:${f.line ?? ''}`);
}

describe('docs', () => {
  it('passes a release branch whose documents are filled in, with the release type out', async () => {
    await repo.commit('feat: search', {
      'package.json': writePackageJson('1.1.0'),
      'docs/release/rollback.md': FILLED,
    });
    const run = await repo.run(['docs', '--json']);
    const doc = run.json();
    expect(checkCliJson(doc)).toEqual([]);
    expect(run.code).toBe(0);
    expect(doc).toMatchObject({
      ok: true,
      findings: [],
      docs: { 'release-type': 'minor', missing: 0 },
    });
  });

  it('fails with the file and line of each gap, exit 1', async () => {
    await repo.commit('feat: search', {
      'package.json': writePackageJson('1.1.0'),
      'docs/release/rollback.md': '# Rollback plan\n\n## Triggers\nTODO\n',
    });
    const run = await repo.run(['docs', '--json']);
    expect(run.code).toBe(1);
    const doc = run.json();
    expect(checkCliJson(doc)).toEqual([]);
    expect(rulesOf(doc)).toEqual([
      'document-version:docs/release/rollback.md:1',
      'document-placeholder:docs/release/rollback.md:4',
      'document-sections:docs/release/rollback.md:4',
    ]);
    expect(doc.docs).toEqual({ 'release-type': 'minor', missing: 2 });
  });

  it('reports a missing document on its path, and takes --release-type', async () => {
    const run = await repo.run(['docs', '--release-type', 'patch', '--json']);
    expect(run.code).toBe(1);
    const doc = run.json();
    expect(rulesOf(doc)).toEqual(['document-present:docs/release/rollback.md:']);
    expect(doc.findings[0]?.message).toContain(
      'required for a patch release (the release type "patch" given), is missing',
    );
  });

  it.each([['docs'], ['check']])(
    '%s: a document link leaving the repository is a policy error at its entry, exit 2',
    async (command) => {
      const outside = await mkdtemp(join(tmpdir(), 'outside-'));
      try {
        await writeFile(join(outside, 'secret.md'), '# Rollback\nsecret\n');
        await mkdir(join(repo.dir, 'docs/release'), { recursive: true });
        await symlink(join(outside, 'secret.md'), join(repo.dir, 'docs/release/rollback.md'));
        const run = await repo.run([command, '--release-type', 'minor', '--json']);
        expect(run.code).toBe(2);
        const doc = run.json();
        expect(rulesOf(doc)).toEqual(['policy-file:.github/release-policy.yml:2']);
        expect(doc.findings[0]).toMatchObject({ column: 11, severity: 'error' });
        expect(doc.findings[0]?.message).toMatch(
          /^documents\[0\]\.path "docs\/release\/rollback\.md" is a symbolic link whose target leaves the repository/,
        );
        const text = await repo.run([command, '--release-type', 'minor']);
        expect(text.code).toBe(2);
        expect(text.stderr).toContain(
          'release-policy: The policy has 1 problem:\n.github/release-policy.yml:2:11: documents[0].path',
        );
      } finally {
        await rm(outside, { recursive: true, force: true });
      }
    },
  );

  it('refuses an unknown --release-type with exit 2', async () => {
    const run = await repo.run(['docs', '--release-type', 'huge']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'release-policy: --release-type "huge" is not a release type. Give one of major, minor, patch, prerelease, e.g. --release-type minor. See https://github.com/release-policy/release-policy/blob/v0.1.0/docs/cli.md#options\n',
    );
  });

  it.each([
    [['docs', '2.0.0']],
    [['docs', '--version', '2.0.0']],
    [['docs', '--version=2.0.0']],
    // The policy's tag prefix is taken off once.
    [['docs', 'v2.0.0']],
    [['docs', '--version', 'v2.0.0']],
  ])(
    '%j releases 2.0.0: the same answer with the version as argument or as --version',
    async (argv) => {
      repo.git(['checkout', '-q', 'main']);
      const run = await repo.run([...argv, '--json']);
      const doc = run.json();
      expect([run.code, doc.docs?.['release-type']]).toEqual([1, 'major']);
    },
  );

  it.each([
    [
      ['docs', '1.0'],
      'docs VERSION: "1.0" is not a valid version: it has 2 number parts ("1.0") where SemVer needs exactly three, MAJOR.MINOR.PATCH (did you mean "1.0.0"?).',
    ],
    [
      ['docs', 'banana'],
      'docs VERSION: "banana" is not a valid version: it has 1 number part ("banana") where SemVer needs exactly three, MAJOR.MINOR.PATCH; the MAJOR part "banana" is not a whole number.',
    ],
    [
      ['docs', '--version', 'vv2.0.0'],
      '--version: "vv2.0.0" is not a valid version: it starts with "v", which is not part of a version (only tags carry a prefix, "v").',
    ],
  ])('refuses the release version in %j with exit 2 and an example', async (argv, problem) => {
    repo.git(['checkout', '-q', 'main']);
    const run = await repo.run(argv);
    expect([run.code, run.stdout, run.stderr]).toEqual([
      2,
      '',
      `release-policy: ${problem} Expected MAJOR.MINOR.PATCH with an optional -PRERELEASE, e.g. "1.4.0" or "1.4.0-rc.1". ` +
        'The tag prefix "v" may lead it once. Example: release-policy docs 1.4.0. See https://github.com/release-policy/release-policy/blob/v0.1.0/docs/cli.md#options\n',
    ]);
  });

  it('checks nothing on a run that does not release', async () => {
    repo.git(['checkout', '-q', 'main']);
    const run = await repo.run(['docs', '--json']);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ ok: true, findings: [], docs: { missing: 0 } });
  });
});

describe('docs: the templates come from where the policy is read', () => {
  const TEMPLATE_PATH = 'docs/release/templates/rollback.md';
  const TEMPLATED = `${POLICY}    template: ${TEMPLATE_PATH}\n`;

  /** main holds the policy (and `baseFiles`); release/1.1 then commits `files` on top of it. */
  async function branchOffMain(baseFiles: Record<string, string>, files: Record<string, string>) {
    repo.git(['checkout', '-q', 'main']);
    await repo.commit('docs: release template', {
      '.github/release-policy.yml': TEMPLATED,
      ...baseFiles,
    });
    repo.git(['checkout', '-q', '-B', 'release/1.1']);
    await repo.commit('feat: search', { 'package.json': writePackageJson('1.1.0'), ...files });
  }

  it.each([['docs'], ['check']])(
    '%s --base main: a branch that edits the template still has its unfilled document reported',
    async (command) => {
      await branchOffMain(
        { [TEMPLATE_PATH]: FILLED },
        // The document is the base's template as it was; the branch edits the template away from it.
        { 'docs/release/rollback.md': FILLED, [TEMPLATE_PATH]: `${FILLED}\nedited\n` },
      );
      const run = await repo.run([command, '--base', 'main', '--json']);
      const doc = run.json();
      expect(run.code).toBe(1);
      expect(rulesOf(doc)).toEqual(['document-placeholder:docs/release/rollback.md:1']);
      expect(doc.findings[0]?.message).toBe(
        'The document "docs/release/rollback.md", required for a minor release (the release branch "release/1.1"), ' +
          `is still identical to its template "${TEMPLATE_PATH}". Fill it in for this release.`,
      );
      expect(doc.policy).toBe('.github/release-policy.yml on main');
    },
  );

  it('without --base, reads the template from the working tree, as the policy', async () => {
    await branchOffMain(
      { [TEMPLATE_PATH]: FILLED },
      { 'docs/release/rollback.md': FILLED, [TEMPLATE_PATH]: `${FILLED}\nedited\n` },
    );
    const run = await repo.run(['docs', '--json']);
    expect([run.code, run.json().findings]).toEqual([0, []]);
  });

  it('--base main: a template the base does not hold is a policy error naming it and the base, exit 2', async () => {
    // The template exists only on the branch: it cannot vouch for the branch's own document.
    await branchOffMain({}, { 'docs/release/rollback.md': FILLED, [TEMPLATE_PATH]: 'other\n' });
    const run = await repo.run(['docs', '--base', 'main', '--json']);
    const doc = run.json();
    expect(run.code).toBe(2);
    expect(rulesOf(doc)).toEqual(['policy-file:main:.github/release-policy.yml:6']);
    expect(doc.findings[0]?.message).toBe(
      `documents[0].template "${TEMPLATE_PATH}" does not exist at the base "main", where the policy was read, ` +
        'so a document still identical to its template cannot be told apart. A template is part of the policy: ' +
        'it is read where the policy is, never from the pull request. Commit the template to the base branch ' +
        "first, or remove the entry's template, for example: template: docs/release/templates/rollback.md. " +
        'See https://github.com/release-policy/release-policy/blob/v0.1.0/docs/policy.md#documents.',
    );
  });
});

describe('init --docs', () => {
  it('writes the templates, which fail the docs check until filled in, and keeps existing files', async () => {
    await repo.write('docs/release/rollback.md', FILLED);
    await rm(join(repo.dir, '.github/release-policy.yml'));
    const run = await repo.run(['init', '--docs', '--json']);
    expect(run.code).toBe(0);
    const doc = run.json();
    expect(checkCliJson(doc)).toEqual([]);
    // The workflows come last (init's own test covers them).
    const files = (doc.files as { path: string }[]).filter(
      (file) => !file.path.startsWith('.github/workflows/'),
    );
    expect(files).toEqual([
      { path: '.github/release-policy.yml', status: 'written' },
      { path: 'docs/release/release-notes.md', status: 'written' },
      { path: 'docs/release/installation.md', status: 'written' },
      { path: 'docs/release/configuration.md', status: 'written' },
      { path: 'docs/release/backup-restore.md', status: 'written' },
      { path: 'docs/release/rollback.md', status: 'kept' },
      { path: '.github/pull_request_template.md', status: 'written' },
    ]);
    expect(await readFile(join(repo.dir, 'docs/release/rollback.md'), 'utf8')).toBe(FILLED);
    expect(await readFile(join(repo.dir, 'docs/release/configuration.md'), 'utf8')).toBe(
      '# Configuration\n\n<!-- Required for major, minor releases by .github/release-policy.yml. ' +
        'Replace every TODO; the release is blocked until then. -->\n\n' +
        '## Parameters\n\n<!-- Describe the parameters. -->\nTODO\n',
    );
    // With the default policy, on a minor release, the templates alone fail.
    const check = await repo.run(['docs', '--release-type', 'minor', '--json']);
    expect(check.code).toBe(1);
    expect(new Set(check.json().findings.map((f) => f.rule))).toEqual(
      new Set(['document-placeholder', 'document-sections', 'document-version']),
    );
  });

  it('writes the pull request template with the change request sections', async () => {
    await repo.run(['init', '--docs']);
    expect(await readFile(join(repo.dir, '.github/pull_request_template.md'), 'utf8')).toBe(
      '<!-- Change request: fill in every section; the docs check fails on the placeholders. ' +
        'Name the ticket (CHG-1234) in the title or on the Ticket line. -->\n\nTicket: TODO\n\n' +
        '## Reason\n\n<!-- Write the reason. -->\nTODO\n\n' +
        '## Impact analysis\n\n<!-- Write the impact analysis. -->\nTODO\n\n' +
        '## Verification plan\n\n<!-- Write the verification plan. -->\nTODO\n\n' +
        '## Risk\n\n<!-- Write the risk. -->\nTODO\n',
    );
  });
});
