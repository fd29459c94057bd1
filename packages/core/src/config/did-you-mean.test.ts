import { describe, it, expect } from '@jest/globals';
import { findClosest, formatDidYouMean, measureEditDistance } from './did-you-mean.js';

describe('measureEditDistance', () => {
  it.each([
    ['', '', 0],
    ['main', 'main', 0],
    ['', 'abc', 3],
    ['mainlin', 'mainline', 1],
    ['kidns', 'kinds', 1], // swapped neighbours count once
    ['relase', 'release', 1],
    ['kitten', 'sitting', 3],
    ['into', 'onto', 1],
  ])('%j to %j is %i', (a, b, distance) => {
    expect(measureEditDistance(a, b)).toBe(distance);
    expect(measureEditDistance(b, a)).toBe(distance);
  });
});

describe('findClosest', () => {
  const topLevel = ['mainline', 'branches', 'versioning', 'commits', 'rules'];
  it.each([
    ['mainlin', topLevel, 'mainline'],
    ['Mainline', ['mainline', 'branches'], 'mainline'],
    ['brnaches', topLevel, 'branches'],
    ['rule', topLevel, 'rules'],
    ['warn', ['error', 'warning', 'notice', 'off'], 'warning'],
    ['version-bumb', ['version-bump', 'version-line'], 'version-bump'],
    ['zzz', topLevel, undefined],
    ['foo', ['bar', 'baz'], undefined],
    ['mainline', ['mainline'], undefined], // the input itself is no suggestion
    ['x', [], undefined],
    ['mainline'.repeat(9), ['mainline'.repeat(9) + 'x'], undefined], // too long to be a typo
  ])('%j among %j is %j', (input, candidates, expected) => {
    expect(findClosest(input, candidates)).toBe(expected);
  });

  it.each([
    ['in', 3, undefined],
    ['in', 2, 'init'],
    ['i', 2, undefined],
  ])('reads %j as the start of "init" only from minPrefixLength %j: %j', (input, min, expected) => {
    expect(findClosest(input, ['check', 'init'], { minPrefixLength: min })).toBe(expected);
  });

  it('prefers the nearer candidate, then the earlier one', () => {
    expect(findClosest('fixe', ['fix', 'fixed'])).toBe('fix');
    expect(findClosest('ab', ['ac', 'ad'])).toBe('ac');
  });
});

describe('formatDidYouMean', () => {
  it('is a sentence with the JSON-quoted suggestion, or empty', () => {
    expect(formatDidYouMean('int0', ['into', 'patterns'])).toBe(' Did you mean "into"?');
    expect(formatDidYouMean('unrelated', ['into', 'patterns'])).toBe('');
  });
});
