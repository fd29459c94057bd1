import { describe, it, expect } from '@jest/globals';
import { collectPolicyIssues, POLICY_FILE } from '../testing/policy-issues.js';
import { DEFAULT_POLICY_YAML } from './default.js';

const defaultWithUnquotedFeature = DEFAULT_POLICY_YAML.replace(
  "patterns: ['feature/{ticket}-{slug}', 'feat/{ticket}-{slug}']",
  'patterns: [feature/{ticket}-{slug}]',
);

function explain(value: string, fixed: string): string {
  return (
    `The value ${JSON.stringify(value)} is not quoted, so YAML reads its "{" and "[" as flow ` +
    'syntax (a mapping or a list) and cannot read the rest of the file. A pattern with ' +
    `placeholders must be quoted: write ${fixed}. See docs/policy.md#yaml.`
  );
}

describe('an unquoted value with placeholder braces', () => {
  it('changes the default policy under test', () => {
    expect(defaultWithUnquotedFeature).not.toBe(DEFAULT_POLICY_YAML);
  });

  it.each([
    {
      name: 'the default policy with patterns: [feature/{ticket}-{slug}]',
      text: defaultWithUnquotedFeature,
      line: defaultWithUnquotedFeature.split('\n').findIndex((l) => l.includes('[feature/')) + 1,
      column: 17,
      value: '[feature/{ticket}-{slug}]',
      fixed: "patterns: ['feature/{ticket}-{slug}']",
    },
    {
      name: 'a flow list of two patterns',
      text: 'branches:\n  kinds:\n    feature:\n      patterns: [feature/{slug}, fix/{slug}]\n      into: [mainline]\n',
      line: 4,
      column: 17,
      value: '[feature/{slug}, fix/{slug}]',
      fixed: "patterns: ['feature/{slug}', 'fix/{slug}']",
    },
    {
      name: 'a value in a block mapping',
      text: 'versioning:\n  tag-prefix: {major}.{minor}.x\n  initial: 0.1.0\nmainline: main\n',
      line: 2,
      column: 15,
      value: '{major}.{minor}.x',
      fixed: "tag-prefix: '{major}.{minor}.x'",
    },
    {
      name: 'an item of a block list, with a comment after it',
      text: 'branches:\n  kinds:\n    release:\n      patterns:\n        - {major}.{minor}.x # the line\n        - release/x\n      into: [mainline]\n',
      line: 5,
      column: 11,
      value: '{major}.{minor}.x',
      fixed: "- '{major}.{minor}.x'",
    },
  ])(
    'reports only the first cause, with its fix, for $name',
    ({ text, line, column, value, fixed }) => {
      expect(collectPolicyIssues(text)).toEqual([
        { file: POLICY_FILE, line, column, path: '(top level)', message: explain(value, fixed) },
      ]);
    },
  );
});
