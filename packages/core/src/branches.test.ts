import { describe, it, expect } from '@jest/globals';
import {
  adviseBranchName,
  classifyBranch,
  compileBranchKinds,
  describeBranchKind,
  normalizeBranchName,
  quoteBranchName,
  type BranchClass,
} from './branches.js';
import { DEFAULT_KIND_NAMES, makePolicy } from './testing/policies.js';

describe('normalizeBranchName', () => {
  it.each([
    ['refs/heads/main', 'main'],
    ['refs/heads/feature/CHG-1-x', 'feature/CHG-1-x'],
    ['main', 'main'],
    ['feature/CHG-1-x', 'feature/CHG-1-x'],
    ['refs/heads/refs/heads/x', 'refs/heads/x'],
    ['refs/tags/v1.2.3', 'refs/tags/v1.2.3'],
    ['refs/pull/7/merge', 'refs/pull/7/merge'],
    ['heads/main', 'heads/main'],
    ['', ''],
  ])('%j -> %j', (ref, expected) => {
    expect(normalizeBranchName(ref)).toBe(expected);
  });
});

describe('quoteBranchName', () => {
  it.each([
    ['main', '"main"'],
    ['a";echo${IFS}pwn;#', '"a\\";echo${IFS}pwn;#"'],
    ['x\r\n::error::y', '"x\\r\\n::error::y"'],
  ])('%j -> %s', (name, expected) => {
    expect(quoteBranchName(name)).toBe(expected);
  });

  it('cuts long names to 120 characters, or the given length, with an ellipsis', () => {
    expect(quoteBranchName('a'.repeat(500), 10)).toBe('"aaaaaaaa…');
    expect(quoteBranchName('a'.repeat(500))).toBe(`"${'a'.repeat(118)}…`);
  });
});

describe('classifyBranch with the default kinds', () => {
  const policy = makePolicy();
  const cases: Array<[string, BranchClass]> = [
    ['main', { name: 'main', kind: 'mainline' }],
    ['refs/heads/main', { name: 'main', kind: 'mainline' }],
    [
      'feature/CHG-1234-add-login',
      {
        name: 'feature/CHG-1234-add-login',
        kind: 'feature',
        pattern: 'feature/{ticket}-{slug}',
        ticket: 'CHG-1234',
        slug: 'add-login',
      },
    ],
    [
      'feat/OPS-7-speed.up',
      {
        name: 'feat/OPS-7-speed.up',
        kind: 'feature',
        pattern: 'feat/{ticket}-{slug}',
        ticket: 'OPS-7',
        slug: 'speed.up',
      },
    ],
    [
      'refs/heads/fix/CHG-9-null_check',
      {
        name: 'fix/CHG-9-null_check',
        kind: 'fix',
        pattern: 'fix/{ticket}-{slug}',
        ticket: 'CHG-9',
        slug: 'null_check',
      },
    ],
    [
      'release/1.4',
      {
        name: 'release/1.4',
        kind: 'release',
        pattern: 'release/{major}.{minor}',
        line: { major: 1, minor: 4 },
      },
    ],
    [
      '2.3.x',
      {
        name: '2.3.x',
        kind: 'maintenance',
        pattern: '{major}.{minor}.x',
        line: { major: 2, minor: 3 },
      },
    ],
    ['1.x', { name: '1.x', kind: 'maintenance', pattern: '{major}.x', line: { major: 1 } }],
    [
      'hotfix/1.4.3',
      {
        name: 'hotfix/1.4.3',
        kind: 'hotfix',
        pattern: 'hotfix/{version}',
        version: '1.4.3',
        line: { major: 1, minor: 4 },
      },
    ],
    [
      'hotfix/10.0.1-rc.2',
      {
        name: 'hotfix/10.0.1-rc.2',
        kind: 'hotfix',
        pattern: 'hotfix/{version}',
        version: '10.0.1-rc.2',
        line: { major: 10, minor: 0 },
      },
    ],
    [
      'dependabot/npm_and_yarn/semver-7.7.0',
      { name: 'dependabot/npm_and_yarn/semver-7.7.0', kind: 'bot', pattern: 'dependabot/{rest}' },
    ],
    [
      'renovate/lodash-4.x',
      { name: 'renovate/lodash-4.x', kind: 'bot', pattern: 'renovate/{rest}' },
    ],
    // no prefix, no case folding, nothing that merely resembles a kind
    ['mai', { name: 'mai' }],
    ['Main', { name: 'Main' }],
    ['main2', { name: 'main2' }],
    ['master', { name: 'master' }],
    ['feature/add-login', { name: 'feature/add-login' }],
    ['feature/chg-1-add-login', { name: 'feature/chg-1-add-login' }],
    ['Feature/CHG-1-add-login', { name: 'Feature/CHG-1-add-login' }],
    ['feature/CHG-1-Add-Login', { name: 'feature/CHG-1-Add-Login' }],
    ['fix/add-login', { name: 'fix/add-login' }],
    ['release/1', { name: 'release/1' }],
    ['release/1.4.0', { name: 'release/1.4.0' }],
    ['release/v1.4', { name: 'release/v1.4' }],
    ['1.4', { name: '1.4' }],
    ['1.4.X', { name: '1.4.X' }],
    ['hotfix/1.4', { name: 'hotfix/1.4' }],
    ['hotfix/v1.4.3', { name: 'hotfix/v1.4.3' }],
    ['dependabot/', { name: 'dependabot/' }],
    ['refs/tags/v1.2.3', { name: 'refs/tags/v1.2.3' }],
    ['', { name: '' }],
    ['a";echo${IFS}pwn;#', { name: 'a";echo${IFS}pwn;#' }],
    ['feature/CHG-1-x\n::error::pwn', { name: 'feature/CHG-1-x\n::error::pwn' }],
    ['%0A::error::x', { name: '%0A::error::x' }],
    ['::stop-commands::x', { name: '::stop-commands::x' }],
  ];
  it.each(cases)('%j', (name, expected) => {
    expect(classifyBranch(name, policy)).toEqual(expected);
  });

  it('returns promptly for a 100,000-character name, as unknown', () => {
    const name = 'dependabot/' + 'a'.repeat(100_000);
    expect(classifyBranch(name, policy)).toEqual({ name });
  });

  it('composes a version from {major}.{minor}.{patch}', () => {
    const custom = makePolicy({
      branches: {
        kinds: {
          hotfix: { patterns: ['hotfix/{major}.{minor}.{patch}'], into: [], 'same-line': true },
        },
      },
    });
    expect(classifyBranch('hotfix/2.1.9', custom)).toMatchObject({
      kind: 'hotfix',
      version: '2.1.9',
      line: { major: 2, minor: 1 },
    });
  });
});

describe('classifyBranch with other policies', () => {
  it('tries kinds in policy order; the first matching pattern wins', () => {
    const kinds = {
      any: { patterns: ['x/{rest}'], into: [], 'same-line': false },
      specific: { patterns: ['x/{slug}'], into: [], 'same-line': false },
    };
    expect(classifyBranch('x/abc', makePolicy({ branches: { kinds } })).kind).toBe('any');
    const reversed = { specific: kinds.specific, any: kinds.any };
    expect(classifyBranch('x/abc', makePolicy({ branches: { kinds: reversed } })).kind).toBe(
      'specific',
    );
  });

  it('honours a different mainline name, exactly', () => {
    const policy = makePolicy({ mainline: 'trunk' });
    expect(classifyBranch('trunk', policy).kind).toBe('mainline');
    expect(classifyBranch('main', policy).kind).toBeUndefined();
  });

  it('restricts tickets to the configured keys', () => {
    const policy = makePolicy({ branches: { ticketKeys: ['CHG'] } });
    expect(classifyBranch('feature/CHG-1-x', policy).kind).toBe('feature');
    expect(classifyBranch('feature/OPS-1-x', policy).kind).toBeUndefined();
  });

  it('skips patterns that do not compile and reports them once', () => {
    const policy = makePolicy({
      branches: {
        kinds: {
          broken: { patterns: ['x/{tiket}', 'y/{slug}'], into: [], 'same-line': false },
          other: { patterns: ['x/{rest}'], into: [], 'same-line': false },
        },
      },
    });
    expect(classifyBranch('x/abc', policy).kind).toBe('other');
    expect(classifyBranch('y/abc', policy).kind).toBe('broken');
    const compiled = compileBranchKinds(policy);
    expect(compiled.problems).toHaveLength(1);
    expect(compiled.problems[0]).toMatchObject({ kind: 'broken', index: 0 });
    expect(compiled.problems[0]?.error.message).toContain('did you mean {ticket}?');
  });

  it('caches compiled kinds per policy object', () => {
    const a = makePolicy();
    const b = makePolicy();
    expect(compileBranchKinds(a)).toBe(compileBranchKinds(a));
    expect(compileBranchKinds(a)).not.toBe(compileBranchKinds(b));
    expect(compileBranchKinds(a).kinds.map((k) => k.name)).toEqual(DEFAULT_KIND_NAMES);
  });
});

describe('adviseBranchName', () => {
  const policy = makePolicy();
  const suggestions = (name: string): string[] =>
    adviseBranchName(name, policy).near.flatMap((n) => (n.suggestion ? [n.suggestion] : []));

  it.each([
    ['mai', 'main'],
    ['Main', 'main'],
    ['MAIN', 'main'],
    ['mian', 'main'],
  ])('suggests the mainline for %j', (name, expected) => {
    expect(adviseBranchName(name, policy).mainline).toBe(expected);
  });

  it.each(['main', 'develop', 'feature/CHG-1-x', 'x'.repeat(300)])(
    'does not suggest the mainline for %j',
    (name) => {
      expect(adviseBranchName(name, policy).mainline).toBeUndefined();
    },
  );

  it.each([
    ['featur/CHG-1-add-login', ['feature/CHG-1-add-login']],
    ['Feature/CHG-1-add-login', ['feature/CHG-1-add-login']],
    ['featrue/CHG-1-add-login', ['feature/CHG-1-add-login']],
    ['fea/CHG-1-x', ['feat/CHG-1-x']],
    ['relase/1.4', ['release/1.4']],
    ['hotfx/1.4.3', ['hotfix/1.4.3']],
    ['depandabot/npm/x', ['dependabot/npm/x']],
    ['feature/add-login', []],
    ['wip', []],
  ])('suggests for %j: %j', (name, expected) => {
    expect(suggestions(name)).toEqual(expected);
  });

  it('marks kinds whose prefix the name already has', () => {
    const near = adviseBranchName('feature/add-login', policy).near;
    expect(near.filter((n) => n.samePrefix).map((n) => n.pattern.source)).toEqual([
      'feature/{ticket}-{slug}',
    ]);
  });

  it('gives no advice for names over the length limit', () => {
    expect(adviseBranchName('feature/' + 'a'.repeat(100_000), policy)).toEqual({ near: [] });
  });
});

describe('describeBranchKind', () => {
  const base = makePolicy();
  const described = makePolicy({
    branches: {
      kinds: {
        ...base.branches.kinds,
        release: {
          patterns: ['release/{major}.{minor}'],
          into: ['mainline'],
          'same-line': false,
          description: 'Release lines, cut from main',
        },
        spike: {
          patterns: ['spike/{slug}'],
          into: [],
          'same-line': false,
          description: '  Experiments,\n  never merged\t ',
        },
        blank: { patterns: ['blank/{slug}'], into: [], 'same-line': false, description: ' \n ' },
        long: {
          patterns: ['long/{slug}'],
          into: [],
          'same-line': false,
          description: 'x'.repeat(130),
        },
      },
    },
  });

  it.each<[string, string, Parameters<typeof describeBranchKind>[2], string]>([
    ['release', 'a described kind', undefined, 'release branch (Release lines, cut from main)'],
    ['feature', 'a kind without description', undefined, 'feature branch'],
    [
      'release',
      'in the plural',
      { noun: 'branches' },
      'release branches (Release lines, cut from main)',
    ],
    ['release', 'by name alone', { noun: 'none' }, 'release (Release lines, cut from main)'],
    ['feature', 'by name alone, without description', { noun: 'none' }, 'feature'],
    [
      'release',
      'with an example',
      { noun: 'branches', example: 'release/1.4' },
      'release branches (Release lines, cut from main; e.g. "release/1.4")',
    ],
    [
      'feature',
      'with an example only',
      { example: 'feature/CHG-1-x' },
      'feature branch (e.g. "feature/CHG-1-x")',
    ],
    [
      'spike',
      'a multi-line description, on one line',
      undefined,
      'spike branch (Experiments, never merged)',
    ],
    ['blank', 'a blank description, as none', undefined, 'blank branch'],
    ['long', 'a long description, cut', undefined, `long branch (${'x'.repeat(120)}…)`],
    ['mainline', 'the mainline keyword, without description', undefined, 'mainline branch'],
    ['toString', 'a name that is no kind, without description', undefined, 'toString branch'],
  ])('names %j (%s)', (kind, _name, wording, expected) => {
    expect(describeBranchKind(kind, described, wording)).toBe(expected);
  });
});
