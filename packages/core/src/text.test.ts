import { describe, expect, it } from '@jest/globals';
import { plural, quoteShellArgument, quoteValue, truncateText } from './text.js';

describe('truncateText', () => {
  it.each([
    ['short', 10, 'short'],
    ['x'.repeat(50), 10, `${'x'.repeat(9)}…`],
    ['ab😀cd', 4, 'ab…'],
    ['abc', 1, '…'],
    ['abc', 0, ''],
  ])('cuts %j to %j characters as %j', (text, max, expected) => {
    expect(truncateText(text, max)).toBe(expected);
  });
});

describe('quoteValue', () => {
  it.each([
    ['feature/x', 80, '"feature/x"'],
    ['main', 80, '"main"'],
    [2024, 80, '2024'],
    [null, 80, 'null'],
    ['say "hi"\n', 80, '"say \\"hi\\"\\n"'],
    ['y'.repeat(300), 5, '"yyy…'],
    ['a\nb', 80, '"a\\nb"'],
    [['x', 1], 80, '["x",1]'],
    [undefined, 80, 'nothing'],
    [10n, 80, '10'],
  ])('quotes %j (at most %j characters) as %j', (value, max, expected) => {
    expect(quoteValue(value, max)).toBe(expected);
  });

  it('cuts at 80 characters by default, keeping a value that just fits whole', () => {
    expect(quoteValue('y'.repeat(200))).toBe(`"${'y'.repeat(78)}…`);
    expect(quoteValue('y'.repeat(78))).toBe(`"${'y'.repeat(78)}"`);
  });
});

describe('plural', () => {
  it.each([
    [0, 'error', '0 errors'],
    [1, 'error', '1 error'],
    [2, 'more finding', '2 more findings'],
  ])('counts %j %j as %j', (count, word, expected) => {
    expect(plural(count, word)).toBe(expected);
  });
});

describe('quoteShellArgument', () => {
  it.each([
    ['main', 'main'],
    ['release/1.2', 'release/1.2'],
    ['x;touch${IFS}FILE', "'x;touch${IFS}FILE'"],
    ["it's", "'it'\\''s'"],
    ['', "''"],
    ['a b', "'a b'"],
  ])('quotes %j as %s', (value, expected) => {
    expect(quoteShellArgument(value)).toBe(expected);
  });
});
