// Bundles every action (actions/*/src/index.ts -> actions/*/dist) and the CLI
// (packages/cli/src/bin.ts -> packages/cli/dist) with ncc. The bundles are
// committed: the runner executes them without installing anything.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const targets = readdirSync(join(root, 'actions'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, 'actions', d.name, 'action.yml')))
  .map((d) => ({
    name: `actions/${d.name}`,
    dir: join(root, 'actions', d.name),
    entry: 'src/index.ts',
  }));
targets.push({ name: 'packages/cli', dir: join(root, 'packages/cli'), entry: 'src/bin.ts' });

const only = process.argv.slice(2);
const selected = only.length
  ? targets.filter((t) => only.some((o) => t.name.endsWith(o)))
  : targets;
const ncc = join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js');

function build(target) {
  rmSync(join(target.dir, 'dist'), { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ncc,
        'build',
        target.entry,
        '-o',
        'dist',
        '--minify',
        '--license',
        'licenses.txt',
        '--quiet',
      ],
      { cwd: target.dir, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`ncc failed for ${target.name} (exit ${code})`));
      if (target.name === 'packages/cli') chmodSync(join(target.dir, 'dist/index.js'), 0o755);
      console.log(`built ${target.name}/dist`);
      resolve();
    });
  });
}

// Two at a time: ncc is CPU-bound and CI has two cores.
const queue = [...selected];
let failed = false;
await Promise.all(
  [0, 1].map(async () => {
    while (queue.length) {
      const t = queue.shift();
      try {
        await build(t);
      } catch (error) {
        console.error(error.message);
        failed = true;
      }
    }
  }),
);
if (failed) process.exit(1);
