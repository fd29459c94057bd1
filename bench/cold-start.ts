/**
 * Cold start of each action's committed bundle under the repository's Node
 * 24, against `node -e 0` under the same Node, in interleaved runs.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse as parseYaml } from 'yaml';
import {
  buildEventPayload,
  buildRunnerEnv,
  evaluateDefault,
  findNode,
  inputEnvName,
} from '@release-policy/github-emulator';
import { commitFixture, readHead, renderPackageJson } from './lib/git-fixture.js';
import { computeMedian } from './lib/stats.js';
import { formatCount, formatMs, formatRatio, type Table } from './lib/table.js';

/** Options of {@link runColdStart}. */
export interface ColdStartOptions {
  /** The repository root (holding `actions/`). */
  root: string;
  /** Timed runs per contender. */
  runs: number;
  /** Untimed runs per contender first (file cache, first-run effects). */
  warmup: number;
}

/** One contender's cold-start measurements. */
export interface ColdStartResult {
  /** `node -e 0`, or the action folder name. */
  name: string;
  /** The bundle's size; absent for the baseline. */
  bundleBytes?: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  samples: number[];
  /** Median / baseline median (1 for the baseline). */
  ratio: number;
  /** Exit codes seen that were not 0, with the first lines of stderr. */
  failures: string[];
}

interface Contender {
  name: string;
  args: string[];
  bundleBytes?: number;
  env: Record<string, string>;
  files: string[];
}

function timeProcess(
  node: string,
  contender: Contender,
  cwd: string,
): Promise<{ ms: number; code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(node, contender.args, {
      cwd,
      env: contender.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => (output += chunk.toString('utf8'));
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) =>
      reject(
        new Error(`Could not start ${JSON.stringify(node)}: ${error.message}`, { cause: error }),
      ),
    );
    child.on('exit', (code) => resolve({ ms: performance.now() - start, code, output }));
  });
}

/** The `actions/<name>` folders (with an `action.yml`): those with `dist/index.js`, and the rest. */
export async function listActionBundles(
  root: string,
): Promise<{ bundles: { name: string; main: string }[]; missing: string[] }> {
  const dir = resolve(root, 'actions');
  const actions = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'action.yml')))
    .map((d) => ({ name: d.name, main: join(dir, d.name, 'dist', 'index.js') }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    bundles: actions.filter((a) => existsSync(a.main)),
    missing: actions.filter((a) => !existsSync(a.main)).map((a) => a.name),
  };
}

/**
 * The exit code of an action's quick run when it is not 0: promote cannot
 * decide anything without the API, so its quick run ends at the teaching
 * error for the missing token, after loading its whole bundle.
 */
const QUICK_EXIT: Record<string, number> = { promote: 1 };

/**
 * The minimal runner environment that makes an action exit quickly: a push
 * to `main` without a token, so it makes no API calls (the policy comes from
 * the workspace, absent there, so the default) and writes no comment.
 */
async function buildQuickEnv(
  actionDir: string,
  workspace: string,
  temp: string,
  sha: string,
): Promise<{ env: Record<string, string>; files: string[] }> {
  const payload = buildEventPayload('push', {
    overrides: { ref: 'refs/heads/main', after: sha, repository: { full_name: 'octo-org/app' } },
  });
  const files = {
    event: join(temp, 'event.json'),
    output: join(temp, 'output'),
    summary: join(temp, 'step_summary'),
    state: join(temp, 'state'),
    env: join(temp, 'env'),
    path: join(temp, 'path'),
  };
  await writeFile(files.event, JSON.stringify(payload));
  const context = {
    eventName: 'push',
    payload,
    token: '',
    apiUrl: 'http://127.0.0.1:9',
    workspace,
    temp,
  };
  const env = buildRunnerEnv(context, files);
  const metadata = parseYaml(await readFile(join(actionDir, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, { default?: unknown } | null>;
  };
  for (const [name, spec] of Object.entries(metadata.inputs ?? {})) {
    if (spec?.default !== undefined) {
      env[inputEnvName(name)] = evaluateDefault(String(spec.default), context, env);
    }
  }
  return { env, files: [files.output, files.summary, files.state, files.env, files.path] };
}

/** What {@link runColdStart} measured. */
export interface ColdStartReport {
  /** The baseline first, then each action with a bundle. */
  results: ColdStartResult[];
  /** Action folders without `dist/index.js` (not measured). */
  missing: string[];
}

/**
 * Measures every action's cold start and `node -e 0` under the same Node, in
 * interleaved rounds (baseline, each action, baseline, ...). Each action runs
 * on a push to `main` of a one-commit repository, without a token.
 */
export async function runColdStart(options: ColdStartOptions): Promise<ColdStartReport> {
  const node = findNode();
  const temp = await mkdtemp(join(tmpdir(), 'release-policy-bench-'));
  try {
    const workspace = join(temp, 'workspace');
    // A released 0.1.0 and a feature with its bump to 0.2.0: the version check passes.
    await commitFixture(workspace, [
      {
        message: 'chore: start',
        files: { 'package.json': renderPackageJson('0.1.0') },
        tags: ['v0.1.0'],
      },
      { message: 'feat: add login', files: { 'package.json': renderPackageJson('0.2.0') } },
    ]);
    const sha = readHead(workspace);
    const contenders: Contender[] = [{ name: 'node -e 0', args: ['-e', '0'], env: {}, files: [] }];
    const { bundles, missing } = await listActionBundles(options.root);
    for (const action of bundles) {
      const actionTemp = await mkdtemp(join(temp, `${action.name}-`));
      const { env, files } = await buildQuickEnv(
        resolve(options.root, 'actions', action.name),
        workspace,
        actionTemp,
        sha,
      );
      contenders.push({
        name: action.name,
        args: [action.main],
        bundleBytes: (await stat(action.main)).size,
        env,
        files,
      });
    }
    // The baseline gets the same environment as the first action.
    (contenders[0] as Contender).env = contenders[1]?.env ?? { PATH: process.env.PATH ?? '' };

    const samples = contenders.map(() => [] as number[]);
    const failures = contenders.map(() => [] as string[]);
    for (let round = 0; round < options.warmup + options.runs; round += 1) {
      for (const [index, contender] of contenders.entries()) {
        for (const file of contender.files) await writeFile(file, '');
        const { ms, code, output } = await timeProcess(node, contender, workspace);
        if (
          code !== (QUICK_EXIT[contender.name] ?? 0) &&
          (failures[index] as string[]).length < 3
        ) {
          const lines = output.trim().split('\n');
          const reason = lines.find((l) => /error/i.test(l)) ?? lines[0] ?? '';
          (failures[index] as string[]).push(`exit ${code}: ${reason.trim().slice(0, 200)}`);
        }
        if (round >= options.warmup) (samples[index] as number[]).push(ms);
      }
    }
    const baseline = computeMedian(samples[0] as number[]);
    const results = contenders.map((c, i): ColdStartResult => {
      const s = samples[i] as number[];
      const median = computeMedian(s);
      return {
        name: c.name,
        ...(c.bundleBytes === undefined ? {} : { bundleBytes: c.bundleBytes }),
        medianMs: median,
        minMs: Math.min(...s),
        maxMs: Math.max(...s),
        samples: s,
        ratio: median / baseline,
        failures: failures[i] as string[],
      };
    });
    return { results, missing };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** Renders the cold-start results as a table. */
export function renderColdStartTable(
  { results, missing }: ColdStartReport,
  options: Pick<ColdStartOptions, 'runs' | 'warmup'>,
  nodeVersion: string,
): Table {
  const baseline = results.find((r) => r.bundleBytes === undefined);
  return {
    title: `Action bundles: size and cold start (Node ${nodeVersion})`,
    columns: [
      'action',
      'bundle bytes',
      'KiB',
      'median ms',
      'min–max ms',
      'node -e 0 ms',
      'ratio to node -e 0',
      'own startup ms',
      'exit',
    ],
    rows: results
      .filter((r) => r.bundleBytes !== undefined)
      .map((r) => [
        r.name,
        formatCount(r.bundleBytes as number),
        ((r.bundleBytes as number) / 1024).toFixed(1),
        formatMs(r.medianMs),
        `${formatMs(r.minMs)}–${formatMs(r.maxMs)}`,
        baseline ? formatMs(baseline.medianMs) : '',
        formatRatio(r.ratio),
        baseline ? formatMs(r.medianMs - baseline.medianMs) : '',
        r.failures.length === 0 ? '0 every run' : r.failures.join('; '),
      ])
      .concat(missing.map((name) => [name, 'no dist/index.js: run npm run build'])),
    notes: [
      `Median of ${options.runs} runs after ${options.warmup} warm-up runs, interleaved with \`node -e 0\` under the same Node and environment; ` +
        'each run is spawn to exit of `node dist/index.js` on a push to main without a token (no API calls, default policy, a passing check).',
      'own startup = action median − node -e 0 median: loading and running the bundle. The version action also spawns git.',
    ],
  };
}
