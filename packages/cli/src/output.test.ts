import { describe, expect, it } from '@jest/globals';
import type { Finding } from '@release-policy/core';
import { renderFields, renderFindings, renderJson, sanitizeForTerminal } from './output.js';

describe('sanitizeForTerminal', () => {
  it.each([
    ['plain text', 'feature/CHG-1-x', 'feature/CHG-1-x'],
    ['escape sequence', 'a\u001b[31mred', 'a\\u001b[31mred'],
    ['carriage return', 'a\rb', 'a\\rb'],
    ['bell and backspace', 'a\u0007\u0008', 'a\\u0007\\u0008'],
    ['NUL and DEL', '\u0000x\u007f', '\\u0000x\\u007f'],
    ['C1 control (CSI)', '\u009b2J', '\\u009b2J'],
    ['line separator', 'a\u2028b', 'a\\u2028b'],
    ['bidi override', 'a\u202eb\u2066c', 'a\\u202eb\\u2066c'],
    ['next line (NEL)', 'a\u0085b', 'a\\u0085b'],
    ['zero-width space and joiner', 'a\u200bb\u200dc', 'a\\u200bb\\u200dc'],
    ['bidi marks and isolates', 'a\u200eb\u2069c', 'a\\u200eb\\u2069c'],
    ['line feed and tab kept', 'line 1\n\tline 2', 'line 1\n\tline 2'],
    ['non-ASCII kept', 'Grüße ✓ 日本', 'Grüße ✓ 日本'],
  ])('%s', (_label, input, expected) => {
    expect(sanitizeForTerminal(input)).toBe(expected);
  });

  it('escapes line feeds and tabs too when the text must stay on one line', () => {
    expect(sanitizeForTerminal('x\r\nfake\tz', { singleLine: true })).toBe('x\\r\\nfake\\tz');
  });
});

describe('renderJson', () => {
  it('escapes terminal controls JSON.stringify leaves raw, keeping the value', () => {
    const value = { name: 'a\u009bb\u2028c\u202ed\u007fe\u001bf', n: 1 };
    const text = renderJson(value);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202e]/);
    expect(JSON.parse(text)).toEqual(value);
    expect(text).toBe(
      JSON.stringify(value, null, 2).replace(
        /[\u007f-\u009f\u2028\u202e]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      ),
    );
  });
});

describe('renderFindings', () => {
  const findings: Finding[] = [
    {
      rule: 'version-format',
      severity: 'error',
      message: 'bad version\nsecond line',
      file: 'package.json',
      line: 3,
      column: 15,
      hint: 'Write "1.4.0".',
      docs: 'https://github.com/release-policy/release-policy/blob/v0.1.0/docs/rules.md#version-format',
    },
    { rule: 'x-warn', severity: 'warning', message: 'careful', file: 'a.txt' },
    { rule: 'x-note', severity: 'notice', message: 'fyi', file: 'b.txt', line: 2 },
  ];

  it('renders one block per finding with position, fix and docs, then the counts', () => {
    expect(renderFindings(findings, false).split('\n')).toEqual([
      '✖ package.json:3:15: bad version',
      'second line [version-format]',
      '    fix: Write "1.4.0".',
      '    docs: https://github.com/release-policy/release-policy/blob/v0.1.0/docs/rules.md#version-format',
      '⚠ a.txt: careful [x-warn]',
      'ℹ b.txt:2: fyi [x-note]',
      '1 error, 1 warning, 1 notice',
    ]);
  });

  it.each([
    [[], 'passed (0 errors, 0 warnings, 0 notices)'],
    [[findings[2]!], 'passed (0 errors, 0 warnings, 1 notice)'],
    [[findings[1]!, findings[1]!], '0 errors, 2 warnings, 0 notices'],
    [[findings[0]!, findings[0]!], '2 errors, 0 warnings, 0 notices'],
  ])('summarises %# as %j', (list, summary) => {
    expect(renderFindings(list, false).split('\n').at(-1)).toBe(summary);
  });

  it('colours by severity only when asked', () => {
    const coloured = renderFindings(findings, true);
    expect(coloured).toContain('\u001b[31m✖\u001b[0m');
    expect(coloured).toContain('\u001b[33m⚠\u001b[0m');
    expect(coloured).toContain('\u001b[34mℹ\u001b[0m');
    expect(coloured).toContain('\u001b[31m1 error, 1 warning, 1 notice\u001b[0m');
    expect(renderFindings(findings, false)).not.toContain('\u001b');
  });

  it('escapes control characters in messages, hints and file names', () => {
    const text = renderFindings(
      [
        {
          rule: 'r',
          severity: 'error',
          message: 'm\u001b[2J',
          hint: 'h\r',
          file: 'f\nfake.json',
          docs: 'docs/x.md\u001b',
        },
      ],
      false,
    );
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\r');
    expect(text).not.toMatch(/^fake/m);
    expect(text).toContain('f\\nfake.json: m\\u001b[2J');
  });
});

describe('renderFields', () => {
  it('aligns keys, skips empty values and keeps every value on one line', () => {
    expect(
      renderFields({ branch: 'x\nfake', base: undefined, kind: '', ticket: 'CHG-1' }, false),
    ).toBe('branch  x\\nfake\nticket  CHG-1');
  });

  it('is empty without values', () => {
    expect(renderFields({ a: undefined, b: '' }, false)).toBe('');
  });
});
