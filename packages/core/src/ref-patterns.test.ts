import { describe, expect, it } from '@jest/globals';
import { matchRefPattern } from './ref-patterns.js';

describe('matchRefPattern', () => {
  it.each<[string, string, boolean]>([
    ['refs/tags/v*', 'refs/tags/v1.4.0', true],
    ['refs/tags/v*', 'refs/tags/release/v1', false],
    ['refs/tags/**', 'refs/tags/release/v1', true],
    ['refs/heads/release/*', 'refs/heads/release/1.4', true],
    ['refs/heads/release/*', 'refs/heads/release/1.4/x', false],
    ['refs/heads/main', 'refs/heads/main', true],
    ['refs/heads/main', 'refs/heads/main2', false],
    ['refs/tags/v?.?.?', 'refs/tags/v1.2.3', true],
    ['refs/tags/v?.?.?', 'refs/tags/v1.2.34', false],
    ['refs/tags/(.*)+$', 'refs/tags/(.*)+$', true],
    ['refs/tags/(.*)+$', 'refs/tags/v1', false],
  ])('%j against %j is %j', (pattern, ref, expected) => {
    expect(matchRefPattern(pattern, ref)).toBe(expected);
  });
});
