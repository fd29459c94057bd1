import { describe, expect, it } from '@jest/globals';
import type { Finding, FindingCommit } from '@release-policy/core';
import { emitAnnotations } from './annotations.js';
import { captureStdout } from './testing/actions-env.js';
import { MAX_COMMENT_DATA_ROWS, MAX_SUMMARY_DATA_ROWS, renderFindingData } from './finding-data.js';
import {
  MAX_COMMENT_CHARS,
  MAX_SUMMARY_BYTES,
  renderCommentBody,
  renderSummary,
} from './render.js';

function commits(n: number): FindingCommit[] {
  return Array.from({ length: n }, (_, i) => ({
    sha: String(i).padStart(40, 'a'),
    subject: i === 0 ? 'feat!: drop <b>|pipes|</b> @team' : `fix: repair thing ${i}`,
    type: i === 0 ? 'feat' : 'fix',
    bump: i === 0 ? ('major' as const) : ('patch' as const),
    breaking: i === 0,
  }));
}

function finding(n: number): Finding {
  return {
    rule: 'version-bump',
    severity: 'error',
    message: `${n} commits imply a larger bump.`,
    data: { kind: 'commits', commits: commits(n) },
  };
}

describe('renderFindingData', () => {
  it('renders every commit of a short list, subjects escaped', () => {
    expect(renderFindingData({ kind: 'commits', commits: commits(3) }, 20)).toBe(
      [
        '| Commit | Type | Bump | Subject |',
        '| --- | --- | --- | --- |',
        '| `aaaaaaa` | feat! | major | feat!: drop &lt;b&gt;&#124;pipes&#124;&lt;/b&gt; &#64;team |',
        '| `aaaaaaa` | fix | patch | fix: repair thing 1 |',
        '| `aaaaaaa` | fix | patch | fix: repair thing 2 |',
      ].join('\n'),
    );
  });

  it('caps a long list and states how many more there are and where they are', () => {
    const text = renderFindingData({ kind: 'commits', commits: commits(5000) }, 20);
    expect(text.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(20);
    expect(text.split('\n').at(-1)).toBe(
      '_… and 4980 more (5000 commits in all): the full list is in the `findings` output of the action and in `release-policy check --json`._',
    );
  });
});

describe('a finding with commits in the reports', () => {
  const rows = (text: string) => text.split('\n').filter((l) => l.startsWith('| `')).length;

  it.each([
    ['summary', 3, 3],
    ['summary', 5000, MAX_SUMMARY_DATA_ROWS],
    ['comment', 3, 3],
    ['comment', 5000, MAX_COMMENT_DATA_ROWS],
  ])('the %s shows %i commits as %i rows in the details block', (where, n, shown) => {
    const input = { check: 'version', title: 'Version', findings: [finding(n)] };
    const text = where === 'summary' ? renderSummary(input) : renderCommentBody(input);
    const size = where === 'summary' ? Buffer.byteLength(text) : text.length;
    const limit = where === 'summary' ? MAX_SUMMARY_BYTES : MAX_COMMENT_CHARS;
    expect([rows(text), size <= limit]).toEqual([shown, true]);
    expect(text).toContain(
      `| ❌ error | version-bump | — | ${n} commits imply a larger bump. _(list below)_ | — |`,
    );
    expect(text).toContain(
      `<details><summary>❌ error version-bump: ${n} commits imply a larger bump.</summary>\n\n| Commit | Type | Bump | Subject |`,
    );
    const more = `_… and ${n - shown} more (${n} commits in all)`;
    expect(text.includes(more)).toBe(n > shown);
  });

  it('annotations show only the message', async () => {
    const { stdout } = await captureStdout(() =>
      emitAnnotations([finding(5000)], { title: 'Version' }),
    );
    expect(stdout.trim().split('\n')).toEqual([
      '::error title=Version%3A version-bump::5000 commits imply a larger bump.',
    ]);
  });
});

function documentsFinding(n: number): Finding {
  return {
    rule: 'document-sections',
    severity: 'error',
    message: `The document lacks ${n} required sections with content.`,
    file: 'docs/release/rollback.md',
    line: 4,
    data: {
      kind: 'documents',
      documents: [
        {
          path: 'docs/release/rollback.md',
          sections: Array.from({ length: n }, (_, i) => ({
            title: i === 0 ? 'Roll|back <b>@team</b>' : `Section ${i}`,
            gap: i % 2 === 0 ? ('missing' as const) : ('empty' as const),
            line: 4 + i,
          })),
        },
      ],
    },
  };
}

describe('renderFindingData with documents', () => {
  it('renders one row per incomplete section, titles escaped', () => {
    const data = documentsFinding(3).data;
    expect(data && renderFindingData(data, 20)).toBe(
      [
        '| Document | Line | Section | Gap |',
        '| --- | --- | --- | --- |',
        '| docs/release/rollback.md | 4 | Roll&#124;back &lt;b&gt;&#64;team&lt;/b&gt; | no heading |',
        '| docs/release/rollback.md | 5 | Section 1 | no content |',
        '| docs/release/rollback.md | 6 | Section 2 | no heading |',
      ].join('\n'),
    );
  });

  it('caps a long list and counts the sections left out', () => {
    const data = documentsFinding(250).data;
    const text = data ? renderFindingData(data, 20) : '';
    expect(text.split('\n').filter((l) => l.startsWith('| docs/'))).toHaveLength(20);
    expect(text.split('\n').at(-1)).toBe(
      '_… and 230 more (250 sections in all): the full list is in the `findings` output of the action and in `release-policy check --json`._',
    );
  });

  it.each([
    ['summary', 250, MAX_SUMMARY_DATA_ROWS],
    ['comment', 250, MAX_COMMENT_DATA_ROWS],
  ])('the %s shows %i sections as %i rows in the details block', (where, n, shown) => {
    const input = { check: 'docs-gate', title: 'Docs', findings: [documentsFinding(n)] };
    const text = where === 'summary' ? renderSummary(input) : renderCommentBody(input);
    expect(
      text.split('\n').filter((l) => l.startsWith('| docs/release/rollback.md |')),
    ).toHaveLength(shown);
    expect(text).toContain(
      `<details><summary>❌ error document-sections · docs/release/rollback.md:4: The document lacks ${n} required sections with content.</summary>\n\n| Document | Line | Section | Gap |`,
    );
  });
});
