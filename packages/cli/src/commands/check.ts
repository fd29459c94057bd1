import {
  evaluate,
  isReleaseType,
  quoteValue,
  RELEASE_TYPES,
  linkFindingDocs,
  UsageError,
  type CheckDefinition,
  type CheckValues,
  type Facts,
  type Policy,
} from '@release-policy/core';
import { createGit } from '@release-policy/git';
import type { ParsedArgs } from '../args.js';
import { DOCS_BASE_URL, EXIT, type CliIo, type CommandResult } from '../io.js';
import { readPolicy } from '../policy.js';
import { RELEASE_VERSION_COMMANDS } from '../command-line.js';
import { loadReleaseVersion } from '../release-version.js';
import { loadPromoteEnvironment } from '../environment.js';
import { readTopDirectory } from '../top-directory.js';
import { computeNeededFacts, gatherFacts } from '../gather.js';
import { convertSkippedChecksToFindings, resolveGitHubAccess } from '../api.js';
import { renderFields, renderFindings } from '../output.js';

/**
 * `check` and each check's own command (`branch`, `version`, …): gather the
 * facts the checks need, run the core on them, and shape the result: the
 * JSON has one object per check, keyed by its name, holding its outputs.
 * A check command takes the value to check as its one positional argument.
 * Checks that need the GitHub API are skipped, with a notice and a `skipped`
 * list in the JSON, when no token or repository is found.
 */
export async function runCheckCommand(
  args: ParsedArgs,
  io: CliIo,
  checks: readonly CheckDefinition[],
): Promise<CommandResult> {
  const single = checks.length === 1 ? checks[0] : undefined;
  checkPositionals(args, single);
  if (args.releaseType !== undefined && !isReleaseType(args.releaseType)) {
    throw new UsageError(
      `--release-type ${quoteValue(args.releaseType)} is not a release type. Give one of ` +
        `${RELEASE_TYPES.join(', ')}, e.g. --release-type minor. See docs/cli.md#options`,
    );
  }
  const git = createGit({
    cwd: io.cwd,
    env: io.env,
    ...(io.gitHeadStart ? { headStart: io.gitHeadStart } : {}),
  });
  // The refs do not depend on the policy: git lists them while the policy is read and parsed.
  if (computeNeededFacts(checks).has('version')) git.preloadRefs();
  // The policy comes from the base branch, as in CI: --base, or the runner's pull-request base.
  const baseRef = args.base ?? (args.branch ? undefined : io.env.GITHUB_BASE_REF || undefined);
  // Asked in the HEAD probe's process, which the branch and shallow questions then take.
  const root = await readTopDirectory(git, io.cwd);
  const read = await readPolicy(
    { cwd: io.cwd, root },
    args.policy,
    baseRef ? { git, ref: baseRef } : undefined,
  );
  const policy = read.policy;
  const positional = single?.command.positional ? args.positionals[0] : undefined;
  const inputVersion = readInputVersion(args, single, positional, policy);
  // Checked before the GitHub access is resolved: without a token the check is skipped, never its input.
  const environment = computeNeededFacts(checks).has('promotion')
    ? loadPromoteEnvironment(args.environment, policy)
    : args.environment;
  const api = await resolveGitHubAccess({
    checks,
    env: io.env,
    git,
    repo: args.repo,
    stderr: io.stderr,
  });
  const gathered = await gatherFacts({
    git,
    cwd: io.cwd,
    root,
    env: io.env,
    policy,
    checks: api.checks,
    github: api.access,
    branch: (single?.command.positional === 'branch' ? positional : undefined) ?? args.branch,
    base: args.base,
    ...(read.revision === undefined ? {} : { policyRevision: read.revision }),
    inputVersion,
    releaseType: args.releaseType,
    mainline: args.mainline,
    lines: args.lines,
    environment,
    now: io.now(),
  });
  const evaluation = evaluate(gathered.facts, policy, io.now(), {
    checks: api.checks.map((check) => check.name),
  });
  // Docs paths become links to the docs of this release: they must work from the user's repository.
  const findings = [
    ...evaluation.findings,
    ...gathered.notices,
    ...read.notices,
    ...convertSkippedChecksToFindings(api.skipped),
  ].map((finding) => linkFindingDocs(finding, DOCS_BASE_URL));
  const results = summarizeChecks(api.checks, gathered.facts, policy);
  const json: Record<string, unknown> = { ok: evaluation.ok, findings, policy: read.origin };
  if (api.skipped.length > 0) json.skipped = api.skipped;
  const sections = [`policy: ${read.origin}`];
  for (const { check, values } of results) {
    json[check.name] = values;
    Object.assign(json, check.report?.(gathered.facts, policy, io.now()));
    sections.push(renderFields(check.describe(values, policy), io.color));
  }
  sections.push(renderFindings(findings, io.color));
  return {
    exitCode: evaluation.ok ? EXIT.ok : EXIT.failed,
    json,
    text: sections.filter(Boolean).join('\n\n'),
  };
}

/** Each check's output values; a check whose facts are absent (no branch) is left out. */
function summarizeChecks(
  checks: readonly CheckDefinition[],
  facts: Facts,
  policy: Policy,
): { check: CheckDefinition; values: CheckValues }[] {
  return checks
    .map((check) => ({ check, values: check.summarize(facts, policy) }))
    .filter(({ values }) => Object.keys(values).length > 0);
}

/**
 * The version a check command is given (`version V`, `promote V`, `docs V`,
 * `docs --version V`, which says the same as `docs V`). A release's version
 * (`docs`) must be a version, as nothing else checks it there; `version`
 * reports a malformed one as a finding.
 * @throws UsageError when a release's version is not a valid version
 */
function readInputVersion(
  args: ParsedArgs,
  single: CheckDefinition | undefined,
  positional: string | undefined,
  policy: Policy,
): string | undefined {
  if (single?.command.positional !== 'version') return undefined;
  const given = positional ?? args.releaseVersion;
  const command = single.command.name;
  if (given === undefined || !RELEASE_VERSION_COMMANDS.includes(command)) return given;
  const origin = positional === undefined ? '--version' : `${command} VERSION`;
  return loadReleaseVersion(given, policy, origin, `release-policy ${command} 1.4.0`);
}

/** `check` takes no arguments; a check's command at most its one positional. */
function checkPositionals(args: ParsedArgs, single: CheckDefinition | undefined): void {
  const command = args.command ?? 'check';
  const allowed = single?.command.positional ? 1 : 0;
  if (args.positionals.length <= allowed) return;
  throw new UsageError(
    `"${command}" takes ${allowed === 0 ? 'no arguments' : 'at most one argument'}, got ${JSON.stringify(args.positionals)}. ` +
      `Example: ${single?.command.example ?? 'release-policy check'}. See docs/cli.md#commands`,
  );
}
