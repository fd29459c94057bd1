import { describe, it, expect } from '@jest/globals';
import { isPlaceholderLine, normalizeHeading, parseMarkdownOutline } from './markdown.js';

function titlesOf(text: string): Array<[string, number, number]> {
  return parseMarkdownOutline(text).sections.map((s) => [s.title, s.depth, s.line]);
}

describe('parseMarkdownOutline', () => {
  it.each<[string, string, Array<[string, number, number]>]>([
    [
      'ATX headings at any level',
      '# A\n\ntext\n\n### B\nmore\n',
      [
        ['A', 1, 1],
        ['B', 3, 5],
      ],
    ],
    [
      'setext headings',
      'Title\n=====\n\nSteps\n-----\nrun it\n',
      [
        ['Title', 1, 1],
        ['Steps', 2, 4],
      ],
    ],
    [
      'CRLF line breaks and a BOM',
      '\uFEFF# A\r\n\r\n## B\r\nx\r\n',
      [
        ['A', 1, 1],
        ['B', 2, 3],
      ],
    ],
    [
      'front matter, keeping line numbers',
      '---\ntitle: x\n---\n\n## Steps\nrun\n',
      [['Steps', 2, 5]],
    ],
    ['a heading inside a code fence', '## Real\n\n```\n## Steps\n```\n', [['Real', 2, 1]]],
    ['a heading inside a quote', '> ## Reason\n> why\n\n## Risk\nlow\n', [['Risk', 2, 4]]],
  ])('reads %s', (_name, text, expected) => {
    expect(titlesOf(text)).toEqual(expected);
  });

  it('gives each section its content lines, comments removed, subsections included', () => {
    const outline = parseMarkdownOutline(
      '## Changes\n<!-- say what -->\n### Added\n- login\n\n## Risk\n\n',
    );
    expect(outline.sections.map((s) => [s.title, s.content, s.endLine])).toEqual([
      ['Changes', [{ line: 4, text: '- login' }], 4],
      ['Added', [{ line: 4, text: '- login' }], 4],
      ['Risk', [], 6],
    ]);
  });
});

describe('normalizeHeading', () => {
  it.each([
    ['  Reason  ', 'reason'],
    ['Ｒｅａｓｏｎ', 'reason'],
    ['Rea\u200Bson', 'reason'],
    ['Impact   Analysis:', 'impact analysis'],
    ['回滚', '回滚'],
  ])('%j compares as %j', (title, expected) => {
    expect(normalizeHeading(title)).toBe(expected);
  });
});

describe('isPlaceholderLine', () => {
  const placeholders = ['TODO', 'TBD', '<…>', '…'];
  it.each([
    ['TODO', true],
    ['- TBD', true],
    ['<describe the reason>', true],
    ['- [ ] …', true],
    ['TODO: describe the change', false],
    ['Users cannot log in', false],
    ['TODOs are tracked elsewhere', false],
  ])('%j is placeholder text: %j', (text, expected) => {
    expect(isPlaceholderLine(text, placeholders)).toBe(expected);
  });
});
