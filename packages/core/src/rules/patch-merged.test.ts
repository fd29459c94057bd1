import { describe, expect, it } from '@jest/globals';
import type { Facts, PatchFacts } from '../facts.js';
import { makePolicy } from '../testing/policies.js';
import { patchMerged } from './patch-merged.js';

const now = new Date('2026-06-01T12:00:00Z');
const sha = (c: string) => c.repeat(40);
const policy = makePolicy();

function facts(picked?: boolean): Facts {
  const patches: PatchFacts = {
    mainline: 'main',
    checkedAt: now.toISOString(),
    lines: [
      {
        line: '3.5.x',
        base: sha('0'),
        commits: [
          {
            sha: sha('a'),
            subject: 'fix: only here',
            message: 'fix: only here',
            ...(picked === undefined
              ? {}
              : { pickedFrom: [{ sha: sha('7'), inMainline: picked }] }),
          },
          { sha: sha('b'), subject: 'chore(release): 3.5.1', message: 'x' },
        ],
        mainline: [],
      },
    ],
  };
  return { patches };
}

describe('patch-merged', () => {
  it('is an error-level patches rule that skips runs without patch facts', () => {
    expect(patchMerged).toMatchObject({
      id: 'patch-merged',
      check: 'patches',
      defaultSeverity: 'error',
    });
    expect(patchMerged.applies({ facts: {}, policy, now })).toBe(false);
  });

  it.each<[string, boolean | undefined, string[]]>([
    [
      'a commit with no evidence',
      undefined,
      [
        'The commit aaaaaaaaaaaa "fix: only here" on the line "3.5.x" is not in "main": no commit of "main" since the merge base 000000000000 has the same patch, cherry-pick source or pull request.',
      ],
    ],
    [
      'a commit whose -x line names a commit outside mainline',
      false,
      [
        'The commit aaaaaaaaaaaa "fix: only here" on the line "3.5.x" is not in "main": its message says it was cherry-picked from 777777777777, which is not a commit of "main", and no commit of "main" since the merge base has the same patch.',
      ],
    ],
    ['a commit picked from mainline', true, []],
  ])('%s', (_name, picked, messages) => {
    expect(
      patchMerged.evaluate({ facts: facts(picked), policy, now }).map((f) => f.message),
    ).toEqual(messages);
  });

  it('lists the commit as data, with the fix, at warning when the policy says so', () => {
    const warning = makePolicy({ patches: { ...policy.patches, missing: 'warning' } });
    expect(patchMerged.evaluate({ facts: facts(), policy: warning, now })).toEqual([
      expect.objectContaining({
        severity: 'warning',
        hint: `Merge the line into "main", or cherry-pick the commit there with "git cherry-pick -x ${sha('a')}", or waive it under patches.waivers in the policy.`,
        data: { kind: 'commits', commits: [{ sha: sha('a'), subject: 'fix: only here' }] },
      }),
    ]);
  });
});
