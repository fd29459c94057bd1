import { describe, expect, it } from '@jest/globals';
import { formatCount, formatMs, formatNsPerOp, formatRatio, renderTable } from './table.js';

describe('renderTable', () => {
  it('pads columns, aligns numbers right and prints notes under the table', () => {
    const text = renderTable({
      title: 'Sizes',
      columns: ['name', 'bytes'],
      rows: [
        ['a', 1],
        ['longer', 12345],
      ],
      notes: ['One note.'],
    });
    expect(text).toBe(
      [
        '### Sizes',
        '',
        '| name   | bytes |',
        '| ------ | ----: |',
        '| a      |     1 |',
        '| longer | 12345 |',
        '',
        'One note.',
      ].join('\n'),
    );
  });

  it('escapes pipes and line breaks so untrusted text cannot break a row', () => {
    const text = renderTable({ title: 'T', columns: ['x'], rows: [['a|b\nc']] });
    expect(text).toContain('| a\\|b c |');
  });

  it('fills short rows and honours explicit alignment', () => {
    const text = renderTable({
      title: 'T',
      columns: ['a', 'b', 'c'],
      rows: [['x']],
      align: ['right', 'left', 'left'],
    });
    expect(text.split('\n').slice(2)).toEqual([
      '|   a | b   | c   |',
      '| --: | --- | --- |',
      '|   x |     |     |',
    ]);
  });

  it('refuses a row longer than the header, naming the table', () => {
    expect(() => renderTable({ title: 'Sizes', columns: ['a'], rows: [['1', '2']] })).toThrow(
      /Row 1 of table "Sizes" has 2 cells, but the table has 1 columns/,
    );
  });
});

describe('number formats', () => {
  it.each([
    [1234.4, '1234'],
    [100, '100'],
    [41.25, '41.3'],
    [1, '1.0'],
    [0.5, '0.500'],
    [0.0123, '0.012'],
    [0.00123, '0.00123'],
  ])('formatMs(%d) is %s', (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });

  it.each([
    [3.4167, '3.42×'],
    [0.04, '0.04×'],
    [922.3, '922.3×'],
  ])('formatRatio(%d) is %s', (ratio, text) => {
    expect(formatRatio(ratio)).toBe(text);
  });

  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1088952, '1,088,952'],
  ])('formatCount(%d) is %s', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });

  it.each([
    [5.8, 20_000, '290'],
    [0.001, 1000, '1.0'],
  ])('formatNsPerOp(%d ms, %d ops) is %s', (ms, ops, text) => {
    expect(formatNsPerOp(ms, ops)).toBe(text);
  });
});
