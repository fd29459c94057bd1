/**
 * The shape of a check: one definition per capability, from which the CLI
 * command, `check`'s list, the JSON output, the action's outputs and the
 * documentation tables are derived (see `checks/registry.ts`).
 */
import type { Facts } from '../facts.js';
import type { Policy } from '../config/schema.js';
import type { AnyPolicySection } from '../config/section.js';
import type { Rule } from '../rules/types.js';

/**
 * A kind of facts a check needs, and which adapter gathers it:
 * `run` (the branch under test: the runner's event, or the local checkout),
 * `git` (the repository's history, tags and files), `github` (only the API
 * knows it; the CLI needs a token for these).
 */
export const FACT_SOURCES = {
  branch: 'run',
  version: 'git',
  pullRequest: 'github',
  releases: 'github',
  documents: 'git',
  mergedPullRequests: 'github',
  patches: 'git',
  promotion: 'github',
  audit: 'github',
} as const satisfies Record<string, 'run' | 'git' | 'github'>;

/** A kind of facts the adapters gather. */
export type FactKind = keyof typeof FACT_SOURCES;

/** Where a kind of facts comes from. */
export type FactSource = (typeof FACT_SOURCES)[FactKind];

/** One value a check reports: an action output and a key of its `--json` object. */
export interface CheckOutput {
  /** The output's name (kebab-case), e.g. `recommended`. */
  name: string;
  /** One sentence for action.yml and docs/actions.md. */
  description: string;
}

/** A check's output values; `undefined` is an empty action output and a key left out of JSON. */
export type CheckValues = Record<string, string | boolean | number | undefined>;

/** How the CLI exposes a check as a command. */
export interface CheckCommand {
  /** The command name, e.g. `version`. */
  name: string;
  /** One line for the help and the docs' command table. */
  summary: string;
  /** The arguments after the command name, for the help, e.g. `[VERSION] [--branch NAME]`. */
  usage: string;
  /** What the command's one positional argument gives, when it takes one. */
  positional?: 'branch' | 'version';
  /** A complete example command line. */
  example: string;
  /**
   * True when only its own command runs it, never `check` (its result is
   * not a verdict on the branch, e.g. release notes); it then has its own
   * options and JSON shape.
   */
  standalone?: boolean;
}

/**
 * One check. Adding a capability is one folder in `packages/core/src/checks/`
 * with its definition, its policy sections and its rules, one line in the
 * registry, a gatherer for any new kind of facts, and one thin action.
 *
 * @typeParam Name - the check's name, e.g. `version`
 */
export interface CheckDefinition<Name extends string = string> {
  /** The check's name: the key of its `--json` object and of `evaluate`'s `checks` filter. */
  name: Name;
  /** Human title for summaries and comments, e.g. `Version`. */
  title: string;
  /** The action's folder, its sticky comment's id and its docs anchor (`docs/actions.md#<action>-action`). */
  action: string;
  /** The CLI command that runs this check alone. */
  command: CheckCommand;
  /** The policy sections the check owns. */
  sections: readonly AnyPolicySection[];
  /** Its rules, in the order findings are produced; each rule's `check` is this name. */
  rules: readonly Rule[];
  /** The kinds of facts it needs gathered. */
  needs: readonly FactKind[];
  /**
   * Kinds of facts it reads when they can be had: gathered like `needs`, but
   * their absence (no token for the API) skips only the rules that read them,
   * not the whole check.
   */
  wants?: readonly FactKind[];
  /** Its outputs, in order: the action's outputs besides `ok` and `findings`. */
  outputs: readonly CheckOutput[];
  /**
   * The output values, computed after evaluation from the facts the check
   * needs (absent facts give undefined values). Pure.
   */
  summarize(facts: Facts, policy: Policy): CheckValues;
  /**
   * The facts to show people (job summary, comment, CLI text), by label, from
   * the output values; empty when the check's facts are absent. Pure.
   */
  describe(values: CheckValues, policy: Policy): Record<string, string>;
  /**
   * Details too large for outputs (e.g. every commit with its evidence), as
   * plain JSON: added to the CLI's `--json` object and written to the
   * action's report file. Empty when the check's facts are absent. Pure.
   */
  report?(facts: Facts, policy: Policy, now: Date): Record<string, unknown>;
}

/**
 * Declares a check, keeping its literal name so the union of check names is
 * derived from the registry.
 */
export function defineCheck<Name extends string>(
  definition: CheckDefinition<Name>,
): CheckDefinition<Name> {
  return definition;
}
