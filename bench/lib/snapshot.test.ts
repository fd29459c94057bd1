import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { snapshotActions } from './snapshot.js';

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function write(file: string, text: string) {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}

describe('snapshotActions', () => {
  it('copies action.yml and dist of every action, and nothing else', async () => {
    const root = await mkdtemp(join(tmpdir(), 'bench-snap-src-'));
    made.push(root);
    await write(join(root, 'actions/a/action.yml'), 'name: a\n');
    await write(join(root, 'actions/a/dist/index.js'), 'console.log(1);\n');
    await write(join(root, 'actions/a/dist/package.json'), '{"type":"module"}\n');
    await write(join(root, 'actions/a/src/main.ts'), 'export {};\n');
    await write(join(root, 'actions/unbuilt/action.yml'), 'name: u\n');
    await write(join(root, 'actions/notes/README.md'), 'no action here\n');

    const snap = await snapshotActions(root);
    made.push(snap);
    // Later changes to the source do not reach the snapshot.
    await writeFile(join(root, 'actions/a/dist/index.js'), 'changed\n');

    expect(await readFile(join(snap, 'actions/a/dist/index.js'), 'utf8')).toBe('console.log(1);\n');
    expect(existsSync(join(snap, 'actions/a/dist/package.json'))).toBe(true);
    expect(existsSync(join(snap, 'actions/a/action.yml'))).toBe(true);
    expect(existsSync(join(snap, 'actions/a/src'))).toBe(false);
    expect(existsSync(join(snap, 'actions/unbuilt/action.yml'))).toBe(true);
    expect(existsSync(join(snap, 'actions/unbuilt/dist'))).toBe(false);
    expect(existsSync(join(snap, 'actions/notes'))).toBe(false);
  });
});
