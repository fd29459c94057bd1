import { describe, it, expect } from '@jest/globals';
import { anchorFor, describeValue, formatPath, seeDocs } from './messages.js';

describe('describeValue', () => {
  it.each([
    [null, 'empty (null)'],
    ['NO', 'the string "NO"'],
    [2024, 'the number 2024'],
    [false, 'the boolean false'],
    [['x'], 'a list ["x"]'],
    [{ a: 1 }, 'a mapping {"a":1}'],
  ])('describes %j as %s', (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });
});

describe('formatPath', () => {
  it.each([
    [[], '(top level)'],
    [['mainline'], 'mainline'],
    [['branches', 'kinds', 'feature', 'patterns', 0], 'branches.kinds.feature.patterns[0]'],
    [['commits', 'types', '<<'], 'commits.types["<<"]'],
    [['rules', 'a.b'], 'rules["a.b"]'],
    [['rules', 'k'.repeat(100)], `rules["${'k'.repeat(78)}…]`],
  ])('prints %j as %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});

describe('anchorFor and seeDocs', () => {
  it.each([
    [['mainline'], 'mainline'],
    [['branches', 'kinds'], 'branches'],
    [['versioning', 'files', 0], 'versioning'],
    [['commits', 'types'], 'commits'],
    [['rules', 'x'], 'rules'],
    [['documents'], 'reserved-sections'],
    [['change-request', 'x'], 'reserved-sections'],
    [['mainlin'], 'sections'],
    [[], 'sections'],
  ])('sends %j to #%s', (path, anchor) => {
    expect(anchorFor(path)).toBe(anchor);
    expect(seeDocs(anchor)).toBe(`See docs/policy.md#${anchor}.`);
  });
});
