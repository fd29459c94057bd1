/**
 * Scenarios of the audit action: a repository whose GitHub settings enforce
 * the default policy (to be spoiled one setting at a time), and a run of the
 * committed bundle on a schedule-like `workflow_dispatch`.
 */
import {
  buildEventPayload,
  fakeSha,
  runAction,
  type ActionRun,
  type Emulator,
} from '@release-policy/github-emulator';
import { ROOT, TOKEN } from './helpers.js';

export {
  deploy,
  renderWorkflow,
  seedCompliantRepo,
  WORKFLOW_PATH,
} from '../../packages/github/src/testing/audit-repos.js';

export const AUDIT_ACTION = `${ROOT}/actions/audit`;
/** Runs the audit bundle for `repo` (as the repository of the run), in `cwd` (a checkout) when given. */
export function runAudit(
  emulator: Emulator,
  repo: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
  cwd?: string,
): Promise<ActionRun> {
  const [owner = '', name = ''] = repo.split('/');
  return runAction({
    actionDir: AUDIT_ACTION,
    eventName: 'workflow_dispatch',
    payload: buildEventPayload('workflow_dispatch', {
      overrides: {
        ref: 'refs/heads/main',
        repository: { name, full_name: repo, owner: { login: owner }, default_branch: 'main' },
      },
    }),
    inputs,
    env,
    repository: repo,
    ref: 'refs/heads/main',
    sha: fakeSha(`${repo}:main`),
    token: TOKEN,
    emulator,
    ...(cwd !== undefined ? { cwd } : {}),
  });
}

/** The rule ids of a run's findings with their severity, sorted. */
export function rulesOf(run: ActionRun): string[] {
  const findings = JSON.parse(run.outputs.findings ?? '[]') as { rule: string; severity: string }[];
  return findings.map((f) => `${f.rule}:${f.severity}`).sort();
}
