import type { Facts } from '../facts.js';
import type { Finding, Severity } from '../findings.js';
import type { Policy } from '../config/schema.js';

/** What a rule sees. `now` is passed in: the core has no clock. */
export interface RuleContext {
  facts: Facts;
  policy: Policy;
  now: Date;
}

/**
 * A finding as a rule emits it; the engine fills in `rule` and applies severity
 * overrides. Leave `severity` out for a finding at the rule's default; set it
 * only to report something below the default on purpose (a warning from an
 * `error` rule), which an override then keeps below the rule's level (see
 * `computeSeverity`).
 */
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
  /** The rule's level when the policy does not override it: the most severe its findings get. */
  defaultSeverity: Severity;
  /** False when the facts this rule needs are absent (the rule is skipped, not passed). */
  applies(ctx: RuleContext): boolean;
  evaluate(ctx: RuleContext): RuleFinding[];
}

/** Where rules are documented; each rule has an anchor named after its id. */
export const RULES_DOCS = 'docs/rules.md';
