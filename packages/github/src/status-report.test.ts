import { describe, expect, it } from '@jest/globals';
import type { ReleaseStatus } from '@release-policy/core';
import { renderStatusMarkdown } from './status-report.js';

const status: ReleaseStatus = {
  repository: 'octo-org/app',
  environments: ['staging', 'prod | eu'],
  lines: [
    {
      line: '1.4',
      latestTag: 'v1.4.1',
      deployed: [
        {
          environment: 'staging',
          deployment: {
            environment: 'staging',
            version: 'v1.4.1',
            sha: 'a'.repeat(40),
            at: '2026-05-30T10:00:00Z',
            by: '@mia',
            deployment: 7,
          },
        },
        { environment: 'prod | eu' },
      ],
      pending: [{ version: 'v1.4.1', from: 'staging', to: 'prod | eu' }],
    },
  ],
  unreadable: [],
};

describe('renderStatusMarkdown', () => {
  it('renders the lines, pending promotions and findings, escaping every name', () => {
    const markdown = renderStatusMarkdown({
      ok: false,
      generatedAt: '2026-06-01T12:00:00.000Z',
      status,
      findings: [
        {
          rule: 'audit-tag-protection',
          severity: 'error',
          message: 'The release tags are not protected.\nsecond line',
          hint: 'Add a <tag> ruleset.',
        },
      ],
    });
    expect(markdown.split('\n')).toEqual([
      '### Release status of octo-org/app',
      '',
      'The audit failed on 2026-06-01 12:00 UTC.',
      '',
      '| line | latest | staging | prod &#124; eu |',
      '| --- | --- | --- | --- |',
      '| 1.4 | v1.4.1 | v1.4.1<br>2026-05-30 by &#64;mia | — |',
      '',
      '**Pending promotions**',
      '',
      '- v1.4.1: staging → prod &#124; eu',
      '',
      '**Settings and findings**: 1 error, 0 warnings, 0 notices',
      '',
      '| severity | rule | finding | file |',
      '| --- | --- | --- | --- |',
      '| error | audit-tag-protection | The release tags are not protected.<br>Add a &lt;tag&gt; ruleset. |  |',
      '',
    ]);
  });

  it('renders the patch check of each line, or why the lines were not compared', () => {
    const render = (patches: Partial<ReleaseStatus>) =>
      renderStatusMarkdown({
        ok: true,
        generatedAt: '2026-06-01T12:00:00.000Z',
        status: { ...status, ...patches },
        findings: [],
      })
        .split('\n')
        .filter((line) => line.startsWith('| 1.') || line.startsWith('Not compared'));
    expect(
      render({
        patches: [
          { line: '1.3.x', commits: 2, missing: 0, missingCommits: [] },
          {
            line: '1.2.x',
            commits: 30,
            missing: 21,
            missingCommits: [{ sha: 'b'.repeat(40), subject: 'fix: a | b' }],
          },
        ],
      }),
    ).toEqual([
      '| 1.4 | v1.4.1 | v1.4.1<br>2026-05-30 by &#64;mia | — |',
      '| 1.3.x | 2 | none |',
      `| 1.2.x | 30 | 21:<br>${'b'.repeat(12)} fix: a &#124; b<br>and 20 more |`,
    ]);
    expect(
      render({ patchesUnread: { reason: 'shallow', detail: 'The clone is shallow.' } }).at(-1),
    ).toBe(
      'Not compared: The clone is shallow. Check out the whole history (actions/checkout with `fetch-depth: 0`).',
    );
  });

  it('renders the documents of the next release under the lines, or why they were not read', () => {
    const render = (documents: Partial<ReleaseStatus>) => {
      const lines = renderStatusMarkdown({
        ok: true,
        generatedAt: '2026-06-01T12:00:00.000Z',
        status: { ...status, ...documents },
        findings: [],
      }).split('\n');
      const start = lines.indexOf('**Settings and findings**: 0 errors, 0 warnings, 0 notices');
      return lines.slice(lines.indexOf('- v1.4.1: staging → prod &#124; eu') + 1, start);
    };
    expect(
      render({
        nextReleaseDocuments: {
          branch: 'main',
          line: '1.5',
          releaseType: 'minor',
          releaseTypeFrom: 'default',
          items: [
            {
              path: 'docs/release/release-notes.md',
              state: 'present',
              detail: 'sections "Changes", "Risk"',
            },
            { path: 'docs/release/a|b.md', state: 'incomplete', detail: 'placeholder: "Steps"' },
            { path: 'docs/release/rollback.md', state: 'missing', detail: 'no file matched' },
          ],
        },
      }),
    ).toEqual([
      '',
      '**Documents of the next release**: line 1.5 on main, a minor release (no version facts: the main-version step); the docs check gates the release, the audit does not fail on them.',
      '',
      '| document | state | detail |',
      '| --- | --- | --- |',
      '| docs/release/release-notes.md | present | sections "Changes", "Risk" |',
      '| docs/release/a&#124;b.md | incomplete | placeholder: "Steps" |',
      '| docs/release/rollback.md | missing | no file matched |',
      '',
    ]);
    expect(
      render({
        documentsUnread: { reason: 'no-checkout', detail: 'The workspace is not a git clone.' },
      }),
    ).toEqual([
      '',
      '**Documents of the next release**',
      '',
      'Not read: The workspace is not a git clone. Check out the repository before the audit (actions/checkout).',
      '',
    ]);
    expect(
      render({
        documentsUnread: {
          reason: 'not-mainline',
          detail:
            'The checkout is the branch "feature", not the mainline "main". Run the audit on the mainline.',
        },
      }),
    ).toEqual([
      '',
      '**Documents of the next release**',
      '',
      'Not read: The checkout is the branch "feature", not the mainline "main". Run the audit on the mainline.',
      '',
    ]);
  });
});
