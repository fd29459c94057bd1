import { promoteCheck, quoteValue, UsageError, type DeploymentEntry } from '@release-policy/core';
import { createGit } from '@release-policy/git';
import { listDeploymentHistory } from '@release-policy/github';
import type { ParsedArgs } from '../args.js';
import { resolveGitHubAccess } from '../api.js';
import { EXIT, type CliIo, type CommandResult } from '../io.js';
import { sanitizeForTerminal } from '../output.js';

/** How many deployments the history lists, newest first. */
const HISTORY_LENGTH = 50;

/**
 * `release-policy history --environment E`: the environment's deployments
 * from the Deployments API, newest first: version, commit, state, who
 * deployed it when, its approvers, canary percent, rollbacks and
 * emergencies, as each evidence record says.
 *
 * @throws UsageError without --environment, a token or a repository
 */
export async function runHistoryCommand(args: ParsedArgs, io: CliIo): Promise<CommandResult> {
  if (!args.environment) {
    throw new UsageError(
      'history needs the environment: give --environment NAME, e.g. release-policy history --environment production. See docs/cli.md#history',
    );
  }
  if (args.positionals.length > 0) {
    throw new UsageError(
      `"history" takes no arguments, got ${quoteValue(args.positionals)}. Example: release-policy history --environment production. See docs/cli.md#history`,
    );
  }
  const api = await resolveGitHubAccess({
    checks: [promoteCheck],
    env: io.env,
    git: createGit({ cwd: io.cwd, env: io.env }),
    repo: args.repo,
    stderr: io.stderr,
  });
  if (!api.access) {
    throw new UsageError(
      `history reads the Deployments API and has ${api.skipped[0]?.reason ?? 'no access'}. ` +
        'Example: GITHUB_TOKEN=$(gh auth token) release-policy history --environment production --repo octo-org/service. See docs/cli.md#history',
    );
  }
  const entries = await listDeploymentHistory(
    api.access.octokit,
    api.access.repo,
    args.environment,
    HISTORY_LENGTH,
  );
  const json = { environment: args.environment, deployments: entries };
  return { exitCode: EXIT.ok, json, text: renderHistory(args.environment, entries), data: true };
}

/** One line per deployment, for people; every API value is shown as inert text. */
export function renderHistory(environment: string, entries: readonly DeploymentEntry[]): string {
  if (entries.length === 0) return `No deployments to ${quoteValue(environment)}.`;
  const lines = entries.map((d) => {
    const tags = [
      d.percent !== undefined ? `canary ${d.percent}%` : '',
      d.rollback ? 'rollback' : '',
      d.emergency !== undefined ? `emergency: ${quoteValue(d.emergency)}` : '',
    ].filter(Boolean);
    const approvers = d.approvers?.length ? ` approved by ${d.approvers.join(', ')}` : '';
    return (
      `#${d.id} ${d.createdAt} ${d.state.padEnd(11)} ${quoteValue(d.version)} ${d.sha.slice(0, 12)} ` +
      `by ${d.creator}${approvers}${tags.length ? ` (${tags.join(', ')})` : ''}`
    );
  });
  return sanitizeForTerminal(
    [`Deployments to ${quoteValue(environment)}, newest first:`, ...lines].join('\n'),
  );
}
