import { describe, it, expect } from '@jest/globals';
import { collectPolicyIssues, POLICY_FILE } from '../testing/policy-issues.js';

function prototypeKey(key: string, where: string): string {
  return (
    `The key "${key}" ${where} is not allowed: __proto__, constructor and prototype name ` +
    'JavaScript object internals, so no section, kind, commit type or rule may use them. ' +
    `Rename it, for example "feature" instead of "${key}". See docs/policy.md#yaml.`
  );
}

const kinds = (extra: string): string =>
  `branches:\n  kinds:\n    feature:\n      patterns: ['feature/{slug}']\n      into: [mainline]\n${extra}`;

describe('prototype keys', () => {
  it.each([
    {
      name: 'a top-level __proto__',
      text: '__proto__: {}\nmainline: main\n',
      line: 1,
      column: 1,
      path: '__proto__',
      message: prototypeKey('__proto__', 'at the top level'),
    },
    {
      name: 'a __proto__ branch kind',
      text: kinds("    __proto__:\n      patterns: ['x/{slug}']\n"),
      line: 6,
      column: 5,
      path: 'branches.kinds.__proto__',
      message: prototypeKey('__proto__', 'in branches.kinds'),
    },
    {
      name: 'a constructor commit type',
      text: 'commits:\n  types:\n    feat: minor\n    constructor: major\n',
      line: 4,
      column: 5,
      path: 'commits.types.constructor',
      message: prototypeKey('constructor', 'in commits.types'),
    },
    {
      name: 'a prototype rule',
      text: 'rules:\n  prototype: off\n',
      line: 2,
      column: 3,
      path: 'rules.prototype',
      message: prototypeKey('prototype', 'in rules'),
    },
  ])('rejects $name at the key', ({ text, line, column, path, message }) => {
    expect(collectPolicyIssues(text)).toEqual([{ file: POLICY_FILE, line, column, path, message }]);
  });

  it('rejects an "into" target named __proto__ as an unknown target', () => {
    const issues = collectPolicyIssues(kinds('').replace('[mainline]', '[mainline, __proto__]'));
    expect(issues.map((i) => [i.line, i.column, i.path])).toEqual([
      [5, 24, 'branches.kinds.feature.into[1]'],
    ]);
    expect(issues[0]!.message).toBe(
      'branches.kinds.feature.into[1] names the unknown merge target "__proto__". Expected ' +
        '"mainline" or one of the kinds defined here (feature), for example: into: [mainline, ' +
        'release]. See docs/policy.md#branches.',
    );
  });

  it('leaves Object.prototype alone when a __proto__ holds a __proto__', () => {
    const issues = collectPolicyIssues('__proto__:\n  __proto__: { polluted: true }\n');
    expect(issues.map((i) => [i.line, i.column, i.path])).toEqual([
      [1, 1, '__proto__'],
      [2, 3, '__proto__.__proto__'],
    ]);
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(({} as { __proto__: unknown }).__proto__).toBe(Object.prototype);
  });
});

const encodingDocs = 'See docs/policy.md#encoding.';
const tooDeep =
  'The policy nests lists and mappings more than 64 levels deep; this is the first value past ' +
  'that depth. A policy needs a few levels (section, kind, list), so the file is rejected ' +
  'rather than read. Remove the extra "[", "{" or "-" levels, for example: ' +
  `patterns: ['feature/{ticket}-{slug}']. ${encodingDocs}`;

function nestedBlockLists(depth: number): string {
  let text = 'mainline:\n';
  for (let i = 1; i <= depth; i += 1) text += `${' '.repeat(i)}-\n`;
  return text;
}

describe('text the YAML reader must not see', () => {
  it.each([
    {
      name: 'a NUL inside mainline',
      text: 'rules: {}\nmainline: ma\0in\n',
      line: 2,
      column: 13,
      message:
        'The policy contains a NUL character (U+0000). A policy is UTF-8 text and no name, ' +
        'pattern or value may hold a NUL; a NUL usually means the file was saved as UTF-16 ' +
        `or is not text. Remove it, or save the file as UTF-8 text. ${encodingDocs}`,
    },
    {
      name: 'CR-only line breaks',
      text: 'mainline: main\rrules: {}\r',
      line: 1,
      column: 15,
      message:
        'The policy uses CR line breaks (a carriage return with no line feed after it), as ' +
        'classic Mac OS editors wrote them; YAML would read the whole file as one line. Save ' +
        `the file with LF (or CRLF) line breaks. ${encodingDocs}`,
    },
    {
      name: '10,000 nested flow lists',
      text: `rules: {}\nmainline: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
      line: 2,
      column: 74,
      message: tooDeep,
    },
    {
      name: '2,000 nested block lists',
      text: nestedBlockLists(2000),
      line: 65,
      column: 65,
      message: tooDeep,
    },
  ])('reports $name once, at its first position', ({ text, line, column, message }) => {
    expect(collectPolicyIssues(text)).toEqual([
      { file: POLICY_FILE, line, column, path: '(top level)', message },
    ]);
  });

  it('accepts 63 nested lists below the top-level mapping', () => {
    const issues = collectPolicyIssues(`mainline: ${'['.repeat(63)}${']'.repeat(63)}\n`);
    expect(issues.map((i) => i.path)).toEqual(['mainline']);
  });

  it('accepts CRLF line breaks', () => {
    expect(collectPolicyIssues('mainline: main\r\nmainlin: x\r\n').map((i) => i.path)).toEqual([
      'mainlin',
    ]);
  });
});

describe('a file that is not a policy', () => {
  const SECRET = 'ZXhhbXBsZS1jcmVkZW50aWFsLXRoYXQtbXVzdC1ub3QtbGVhaw==';
  it.each([
    [
      'a git config holding a credential',
      `[core]\n\trepositoryformatversion = 0\n[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${SECRET}\n`,
    ],
    ['an environment dump', `PATH=/usr/bin\nGITHUB_TOKEN=${SECRET}\nHOME=/root\n`],
    ['a line of the secret alone', `${SECRET}: [\n`],
  ])('quotes at most a short token of %s, never more of it', (_name, text) => {
    const messages = collectPolicyIssues(text).map((issue) => issue.message);
    expect(messages.length).toBeGreaterThan(0);
    // A message may name the offending token, cut short: never 25 characters of the secret in a row.
    for (const message of messages) {
      for (let i = 0; i + 25 <= SECRET.length; i += 1) {
        expect(message).not.toContain(SECRET.slice(i, i + 25));
      }
    }
  });
});
