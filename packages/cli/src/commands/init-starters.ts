/**
 * The starters `init` writes name the policy's environments: the promote
 * starter's choice list and approvals map, the continuous starter's
 * automatic environment. The templates in `workflows-templates/` are written
 * for the default policy; for another policy the few lines that name
 * environments are rewritten here, so a team's starters, its GitHub settings
 * and the promote action's approval count come from one list.
 */

import { ReleasePolicyError } from '@release-policy/core';
import type { InitEnvironment } from './init-settings.js';
import type { TemplateFile } from './init-workflows.js';

const PROMOTE_STARTER = '.github/workflows/starter-promote.yml';
const PROMOTE_WORKFLOW = '.github/workflows/promote.yml';
const CONTINUOUS_STARTER = '.github/workflows/starter-continuous.yml';
const CONTINUOUS_WORKFLOW = '.github/workflows/continuous.yml';

/** A workflow left out, and why (the report says it). */
export interface SkippedWorkflow {
  path: string;
  reason: string;
}

/** A template line that names environments was not found: the template changed without this module. */
export class StarterTemplateError extends ReleasePolicyError {
  /** Printed as `error.type` and `name`; see {@link ReleasePolicyError.type}. */
  static override readonly type = 'StarterTemplateError';
}

/** A YAML flow-sequence item: plain when it is a simple word, else a JSON (double-quoted YAML) string. */
function renderYamlItem(name: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) ? name : JSON.stringify(name);
}

/**
 * A JSON object literal inside a single-quoted expression string: quotes are
 * doubled (the expression syntax's escape), braces inside names are written
 * as JSON escapes so no `}}` can end the expression early.
 */
function renderApprovalsMap(environments: readonly InitEnvironment[]): string {
  const entries = environments.map(
    ({ name, approvals }) =>
      `${JSON.stringify(name).replace(/[{}]/g, (brace) => (brace === '{' ? '\\u007b' : '\\u007d'))}:${approvals}`,
  );
  return `{${entries.join(',')}}`.replace(/'/g, "''");
}

/** Replaces the one line matching `pattern` in `text`, or throws (the template changed). */
function replaceLine(text: string, path: string, pattern: RegExp, line: string): string {
  const lines = text.split('\n');
  const index = lines.findIndex((candidate) => pattern.test(candidate));
  if (index < 0) throw new StarterTemplateError(`${path}: no line matches ${String(pattern)}`);
  lines[index] = line;
  return lines.join('\n');
}

function adaptPromoteStarter(text: string, environments: readonly InitEnvironment[]): string {
  const options = `        options: [${environments.map((e) => renderYamlItem(e.name)).join(', ')}]`;
  const approvals = `      approvals: \${{ fromJSON('${renderApprovalsMap(environments)}')[inputs.environment] }}`;
  const withOptions = replaceLine(text, PROMOTE_STARTER, /^ {8}options: \[/, options);
  return replaceLine(withOptions, PROMOTE_STARTER, /^ {6}approvals: \$\{\{ fromJSON\(/, approvals);
}

function adaptContinuousStarter(text: string, automatic: string): string {
  const item = renderYamlItem(automatic);
  const withEnvironment = replaceLine(
    text,
    CONTINUOUS_STARTER,
    /^ {6}environment: /,
    `      environment: ${item}`,
  );
  return replaceLine(
    withEnvironment,
    CONTINUOUS_STARTER,
    /^# delivered to the automatic environment of your policy/,
    `# delivered to the automatic environment of your policy (here: ${item}; set`,
  );
}

/**
 * The workflows `init` writes, their environments those of the policy. A
 * policy without environments gets no promote workflows; one without an
 * `automatic` environment no continuous workflows (each skipped with its
 * reason). The first automatic environment is the continuous one.
 */
export function adaptWorkflowsToEnvironments(
  workflows: readonly TemplateFile[],
  environments: readonly InitEnvironment[],
): { files: TemplateFile[]; skipped: SkippedWorkflow[] } {
  const automatic = environments.find((environment) => environment.automatic)?.name;
  const files: TemplateFile[] = [];
  const skipped: SkippedWorkflow[] = [];
  for (const file of workflows) {
    if (file.path === PROMOTE_STARTER || file.path === PROMOTE_WORKFLOW) {
      if (environments.length === 0) {
        skipped.push({ path: file.path, reason: 'the policy lists no environments' });
        continue;
      }
      if (file.path === PROMOTE_STARTER) {
        files.push({ path: file.path, text: adaptPromoteStarter(file.text, environments) });
        continue;
      }
    }
    if (file.path === CONTINUOUS_STARTER || file.path === CONTINUOUS_WORKFLOW) {
      if (automatic === undefined) {
        skipped.push({
          path: file.path,
          reason: 'no environment of the policy is automatic: true',
        });
        continue;
      }
      if (file.path === CONTINUOUS_STARTER) {
        files.push({ path: file.path, text: adaptContinuousStarter(file.text, automatic) });
        continue;
      }
    }
    files.push(file);
  }
  return { files, skipped };
}
