// Bundles every action (actions/*/src/index.ts -> actions/*/dist) and the CLI
// (packages/cli/src/bin.ts -> packages/cli/dist) with ncc. The bundles are
// committed: the runner executes them without installing anything.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { transform } from 'esbuild';

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
      compactChunks(join(target.dir, 'dist'))
        .then(() => {
          if (target.name === 'packages/cli') chmodSync(join(target.dir, 'dist/index.js'), 0o755);
          console.log(`built ${target.name}/dist`);
          resolve();
        })
        .catch(reject);
    });
  });
}

/**
 * ncc minifies only the entry file, never the chunks it splits off, and
 * keeps non-ASCII characters as they are. Node reads a file with any
 * non-ASCII byte through the slow UTF-8 path, and every run of an action or
 * the CLI hashes, decodes and compiles every loaded chunk: a chunk minified
 * and written in ASCII (escapes for the rest) starts about 40 ms sooner.
 * Names are kept (`keepNames`): error classes name themselves from
 * `new.target.name`. Licence comments stay inline.
 */
async function compactChunks(dist) {
  const files = readdirSync(dist).filter((name) => name.endsWith('.js'));
  for (const name of files) {
    const path = join(dist, name);
    const code = await readFile(path, 'utf8');
    const result = await transform(code, {
      loader: 'js',
      format: 'esm',
      target: 'node20',
      charset: 'ascii',
      minify: true,
      keepNames: true,
      legalComments: 'inline',
    });
    await writeFile(path, result.code);
  }
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
