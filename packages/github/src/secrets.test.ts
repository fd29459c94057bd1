import { afterEach, describe, expect, it } from '@jest/globals';
import { truncateText } from '@release-policy/core';
import {
  readActionSecrets,
  redactSecrets,
  redactValue,
  sanitizeOutgoingText,
  setKnownSecrets,
} from './secrets.js';

const TOKEN = 'ghs_SecretTokenValue0123456789abcdef';

/** Every 8-character piece of `secret` found in `text`. */
function findSecretPieces(text: string, secret: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i + 8 <= secret.length; i += 1) {
    const piece = secret.slice(i, i + 8);
    if (text.includes(piece)) pieces.push(piece);
  }
  return pieces;
}

afterEach(() => setKnownSecrets([]));

describe('redactSecrets', () => {
  it.each([
    ['the whole value', `branch feature/${TOKEN}-x`, 'branch feature/***-x'],
    ['every occurrence', `${TOKEN} and ${TOKEN}`, '*** and ***'],
    ['a prefix a cut left', truncateText(`"feature/${TOKEN}"`, 20), '"feature/***…'],
    ['a piece in the middle', `x${TOKEN.slice(5, 20)}y`, 'x***y'],
    [
      'nothing when no piece is as long as 8',
      `a ${TOKEN.slice(0, 7)} b`,
      `a ${TOKEN.slice(0, 7)} b`,
    ],
    ['nothing in unrelated text', 'feature/CHG-1-x', 'feature/CHG-1-x'],
  ])('replaces %s', (_name, text, expected) => {
    expect(redactSecrets(text, [TOKEN])).toBe(expected);
  });

  it('replaces short secrets (4 to 7 characters) only whole', () => {
    expect(redactSecrets('a s3cr3t-ish s3cr b', ['s3cr3t', 'xy'])).toBe('a ***-ish s3cr b');
  });

  it('uses the secrets of the run by default, replaced per run', () => {
    setKnownSecrets([TOKEN]);
    const first = redactSecrets(`t=${TOKEN}`);
    setKnownSecrets([]);
    expect([first, redactSecrets(`t=${TOKEN}`)]).toEqual(['t=***', `t=${TOKEN}`]);
  });

  it('leaves no 8-character piece of the secret in any cut of a long value', () => {
    const value = `feature/${TOKEN}${TOKEN.slice(0, 9)}`;
    const cuts = Array.from({ length: value.length }, (_, n) => truncateText(value, n + 1));
    const leaks = cuts.flatMap((cut) => findSecretPieces(redactSecrets(cut, [TOKEN]), TOKEN));
    expect(leaks).toEqual([]);
  });
});

describe('readActionSecrets', () => {
  it('reads the token inputs, GITHUB_TOKEN and the runner tokens, not other inputs', () => {
    const env = {
      INPUT_TOKEN: ` ${TOKEN} `,
      'INPUT_APP-PRIVATE-KEY': 'private-key-value',
      GITHUB_TOKEN: 'ghs_fromTheEnvironment',
      ACTIONS_RUNTIME_TOKEN: 'runtime-jwt-value',
      INPUT_POLICY: '.github/release-policy.yml',
      INPUT_GITHUB_TOKEN: 'ab',
      GITHUB_REPOSITORY: 'octo-org/app',
    };
    expect(readActionSecrets(env).sort()).toEqual(
      [TOKEN, 'private-key-value', 'ghs_fromTheEnvironment', 'runtime-jwt-value'].sort(),
    );
  });
});

describe('redactValue', () => {
  it('redacts every string of findings and leaves other values as they are', () => {
    setKnownSecrets([TOKEN]);
    const findings = [
      {
        rule: 'branch-name',
        line: 3,
        message: `Branch "${TOKEN}"`,
        data: { commits: [{ subject: TOKEN }] },
      },
    ];
    expect(redactValue(findings)).toEqual([
      {
        rule: 'branch-name',
        line: 3,
        message: 'Branch "***"',
        data: { commits: [{ subject: '***' }] },
      },
    ]);
    expect(findings[0]?.message).toBe(`Branch "${TOKEN}"`);
  });
});

describe('sanitizeOutgoingText', () => {
  it('redacts, then escapes invisible characters; line feeds stay unless on one line', () => {
    setKnownSecrets([TOKEN]);
    const text = `a\u202eb\u2028c\u0085d ${TOKEN}\nnext`;
    expect([sanitizeOutgoingText(text), sanitizeOutgoingText(text, { singleLine: true })]).toEqual([
      'a\\u202eb\\u2028c\\u0085d ***\nnext',
      'a\\u202eb\\u2028c\\u0085d ***\\nnext',
    ]);
  });
});
