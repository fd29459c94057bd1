import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  listActionBundles,
  renderColdStartTable,
  runColdStart,
  type ColdStartResult,
} from './cold-start.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
let temp: string | undefined;
afterEach(async () => {
  if (temp) await rm(temp, { recursive: true, force: true });
  temp = undefined;
});

describe('listActionBundles', () => {
  it('lists action folders with a bundle, and those without one, ignoring other folders', async () => {
    temp = await mkdtemp(join(tmpdir(), 'bench-actions-'));
    for (const [name, files] of [
      ['zeta', ['action.yml', 'dist/index.js']],
      ['alpha', ['action.yml', 'dist/index.js']],
      ['unbuilt', ['action.yml']],
      ['not-an-action', ['README.md']],
    ] as const) {
      for (const file of files) {
        await mkdir(dirname(join(temp, 'actions', name, file)), { recursive: true });
        await writeFile(join(temp, 'actions', name, file), '');
      }
    }
    const { bundles, missing } = await listActionBundles(temp);
    expect(bundles.map((b) => b.name)).toEqual(['alpha', 'zeta']);
    expect(bundles[0]?.main).toBe(join(temp, 'actions', 'alpha', 'dist', 'index.js'));
    expect(missing).toEqual(['unbuilt']);
  });
});

describe('renderColdStartTable', () => {
  const result = (name: string, medianMs: number, extra: Partial<ColdStartResult> = {}) => ({
    name,
    medianMs,
    minMs: medianMs - 1,
    maxMs: medianMs + 1,
    samples: [medianMs],
    ratio: medianMs / 40,
    failures: [],
    ...extra,
  });

  it('shows size, medians, the ratio and the difference to node -e 0, and missing bundles', () => {
    const table = renderColdStartTable(
      {
        results: [
          result('node -e 0', 40),
          result('branch-name', 100, { bundleBytes: 2048 }),
          result('version', 120, { bundleBytes: 1024, failures: ['exit 1: boom'] }),
        ],
        missing: ['unbuilt'],
      },
      { runs: 15, warmup: 2 },
      'v24.0.0',
    );
    expect(table.title).toContain('Node v24.0.0');
    expect(table.rows).toEqual([
      ['branch-name', '2,048', '2.0', '100', '99.0–101', '40.0', '2.50×', '60.0', '0 every run'],
      ['version', '1,024', '1.0', '120', '119–121', '40.0', '3.00×', '80.0', 'exit 1: boom'],
      ['unbuilt', 'no dist/index.js: run npm run build'],
    ]);
    expect(table.notes?.[0]).toContain('Median of 15 runs after 2 warm-up runs');
  });
});

describe('runColdStart', () => {
  it('runs every committed bundle to a clean exit in the quick environment', async () => {
    const { results, missing } = await runColdStart({ root, runs: 1, warmup: 0 });
    expect(missing).toEqual([]);
    expect(results[0]?.name).toBe('node -e 0');
    expect(results.slice(1).map((r) => r.name)).toEqual([
      'audit',
      'branch-name',
      'changelog',
      'docs-gate',
      'patch-merge',
      'promote',
      'version',
    ]);
    for (const r of results) {
      // The audit reads only the API: without a token it fails, saying so, rather than passing.
      if (r.name === 'audit') {
        expect(r.failures.map((f) => f.slice(0, 80))).toEqual([
          'exit 1: ::error title=Configuration audit%3A github-api::The Configuration audit',
        ]);
      } else {
        expect(r.failures).toEqual([]);
      }
      expect(r.samples).toHaveLength(1);
    }
    expect(results[0]?.ratio).toBe(1);
    expect(results.slice(1).every((r) => (r.bundleBytes ?? 0) > 0)).toBe(true);
  });
});
