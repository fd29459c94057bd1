import { randomUUID } from 'node:crypto';
import { link, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { DEFAULT_POLICY_YAML, POLICY_PATH, UsageError } from '@release-policy/core';
import type { ParsedArgs } from '../args.js';
import { EXIT, type CliIo } from '../io.js';
import type { CommandResult } from '../io.js';

/**
 * `release-policy init`: writes the default policy, commented. Never
 * overwrites an existing file without --force; the write is exclusive, so
 * two runs cannot both create it.
 */
export async function runInitCommand(args: ParsedArgs, io: CliIo): Promise<CommandResult> {
  if (args.positionals.length > 0) {
    throw new UsageError(
      `"init" takes no arguments, got ${JSON.stringify(args.positionals)}. Example: release-policy init --output ${POLICY_PATH}`,
    );
  }
  const target = args.output ?? args.policy ?? POLICY_PATH;
  const path = isAbsolute(target) ? target : join(io.cwd, target);
  await mkdir(dirname(path), { recursive: true });
  // Write a temporary file first so a crash never leaves half a policy behind.
  const temp = `${path}.${randomUUID()}.tmp`;
  await writeFile(temp, DEFAULT_POLICY_YAML, { flag: 'wx' });
  try {
    if (args.force) await rename(temp, path);
    else await link(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(
        `${JSON.stringify(target)} already exists; nothing was written. Use --force to overwrite it, ` +
          'or --output FILE to write elsewhere. See docs/cli.md#init',
        { cause: error },
      );
    }
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  return {
    exitCode: EXIT.ok,
    json: { ok: true, findings: [], written: target },
    text: `Wrote the default policy to ${target}. Edit it, commit it, and see docs/policy.md.`,
  };
}
