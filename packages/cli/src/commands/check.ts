import { evaluate, UsageError, type CheckName } from '@release-policy/core';
import { createGit } from '@release-policy/git';
import type { ParsedArgs } from '../args.js';
import { EXIT, type CliIo } from '../io.js';
import type { CommandResult } from '../main.js';
import { readPolicy } from '../policy.js';
import { gatherFacts } from '../gather.js';
import { renderFields, renderFindings } from '../output.js';

/**
 * `check`, `branch` and `version`: gather the facts the checks need, run the
 * core on them, and shape the result. `branch NAME` and `version VERSION`
 * take the value to check as their one positional argument.
 */
export async function runCheckCommand(
  args: ParsedArgs,
  io: CliIo,
  checks: readonly CheckName[],
): Promise<CommandResult> {
  const command = args.command ?? 'check';
  const allowed = command === 'check' ? 0 : 1;
  if (args.positionals.length > allowed) {
    throw new UsageError(
      `"${command}" takes ${allowed === 0 ? 'no arguments' : 'at most one argument'}, got ${JSON.stringify(args.positionals)}. ` +
        `Example: ${examples[command] ?? 'release-policy check'}. See docs/cli.md#commands`,
    );
  }
  const git = createGit({ cwd: io.cwd, env: io.env });
  // The policy comes from the base branch, as in CI: --base, or the runner's pull-request base.
  const baseRef = args.base ?? (args.branch ? undefined : io.env.GITHUB_BASE_REF || undefined);
  const read = await readPolicy(io.cwd, args.policy, baseRef ? { git, ref: baseRef } : undefined);
  const policy = read.policy;
  const positional = args.positionals[0];
  const gathered = await gatherFacts({
    git,
    cwd: io.cwd,
    env: io.env,
    policy,
    checks,
    branch: command === 'branch' ? (positional ?? args.branch) : args.branch,
    base: args.base,
    inputVersion: command === 'version' ? positional : undefined,
  });
  const evaluation = evaluate(gathered.facts, policy, io.now(), { checks });
  const findings = [...evaluation.findings, ...gathered.notices, ...read.notices];
  const branch = gathered.branch && {
    name: gathered.branch.name,
    base: gathered.facts.branch?.base,
    kind: gathered.branch.kind,
    ticket: gathered.branch.ticket,
    version: gathered.branch.version,
  };
  const version = gathered.version && {
    version: gathered.version.version,
    previous: gathered.version.previous,
    bump: gathered.version.bump,
    recommended: gathered.version.recommended,
    prerelease: gathered.version.prerelease,
    tag: gathered.version.tag,
  };
  const json: Record<string, unknown> = {
    ok: evaluation.ok,
    findings,
    policy: read.origin,
  };
  if (branch && checks.includes('branch')) json.branch = branch;
  if (version) json.version = version;
  const sections = [`policy: ${read.origin}`];
  if (branch && checks.includes('branch')) {
    sections.push(
      renderFields(
        {
          branch: branch.name,
          base: branch.base,
          kind: branch.kind ?? '(no kind)',
          ticket: branch.ticket,
        },
        io.color,
      ),
    );
  }
  if (version) {
    sections.push(
      renderFields(
        {
          version: version.version ?? '(none declared)',
          previous: version.previous ?? '(no release yet)',
          bump: version.bump,
          recommended: version.recommended,
          tag: version.tag,
        },
        io.color,
      ),
    );
  }
  sections.push(renderFindings(findings, io.color));
  return {
    exitCode: evaluation.ok ? EXIT.ok : EXIT.failed,
    json,
    text: sections.filter(Boolean).join('\n\n'),
  };
}

const examples: Record<string, string> = {
  branch: 'release-policy branch feature/CHG-1234-add-login --base main',
  version: 'release-policy version 1.4.0',
};
