import { describe, expect, it } from '@jest/globals';
import {
  escapeMarkdownCell,
  escapeMarkdownText,
  renderLocationCell,
  renderRuleCell,
} from './markdown.js';
import { quoteValue, truncateText } from './text.js';

describe('escapeMarkdownCell', () => {
  it.each([
    ['a|b', 'a&#124;b'],
    ['`rm -rf`', '&#96;rm -rf&#96;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['line1\nline2\r\nline3\rline4', 'line1<br>line2<br>line3<br>line4'],
    ['[click](https://evil.test)', '&#91;click&#93;(https://evil.test)'],
    ['ping @octo-org/admins', 'ping &#64;octo-org/admins'],
    ['a & b', 'a &amp; b'],
    ['back\\slash', 'back&#92;slash'],
    ['bell\u0007esc\u001b[31m', 'bellesc&#91;31m'],
  ])('escapes %j', (input, expected) => {
    expect(escapeMarkdownCell(input)).toBe(expected);
  });

  it('keeps a cell on one table row whatever the input', () => {
    const hostile = 'x | y\n| --- |\n<script>`@all`</script>';
    const cell = escapeMarkdownCell(hostile);
    expect(cell).not.toMatch(/[|\n\r`@[\]]/);
    expect(cell.replace(/<br>/g, '')).not.toMatch(/[<>]/);
  });

  it('cuts long text with an ellipsis', () => {
    expect(escapeMarkdownCell('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('puts text outside tables on one line', () => {
    expect(escapeMarkdownText('a\nb|c')).toBe('a b&#124;c');
  });
});

describe('truncateText and quoteValue', () => {
  it('never splits a surrogate pair', () => {
    expect(truncateText('ab😀cd', 4)).toBe('ab…');
  });
  it('JSON-quotes and truncates', () => {
    expect(quoteValue('a"b')).toBe('"a\\"b"');
    expect(quoteValue('y'.repeat(300), 5)).toBe('"yyyy…"');
  });
});

describe('renderRuleCell', () => {
  it('links a plain docs path under the base URL', () => {
    expect(
      renderRuleCell(
        { rule: 'branch-name', docs: 'docs/rules.md#branch-name' },
        'https://github.test/o/r/blob/v1',
      ),
    ).toBe('[branch-name](https://github.test/o/r/blob/v1/docs/rules.md#branch-name)');
  });
  it.each([
    ['no base URL', 'docs/rules.md#x', undefined],
    ['a path escaping the docs', '../../evil#x', 'https://github.test/'],
    ['a javascript base', 'docs/rules.md', 'javascript:alert(1)'],
    ['markdown in the path', 'docs/a.md)(x', 'https://github.test/'],
  ])('shows plain text for %s', (_label, docs, base) => {
    expect(renderRuleCell({ rule: 'r', docs }, base)).toBe('r');
  });
});

describe('renderLocationCell', () => {
  const blob = { serverUrl: 'https://github.test', owner: 'o', repo: 'r', sha: 'c'.repeat(40) };
  it('links file and line at the commit', () => {
    expect(renderLocationCell({ file: 'src/a b.json', line: 3, column: 5 }, blob)).toBe(
      `[src/a b.json:3:5](https://github.test/o/r/blob/${'c'.repeat(40)}/src/a%20b.json#L3)`,
    );
  });
  it('shows a dash without a file and escaped text without a commit', () => {
    expect(renderLocationCell({})).toBe('—');
    expect(renderLocationCell({ file: 'a|b.txt', line: 1 })).toBe('a&#124;b.txt:1');
  });
  it('does not let parentheses end the link early', () => {
    const cell = renderLocationCell({ file: 'x)y.txt' }, blob);
    expect(cell).toContain('/x%29y.txt)');
  });
});
