/**
 * Runs the promote action from its TypeScript source (through tsx) rather
 * than its committed bundle, under Node 24 against the emulator, so a test
 * sees a change to `src/` before the bundles are rebuilt. Everything else is
 * the end-to-end tests' `runPromote`: the same runner environment and inputs.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ActionRun, Emulator } from '@release-policy/github-emulator';
import {
  runPromote,
  type PromoteRepo,
  type PromoteSpec,
} from '../../../test/e2e/promote-helpers.js';

const ACTION_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Runs `actions/promote/src/index.ts` as the runner would run the bundle. */
export async function runPromoteSource(
  emulator: Emulator,
  repo: PromoteRepo,
  spec: PromoteSpec,
): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), 'promote-source-'));
  try {
    // The action's own metadata (inputs and their defaults), its entry pointed at the source.
    const metadata = await readFile(join(ACTION_DIR, 'action.yml'), 'utf8');
    const entry = relative(dir, join(ACTION_DIR, 'src/index.ts'));
    await writeFile(
      join(dir, 'action.yml'),
      metadata.replace('main: dist/index.js', `main: ${entry}`),
    );
    return await runPromote(emulator, repo, {
      ...spec,
      actionDir: dir,
      env: { NODE_OPTIONS: `--import ${TSX_LOADER}` },
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
