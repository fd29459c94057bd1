import { describe, expect, it } from '@jest/globals';
import type { ClassifiedCommit, ClassifiedLine } from './classify.js';
import { formatForwardPortBranch, planForwardPorts } from './forward-ports.js';

function commit(sha: string, status: ClassifiedCommit['status']): ClassifiedCommit {
  return { sha: sha.repeat(40), subject: `fix ${sha}`, status, evidence: [] };
}

describe('formatForwardPortBranch', () => {
  it.each([
    ['3.5.x', 'release-policy/forward-port/3.5.x'],
    ['origin/release/1.4', 'release-policy/forward-port/release/1.4'],
    ['a b$(rm -rf)`x`', 'release-policy/forward-port/a-b-rm-rf-x--3c1a16ed'],
    ['..hidden/x.lock/../y.', 'release-policy/forward-port/hidden/x/y-0ff6b1ca'],
    ['-n', 'release-policy/forward-port/n-61cd8362'],
    ['ü~^:?*[\\', 'release-policy/forward-port/line-d186ff76'],
    ['x'.repeat(300), `release-policy/forward-port/${'x'.repeat(100)}-970138f5`],
  ])('makes %j the branch %j', (line, branch) => {
    expect(formatForwardPortBranch(line)).toBe(branch);
  });
});

describe('planForwardPorts', () => {
  it('plans one branch per line with missing commits, oldest commit first', () => {
    const lines: ClassifiedLine[] = [
      {
        line: '3.5.x',
        base: 'b',
        commits: [commit('c', 'missing'), commit('b', 'exempt'), commit('a', 'missing')],
      },
      { line: '3.4.x', base: 'b', commits: [commit('d', 'equivalent')] },
    ];
    expect(planForwardPorts(lines)).toEqual([
      {
        line: '3.5.x',
        branch: 'release-policy/forward-port/3.5.x',
        commits: [
          { sha: 'a'.repeat(40), subject: 'fix a' },
          { sha: 'c'.repeat(40), subject: 'fix c' },
        ],
      },
    ]);
  });

  it('keeps lines whose names sanitize alike on distinct branches, the same whichever lines a run sees', () => {
    const aSpace: ClassifiedLine = { line: 'a b', base: 'b', commits: [commit('a', 'missing')] };
    const aDash: ClassifiedLine = { line: 'a-b', base: 'b', commits: [commit('c', 'missing')] };
    const aQuery: ClassifiedLine = { line: 'a?b', base: 'b', commits: [commit('d', 'missing')] };
    const branches = (lines: ClassifiedLine[]) => planForwardPorts(lines).map((p) => p.branch);
    expect(branches([aSpace, aDash, aQuery])).toEqual([
      'release-policy/forward-port/a-b-10a3f9f2',
      'release-policy/forward-port/a-b',
      'release-policy/forward-port/a-b-1ab552d1',
    ]);
    expect(branches([aQuery])).toEqual(['release-policy/forward-port/a-b-1ab552d1']);
    expect(branches([aDash, aSpace])).toEqual([
      'release-policy/forward-port/a-b',
      'release-policy/forward-port/a-b-10a3f9f2',
    ]);
  });

  it('gives a line named with and without origin/ one branch, the later with -2', () => {
    const lines: ClassifiedLine[] = [
      { line: 'origin/3.5.x', base: 'b', commits: [commit('a', 'missing')] },
      { line: '3.5.x', base: 'b', commits: [commit('c', 'missing')] },
    ];
    expect(planForwardPorts(lines).map((plan) => plan.branch)).toEqual([
      'release-policy/forward-port/3.5.x',
      'release-policy/forward-port/3.5.x-2',
    ]);
  });
});
