/**
 * The shape of a policy action: what it adds to the shared flow in each
 * phase (check, act, record). Types only, so actions and the flow share them
 * without importing each other.
 */
import type { CheckDefinition, Evaluation, Facts, Finding, Policy } from '@release-policy/core';
import type { ActionInputs } from './action-inputs.js';
import type { RunContext } from './context.js';
import type { Octokit } from './octokit.js';
import type { OutputValue } from './outputs.js';

/** What an action adds to the shared flow: how it gathers facts, and optionally acts and records. */
export interface PolicyActionSpec {
  /**
   * The check the action runs, from core's registry: its `action` id names the
   * sticky comment, the summary and the docs section `#<action>-inputs`; its
   * title heads the reports; its rules are evaluated; its outputs are set
   * after evaluation from `summarize` (an absent value is an empty output).
   */
  check: CheckDefinition;
  /** Check phase: reads the action's inputs and the run, and returns facts. */
  gather(input: GatherInput): Promise<Gathered>;
  /**
   * Act phase (publish a release, create a deployment, …). Runs only when the
   * check passed, or regardless when {@link actsWhenFailing} is true. Its
   * error ends the run, after {@link record}.
   */
  act?(input: ActInput): Promise<ActResult>;
  /** True to act even when the check found errors. Default false. */
  actsWhenFailing?: boolean;
  /**
   * Record phase: always runs, in a `finally`, after the check and the act
   * phases, with what happened (the evaluation, the act's result or error),
   * also when they failed.
   */
  record?(input: RecordInput): Promise<void>;
}

/** What every phase is given about the run. */
export interface RunInput {
  context: RunContext;
  octokit?: Octokit;
  /** The action's inputs, read from the run's environment. */
  inputs: ActionInputs;
  env: NodeJS.ProcessEnv;
  /** The checked-out repository (`GITHUB_WORKSPACE`). */
  workspace: string;
}

/** What `gather` is given. */
export interface GatherInput extends RunInput {
  policy: Policy;
}

/** What `gather` returns. */
export interface Gathered {
  facts: Facts;
  /**
   * Facts shown in the summary and comment before the check's own (which
   * come from its `describe`), e.g. the branch a version was checked on.
   */
  fields?: Record<string, string>;
  /** Findings the action itself found before the core ran (e.g. shallow history). */
  findings?: Finding[];
  /**
   * The repository-relative folder the findings' files are relative to, e.g.
   * `app` when the action read `app/package.json` as `package.json`. The
   * shared flow prefixes every finding's file with it before reporting, so
   * annotations and links land on the right file. Absent or `.`: the root.
   */
  root?: string;
}

/** What `act` is given: the run and the check's verdict. */
export interface ActInput extends RunInput {
  policy: Policy;
  facts: Facts;
  /** The evaluation, with the action's own findings and repository-relative files. */
  evaluation: Evaluation;
}

/** What `act` returns. */
export interface ActResult {
  /** Outputs the act adds (e.g. a release URL), set after it succeeded. */
  outputs?: Record<string, OutputValue>;
  /** One sentence for the job log, e.g. `Published release v1.2.3.`. */
  description?: string;
}

/** Why the act phase did not run. */
export type ActSkipReason =
  /** The spec has no `act`. */
  | 'no-act'
  /** The check found errors and the spec does not act regardless. */
  | 'check-failed'
  /** The check did not finish: the policy is malformed, or gathering threw. */
  | 'check-incomplete';

/** What the act phase did. */
export type ActOutcome =
  | { status: 'not-run'; reason: ActSkipReason }
  | { status: 'succeeded'; result: ActResult }
  | { status: 'failed'; error: unknown };

/** What `record` is given: the run and what happened in the earlier phases. */
export interface RecordInput extends RunInput {
  /** Absent when the policy could not be loaded. */
  policy?: Policy;
  /** Absent when the check did not get as far as facts. */
  facts?: Facts;
  /** Absent when the check did not finish (see `act.reason`). */
  evaluation?: Evaluation;
  act: ActOutcome;
}
