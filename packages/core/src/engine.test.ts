import { describe, it, expect } from '@jest/globals';
import type { CheckName } from './checks/registry.js';
import type { Facts } from './facts.js';
import type { Finding, Severity } from './findings.js';
import type { Policy } from './config/schema.js';
import { computeSeverity, evaluate } from './engine.js';
import { RULES } from './rules/registry.js';
import type { Rule, RuleFinding } from './rules/types.js';
import { versionBump } from './rules/version-bump.js';
import { makePolicy } from './testing/policies.js';
import { makeCommit, makeFileSource, makeVersionFacts } from './testing/version-facts.js';

const now = new Date(0);
const facts: Facts = { branch: { name: 'main' } };

/** A rule that reports `findings` as given, applying whenever `applies` says so. */
function makeRule(
  id: string,
  findings: RuleFinding[],
  options: { check?: CheckName; defaultSeverity?: Severity; applies?: boolean } = {},
): Rule {
  const { check = 'branch', defaultSeverity = 'error', applies = true } = options;
  return {
    id,
    check,
    description: `Test rule ${id}.`,
    defaultSeverity,
    applies: () => applies,
    evaluate: () => findings,
  };
}

const withRules = (rules: Policy['rules']): Policy => makePolicy({ rules });

describe('computeSeverity', () => {
  it.each<[string, Severity | undefined, Severity, Severity | undefined, Severity]>([
    // found, default, override -> reported
    [
      'no override: a finding without severity takes the default',
      undefined,
      'error',
      undefined,
      'error',
    ],
    ['no override: a deliberate warning stays a warning', 'warning', 'error', undefined, 'warning'],
    [
      'writing the default: the deliberate warning stays a warning',
      'warning',
      'error',
      'error',
      'warning',
    ],
    ['writing the default: a default finding stays an error', undefined, 'error', 'error', 'error'],
    [
      'lowering to warning: a default finding becomes a warning',
      undefined,
      'error',
      'warning',
      'warning',
    ],
    [
      'lowering to warning: a deliberate warning stays a warning',
      'warning',
      'error',
      'warning',
      'warning',
    ],
    [
      'lowering to warning: a deliberate notice stays a notice',
      'notice',
      'error',
      'warning',
      'notice',
    ],
    [
      'lowering to notice: a deliberate warning becomes a notice',
      'warning',
      'error',
      'notice',
      'notice',
    ],
    [
      'lowering to notice: a default finding becomes a notice',
      undefined,
      'error',
      'notice',
      'notice',
    ],
    [
      'raising to error: a default warning becomes an error',
      undefined,
      'warning',
      'error',
      'error',
    ],
    [
      'raising to error: a finding marked at the default becomes an error',
      'warning',
      'warning',
      'error',
      'error',
    ],
    [
      'raising to error: a deliberate notice stays a notice',
      'notice',
      'warning',
      'error',
      'notice',
    ],
    ['a finding above its default is held to the level', 'error', 'warning', undefined, 'warning'],
    ['a finding above its default takes a lower override', 'error', 'warning', 'notice', 'notice'],
  ])('%s', (_name, found, defaultSeverity, override, expected) => {
    expect(computeSeverity(found, defaultSeverity, override)).toBe(expected);
  });

  it.each<Severity>(['error', 'warning', 'notice'])(
    'writing a %s rule its own default changes no finding',
    (defaultSeverity) => {
      for (const found of [undefined, 'error', 'warning', 'notice'] as const) {
        expect(computeSeverity(found, defaultSeverity, defaultSeverity)).toBe(
          computeSeverity(found, defaultSeverity),
        );
      }
    },
  );
});

describe('evaluate', () => {
  const mixed = makeRule('mixed', [
    { message: 'at the default' },
    { severity: 'warning', message: 'deliberate warning' },
    { severity: 'notice', message: 'deliberate notice' },
  ]);
  const reported = (severity: Severity, message: string): Finding => ({
    rule: 'mixed',
    severity,
    message,
    docs: 'docs/rules.md#mixed',
  });

  it.each<[string, Policy['rules'], Finding[]]>([
    [
      'no override: each finding at the severity its rule gave it',
      {},
      [
        reported('error', 'at the default'),
        reported('warning', 'deliberate warning'),
        reported('notice', 'deliberate notice'),
      ],
    ],
    [
      'the rule default written out: nothing changes',
      { mixed: 'error' },
      [
        reported('error', 'at the default'),
        reported('warning', 'deliberate warning'),
        reported('notice', 'deliberate notice'),
      ],
    ],
    [
      'lowered to warning: the default finding follows, the lower ones keep theirs',
      { mixed: 'warning' },
      [
        reported('warning', 'at the default'),
        reported('warning', 'deliberate warning'),
        reported('notice', 'deliberate notice'),
      ],
    ],
    [
      'lowered to notice: everything is at most a notice',
      { mixed: 'notice' },
      [
        reported('notice', 'at the default'),
        reported('notice', 'deliberate warning'),
        reported('notice', 'deliberate notice'),
      ],
    ],
  ])('applies an override per finding: %s', (_name, rules, expected) => {
    expect(evaluate(facts, withRules(rules), now, { rules: [mixed] })).toEqual({
      ok: expected.some((f) => f.severity === 'error') === false,
      findings: expected,
      ran: ['mixed'],
      skipped: [],
    });
  });

  it('raises a warning rule to error, keeping its deliberate notice', () => {
    const rule = makeRule(
      'soft',
      [{ message: 'at the default' }, { severity: 'notice', message: 'deliberate notice' }],
      { defaultSeverity: 'warning' },
    );
    expect(evaluate(facts, withRules({ soft: 'error' }), now, { rules: [rule] })).toEqual({
      ok: false,
      findings: [
        { rule: 'soft', severity: 'error', message: 'at the default', docs: 'docs/rules.md#soft' },
        {
          rule: 'soft',
          severity: 'notice',
          message: 'deliberate notice',
          docs: 'docs/rules.md#soft',
        },
      ],
      ran: ['soft'],
      skipped: [],
    });
  });

  it('keeps version-bump\'s shallow-history warning a warning when the policy writes "error"', () => {
    const shallow = makeVersionFacts({
      branch: 'main',
      sources: [makeFileSource('1.6.0')],
      tags: ['v1.5.0'],
      commits: [makeCommit('a1', 'feat: y')],
      shallow: true,
    });
    const run = (rules: Policy['rules']) =>
      evaluate(shallow, withRules(rules), now, { rules: [versionBump] }).findings.map((f) => [
        f.rule,
        f.severity,
      ]);
    expect(run({})).toEqual([['version-bump', 'warning']]);
    expect(run({ 'version-bump': 'error' })).toEqual([['version-bump', 'warning']]);
    expect(run({ 'version-bump': 'warning' })).toEqual([['version-bump', 'warning']]);
    expect(run({ 'version-bump': 'notice' })).toEqual([['version-bump', 'notice']]);
  });

  it('skips an `off` rule without running it, and lists it in `skipped`', () => {
    const off = makeRule('quiet', [{ message: 'never seen' }]);
    const on = makeRule('loud', [{ message: 'seen' }]);
    expect(evaluate(facts, withRules({ quiet: 'off' }), now, { rules: [off, on] })).toEqual({
      ok: false,
      findings: [{ rule: 'loud', severity: 'error', message: 'seen', docs: 'docs/rules.md#loud' }],
      ran: ['loud'],
      skipped: ['quiet'],
    });
  });

  it('skips a rule whose facts are absent, and lists it in `skipped`', () => {
    const absent = makeRule('absent', [{ message: 'never seen' }], { applies: false });
    expect(evaluate(facts, withRules({}), now, { rules: [absent] })).toEqual({
      ok: true,
      findings: [],
      ran: [],
      skipped: ['absent'],
    });
  });

  it.each<[string, CheckName[] | undefined, string[]]>([
    ['all checks when no filter is given', undefined, ['b', 'v']],
    ['only the branch check', ['branch'], ['b']],
    ['only the version check', ['version'], ['v']],
    ['both checks', ['version', 'branch'], ['b', 'v']],
    ['no check at all', [], []],
  ])('runs the rules of the checks asked for: %s', (_name, checks, ran) => {
    const rules = [makeRule('b', [], { check: 'branch' }), makeRule('v', [], { check: 'version' })];
    // A rule of another check is neither run nor skipped: it was not asked for.
    expect(evaluate(facts, withRules({}), now, checks ? { checks, rules } : { rules })).toEqual({
      ok: true,
      findings: [],
      ran,
      skipped: [],
    });
  });

  it('orders findings errors first, then by file, line and rule', () => {
    const first = makeRule('z-rule', [
      { severity: 'notice', message: 'n' },
      { message: 'e2', file: 'b.json', line: 1 },
      { severity: 'warning', message: 'w' },
      { message: 'e1', file: 'a.json', line: 9 },
      { message: 'e0', file: 'a.json', line: 2 },
    ]);
    const second = makeRule('a-rule', [{ message: 'e3', file: 'a.json', line: 2 }]);
    const { findings, ran } = evaluate(facts, withRules({}), now, { rules: [first, second] });
    expect(findings.map((f) => [f.severity, f.file, f.line, f.rule, f.message])).toEqual([
      ['error', 'a.json', 2, 'a-rule', 'e3'],
      ['error', 'a.json', 2, 'z-rule', 'e0'],
      ['error', 'a.json', 9, 'z-rule', 'e1'],
      ['error', 'b.json', 1, 'z-rule', 'e2'],
      ['warning', undefined, undefined, 'z-rule', 'w'],
      ['notice', undefined, undefined, 'z-rule', 'n'],
    ]);
    expect(ran).toEqual(['z-rule', 'a-rule']);
  });

  it.each<[string, Policy['rules'], boolean]>([
    ['an error fails', {}, false],
    ['warnings and notices alone pass', { strict: 'warning' }, true],
    ['notices alone pass', { strict: 'notice' }, true],
    ['no finding passes', { strict: 'off' }, true],
  ])('computes `ok` from errors only: %s', (_name, rules, ok) => {
    const strict = makeRule('strict', [
      { message: 'e' },
      { severity: 'warning', message: 'w' },
      { severity: 'notice', message: 'n' },
    ]);
    expect(evaluate(facts, withRules(rules), now, { rules: [strict] }).ok).toBe(ok);
  });

  it("links each finding to its rule's section unless the finding names its own docs", () => {
    const rule = makeRule('linked', [
      { message: 'default link' },
      { message: 'own link', docs: 'docs/policy.md#branches' },
    ]);
    expect(evaluate(facts, withRules({}), now, { rules: [rule] }).findings).toEqual([
      { rule: 'linked', severity: 'error', message: 'default link', docs: 'docs/rules.md#linked' },
      { rule: 'linked', severity: 'error', message: 'own link', docs: 'docs/policy.md#branches' },
    ]);
  });

  it("passes a finding's location, hint and data through unchanged", () => {
    const data = {
      kind: 'commits' as const,
      commits: [{ sha: 'a'.repeat(40), subject: 'feat: y', type: 'feat', bump: 'minor' as const }],
    };
    const rule = makeRule('rich', [
      { message: 'm', file: 'package.json', line: 3, column: 15, hint: 'h', data },
    ]);
    expect(evaluate(facts, withRules({}), now, { rules: [rule] }).findings).toEqual([
      {
        rule: 'rich',
        severity: 'error',
        message: 'm',
        file: 'package.json',
        line: 3,
        column: 15,
        hint: 'h',
        docs: 'docs/rules.md#rich',
        data,
      },
    ]);
  });

  it('uses the registry when no rules are given, in registry order', () => {
    expect(evaluate({}, withRules({}), now)).toEqual({
      ok: true,
      findings: [],
      ran: [],
      skipped: RULES.map((r) => r.id),
    });
  });
});
