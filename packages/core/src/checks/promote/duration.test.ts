import { describe, expect, it } from '@jest/globals';
import { describeDuration, parseDuration } from './duration.js';

describe('parseDuration', () => {
  it.each<[string, number | undefined]>([
    ['30m', 30 * 60_000],
    ['2d', 2 * 86_400_000],
    ['1h30m', 90 * 60_000],
    ['1w', 7 * 86_400_000],
    ['45s', 45_000],
    ['0s', 0],
    ['2 days', undefined],
    ['m', undefined],
    ['1.5h', undefined],
    ['', undefined],
  ])('reads %j as %j milliseconds', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
});

describe('describeDuration', () => {
  it.each<[number, string]>([
    [0, '0s'],
    [59_000, '59s'],
    [90 * 60_000, '1h 30m'],
    [2 * 86_400_000 + 3 * 3_600_000 + 5 * 60_000, '2d 3h'],
    [-5, '0s'],
  ])('describes %j ms as %j', (ms, text) => {
    expect(describeDuration(ms)).toBe(text);
  });
});
