import { describe, it, expect } from '@jest/globals';
import {
  collectPolicyIssues,
  embedInKind,
  expectPolicyIssue,
  type PolicyIssueCase,
} from '../testing/policy-issues.js';

const cases: PolicyIssueCase[] = [
  {
    name: 'duplicate key at the duplicate',
    text: 'mainline: main\nrules: {}\nmainline: trunk\n',
    line: 3,
    column: 1,
    path: 'mainline',
    includes: ['Duplicate key "mainline" at the top level', 'already set on line 1'],
  },
  {
    name: 'an unquoted {major}.x pattern is a syntax error, reported at the value with its fix',
    text: embedInKind('patterns:\n  - {major}.x'),
    line: 5,
    column: 11,
    path: '(top level)',
    includes: ['"{major}.x" is not quoted', 'must be quoted', "write - '{major}.x'", '#yaml'],
  },
  {
    name: 'a trailing comma in a flow list',
    text: embedInKind("patterns: ['feature/{slug}']\ninto: [mainline, ]"),
    line: 5,
    column: 22,
    path: 'branches.kinds.feature.into',
    includes: ['Trailing comma in the flow list', 'Remove the comma', '[mainline, release]'],
  },
  {
    name: 'a trailing comma in a flow mapping',
    text: 'commits:\n  types: { feat: minor, }\n',
    line: 2,
    column: 23,
    path: 'commits.types',
    includes: ['Trailing comma in the flow mapping', '{ feat: minor, fix: patch }'],
  },
  {
    name: 'an empty item between commas',
    text: embedInKind("patterns: ['feature/{slug}']\ninto: [mainline, , release]"),
    line: 5,
    column: 24,
    path: '(top level)',
    includes: ['Empty item in a flow list', 'Remove the extra comma'],
  },
  {
    name: 'a merge key',
    text: 'commits:\n  types:\n    <<: { feat: minor }\n    fix: patch\n',
    line: 3,
    column: 5,
    path: 'commits.types["<<"]',
    includes: ['Merge key "<<" in commits.types is not supported', 'anchor and'],
  },
  {
    name: 'a top level that is a list',
    text: '# policy\n- mainline: main\n',
    line: 2,
    column: 1,
    path: '(top level)',
    includes: [
      'top level must be a mapping of sections, but it is a list',
      'mainline: main',
      '#sections',
    ],
  },
  {
    name: 'a top level that is a string',
    text: 'main\n',
    line: 1,
    column: 1,
    path: '(top level)',
    includes: ['but it is the string "main"'],
  },
  {
    name: 'a syntax error with its position',
    text: 'mainline: main\nbranches:\n  kinds: [\n',
    line: 4,
    column: 1,
    path: '(top level)',
    includes: ['YAML syntax error', 'Check the indentation'],
  },
  {
    name: 'a tab used for indentation',
    text: 'branches:\n\tkinds: {}\n',
    line: 2,
    column: 1,
    path: '(top level)',
    includes: ['A tab is used for indentation', 'only spaces'],
  },
  {
    name: 'two YAML documents',
    text: 'mainline: main\n---\nmainline: trunk\n',
    line: 2,
    column: 1,
    path: '(top level)',
    includes: ['more than one YAML document', 'remove the extra "---"'],
  },
  {
    name: 'an alias without an anchor',
    text: 'mainline: *trunk\n',
    line: 1,
    column: 11,
    path: '(top level)',
    includes: ['The alias "*trunk" cannot be resolved', 'anchor must be defined before its alias'],
  },
  {
    name: 'an alias inside its own anchor',
    text: 'patches: &d { x: *d }\n',
    line: 1,
    column: 18,
    path: 'patches.x',
    includes: ['refers to a value that contains it', 'infinitely deep'],
  },
  {
    name: 'an unknown YAML tag',
    text: 'mainline: !branch main\n',
    line: 1,
    column: 11,
    path: '(top level)',
    includes: ['Unsupported YAML tag', '!branch'],
  },
];

describe('parsePolicy YAML-level problems', () => {
  it.each(cases)('$name', (c) => {
    const issue = expectPolicyIssue(c);
    expect(issue.message).toMatch(/ See docs\/policy\.md#[a-z-]+\.$/);
  });

  it('rejects an alias expansion bomb instead of expanding it', () => {
    const text = [
      'a0: &a0 [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 8 }, (_, i) => {
        const ref = `*a${i}`;
        return `a${i + 1}: &a${i + 1} [${Array(10).fill(ref).join(', ')}]`;
      }),
      '',
    ].join('\n');
    const issues = collectPolicyIssues(text);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 2, column: 10, path: '(top level)' });
    expect(issues[0]!.message).toContain('alias expansion bomb');
  });

  it('counts lines and columns the same in files with CRLF line ends', () => {
    const issues = collectPolicyIssues('mainline: main\r\nrules: {}\r\n  \r\nmainlin: x\r\n');
    expect(issues).toEqual([expect.objectContaining({ line: 4, column: 1, path: 'mainlin' })]);
  });

  it('stops after a syntax error instead of guessing at the structure', () => {
    const issues = collectPolicyIssues('mainlin: main\nbranches:\n  kinds: [\n');
    expect(issues.map((i) => i.path)).toEqual(['(top level)']);
  });

  it('keeps validating after duplicate keys and trailing commas', () => {
    const issues = collectPolicyIssues('mainline: main\nmainline: trunk\nrules: { nope: off, }\n');
    expect(issues.map((i) => [i.line, i.column, i.path])).toEqual([
      [2, 1, 'mainline'],
      [3, 10, 'rules.nope'],
      [3, 19, 'rules'],
    ]);
  });
});
