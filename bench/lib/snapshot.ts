/**
 * A copy of every action's `action.yml` and `dist/` taken once at the start,
 * so a rebuild while the bench runs cannot swap bundles between runs.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Copies `actions/<name>/action.yml` and `actions/<name>/dist/` of every
 * action under `root` into a fresh temporary folder laid out the same way,
 * and returns that folder (use it as the root; remove it when done). An
 * action without `dist/` is copied without it, so it still shows as unbuilt.
 */
export async function snapshotActions(root: string): Promise<string> {
  const source = resolve(root, 'actions');
  const target = await mkdtemp(join(tmpdir(), 'release-policy-bench-actions-'));
  for (const entry of await readdir(source, { withFileTypes: true })) {
    const from = join(source, entry.name);
    if (!entry.isDirectory() || !existsSync(join(from, 'action.yml'))) continue;
    const to = join(target, 'actions', entry.name);
    await mkdir(to, { recursive: true });
    await cp(join(from, 'action.yml'), join(to, 'action.yml'));
    if (existsSync(join(from, 'dist'))) {
      await cp(join(from, 'dist'), join(to, 'dist'), { recursive: true });
    }
  }
  return target;
}
