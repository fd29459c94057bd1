import { describe, it, expect } from '@jest/globals';
import { convertConfigIssuesToFindings } from '../errors.js';
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
    [['patches', 'waivers'], 'patches'],
    [['environments'], 'environments'],
    [['environments', 0, 'soak'], 'environments'],
    [['documents', 0, 'path'], 'documents'],
    [['change-request', 'sections'], 'change-request'],
    [['mainlin'], 'sections'],
    [[], 'sections'],
  ])('sends %j to #%s', (path, anchor) => {
    expect(anchorFor(path)).toBe(anchor);
    expect(seeDocs(anchor)).toBe(`See docs/policy.md#${anchor}.`);
  });
});

describe('convertConfigIssuesToFindings', () => {
  it.each([
    ['branches.kinds.feature.patterns[0]', 'branches'],
    ['rules["a.b"]', 'rules'],
    ['environments[0].soak', 'environments'],
    ['mainlin', 'sections'],
    ['(top level)', 'sections'],
  ])('links an issue at %j to #%s, the section its message links', (path, anchor) => {
    const [finding] = convertConfigIssuesToFindings([
      { file: 'policy.yml', line: 2, column: 3, path, message: 'm' },
    ]);
    expect(finding).toEqual({
      rule: 'policy-file',
      severity: 'error',
      message: 'm',
      file: 'policy.yml',
      line: 2,
      column: 3,
      hint: 'Correct the policy file at this position; the message names the expected form.',
      docs: `docs/policy.md#${anchor}`,
    });
  });
});
