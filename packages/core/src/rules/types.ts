import type { Facts } from '../facts.js';
import type { Finding, Severity } from '../findings.js';
import type { Policy } from '../config/schema.js';

/** What a rule sees. `now` is passed in: the core has no clock. */
export interface RuleContext {
  facts: Facts;
  policy: Policy;
  now: Date;
}

/** A finding as a rule emits it; the engine fills in `rule` and applies severity overrides. */
export type RuleFinding = Omit<Finding, 'rule' | 'severity'> & { severity?: Severity };

/**
 * One rule: one file, one registry entry, one test. `evaluate` returns every
 * violation it finds, never throws for bad facts (that is a finding too).
 */
export interface Rule {
  /** Stable id used in findings, overrides and docs anchors, e.g. `branch-name`. */
  id: string;
  /** The name of the check whose definition lists this rule (a test keeps the two equal). */
  check: string;
  /** One line: what the rule enforces. */
  description: string;
  /** The severity when the policy does not override it. */
  defaultSeverity: Severity;
  /** False when the facts this rule needs are absent (the rule is skipped, not passed). */
  applies(ctx: RuleContext): boolean;
  evaluate(ctx: RuleContext): RuleFinding[];
}

/** Where rules are documented; each rule has an anchor named after its id. */
export const RULES_DOCS = 'docs/rules.md';
