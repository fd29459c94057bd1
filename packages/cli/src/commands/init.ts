import { randomUUID } from 'node:crypto';
import { link, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import {
  DEFAULT_POLICY_YAML,
  defaultPolicy,
  POLICY_PATH,
  renderDocumentTemplates,
  renderPullRequestTemplate,
  UsageError,
} from '@release-policy/core';
import type { ParsedArgs } from '../args.js';
import { EXIT, type CliIo } from '../io.js';
import type { CommandResult } from '../io.js';

/** What became of one file `init` was to write. */
export interface InitFile {
  path: string;
  status: 'written' | 'kept';
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
  return file.status === 'written'
    ? `wrote ${file.path}`
    : `kept  ${file.path} (exists; --force overwrites it)`;
}

/**
 * `release-policy init --docs`: the document templates of the default
 * policy and the pull request template, each written or, when it exists and
 * `--force` is off, kept.
 */
async function writeDocumentTemplates(io: CliIo, force: boolean): Promise<InitFile[]> {
  const policy = defaultPolicy();
  const files: InitFile[] = [];
  for (const file of [...renderDocumentTemplates(policy), renderPullRequestTemplate(policy)]) {
    const written = await writeNew(join(io.cwd, file.path), file.text, force);
    files.push({ path: file.path, status: written ? 'written' : 'kept' });
  }
  return files;
}

/**
 * `release-policy init`: writes the default policy, commented, and (at the
 * default path, a repository's set-up) the pull request template with the
 * change-request sections, kept when one exists.
 * Never overwrites an existing file without --force. With --docs it also writes
 * the release document templates and the pull request template, keeping
 * any that exist (the policy too), and reports each file.
 */
export async function runInitCommand(args: ParsedArgs, io: CliIo): Promise<CommandResult> {
  if (args.positionals.length > 0) {
    throw new UsageError(
      `"init" takes no arguments, got ${JSON.stringify(args.positionals)}. Example: release-policy init --output ${POLICY_PATH}`,
    );
  }
  const target = args.output ?? args.policy ?? POLICY_PATH;
  const path = isAbsolute(target) ? target : join(io.cwd, target);
  const written = await writeNew(path, DEFAULT_POLICY_YAML, args.force);
  if (!written && !args.docs) {
    throw new UsageError(
      `${JSON.stringify(target)} already exists; nothing was written. Use --force to overwrite it, ` +
        'or --output FILE to write elsewhere. See docs/cli.md#init',
    );
  }
  if (!args.docs && target !== POLICY_PATH) {
    // A policy written elsewhere (--output) is only that file: no repository set-up.
    return {
      exitCode: EXIT.ok,
      json: { ok: true, findings: [], written: target },
      text: `Wrote the default policy to ${target}. Edit it, commit it, and see docs/policy.md.`,
    };
  }
  if (!args.docs) {
    // The change-request form the docs check reads comes with the policy.
    const template = renderPullRequestTemplate(defaultPolicy());
    const kept = !(await writeNew(join(io.cwd, template.path), template.text, args.force));
    const files: InitFile[] = [
      { path: target, status: 'written' },
      { path: template.path, status: kept ? 'kept' : 'written' },
    ];
    return {
      exitCode: EXIT.ok,
      json: { ok: true, findings: [], written: target, files },
      text:
        `Wrote the default policy to ${target}. Edit it, commit it, and see docs/policy.md.\n` +
        describeInitFile(files[1]!),
    };
  }
  const files: InitFile[] = [
    { path: target, status: written ? 'written' : 'kept' },
    ...(await writeDocumentTemplates(io, args.force)),
  ];
  const lines = files.map(describeInitFile);
  return {
    exitCode: EXIT.ok,
    json: { ok: true, findings: [], files },
    text:
      `${lines.join('\n')}\nFill in every TODO of the documents before a release: the docs ` +
      'check fails on templates. See docs/policy.md#documents.',
  };
}
