/**
 * Runs an action's committed bundle as a separate Node 24 process, the way
 * the GitHub runner starts it, and collects what it reports.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { RequestLogEntry } from './log.js';
import { buildRunnerEnv, evaluateDefault, type RunnerContext } from './runner-env.js';
import type { Emulator } from './server.js';
import {
  extractAnnotations,
  parseKeyValueFile,
  parseWorkflowCommands,
  type Annotation,
  type WorkflowCommand,
} from './workflow-commands.js';

export {
  buildEventPayload,
  type EventPayloadOptions,
  type ExamplePayload,
} from './event-payloads.js';

/** How to run an action. */
export interface RunActionOptions {
  /** The action's folder (holding action.yml and dist/index.js). */
  actionDir: string;
  /** Inputs by name as written in action.yml; action.yml defaults fill the rest. */
  inputs?: Record<string, string>;
  /** The event, e.g. `pull_request`. */
  eventName: string;
  /** The event payload (see `buildEventPayload`). */
  payload: object;
  /** Extra environment variables (they win over the runner's). */
  env?: Record<string, string>;
  /** The emulator the action talks to (sets GITHUB_API_URL and friends). */
  emulator?: Emulator;
  /** The value of `${{ github.token }}` (default: the emulator's token, else a fake). */
  token?: string;
  /** GITHUB_WORKSPACE and the working directory (default: a fresh temp folder). */
  cwd?: string;
  /** Kill the process after this long (default 60 s); the run then reports `timedOut`. */
  timeoutMs?: number;
  /** Override GITHUB_REF / GITHUB_SHA / GITHUB_REPOSITORY / GITHUB_ACTOR. */
  ref?: string;
  sha?: string;
  repository?: string;
  actor?: string;
  /** The Node binary (default: the repository's Node 24 at node_modules/.bin/node). */
  nodePath?: string;
}

/** What a run produced. */
export interface ActionRun {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** From GITHUB_OUTPUT (and legacy `::set-output` commands). */
  outputs: Record<string, string>;
  /** The job summary (GITHUB_STEP_SUMMARY) as written. */
  summary: string;
  annotations: Annotation[];
  /** Every workflow command on stdout, in order. */
  commands: WorkflowCommand[];
  /** Values passed to `::add-mask::`. */
  masked: string[];
  /** Variables exported through GITHUB_ENV. */
  exportedEnv: Record<string, string>;
  /** Values saved through GITHUB_STATE (for a post step). */
  savedState: Record<string, string>;
  /** Lines added to GITHUB_PATH. */
  addedPath: string[];
  /** The environment the process started with. */
  env: Record<string, string>;
  /** Requests the emulator received during the run. */
  requests: RequestLogEntry[];
}

interface ActionMetadata {
  inputs?: Record<string, { default?: unknown } | null>;
  runs?: { using?: string; main?: string };
}

/** Finds the repository's Node 24 (`node_modules/.bin/node`), else the current Node. */
export function findNode(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i += 1) {
    const candidate = join(dir, 'node_modules', '.bin', 'node');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return process.execPath;
}

async function readMetadata(actionDir: string): Promise<ActionMetadata> {
  for (const name of ['action.yml', 'action.yaml']) {
    const file = join(actionDir, name);
    if (existsSync(file)) return (parseYaml(await readFile(file, 'utf8')) ?? {}) as ActionMetadata;
  }
  return {};
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return '';
  }
}

/** The runner's input variable name: `INPUT_` + name with spaces as `_`, upper-cased. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * Runs `<actionDir>/<runs.main>` (default `dist/index.js`) under Node 24 with
 * the runner's environment, waits for it, and returns its outputs, summary,
 * annotations, workflow commands, exit code and the emulator requests it made.
 */
export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const actionDir = resolve(options.actionDir);
  const metadata = await readMetadata(actionDir);
  const using = metadata.runs?.using;
  if (using !== undefined && !/^node\d+$/.test(using)) {
    throw new Error(
      `runAction runs JavaScript actions only; ${JSON.stringify(actionDir)} declares runs.using ${JSON.stringify(using)} (expected e.g. "node24").`,
    );
  }
  const main = join(actionDir, metadata.runs?.main ?? 'dist/index.js');
  if (!existsSync(main)) {
    throw new Error(
      `The action entry ${JSON.stringify(main)} does not exist; build the action first (npm run build), or point actionDir at a folder with dist/index.js.`,
    );
  }
  const temp = await mkdtemp(join(tmpdir(), 'release-policy-action-'));
  try {
    const workspace = options.cwd ?? join(temp, 'workspace');
    if (!options.cwd) await mkdir(workspace);
    const files = {
      event: join(temp, 'event.json'),
      output: join(temp, 'output'),
      summary: join(temp, 'step_summary'),
      state: join(temp, 'state'),
      env: join(temp, 'env'),
      path: join(temp, 'path'),
    };
    await writeFile(files.event, JSON.stringify(options.payload, null, 2));
    for (const f of [files.output, files.summary, files.state, files.env, files.path]) {
      await writeFile(f, '');
    }
    const context: RunnerContext = {
      eventName: options.eventName,
      payload: options.payload as Record<string, unknown>,
      token: options.token ?? options.emulator?.token ?? 'ghs_emulatorTokenForTests000000000000',
      apiUrl: options.emulator?.url ?? 'https://api.github.com',
      workspace,
      temp,
      ref: options.ref,
      sha: options.sha,
      repository: options.repository,
      actor: options.actor,
      resultsUrl: options.emulator?.resultsUrl,
      runtimeToken: options.emulator?.runtimeToken,
    };
    const env = buildRunnerEnv(context, files);
    for (const [name, spec] of Object.entries(metadata.inputs ?? {})) {
      const value = options.inputs?.[name];
      if (value === undefined && spec?.default !== undefined) {
        env[inputEnvName(name)] = evaluateDefault(String(spec.default), context, env);
      }
    }
    for (const [name, value] of Object.entries(options.inputs ?? {}))
      env[inputEnvName(name)] = value;
    Object.assign(env, options.env ?? {});

    const firstRequest = options.emulator?.requests.length ?? 0;
    const result = await spawnNode(
      options.nodePath ?? findNode(),
      main,
      workspace,
      env,
      options.timeoutMs ?? 60_000,
    );
    const commands = parseWorkflowCommands(result.stdout);
    const legacyOutputs = Object.fromEntries(
      commands
        .filter((c) => c.name === 'set-output')
        .map((c) => [c.properties.name ?? '', c.message]),
    );
    return {
      ...result,
      outputs: { ...legacyOutputs, ...parseKeyValueFile(await readText(files.output)) },
      summary: await readText(files.summary),
      annotations: extractAnnotations(commands),
      commands,
      masked: commands.filter((c) => c.name === 'add-mask').map((c) => c.message),
      exportedEnv: parseKeyValueFile(await readText(files.env)),
      savedState: parseKeyValueFile(await readText(files.state)),
      addedPath: (await readText(files.path)).split('\n').filter((l) => l.trim() !== ''),
      env,
      requests: options.emulator?.requests.slice(firstRequest) ?? [],
    };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

function spawnNode(
  node: string,
  main: string,
  cwd: string,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<Pick<ActionRun, 'exitCode' | 'signal' | 'timedOut' | 'stdout' | 'stderr'>> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(node, [main], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(
        new Error(`Could not start ${JSON.stringify(node)}: ${error.message}`, { cause: error }),
      );
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({
        exitCode: code,
        signal,
        timedOut,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}
