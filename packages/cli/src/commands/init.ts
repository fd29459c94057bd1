import { randomUUID } from 'node:crypto';
import { link, lstat, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import {
  DEFAULT_POLICY_YAML,
  defaultPolicy,
  POLICY_PATH,
  type Policy,
  renderDocumentTemplates,
  renderPullRequestTemplate,
  UsageError,
} from '@release-policy/core';
import type { ParsedArgs } from '../args.js';
import { EXIT, type CliIo } from '../io.js';
import type { CommandResult } from '../io.js';
import { readPolicy } from '../policy.js';
import {
  listGitHubSettings,
  listInitEnvironments,
  renderGhApiCommand,
  renderGitHubSettings,
} from './init-settings.js';
import { adaptWorkflowsToEnvironments } from './init-starters.js';
import { checkInitTargets } from './init-targets.js';
import { INIT_WORKFLOWS } from './init-workflows.js';

/** What became of one file `init` was to write. */
export interface InitFile {
  path: string;
  status: 'written' | 'kept' | 'skipped';
  /** Why a file was skipped. */
  reason?: string;
}

/**
 * Writes `text` to `path` through a temporary file, so a crash never leaves
 * half a file behind; the final step is exclusive without `force`, so two
 * runs cannot both create it. Returns false when the file exists and
 * `force` is off (nothing written).
 */
async function writeNew(path: string, text: string, force: boolean): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomUUID()}.tmp`;
  await writeFile(temp, text, { flag: 'wx' });
  try {
    if (force) await rename(temp, path);
    else await link(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** One line of `init`'s report: a file written, or kept because it exists. */
function describeInitFile(file: InitFile): string {
  if (file.status === 'written') return `wrote ${file.path}`;
  if (file.status === 'skipped') return `skip  ${file.path} (${file.reason ?? ''})`;
  return `kept  ${file.path} (exists; --force overwrites it)`;
}

/** A file of the repository set-up, before it is written. */
interface SetupFile {
  path: string;
  text: string;
}

/**
 * The files of a repository set-up for `policy`: the policy at `target`, with
 * `docs` the release document templates, the pull request template, and the
 * workflows and their starters, their environments those of the policy.
 */
function listSetupFiles(
  target: string,
  docs: boolean,
  policy: Policy,
): { files: SetupFile[]; skipped: InitFile[] } {
  const workflows = adaptWorkflowsToEnvironments(INIT_WORKFLOWS, listInitEnvironments(policy));
  return {
    files: [
      { path: target, text: DEFAULT_POLICY_YAML },
      ...(docs ? renderDocumentTemplates(policy) : []),
      renderPullRequestTemplate(policy),
      ...workflows.files,
    ],
    skipped: workflows.skipped.map((file) => ({ ...file, status: 'skipped' as const })),
  };
}

/**
 * The policy the set-up is for: the repository's own when it has one that
 * `init` keeps (its environments, documents and change-request sections),
 * else the default policy `init` writes. A malformed policy file is an error
 * that points at its line, before anything is written.
 */
async function readSetupPolicy(root: string, target: string, force: boolean): Promise<Policy> {
  if (force) return defaultPolicy();
  const path = isAbsolute(target) ? target : join(root, target);
  const exists = await lstat(path).then(
    () => true,
    () => false,
  );
  if (!exists) return defaultPolicy();
  return (await readPolicy({ cwd: root, root }, target === POLICY_PATH ? undefined : target))
    .policy;
}

/** Writes each file under `root`, keeping any that exists unless `force`. */
async function writeSetupFiles(
  root: string,
  files: readonly SetupFile[],
  force: boolean,
): Promise<InitFile[]> {
  const results: InitFile[] = [];
  for (const file of files) {
    const path = isAbsolute(file.path) ? file.path : join(root, file.path);
    const written = await writeNew(path, file.text, force);
    results.push({ path: file.path, status: written ? 'written' : 'kept' });
  }
  return results;
}

/** `--output FILE` alone: only the policy, refused when the file exists. */
async function writePolicyOnly(
  root: string,
  target: string,
  force: boolean,
): Promise<CommandResult> {
  const path = isAbsolute(target) ? target : join(root, target);
  if (!(await writeNew(path, DEFAULT_POLICY_YAML, force))) {
    throw new UsageError(
      `${JSON.stringify(target)} already exists; nothing was written. Use --force to overwrite it, ` +
        'or --output FILE to write elsewhere. See docs/cli.md#init',
    );
  }
  return {
    exitCode: EXIT.ok,
    json: { ok: true, findings: [], written: target },
    text: `Wrote the default policy to ${target}. Edit it, commit it, and see docs/policy.md.`,
  };
}

/**
 * `release-policy init [--dir REPO] [--docs] [--force]`: sets up a
 * repository. It writes the default policy, commented, the pull request
 * template with the change-request sections, the reusable workflows and
 * their starters, and with `--docs` the release document templates; a file
 * that exists is kept (and reported) unless `--force`. Then it prints the
 * GitHub settings that make GitHub enforce the policy, with the `gh api`
 * command for each. `--output FILE` alone writes only the policy there.
 */
export async function runInitCommand(args: ParsedArgs, io: CliIo): Promise<CommandResult> {
  if (args.positionals.length > 0) {
    throw new UsageError(
      `"init" takes no arguments, got ${JSON.stringify(args.positionals)}. Example: release-policy init --dir ../service`,
    );
  }
  const root = args.dir === undefined ? io.cwd : resolve(io.cwd, args.dir);
  const target = args.output ?? args.policy ?? POLICY_PATH;
  if (!args.docs && target !== POLICY_PATH) return writePolicyOnly(root, target, args.force);
  const policy = await readSetupPolicy(root, target, args.force);
  const setup = listSetupFiles(target, args.docs, policy);
  // Every folder is checked before the first file is written; an explicit target is the user's choice.
  const explicit = args.output ?? args.policy;
  await checkInitTargets(
    root,
    setup.files.map((file) => file.path).filter((path) => path !== explicit),
  );
  const files = [...(await writeSetupFiles(root, setup.files, args.force)), ...setup.skipped];
  const settings = listGitHubSettings(policy);
  const next = args.docs
    ? 'Fill in every TODO of the documents before a release: the docs check fails on templates. See docs/policy.md#documents.'
    : `Edit ${target}, commit everything, and see docs/policy.md.`;
  return {
    exitCode: EXIT.ok,
    json: {
      ok: true,
      findings: [],
      files,
      settings: settings.map((setting) => ({
        what: setting.what,
        command: renderGhApiCommand(setting),
      })),
    },
    text: [...files.map(describeInitFile), next, '', renderGitHubSettings(settings)].join('\n'),
  };
}
