/** The workflows `release-policy init` writes, read back from a fresh directory it set up. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptured } from '../../packages/cli/src/testing/harness.js';

/** A workflow file `init` wrote: its path in the repository and its text. */
export interface WrittenWorkflow {
  path: string;
  text: string;
}

/**
 * Runs `release-policy init` (in-process) into an empty temporary directory
 * and returns every file it wrote under `.github/workflows/`, sorted.
 * @throws when init fails.
 */
export async function listInitWorkflows(): Promise<WrittenWorkflow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'release-policy-init-'));
  try {
    const run = await runCaptured(['init', '--dir', dir], { cwd: dir, env: {} });
    if (run.code !== 0) throw new Error(`init failed (${run.code}): ${run.stderr}`);
    const workflows = join(dir, '.github', 'workflows');
    return readdirSync(workflows)
      .sort()
      .map((name) => ({
        path: `.github/workflows/${name}`,
        text: readFileSync(join(workflows, name), 'utf8'),
      }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
