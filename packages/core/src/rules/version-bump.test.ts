import { describe, it, expect } from '@jest/globals';
import type { CommitFacts, Facts, VersionHistory } from '../facts.js';
import { evaluate } from '../engine.js';
import { makePolicy } from '../testing/policies.js';
import {
  makeCommit as c,
  makeFileSource as file,
  makeVersionFacts,
} from '../testing/version-facts.js';
import { versionBump } from './version-bump.js';

const now = new Date(0);
const policy = makePolicy();
const TAGS = ['v1.4.0', 'v1.4.1', 'v1.5.0'];

interface Case {
  branch?: string;
  version: string;
  commits?: CommitFacts[];
  tags?: string[];
  shallow?: boolean;
}
const factsOf = ({ branch = 'main', version, commits, tags = TAGS, shallow }: Case): Facts =>
  makeVersionFacts({ branch, sources: [file(version)], tags, commits, shallow });
const run = (input: Case) => versionBump.evaluate({ facts: factsOf(input), policy, now });

describe('version-bump', () => {
  it.each<[string, VersionHistory, string[]]>([
    [
      'an empty repository',
      { empty: true },
      ['notice: The repository has no commits yet, so there are no commits to check.'],
    ],
    [
      'a list cut at the limit with no previous release',
      { limit: 3 },
      [
        'notice: Only the newest 3 commits in the history (no previous release tag) were read; older ones were not checked. Tag a release to start a new range.',
      ],
    ],
    [
      'a list cut at the limit since a tag',
      { limit: 2, since: 'v1.5.0' },
      [
        'notice: Only the newest 2 commits since "v1.5.0" were read; older ones were not checked. Tag a release to start a new range.',
      ],
    ],
  ])('says so through the engine for %s, and is silenced by off', (_name, history, expected) => {
    const base = factsOf({ version: '1.5.1', commits: history.empty ? undefined : [] });
    const facts: Facts = { ...base, version: { ...base.version!, history } };
    const shown = (rules: Record<string, 'off'>) =>
      evaluate(facts, makePolicy({ rules }), now, { checks: ['version'] })
        .findings.filter((f) => f.rule === 'version-bump')
        .map((f) => `${f.severity}: ${f.message}`);
    expect(shown({})).toEqual(expected);
    expect(shown({ 'version-bump': 'off' })).toEqual([]);
  });

  it('applies only when commits are known', () => {
    expect(versionBump.applies({ facts: factsOf({ version: '1.5.1' }), policy, now })).toBe(false);
    expect(
      versionBump.applies({ facts: factsOf({ version: '1.5.1', commits: [] }), policy, now }),
    ).toBe(true);
  });

  it.each<[string, Case]>([
    ['commits absent', { version: '1.5.1' }],
    ['commits absent, even when shallow', { version: '1.5.1', shallow: true }],
    ['fix -> patch', { version: '1.5.1', commits: [c('a1', 'fix: x')] }],
    ['feat -> minor', { version: '1.6.0', commits: [c('a1', 'fix: x'), c('a2', 'feat: y')] }],
    ['breaking -> major', { version: '2.0.0', commits: [c('a1', 'feat!: y')] }],
    ['a bigger step than needed is fine', { version: '2.0.0', commits: [c('a1', 'fix: x')] }],
    [
      'nothing releasable',
      { version: '1.5.1', commits: [c('a1', 'docs: x'), c('a2', 'Merge branch x')] },
    ],
    ['no commits since the previous release', { version: '1.5.1', commits: [] }],
    [
      'a pre-release counts by its MAJOR.MINOR.PATCH',
      { version: '2.0.0-rc.1', commits: [c('a1', 'feat!: y')] },
    ],
    [
      'first release: nothing to compare with',
      { version: '0.1.0', commits: [c('a1', 'feat!: y')], tags: [] },
    ],
    [
      'not above the previous release (version-increment reports it)',
      { version: '1.4.5', commits: [c('a1', 'feat: y')] },
    ],
    ['no valid version', { version: 'v2.0.0', commits: [c('a1', 'feat: y')] }],
    [
      'a tagged pre-release on a feature branch: no release pending',
      {
        branch: 'feature/CHG-1-login',
        version: '1.6.0-rc.1',
        commits: [c('a1', 'feat!: y')],
        tags: [...TAGS, 'v1.6.0-rc.1'],
      },
    ],
  ])('%s: no finding', (_name, input) => {
    expect(run(input)).toEqual([]);
  });

  it.each<[string, Case, string[]]>([
    [
      'feat needs a minor',
      {
        version: '1.5.1',
        commits: [c('0123456789abcdef', 'feat(ui): add dark mode'), c('a2', 'fix: y')],
      },
      [
        'package.json "version" "1.5.1" (package.json:3:15) is a patch step after "1.5.0", but the 2 commits since "v1.5.0" imply a minor release:',
        '  - 0123456 "feat(ui): add dark mode" (feat -> minor)',
        'Expected at least "1.6.0"',
      ],
    ],
    [
      'a breaking footer needs a major',
      { version: '1.6.0', commits: [c('bbbbbbbbbb', 'fix: y\r\n\r\nBREAKING CHANGE: z')] },
      [
        'is a minor step after "1.5.0", but the 1 commit since "v1.5.0" implies a major release',
        '  - bbbbbbb "fix: y" (breaking change -> major)',
        'Expected at least "2.0.0"',
      ],
    ],
    [
      'a pre-release of a minor after a breaking change',
      { version: '1.6.0-rc.1', commits: [c('cccccccccc', 'refactor!: drop node 18')] },
      ['is a minor step after "1.5.0"', 'Expected at least "2.0.0"'],
    ],
    [
      'an untagged version on a feature branch is still checked',
      { branch: 'feature/CHG-1-login', version: '1.5.1', commits: [c('a1', 'feat: y')] },
      ['is a patch step after "1.5.0"', 'Expected at least "1.6.0";'],
    ],
    [
      'a tagged pre-release below the latest on a release branch is checked (this run releases it)',
      {
        branch: '1.x',
        version: '1.5.1-rc.1',
        commits: [c('a1', 'feat: y')],
        tags: [...TAGS, 'v1.5.1-rc.1', 'v1.5.1-rc.2'],
      },
      ['is a patch step after "1.5.0"', 'Expected at least "1.6.0";'],
    ],
    [
      'the suggestion clears a pre-release tag above the minimum',
      { version: '1.5.1', commits: [c('a1', 'feat: y')], tags: [...TAGS, 'v2.0.0-rc.2'] },
      ['Expected at least "1.6.0", e.g. "2.0.0";'],
    ],
    [
      'a patch pre-release after a feature, on a 1.x line',
      { branch: '1.x', version: '1.5.1-rc.1', commits: [c('dddddddddd', 'feat: y')] },
      [
        '"1.5.1-rc.1" (package.json:3:15) is a patch step after "1.5.0"',
        'Expected at least "1.6.0"',
      ],
    ],
  ])('%s', (_name, input, texts) => {
    const findings = run(input);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'package.json', line: 3, column: 15 });
    expect(findings[0]?.severity).toBeUndefined();
    for (const text of texts) expect(findings[0]?.message).toContain(text);
    expect(findings[0]?.hint).toContain('Set the version to');
  });

  it('warns when history is shallow, and still checks what it has', () => {
    const findings = run({ version: '1.5.1', commits: [c('a1', 'feat: y')], shallow: true });
    expect(findings.map((f) => f.severity)).toEqual(['warning', undefined]);
    expect(findings[0]?.message).toContain('history is shallow');
    expect(findings[0]?.message).toContain('fetch-depth: 0');
  });

  it.each<[string, Case, string]>([
    [
      'feat on a release line',
      { branch: 'release/1.4', version: '1.4.2', commits: [c('e1', 'feat: backport')] },
      'imply a minor release, but branch "release/1.4" releases 1.4.x versions, which take at most a patch step',
    ],
    [
      'breaking on a 1.x line',
      { branch: '1.x', version: '1.6.0', commits: [c('e1', 'feat!: a'), c('e2', 'fix: b')] },
      'imply a major release, but branch "1.x" releases 1.x versions, which take at most a minor step',
    ],
  ])('%s: a warning, checked against what the line allows', (_name, input, text) => {
    const findings = run(input);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('warning');
    expect(findings[0]?.message.replace('implies', 'imply')).toContain(text);
  });

  it('a capped line still needs its cap', () => {
    const findings = run({ branch: '1.x', version: '1.5.1', commits: [c('e1', 'feat!: a')] });
    expect(findings.map((f) => f.severity)).toEqual(['warning', undefined]);
    expect(findings[1]?.message).toContain('Expected at least "1.6.0"');
  });

  it('lists at most 10 commits, quoting hostile subjects', () => {
    const commits = Array.from({ length: 12 }, (_, i) =>
      c(`${i}`.padStart(8, 'f'), `feat: change ${i}`),
    );
    commits.push(c('9999999999', 'feat: ::error::owned\u0007'));
    const [finding] = run({ version: '1.5.1', commits });
    const listed = finding?.message.split('\n').filter((l) => l.startsWith('  - ')) ?? [];
    expect(listed).toHaveLength(11);
    expect(listed[10]).toBe("  - ... and 3 more (all 13 in the finding's data)");
    const [hostile] = run({
      version: '1.5.1',
      commits: [c('9999999999', 'feat: ::error::owned\u0007')],
    });
    expect(hostile?.message).toContain('  - 9999999 "feat: ::error::owned\\u0007" (feat -> minor)');
  });

  it('names the first 10 of 15 commits in the message and carries all 15, in full, in its data', () => {
    const commits = Array.from({ length: 15 }, (_, i) =>
      c(`${i}`.padStart(2, '0').repeat(20), `feat(part${i}): change ${i}`),
    );
    commits.splice(7, 0, c('d'.repeat(40), 'docs: not a release'), c('e'.repeat(40), 'fix: small'));
    const [finding] = run({ version: '1.5.1', commits });
    expect(finding?.data).toEqual({
      kind: 'commits',
      commits: Array.from({ length: 15 }, (_, i) => ({
        sha: `${i}`.padStart(2, '0').repeat(20),
        subject: `feat(part${i}): change ${i}`,
        type: 'feat',
        bump: 'minor',
        breaking: false,
      })),
    });
    expect(finding?.message.split('\n').slice(1, 12)).toEqual([
      ...Array.from(
        { length: 10 },
        (_, i) =>
          `  - ${`${i}`.padStart(2, '0').repeat(4).slice(0, 7)} "feat(part${i}): change ${i}" (feat -> minor)`,
      ),
      "  - ... and 5 more (all 15 in the finding's data)",
    ]);
  });

  it("carries the commits that call for more than the line allows in the warning's data", () => {
    const [warning] = run({
      branch: 'release/1.4',
      version: '1.4.2',
      commits: [c('f'.repeat(40), 'feat!: drop node 18'), c('a'.repeat(40), 'fix: y')],
    });
    expect(warning?.data).toEqual({
      kind: 'commits',
      commits: [
        {
          sha: 'f'.repeat(40),
          subject: 'feat!: drop node 18',
          type: 'feat',
          bump: 'major',
          breaking: true,
        },
      ],
    });
  });

  it('reports through the engine: the error fails the check, the warning does not', () => {
    const shallowOnly = evaluate(
      factsOf({ version: '1.6.0', commits: [c('a1', 'feat: y')], shallow: true }),
      policy,
      now,
      { rules: [versionBump] },
    );
    expect(shallowOnly.ok).toBe(true);
    expect(shallowOnly.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['version-bump', 'warning'],
    ]);
    const failing = evaluate(
      factsOf({ version: '1.5.1', commits: [c('a1', 'feat: y')] }),
      policy,
      now,
      { rules: [versionBump] },
    );
    expect(failing.ok).toBe(false);
    expect(failing.findings[0]?.docs).toBe('docs/rules.md#version-bump');
  });

  // Imitates angular-cli cutting 17.0.0 from its 17.0.x line after v16.2.x (also after an rc
  // on the line), and 17.1.0 from 17.1.x: the first release of a line is the mainline's next.
  it.each<[string, Case]>([
    [
      '17.0.0 cut from 17.0.x after breaking changes',
      {
        branch: '17.0.x',
        version: '17.0.0',
        commits: [c('b1', 'feat!: drop Node 16'), c('b2', 'fix: x')],
        tags: ['v16.2.0', 'v16.2.9'],
      },
    ],
    [
      '17.0.0 cut from 17.0.x after v17.0.0-rc.1 and v17.0.0-rc.2',
      {
        branch: '17.0.x',
        version: '17.0.0',
        commits: [c('b1', 'feat!: drop Node 16')],
        tags: ['v16.2.9', 'v17.0.0-rc.1', 'v17.0.0-rc.2'],
      },
    ],
    [
      '17.1.0 cut from 17.1.x after features',
      {
        branch: '17.1.x',
        version: '17.1.0',
        commits: [c('b1', 'feat: esbuild builder')],
        tags: ['v17.0.0', 'v17.0.5'],
      },
    ],
  ])('the first release of a line takes the mainline bump: %s, no finding', (_name, input) => {
    expect(run(input)).toEqual([]);
  });

  it('the first release of a line warns only when the commits imply more than its first version', () => {
    const findings = run({
      branch: '17.1.x',
      version: '17.1.0',
      commits: [c('b1aaaaaaaa', 'feat!: drop Node 16')],
      tags: ['v17.0.0', 'v17.0.5'],
    });
    expect(findings).toEqual([
      {
        severity: 'warning',
        file: 'package.json',
        line: 3,
        column: 15,
        message:
          'The 1 commit since "v17.0.5" implies a major release, but branch "17.1.x" releases 17.1.x versions, whose first release "17.1.0" is at most a minor step after "17.0.5":\n' +
          '  - b1aaaaa "feat!: drop Node 16" (breaking change -> major)\n' +
          "Ship these changes from the mainline, or keep the line's releases to minor changes.",
        hint: 'Release features and breaking changes from the mainline.',
        data: {
          kind: 'commits',
          commits: [
            {
              sha: 'b1aaaaaaaa',
              subject: 'feat!: drop Node 16',
              type: 'feat',
              bump: 'major',
              breaking: true,
            },
          ],
        },
      },
    ]);
  });
});
