import { describe, expect, it } from '@jest/globals';
import { ContextStripper, LineSplitter } from './zero-context.js';

describe('ContextStripper', () => {
  it('keeps headers and changed lines, drops context, and heads each hunk with its counts', () => {
    const stripper = new ContextStripper();
    const header = ['0123456789abcdef0123456789abcdef01234567', '', 'diff --git a/a.txt b/a.txt'];
    const patch = [
      ...header,
      '--- a/a.txt',
      '+++ b/a.txt',
      '@@ -7,8 +7,9 @@ function context',
      ' line 7',
      ' line 8',
      ' line 9',
      '-line 10',
      '+ten',
      ' line 11',
      '',
      '-line 13',
      '+thirteen',
      '+more',
      ' line 14',
      '\\ No newline at end of file',
      'diff --git a/b.txt b/b.txt',
      '@@ -1 +1 @@',
      '-b',
      '+B',
    ];
    for (const line of patch) stripper.take(line);
    expect(stripper.finish()).toEqual([
      ...header,
      '--- a/a.txt',
      '+++ b/a.txt',
      '@@ -0,2 +0,3 @@',
      '-line 10',
      '+ten',
      '-line 13',
      '+thirteen',
      '+more',
      'diff --git a/b.txt b/b.txt',
      '@@ -0,1 +0,1 @@',
      '-b',
      '+B',
    ]);
  });

  it('strips a hunk of 300,000 added lines', () => {
    const stripper = new ContextStripper();
    stripper.take('@@ -0,0 +1,300000 @@');
    for (let i = 0; i < 300_000; i += 1) stripper.take(`+row ${i}`);
    const out = stripper.finish();
    expect([out.length, out[0], out[300_000]]).toEqual([
      300_001,
      '@@ -0,0 +0,300000 @@',
      '+row 299999',
    ]);
  });
});

describe('LineSplitter', () => {
  it('gives each line once it is complete, however the chunks cut it', () => {
    const splitter = new LineSplitter();
    const got = ['ab', 'c\nd', 'e\n\nf', 'g'].map((chunk) => splitter.push(chunk));
    expect([got, splitter.end()]).toEqual([[[], ['abc'], ['de', ''], []], 'fg']);
  });

  it('keeps a line longer than many chunks whole, and ends with nothing after a last line break', () => {
    const splitter = new LineSplitter();
    const parts = Array.from({ length: 1000 }, () => 'x'.repeat(1000));
    const lines = [...parts.flatMap((part) => splitter.push(part)), ...splitter.push('\n')];
    expect([lines.length, lines[0]?.length, splitter.end()]).toEqual([1, 1_000_000, undefined]);
  });
});
