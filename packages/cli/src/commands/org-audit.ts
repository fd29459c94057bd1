import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { quoteValue, readErrorCode, UsageError } from '@release-policy/core';
import {
  createOctokit,
  listOrgRepositories,
  mergeStatusReports,
  planAuditMatrix,
  renderOrgMarkdown,
} from '@release-policy/github';
import type { ParsedArgs } from '../args.js';
import { EXIT, type CliIo, type CommandResult } from '../io.js';
import { createTerminalLog } from '../api.js';

const USAGE =
  'Usage: release-policy org-audit plan ORG [TOPIC] | org-audit split OWNER/NAME... | org-audit merge DIR. See docs/cli.md#org-audit';

/**
 * `release-policy org-audit`: the steps of the organisation-wide audit that
 * are not the audit itself. `plan ORG [TOPIC]` lists the organisation's
 * repositories (with the topic) and `split NAME...` takes a list; both print
 * the matrices for the reusable workflow. `merge DIR` merges the JSON
 * reports of the matrix jobs into the organisation report.
 */
export async function runOrgAuditCommand(args: ParsedArgs, io: CliIo): Promise<CommandResult> {
  const [step, ...rest] = args.positionals;
  switch (step) {
    case 'plan':
      return plan(rest, io);
    case 'split':
      return split(rest);
    case 'merge':
      return merge(rest, io);
    default:
      throw new UsageError(`Unknown org-audit step ${quoteValue(step ?? '')}. ${USAGE}`);
  }
}

function renderPlan(repositories: readonly string[]): CommandResult {
  let planned;
  try {
    planned = planAuditMatrix(repositories);
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
  const json = { count: planned.count, groups: planned.groups };
  return { exitCode: EXIT.ok, json, text: JSON.stringify(json) };
}

async function plan(rest: readonly string[], io: CliIo): Promise<CommandResult> {
  const [org, topic, ...extra] = rest;
  if (!org || extra.length > 0)
    throw new UsageError(`"org-audit plan" takes ORG [TOPIC]. ${USAGE}`);
  const token = (io.env.GITHUB_TOKEN || io.env.GH_TOKEN || '').trim();
  if (!token) {
    throw new UsageError(
      'org-audit plan lists the organisation through the GitHub API: set GITHUB_TOKEN or GH_TOKEN (metadata: read). See docs/cli.md#org-audit',
    );
  }
  const octokit = createOctokit({
    token,
    env: io.env,
    maskToken: false,
    log: createTerminalLog(io.stderr),
    userAgent: 'release-policy-cli',
  });
  const repositories = await listOrgRepositories(octokit, {
    org,
    ...(topic ? { topic } : {}),
  });
  return renderPlan(repositories);
}

function split(rest: readonly string[]): CommandResult {
  const names = rest.flatMap((r) => r.split(/[\s,]+/)).filter((r) => r !== '');
  const bad = names.find((n) => !/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(n));
  if (bad !== undefined) {
    throw new UsageError(
      `${quoteValue(bad)} is not a repository: give OWNER/NAME, e.g. octo-org/service. ${USAGE}`,
    );
  }
  return renderPlan(names);
}

async function merge(rest: readonly string[], io: CliIo): Promise<CommandResult> {
  const [dir, ...extra] = rest;
  if (!dir || extra.length > 0) throw new UsageError(`"org-audit merge" takes DIR. ${USAGE}`);
  const root = resolve(io.cwd, dir);
  const files = new Map<string, unknown>();
  for (const name of await listJsonFiles(root, dir)) {
    const text = await readFile(join(root, name), 'utf8');
    try {
      files.set(name, JSON.parse(text));
    } catch {
      // Not JSON: named in the report as a file that is not a status report.
      files.set(name, text);
    }
  }
  const report = mergeStatusReports(files);
  return {
    exitCode: report.failed > 0 ? EXIT.failed : EXIT.ok,
    json: { ...report },
    text: renderOrgMarkdown(report),
    data: true,
  };
}

/**
 * The `.json` files under `root`, any depth (one folder per downloaded artifact), sorted.
 * @throws UsageError when `dir` (as given, `root` resolved) does not exist or is not a folder
 */
async function listJsonFiles(root: string, dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    const code = readErrorCode(error);
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    throw new UsageError(
      `"org-audit merge" reads the reports in a folder, and ${quoteValue(dir)} ` +
        `${code === 'ENOENT' ? 'does not exist' : 'is not a folder'}. Give the folder the matrix jobs' ` +
        `artifacts were downloaded to, e.g. org-audit merge reports (after actions/download-artifact with path: reports). ${USAGE}`,
      { cause: error },
    );
  }
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}
