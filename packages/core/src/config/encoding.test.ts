import { describe, it, expect } from '@jest/globals';
import { ConfigError } from '../errors.js';
import { collectPolicyIssues, POLICY_FILE } from '../testing/policy-issues.js';
import { loadPolicyBytes, parsePolicyBytes } from './load.js';

const notUtf8 = (hex: string): string =>
  `The policy is not valid UTF-8: the byte 0x${hex} here does not start or continue a UTF-8 ` +
  'character (the file may be saved as Latin-1, Windows-1252 or UTF-16). Save the file as ' +
  'UTF-8 text; every character, including those in patterns, must be UTF-8. ' +
  'See docs/policy.md#encoding.';

const bytesOf = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((part) =>
      typeof part === 'string' ? [...new TextEncoder().encode(part)] : part,
    ),
  );

describe('parsePolicyBytes', () => {
  it.each([
    {
      name: 'a Latin-1 byte inside a pattern',
      bytes: bytesOf(
        "branches:\n  kinds:\n    feature:\n      patterns: ['caf",
        [0xe9],
        "/{slug}']\n",
      ),
      line: 4,
      column: 22,
      hex: 'E9',
    },
    {
      name: 'a UTF-8 sequence cut short after "é"',
      bytes: bytesOf('mainline: é', [0xe2, 0x82], '\n'),
      line: 1,
      column: 12,
      hex: 'E2',
    },
    {
      name: 'an overlong "/" (0xC0 0xAF)',
      bytes: bytesOf('mainline: a', [0xc0, 0xaf], 'b\n'),
      line: 1,
      column: 12,
      hex: 'C0',
    },
    {
      name: 'an encoded surrogate (0xED 0xA0 0x80)',
      bytes: bytesOf('rules: {}\nmainline: ', [0xed, 0xa0, 0x80], '\n'),
      line: 2,
      column: 11,
      hex: 'ED',
    },
    {
      name: 'UTF-16 with its byte order mark',
      bytes: Uint8Array.from([0xff, 0xfe, 0x6d, 0x00]),
      line: 1,
      column: 1,
      hex: 'FF',
    },
  ])('reports $name at its first invalid byte', ({ bytes, line, column, hex }) => {
    expect(parsePolicyBytes(bytes, POLICY_FILE)).toEqual({
      ok: false,
      issues: [{ file: POLICY_FILE, line, column, path: '(top level)', message: notUtf8(hex) }],
    });
  });

  it('reads UTF-8 with a byte order mark and four-byte characters', () => {
    const bytes = bytesOf(
      [0xef, 0xbb, 0xbf],
      'mainline: trunk\nbranches:\n  kinds:\n    feature:\n      description: "🚀 work"\n      patterns: [\'feature/{slug}\']\n',
    );
    const result = parsePolicyBytes(bytes, POLICY_FILE);
    expect(
      result.ok && [result.policy.mainline, result.policy.branches.kinds['feature']?.description],
    ).toEqual(['trunk', '🚀 work']);
  });

  it('throws a ConfigError from loadPolicyBytes', () => {
    expect(() => loadPolicyBytes(bytesOf('mainline: ', [0xff], '\n'), POLICY_FILE)).toThrow(
      new ConfigError([
        { file: POLICY_FILE, line: 1, column: 11, path: '(top level)', message: notUtf8('FF') },
      ]),
    );
  });
});

function invisible(
  what: string,
  shown: string,
  codePoint: string,
  example: string,
  anchor: string,
): string {
  return (
    `${what} ${shown} contains the invisible character ${codePoint}, so it differs from the name ` +
    `it looks like. Remove it; names hold visible characters only, for example: ${example}. ` +
    `See docs/policy.md#${anchor}.`
  );
}

const kind = (name: string, pattern: string): string =>
  `branches:\n  kinds:\n    ${name}:\n      patterns: ['${pattern}']\n      into: [mainline]\n`;

describe('invisible characters in names', () => {
  it.each([
    {
      name: 'a zero-width space in mainline',
      text: 'mainline: ma\u200Bin\n',
      line: 1,
      column: 13,
      path: 'mainline',
      message: invisible(
        'mainline',
        '"ma\\u200Bin"',
        'U+200B (ZERO WIDTH SPACE)',
        'mainline: main',
        'mainline',
      ),
    },
    {
      name: 'a right-to-left override in a quoted mainline',
      text: "mainline: 'ma\u202Ein'\n",
      line: 1,
      column: 14,
      path: 'mainline',
      message: invisible(
        'mainline',
        '"ma\\u202Ein"',
        'U+202E (RIGHT-TO-LEFT OVERRIDE)',
        'mainline: main',
        'mainline',
      ),
    },
    {
      name: 'a word joiner in a pattern',
      text: kind('feature', 'feature/\u2060{slug}'),
      line: 4,
      column: 27,
      path: 'branches.kinds.feature.patterns[0]',
      message: invisible(
        'branches.kinds.feature.patterns[0]',
        '"feature/\\u2060{slug}"',
        'U+2060 (WORD JOINER)',
        '"feature/{slug}"',
        'encoding',
      ),
    },
    {
      name: 'a zero-width joiner in a kind name, instead of the kind-name form',
      text: kind('fea\u200Dture', 'feature/{slug}'),
      line: 3,
      column: 8,
      path: 'branches.kinds["fea\\u200Dture"]',
      message: invisible(
        'the kind name',
        '"fea\\u200Dture"',
        'U+200D (ZERO WIDTH JOINER)',
        'feature:',
        'encoding',
      ),
    },
    {
      name: 'a soft hyphen in a ticket key, instead of the ticket-key form',
      text: `branches:\n  ticket-keys: [AB\u00ADC]\n${kind('feature', 'feature/{slug}').slice('branches:\n'.length)}`,
      line: 2,
      column: 19,
      path: 'branches.ticket-keys[0]',
      message: invisible(
        'branches.ticket-keys[0]',
        '"AB\\u00ADC"',
        'U+00AD (SOFT HYPHEN)',
        'ticket-keys: [CHG]',
        'encoding',
      ),
    },
  ])('reports $name at the character', ({ text, line, column, path, message }) => {
    expect(collectPolicyIssues(text)).toEqual([{ file: POLICY_FILE, line, column, path, message }]);
  });

  it('leaves a zero-width joiner in a description alone (emoji use it)', () => {
    const text = kind('feature', 'feature/{slug}') + '      description: "👩\u200D💻 work"\n';
    expect(collectPolicyIssues(`${text}mainlin: x\n`).map((i) => i.path)).toEqual(['mainlin']);
  });
});
