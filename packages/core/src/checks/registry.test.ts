import { describe, it, expect } from '@jest/globals';
import { POLICY_SECTIONS } from '../config/sections.js';
import { RULES } from '../rules/registry.js';
import { CHECKS, isCheckName, selectChecks } from './registry.js';

describe('the check registry', () => {
  it('names each check, command and action once', () => {
    for (const key of ['name', 'action'] as const) {
      const values = CHECKS.map((check) => check[key]);
      expect(new Set(values).size).toBe(values.length);
    }
    const commands = CHECKS.map((check) => check.command.name);
    expect(new Set(commands).size).toBe(commands.length);
    expect(commands).not.toContain('check');
  });

  it('lists every policy section of the loader in exactly one check, in file order', () => {
    expect(CHECKS.flatMap((check) => check.sections.map((s) => s.key))).toEqual(
      POLICY_SECTIONS.map((s) => s.key),
    );
  });

  it('marks each rule with the name of the check that lists it', () => {
    for (const check of CHECKS) {
      expect(check.rules.map((rule) => rule.check)).toEqual(check.rules.map(() => check.name));
    }
    expect(RULES.map((rule) => rule.id)).toEqual(CHECKS.flatMap((c) => c.rules.map((r) => r.id)));
  });

  it('names outputs that are unique and kebab-case, never the shared ok and findings', () => {
    for (const check of CHECKS) {
      const names = check.outputs.map((o) => o.name);
      expect(new Set(names).size).toBe(names.length);
      expect(
        names.filter((n) => !/^[a-z][a-z0-9-]*$/.test(n) || n === 'ok' || n === 'findings'),
      ).toEqual([]);
    }
  });

  it('selects checks by name in registry order and knows their names', () => {
    expect(selectChecks(['version', 'branch', 'nope']).map((c) => c.name)).toEqual([
      'branch',
      'version',
    ]);
    expect([isCheckName('version'), isCheckName('documents')]).toEqual([true, false]);
  });
});
