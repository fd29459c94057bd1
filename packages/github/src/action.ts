import * as core from '@actions/core';
import { posix } from 'node:path';
import {
  ConfigError,
  POLICY_PATH,
  ReleasePolicyError,
  convertConfigIssuesToFindings,
  evaluate,
  formatReleaseDocsBaseUrl,
  linkDocs,
  linkFindingDocs,
  FACT_SOURCES,
  isPassing,
  plural,
  type Evaluation,
  type Facts,
  type Finding,
  type Policy,
  type CheckDefinition,
  type CheckValues,
} from '@release-policy/core';
import { parseBooleanInput, readActionInputs } from './action-inputs.js';
import type {
  ActOutcome,
  Gathered,
  PolicyActionSpec,
  RecordInput,
  RunInput,
} from './action-spec.js';
import { gatherGitHubFacts } from './api-facts.js';
import { ACTIONS_DOCS } from './text.js';
import { readRunContext, resolveDocsBaseUrl, type RunContext } from './context.js';
import { createOctokit } from './octokit.js';
import { setOutputs, type OutputValue } from './outputs.js';
import { reportFindings, type ReportResult } from './report.js';
import { loadRunPolicy } from './run-policy.js';
import { logData } from './log.js';
import { refuseUnreadableAnswers } from './unreadable-answers.js';
import {
  readActionSecrets,
  redactSecrets,
  sanitizeOutgoingText,
  setKnownSecrets,
} from './secrets.js';

/** Where bugs are reported; named in the failure message of an unexpected error. */
export const ISSUES_URL = 'https://github.com/release-policy/release-policy/issues';

export type {
  ActInput,
  ActOutcome,
  ActResult,
  ActSkipReason,
  GatherInput,
  Gathered,
  PolicyActionSpec,
  RecordInput,
  RunInput,
} from './action-spec.js';
export { parseBooleanInput, readActionInputs, type ActionInputs } from './action-inputs.js';

/**
 * Makes finding files repository-relative: prefixes each `file` with `root`
 * (posix separators, `./` and duplicate slashes removed). A root that is
 * empty, `.`, absolute or leaves the repository (`..`) changes nothing.
 * Returns new findings; the input is not modified. Pure.
 */
export function prefixFindingFiles(
  findings: readonly Finding[],
  root: string | undefined,
): Finding[] {
  const folder = posix
    .normalize((root ?? '').replace(/\\/g, '/'))
    .replace(/^\.\/?$/, '')
    .replace(/\/+$/, '');
  if (
    !folder ||
    posix.isAbsolute(folder) ||
    /^[A-Za-z]:/.test(folder) ||
    folder.split('/').includes('..')
  )
    return [...findings];
  return findings.map((f) =>
    f.file
      ? { ...f, file: posix.join(folder, f.file.replace(/\\/g, '/').replace(/^\.?\/+/, '')) }
      : f,
  );
}

/** The policy-file findings of a malformed policy; on a pull request the hint says which copy counts. */
function convertPolicyErrorToFindings(error: ConfigError, context: RunContext): Finding[] {
  const findings = convertConfigIssuesToFindings(error.issues);
  if (!context.pullRequest) return findings;
  return findings.map((f) => ({
    ...f,
    hint: "Fix the policy file on the base branch; the pull request's own copy is not used until merged.",
  }));
}

/** The run as every phase sees it, plus how to report findings. */
interface PreparedRun extends RunInput {
  report(findings: Finding[], fields: Record<string, string>): Promise<ReportResult>;
  /** Where docs links point: the running action's own docs (see `resolveDocsBaseUrl`). */
  docsBaseUrl: string;
}

/** Where a reader finds the findings: the summary when it was written, else the log. */
function describeWhereFindingsAre(result: ReportResult): string {
  return result.summaryWritten
    ? 'see the annotations and the job summary'
    : 'see the annotations and the findings listed in the log (the job summary could not be written)';
}

/** Reads the run, its inputs (from `env`) and the token; nothing is reported yet. */
function prepareRun(spec: PolicyActionSpec, env: NodeJS.ProcessEnv): PreparedRun {
  // First: every text this run writes is redacted of these ({@link sanitizeOutgoingText}).
  setKnownSecrets(readActionSecrets(env));
  const context = readRunContext(env);
  for (const problem of context.problems) core.warning(sanitizeOutgoingText(problem));
  const inputs = readActionInputs(env);
  const token = inputs.get('token');
  const octokit = token ? refuseUnreadableAnswers(createOctokit({ token, env })) : undefined;
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const comment = parseBooleanInput('comment', inputs.get('comment'), true, spec.check.action);
  const report = (findings: Finding[], fields: Record<string, string>) =>
    reportFindings({
      check: spec.check.action,
      title: spec.check.title,
      findings,
      octokit,
      context,
      fields,
      botLogin: inputs.get('bot-login') || undefined,
      comment,
    });
  return {
    context,
    octokit,
    inputs,
    env,
    workspace,
    report,
    docsBaseUrl: resolveDocsBaseUrl(context),
  };
}

/** The run without its reporter: what the spec's phases are given. */
function describeRun(run: PreparedRun): RunInput {
  const { context, octokit, inputs, env, workspace } = run;
  return { context, octokit, inputs, env, workspace };
}

/**
 * The policy of the run; undefined when it is malformed, after reporting its
 * problems where the author looks (file:line:col) and failing the run.
 */
async function loadPolicyOrReport(run: PreparedRun): Promise<Policy | undefined> {
  const path = run.inputs.get('policy');
  try {
    return await loadRunPolicy({ ...run, path });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    await reportPolicyError(run, error, path || POLICY_PATH);
    return undefined;
  }
}

/**
 * Reports a malformed policy where the author looks (file:line:col) and
 * fails the run: found when loading it, or when gathering shows that an
 * entry cannot be used (a document link leaving the repository).
 */
async function reportPolicyError(run: PreparedRun, error: ConfigError, policy: string) {
  const findings = convertPolicyErrorToFindings(error, run.context).map((finding) =>
    linkFindingDocs(finding, run.docsBaseUrl),
  );
  setOutputs({ ok: false, findings }, run.docsBaseUrl);
  const result = await run.report(findings, { policy });
  // One line: the problems are the annotations above and the summary.
  failStep(
    `The policy has ${plural(findings.length, 'problem')}; ${describeWhereFindingsAre(result)}.`,
  );
}

/** The check phase, or undefined after reporting a policy error that gathering found. */
async function runCheckOrReport(
  spec: PolicyActionSpec,
  run: PreparedRun,
  policy: Policy,
  now: () => Date,
): Promise<Checked | undefined> {
  try {
    return await runCheck(spec, run, policy, now);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    await reportPolicyError(run, error, policy.source);
    return undefined;
  }
}

/** What the check phase established. */
interface Checked {
  policy: Policy;
  facts: Facts;
  evaluation: Evaluation;
}

/**
 * Adds the facts only the API knows to what the action gathered, when its
 * check needs any (`FACT_SOURCES` says which kinds are GitHub's), through the
 * one gatherer the CLI uses too. The pull request is re-read by number (the
 * event payload may be stale). Without a token the check cannot see them:
 * an error finding says so, rather than a pass on missing facts.
 */
async function addGitHubFacts(
  check: CheckDefinition,
  run: PreparedRun,
  gathered: Gathered,
  policy: Policy,
): Promise<Gathered> {
  // A wanted pull request is not asked for on a run without one (a push): nothing to say.
  const wanted = (check.wants ?? []).filter(
    (kind) => kind !== 'pullRequest' || run.context.pullRequest !== undefined,
  );
  const needs = [...check.needs, ...wanted].filter((kind) => FACT_SOURCES[kind] === 'github');
  if (needs.length === 0) return gathered;
  const findings = [...(gathered.findings ?? [])];
  if (!run.octokit) {
    // Facts a check only wants are left out without a token: their rules are skipped.
    if (!check.needs.some((kind) => FACT_SOURCES[kind] === 'github')) return gathered;
    findings.push({
      rule: 'github-api',
      severity: 'error',
      message:
        `The ${check.title} check needs facts only the GitHub API knows (${needs.join(', ')}), and the action has no token. ` +
        'Give it one, e.g. "token: ${{ github.token }}" (the default), with read access to the repository.',
      docs: `${ACTIONS_DOCS}#token-and-permissions`,
    });
    return { ...gathered, findings };
  }
  const api = await gatherGitHubFacts({
    octokit: run.octokit,
    repo: run.context.repo,
    needs,
    pullRequest: run.context.pullRequest?.number,
    policy,
  });
  for (const message of api.notices)
    findings.push({ rule: 'github-api', severity: 'notice', message });
  const { notices: _notices, ...facts } = api;
  return { ...gathered, facts: { ...gathered.facts, ...facts }, findings };
}

/**
 * Check phase: gather, evaluate, then set the outputs (computed from the
 * evaluation) and report; fails the run when an error was found.
 */
async function runCheck(
  spec: PolicyActionSpec,
  run: PreparedRun,
  policy: Policy,
  now: () => Date,
): Promise<Checked> {
  const own = await spec.gather({ ...describeRun(run), policy });
  const gathered = await addGitHubFacts(spec.check, run, own, policy);
  const evaluated = evaluate(gathered.facts, policy, now(), { checks: [spec.check.name] });
  // Docs paths become links to the docs of the running action's release (they must work from any repository).
  const findings = prefixFindingFiles(
    [...(gathered.findings ?? []), ...evaluated.findings],
    gathered.root,
  ).map((finding) => linkFindingDocs(finding, run.docsBaseUrl));
  const evaluation: Evaluation = { ...evaluated, findings, ok: isPassing(findings) };
  const { ok } = evaluation;
  const values = spec.check.summarize(gathered.facts, policy);
  setOutputs({ ...convertCheckValuesToOutputs(spec.check, values), ok, findings }, run.docsBaseUrl);
  const result = await run.report(findings, {
    policy: policy.source,
    ...gathered.fields,
    ...spec.check.describe(values, policy),
  });
  if (!ok) {
    const errors = findings.filter((f) => f.severity === 'error').length;
    failStep(
      `${spec.check.title}: ${plural(errors, 'policy error')}; ${describeWhereFindingsAre(result)}` +
        (result.comment.status === 'forbidden'
          ? ' (the pull-request comment could not be written).'
          : '.'),
    );
  } else {
    logData(`${spec.check.title}: passed (${plural(findings.length, 'finding')}).`);
  }
  return { policy, facts: gathered.facts, evaluation };
}

/** Act phase: runs the spec's `act` when the check allows it; its error is returned, not thrown. */
async function runAct(
  spec: PolicyActionSpec,
  run: PreparedRun,
  checked: Checked,
): Promise<ActOutcome> {
  if (!spec.act) return { status: 'not-run', reason: 'no-act' };
  if (!checked.evaluation.ok && !spec.actsWhenFailing) {
    return { status: 'not-run', reason: 'check-failed' };
  }
  try {
    const result = await spec.act({ ...describeRun(run), ...checked });
    return { status: 'succeeded', result };
  } catch (error) {
    return { status: 'failed', error };
  }
}

/**
 * Record phase: runs the spec's `record` with what happened. When another
 * error is already ending the run, a failure here is logged, not thrown, so
 * the first error is the one the run fails with.
 */
async function runRecord(
  spec: PolicyActionSpec,
  record: RecordInput,
  failing: boolean,
): Promise<void> {
  if (!spec.record) return;
  try {
    await spec.record(record);
  } catch (error) {
    if (!failing) throw error;
    logErrorStack(error);
    logData(`Recording what happened failed as well: ${describeError(error)}`);
  }
}

/** Check → act → record, recording in a `finally` whatever the first two did. */
async function runPhases(spec: PolicyActionSpec, run: PreparedRun, now: () => Date): Promise<void> {
  let record: RecordInput = {
    ...describeRun(run),
    act: { status: 'not-run', reason: spec.act ? 'check-incomplete' : 'no-act' },
  };
  let failing = true;
  try {
    const policy = await loadPolicyOrReport(run);
    if (!policy) {
      failing = false;
      return;
    }
    record = { ...record, policy };
    const checked = await runCheckOrReport(spec, run, policy, now);
    if (!checked) {
      failing = false;
      return;
    }
    record = { ...record, ...checked };
    const act = await runAct(spec, run, checked);
    record = { ...record, act };
    if (act.status === 'failed') throw act.error;
    if (act.status === 'succeeded') {
      if (act.result.outputs) setOutputs(act.result.outputs, run.docsBaseUrl);
      if (act.result.description) logData(act.result.description);
    }
    failing = false;
  } finally {
    await runRecord(spec, record, failing);
  }
}

/** Fails the step with `message`, redacted and escaped like every text that leaves. */
function failStep(message: string): void {
  core.setFailed(sanitizeOutgoingText(message));
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The stack of an error, in the debug log (shown when the run is re-run with debug logging). */
function logErrorStack(error: unknown): void {
  if (error instanceof Error && error.stack) core.debug(redactSecrets(error.stack));
}

/**
 * Fails the run with `error`, converted once: a {@link ReleasePolicyError}
 * (a user's mistake or the environment's) with its teaching message alone;
 * anything else is a bug, so its stack goes to the debug log and the message
 * asks for a report.
 */
export function failWithError(
  error: unknown,
  docsBaseUrl: string = formatReleaseDocsBaseUrl(),
): void {
  if (error instanceof ReleasePolicyError) {
    failStep(linkDocs(error.message, docsBaseUrl));
    return;
  }
  logErrorStack(error);
  const message = describeError(error).replace(/\.$/, '');
  failStep(
    `release-policy hit an unexpected error: ${message}. ` +
      `This is a bug; please report it at ${ISSUES_URL} with this log.`,
  );
}

/**
 * The flow every policy action shares, in three phases. Check: read the run,
 * load the policy from the right commit, gather facts, evaluate, then report
 * everywhere (outputs, annotations, job summary, sticky comment) and fail when
 * an error was found. Act: the spec's `act`, when the check allows it. Record:
 * the spec's `record`, always, with what happened. Errors are converted once,
 * here ({@link failWithError}): the action never passes silently.
 */
export async function runPolicyAction(
  spec: PolicyActionSpec,
  env: NodeJS.ProcessEnv = process.env,
  now: () => Date = () => new Date(),
): Promise<void> {
  let docsBaseUrl: string | undefined;
  try {
    const run = prepareRun(spec, env);
    docsBaseUrl = run.docsBaseUrl;
    await runPhases(spec, run, now);
  } catch (error) {
    failWithError(error, docsBaseUrl);
  }
}

/** Every output the check declares, an absent value as an empty output (never left unset). */
function convertCheckValuesToOutputs(
  check: CheckDefinition,
  values: CheckValues,
): Record<string, OutputValue> {
  return Object.fromEntries(check.outputs.map(({ name }) => [name, values[name] ?? '']));
}
