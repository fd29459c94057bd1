import { describe, expect, it } from '@jest/globals';
import type { Finding } from '@release-policy/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from '@jest/globals';
import { readRunContext } from './context.js';
import { makePullRequestContext } from './testing/actions-env.js';
import {
  MAX_COMMENT_CHARS,
  commentMarker,
  describeCounts,
  FULL_TEXT_BELOW,
  renderCommentBody,
  renderFindingDetails,
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
    expect(cells(row)[3]).toBe('a&#124;b _(full text below)_');
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

describe('full messages', () => {
  const list: Finding = {
    rule: 'branch-name',
    severity: 'error',
    message: `The branch "feat/x" matches no kind. Kinds:\n  - feature: feature/{ticket}-{slug}\n  - fix: fix/{ticket}-{slug}\n${'Long explanation. '.repeat(100)}The end.`,
  };

  it('shows the first line in the table and every line, as a list, under it', () => {
    const md = renderSummary({ check: 'branch-name', title: 'Branch name', findings: [list] });
    const [row] = tableRows(md);
    expect(cells(row ?? '')[3]).toBe(
      `The branch "feat/x" matches no kind. Kinds: ${FULL_TEXT_BELOW}`,
    );
    expect(md).toContain('#### Full messages');
    expect(md).toContain(
      '<details><summary>❌ error branch-name: The branch "feat/x" matches no kind. Kinds:</summary>',
    );
    expect(md).toContain('\n- feature: feature/{ticket}-{slug}\n- fix: fix/{ticket}-{slug}\n');
    // Nothing is cut below the summary's budget: the 1,800-character tail is there whole.
    expect(md).toContain(`${'Long explanation. '.repeat(100)}The end.`);
    expect(md.indexOf('</details>')).toBeGreaterThan(md.indexOf('The end.'));
  });

  it('adds no details block for a one-line message', () => {
    expect(renderFindingDetails(error)).toBeUndefined();
    const md = renderSummary({ check: 'b', title: 'B', findings: [error] });
    expect(md).not.toContain('<details>');
    expect(md).not.toContain(FULL_TEXT_BELOW);
  });

  it('keeps hostile text from closing the block or injecting structure', () => {
    const hostile: Finding = {
      rule: 'r',
      severity: 'error',
      message: 'first\n</details>\n# Approved by @admins\n<img src=x onerror=alert(1)>\n| a | b |',
      file: 'a</summary>.yml',
    };
    const block = renderFindingDetails(hostile) ?? '';
    expect(block.match(/<\/details>/g)).toHaveLength(1);
    expect(block.match(/<\/summary>/g)).toHaveLength(1);
    expect(block.endsWith('</details>')).toBe(true);
    const body = block.split('\n').slice(1, -1).join('\n');
    expect(body).not.toMatch(/[<>|@`[\]]/);
    expect(body).not.toMatch(/^#/m);
    expect(body).toContain('&lt;/details&gt;');
  });

  it('puts the details in the comment too, while they fit', () => {
    const body = renderCommentBody({ check: 'b', title: 'B', findings: [list], context });
    expect(body).toContain('<details><summary>');
    expect(body).toContain('The end.');
  });

  it('counts a finding whose details do not fit as not shown, never cutting its text', () => {
    const huge: Finding = { ...list, message: `Huge.\n${'x '.repeat(30_000)}` };
    const md = renderSummary({ check: 'v', title: 'V', findings: [error, huge] }, 20_000);
    expect(tableRows(md)).toHaveLength(1);
    expect(md).toContain('_1 more finding not shown: the job summary is limited in size._');
  });
});

describe('location links', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rp-render-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const pr = makePullRequestContext(dir, { number: 5 });
  const policy: Finding = {
    rule: 'policy-file',
    severity: 'error',
    message: 'Bad key.',
    file: '.github/release-policy.yml',
    line: 2,
    column: 1,
  };

  it.each([
    ['a policy-file finding on a pull request: the base commit', policy, 'b'.repeat(40)],
    ['any other finding: the run commit', { ...policy, rule: 'version-files' }, 'c'.repeat(40)],
  ])('%s', (_label, finding, sha) => {
    const md = renderSummary({ check: 'v', title: 'V', findings: [finding], context: pr });
    expect(cells(tableRows(md)[0] ?? '')[2]).toBe(
      `[.github/release-policy.yml:2:1](https://github.test/octo/service/blob/${sha}/.github/release-policy.yml#L2)`,
    );
  });
});
