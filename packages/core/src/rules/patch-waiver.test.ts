import { describe, expect, it } from '@jest/globals';
import type { Facts } from '../facts.js';
import { makePolicy } from '../testing/policies.js';
import { patchWaiver } from './patch-waiver.js';

const now = new Date('2026-06-01T12:00:00Z');
const sha = (c: string) => c.repeat(40);
const facts: Facts = {
  patches: {
    mainline: 'main',
    checkedAt: now.toISOString(),
    lines: [
      {
        line: '3.5.x',
        base: sha('0'),
        commits: [{ sha: sha('a'), subject: 'fix: only here', message: 'x' }],
        mainline: [],
      },
    ],
  },
};

function run(commit: string, until: string) {
  const base = makePolicy();
  const policy = makePolicy({
    patches: { ...base.patches, waivers: [{ commit, approvedBy: 'alice', reason: 'r', until }] },
  });
  if (!patchWaiver.applies({ facts, policy, now })) return 'skipped';
  return patchWaiver.evaluate({ facts, policy, now }).map((f) => [f.severity, f.message]);
}

describe('patch-waiver', () => {
  it('skips a policy without waivers', () => {
    expect(patchWaiver.applies({ facts, policy: makePolicy(), now })).toBe(false);
  });

  it.each<[string, string, string, unknown]>([
    ['a current waiver of a commit on the line', 'aaaaaaa', '2026-06-01', []],
    [
      'an expired waiver',
      'aaaaaaa',
      '2026-05-31',
      [
        [
          undefined,
          'The waiver for the commit aaaaaaa (approved by "alice") expired after 2026-05-31 and the commit is still not in "main". Expected an until date not in the past, e.g. until: 2026-06-01.',
        ],
      ],
    ],
    [
      'a waiver of a commit not on the lines checked',
      'bbbbbbb',
      '2026-12-31',
      [
        [
          'warning',
          'The waiver for the commit bbbbbbb names no commit missing from "main" on the lines checked ("3.5.x"): it is merged already, or not a commit of these lines.',
        ],
      ],
    ],
  ])('%s', (_name, commit, until, expected) => {
    expect(run(commit, until)).toEqual(expected);
  });
});
