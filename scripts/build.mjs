// Bundles every action (actions/*/src/index.ts -> actions/*/dist) and the CLI
// (packages/cli/src/bin.ts -> packages/cli/dist) with ncc. The bundles are
// committed: the runner executes them without installing anything.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, chmodSync, mkdtempSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
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
  const scratch = mkdtempSync(join(tmpdir(), 'release-policy-build-'));
  const stats = join(scratch, 'stats.json');
  const bundled = new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [ncc, 'build', target.entry, '-o', 'dist', '--minify', '--stats-out', stats, '--quiet'],
      { cwd: target.dir, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ncc failed for ${target.name} (exit ${code})`)),
    );
  });
  const dist = join(target.dir, 'dist');
  return bundled
    .then(() => compactChunks(dist))
    .then(() => writeLicenses(stats, join(dist, 'licenses.txt')))
    .then(() => {
      if (target.name === 'packages/cli') chmodSync(join(dist, 'index.js'), 0o755);
      console.log(`built ${target.name}/dist`);
    })
    .finally(() => rmSync(scratch, { recursive: true, force: true }));
}

/**
 * Writes the licenses of every package the bundle holds, every version of
 * it, sorted by name and version. Written here rather than by ncc's
 * `--license`: that one writes one file per chunk to the same name (a
 * bundle with a lazily loaded chunk kept only that chunk's packages) and
 * keeps one version of a package bundled twice, whichever webpack reached
 * first, so the file changed from one build to the next. The packages are
 * read from webpack's stats: every bundled module's file.
 */
async function writeLicenses(statsFile, out) {
  const stats = JSON.parse(await readFile(statsFile, 'utf8'));
  const packageDirs = new Set();
  const visit = (modules) => {
    for (const module of modules ?? []) {
      const dir = findPackageDir(module.nameForCondition ?? '');
      if (dir !== undefined) packageDirs.add(dir);
      visit(module.modules);
    }
  };
  visit(stats.modules);
  for (const chunk of stats.chunks ?? []) visit(chunk.modules);
  const packages = new Map();
  for (const dir of packageDirs) {
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    const key = `${manifest.name}@${manifest.version}`;
    if (packages.has(key)) continue;
    // Every license file: a package under two licenses (LICENSE-MIT, LICENSE-APACHE) ships both.
    const licenseFiles = readdirSync(dir)
      .filter((name) => /^(licen[cs]e|copying)(\.|-|$)/i.test(name))
      .sort(compareText);
    const texts = await Promise.all(
      licenseFiles.map(async (name) => (await readFile(join(dir, name), 'utf8')).trim()),
    );
    const text = texts.length === 0 ? '(the package has no license file)' : texts.join('\n\n');
    packages.set(key, { manifest, text });
  }
  const entries = [...packages.values()]
    .sort(
      (a, b) =>
        compareText(a.manifest.name, b.manifest.name) ||
        compareText(a.manifest.version, b.manifest.version),
    )
    .map(({ manifest, text }) =>
      [`${manifest.name} ${manifest.version}`, describeLicense(manifest), text].join('\n'),
    );
  await writeFile(out, `${entries.join('\n\n')}\n`);
}

/** The package folder holding a bundled file: the folder after its last `node_modules`. */
function findPackageDir(file) {
  const marker = `${sep}node_modules${sep}`;
  const at = file.lastIndexOf(marker);
  if (at < 0) return undefined;
  const rest = file.slice(at + marker.length).split(sep);
  const depth = rest[0]?.startsWith('@') ? 2 : 1;
  if (rest.length <= depth) return undefined;
  return file.slice(0, at + marker.length) + rest.slice(0, depth).join(sep);
}

function describeLicense(manifest) {
  const license = manifest.license ?? manifest.licenses;
  if (typeof license === 'string') return license;
  if (Array.isArray(license)) return license.map((l) => l.type ?? l).join(' OR ');
  return license?.type ?? '(no license declared)';
}

/** Code-unit order, the same on every machine and locale. */
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * ncc minifies only the entry file, never the chunks it splits off, and
 * keeps non-ASCII characters as they are. Node reads a file with any
 * non-ASCII byte through the slow UTF-8 path, and every run of an action or
 * the CLI hashes, decodes and compiles every loaded chunk: a chunk minified
 * and written in ASCII (escapes for the rest) starts about 40 ms sooner.
 * Names are kept (`keepNames`), though not what ncc's scope hoisting already
 * renamed (`errors_GitError`): error classes therefore declare their printed
 * name as a string (`static type`). Licence comments stay inline.
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
