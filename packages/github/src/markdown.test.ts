import { describe, expect, it } from '@jest/globals';
import {
  escapeMarkdownCell,
  escapeMarkdownText,
  readFirstLine,
  renderLocationCell,
  renderMarkdownBlock,
  renderRuleCell,
} from './markdown.js';

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

describe('readFirstLine', () => {
  it.each([
    ['one line', 'Bad name.', { line: 'Bad name.', complete: true }],
    [
      'a list after the first line',
      'Bad name. Kinds:\n  - feature\n  - fix',
      { line: 'Bad name. Kinds:', complete: false },
    ],
    ['leading blank lines', '\n\n  Bad.\n', { line: 'Bad.', complete: true }],
    ['nothing', '', { line: '', complete: true }],
  ])('%s', (_label, message, expected) => {
    expect(readFirstLine(message)).toEqual(expected);
  });

  it('cuts a long first line after a whole word, never mid-word', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const { line, complete } = readFirstLine(words, 50);
    expect(complete).toBe(false);
    expect(line.length).toBeLessThanOrEqual(50);
    expect(line).toMatch(/^word0 word1 .* word\d+ …$/);
    expect(words.startsWith(line.slice(0, -2))).toBe(true);
    expect(words[line.length - 2]).toBe(' ');
  });
});

describe('renderMarkdownBlock', () => {
  it('keeps every line, renders lists as lists and other lines as paragraphs', () => {
    const text = `The branch "x" matches no kind. Kinds:\n  - feature: feature/{ticket}-{slug}\n    - e.g. feature/CHG-1-x\n  - fix: fix/*\nRename it.\n${'long '.repeat(400)}end`;
    expect(renderMarkdownBlock(text).split('\n')).toEqual([
      'The branch "x" matches no kind. Kinds:',
      '',
      '- feature: feature/{ticket}-{slug}',
      '  - e.g. feature/CHG-1-x',
      '- fix: fix/&#42;',
      '',
      'Rename it.',
      '',
      `${'long '.repeat(400).trim()} end`.replace('  ', ' '),
    ]);
  });

  it.each([
    [
      'HTML that would close the details block',
      '</details><script>x</script>',
      '&lt;/details&gt;&lt;script&gt;x&lt;/script&gt;',
    ],
    ['a heading', '# Approved', '&#35; Approved'],
    ['a setext heading or rule', 'x\n===\n---', 'x\n\n&#61;==\n\n&#45;--'],
    ['a table row', '| a | b |', '&#124; a &#124; b &#124;'],
    [
      'links, code, emphasis and mentions',
      '[x](https://evil.test) `c` **b** _i_ ~~s~~ @org/team',
      '&#91;x&#93;(https://evil.test) &#96;c&#96; &#42;&#42;b&#42;&#42; &#95;i&#95; &#126;&#126;s&#126;&#126; &#64;org/team',
    ],
    ['an ordered list and a quote', '1. first\n> quote', '1&#46; first\n\n&gt; quote'],
    ['an indented code block', '        code', 'code'],
    ['control characters', 'a\u0007b\u001b[0m', 'ab&#91;0m'],
  ])('escapes %s', (_label, text, expected) => {
    expect(renderMarkdownBlock(text)).toBe(expected);
  });
});
