import type { Facts } from './facts.js';
import { sortFindings, type Finding } from './findings.js';
import type { Policy } from './config/schema.js';
import type { Rule, RuleContext } from './rules/types.js';
import { RULES_DOCS } from './rules/types.js';
import { RULES } from './rules/registry.js';

/** What `evaluate` was asked to run. */
export interface EvaluateOptions {
  /** Only rules of these checks (by name, e.g. `version`); all checks when absent. */
  checks?: readonly string[];
  /** The rule set; the registry when absent (tests pass their own). */
  rules?: readonly Rule[];
}

/** The result of one evaluation. */
export interface Evaluation {
  ok: boolean;
  findings: Finding[];
  /** Ids of the rules that ran, in order. */
  ran: string[];
  /** Ids of the rules skipped because their facts were absent or they are `off`. */
  skipped: string[];
}

/**
 * Runs every applicable rule on the facts and collects all findings.
 * Pure: facts + policy + now -> findings.
 */
export function evaluate(
  facts: Facts,
  policy: Policy,
  now: Date,
  options: EvaluateOptions = {},
): Evaluation {
  const ctx: RuleContext = { facts, policy, now };
  const rules = (options.rules ?? RULES).filter(
    (r) => !options.checks || options.checks.includes(r.check),
  );
  const findings: Finding[] = [];
  const ran: string[] = [];
  const skipped: string[] = [];
  for (const rule of rules) {
    const override = policy.rules[rule.id];
    if (override === 'off' || !rule.applies(ctx)) {
      skipped.push(rule.id);
      continue;
    }
    ran.push(rule.id);
    for (const f of rule.evaluate(ctx)) {
      findings.push({
        ...f,
        rule: rule.id,
        severity: override ?? f.severity ?? rule.defaultSeverity,
        docs: f.docs ?? `${RULES_DOCS}#${rule.id}`,
      });
    }
  }
  const sorted = sortFindings(findings);
  return { ok: !sorted.some((f) => f.severity === 'error'), findings: sorted, ran, skipped };
}
