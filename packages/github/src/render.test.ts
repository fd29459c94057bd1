import { describe, expect, it } from '@jest/globals';
import type { Finding } from '@release-policy/core';
import { readRunContext } from './context.js';
import {
  MAX_COMMENT_CHARS,
  commentMarker,
  describeCounts,
  renderCommentBody,
  renderFindingRow,
  renderSummary,
} from './render.js';

const error: Finding = {
  rule: 'branch-name',
  severity: 'error',
  message: 'The branch "feat/x" matches no kind.',
  hint: 'Rename it, e.g. "feature/CHG-1-x".',
  docs: 'docs/rules.md#branch-name',
};
const warning: Finding = {
  rule: 'version-bump',
  severity: 'warning',
  message: 'Bump is small.',
  file: 'package.json',
  line: 3,
};

const context = readRunContext({
  GITHUB_REPOSITORY: 'octo/service',
  GITHUB_SHA: 'c'.repeat(40),
  GITHUB_RUN_ID: '42',
  GITHUB_SERVER_URL: 'https://github.test',
  GITHUB_ACTION_REPOSITORY: 'acme/release-policy',
  GITHUB_ACTION_REF: 'v1',
});

/** Rows of the findings table (lines starting with "| " after the header rows). */
function tableRows(markdown: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf('| Severity | Rule | Location | Message | How to fix |');
  if (start < 0) return [];
  const rows: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('| ')) break;
    rows.push(line);
  }
  return rows;
}

/** Splits a row on unescaped pipes, as a GFM table does. */
function cells(row: string): string[] {
  return row
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());
}

describe('commentMarker', () => {
  it.each([
    ['branch-name', '<!-- release-policy:branch-name -->'],
    ['Version', '<!-- release-policy:version -->'],
    ['a --> b', '<!-- release-policy:a-b -->'],
    ['', '<!-- release-policy:check -->'],
  ])('marks %j', (check, marker) => {
    expect(commentMarker(check)).toBe(marker);
  });
});

describe('describeCounts', () => {
  it('names only non-zero counts', () => {
    expect(describeCounts([error, error, warning])).toBe('2 errors, 1 warning');
    expect(describeCounts([])).toBe('no findings');
  });
});

describe('renderFindingRow', () => {
  it('has five cells: severity, linked rule, location, message, fix', () => {
    const row = renderFindingRow(error, 'https://docs.test/');
    expect(cells(row)).toEqual([
      '❌ error',
      '[branch-name](https://docs.test/docs/rules.md#branch-name)',
      '—',
      'The branch "feat/x" matches no kind.',
      'Rename it, e.g. "feature/CHG-1-x".',
    ]);
  });

  it('keeps hostile text inside its cell', () => {
    const hostile: Finding = {
      rule: 'branch-name',
      severity: 'error',
      message: 'a|b\n| x | y |\n<b>`z`</b>',
      hint: '@everyone',
    };
    const row = renderFindingRow(hostile);
    expect(row).not.toContain('\n');
    expect(cells(row)).toHaveLength(5);
    expect(cells(row)[3]).toBe(
      'a&#124;b<br>&#124; x &#124; y &#124;<br>&lt;b&gt;&#96;z&#96;&lt;/b&gt;',
    );
    expect(cells(row)[4]).toBe('&#64;everyone');
  });
});

describe('renderSummary', () => {
  it('shows headline, fields and a row per finding, errors first, with docs from the action repository', () => {
    const md = renderSummary({
      check: 'branch-name',
      title: 'Branch name',
      findings: [warning, error],
      context,
      fields: { kind: 'feature', ticket: 'CHG-1' },
    });
    expect(md.split('\n')[0]).toBe('### ❌ Branch name: 1 error, 1 warning');
    expect(md).toContain('| kind | feature |');
    const rows = tableRows(md);
    expect(rows).toHaveLength(2);
    expect(cells(rows[0] ?? '')[1]).toBe(
      '[branch-name](https://github.test/acme/release-policy/blob/v1/docs/rules.md#branch-name)',
    );
    expect(cells(rows[1] ?? '')[2]).toBe(
      `[package.json:3](https://github.test/octo/service/blob/${'c'.repeat(40)}/package.json#L3)`,
    );
  });

  it('says passed when there are no findings', () => {
    const md = renderSummary({ check: 'version', title: 'Version', findings: [] });
    expect(md).toBe('### ✅ Version: passed\n\nNo findings.\n');
  });

  it('shows passing with warnings, and escaped notes', () => {
    const md = renderSummary({
      check: 'v',
      title: 'Version',
      findings: [warning],
      notes: ['No comment: <403>'],
    });
    expect(md.split('\n')[0]).toBe('### ✅ Version: passed with 1 warning');
    expect(md).toContain('> No comment: &lt;403&gt;');
  });

  it('stays under the byte cap and counts the rows left out', () => {
    const many: Finding[] = Array.from({ length: 500 }, (_, i) => ({
      rule: 'version-files',
      severity: 'error',
      message: `Problem ${i}: ${'é'.repeat(400)}`,
    }));
    const cap = 50_000;
    const md = renderSummary({ check: 'version', title: 'Version', findings: many }, cap);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(cap);
    const shown = tableRows(md).length;
    expect(shown).toBeGreaterThan(10);
    expect(md).toContain(
      `_${500 - shown} more findings not shown: the job summary is limited in size._`,
    );
  });
});

describe('renderCommentBody', () => {
  it('starts with the marker and links the run', () => {
    const body = renderCommentBody({
      check: 'branch-name',
      title: 'Branch name',
      findings: [error],
      context,
    });
    const lines = body.split('\n');
    expect(lines[0]).toBe('<!-- release-policy:branch-name -->');
    expect(lines[1]).toBe('### ❌ Branch name: 1 error');
    expect(tableRows(body)).toHaveLength(1);
    expect(body).toContain('[run details](https://github.test/octo/service/actions/runs/42)');
    expect(body).toContain('commit ccccccc');
  });

  it('is a short resolved body, with the marker, when passing', () => {
    const body = renderCommentBody({
      check: 'branch-name',
      title: 'Branch name',
      findings: [],
      context,
    });
    expect(body.split('\n').slice(0, 2)).toEqual([
      '<!-- release-policy:branch-name -->',
      '### ✅ Branch name: resolved',
    ]);
    expect(tableRows(body)).toHaveLength(0);
    const withWarning = renderCommentBody({ check: 'b', title: 'B', findings: [warning], context });
    expect(withWarning).toContain(
      '1 warning remain; see the [job summary](https://github.test/octo/service/actions/runs/42).',
    );
  });

  it('is capped below 65,536 characters with a pointer to the job summary', () => {
    const many: Finding[] = Array.from({ length: 400 }, (_, i) => ({
      rule: 'branch-name',
      severity: 'error',
      message: `Problem ${i} ${'x'.repeat(900)}`,
    }));
    const body = renderCommentBody({
      check: 'branch-name',
      title: 'Branch name',
      findings: many,
      context,
    });
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body.length).toBeLessThan(65_536);
    const shown = tableRows(body).length;
    expect(shown).toBeGreaterThan(0);
    expect(body).toContain(
      `_${400 - shown} more findings in the [job summary](https://github.test/octo/service/actions/runs/42)._`,
    );
  });

  it('escapes fields and title', () => {
    const body = renderCommentBody({
      check: 'b',
      title: 'T <x>',
      findings: [error],
      fields: { kind: '@team `x`' },
    });
    expect(body).toContain('### ❌ T &lt;x&gt;: 1 error');
    expect(body).toContain('**kind**: &#64;team &#96;x&#96;');
  });
});
