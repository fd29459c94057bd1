/**
 * Scenario helpers for the end-to-end tests: every action runs from its
 * committed bundle under Node 24, as the runner starts it, against the GitHub
 * emulator. A scenario seeds a repository with a pull request (or builds a
 * push), runs one action, and the test then reads the run (exit code,
 * outputs, summary, annotations, workflow commands) and the emulator's end
 * state and request log.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildEventPayload,
  fakeSha,
  runAction,
  startEmulator,
  type ActionRun,
  type CommentRecord,
  type Emulator,
  type EmulatorOptions,
  type RequestLogEntry,
} from '@release-policy/github-emulator';

/** The repository root (holds `actions/`). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The actions under test, by check id. */
export const ACTIONS = {
  'branch-name': resolve(ROOT, 'actions/branch-name'),
  'docs-gate': resolve(ROOT, 'actions/docs-gate'),
  'patch-merge': resolve(ROOT, 'actions/patch-merge'),
  version: resolve(ROOT, 'actions/version'),
  changelog: resolve(ROOT, 'actions/changelog'),
  promote: resolve(ROOT, 'actions/promote'),
} as const;

/** A check id, which is also the action's folder name. */
export type CheckId = keyof typeof ACTIONS;

export const OWNER = 'octo-org';
export const NAME = 'app';
export const REPO = `${OWNER}/${NAME}`;
/** Shaped like an installation token, so a leak would be easy to spot in any text. */
export const TOKEN = 'ghs_e2eSecretTokenValue0123456789ABCDEFGH';
export const POLICY_PATH = '.github/release-policy.yml';
export const BASE_SHA = fakeSha('e2e:base');
export const HEAD_SHA = fakeSha('e2e:head');

/**
 * The workflow commands our actions may print. Anything else on stdout that
 * the runner would take as a command (e.g. `stop-commands`, `set-env`) came
 * from untrusted text and is a bug.
 */
export const OWN_COMMANDS = new Set(['add-mask', 'error', 'warning', 'notice', 'debug']);

/** Starts the emulator for {@link REPO}, requiring {@link TOKEN} on every request. */
export function startE2eEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ repos: [REPO], token: TOKEN, ...options });
}

/**
 * Runs `body` with a fresh emulator, then checks that every request of the
 * scenario (and every answer) matches GitHub's OpenAPI description, and
 * closes the emulator even when an assertion failed.
 */
export async function withEmulator<T>(
  body: (emulator: Emulator) => Promise<T>,
  options: EmulatorOptions = {},
): Promise<T> {
  const emulator = await startE2eEmulator(options);
  try {
    const result = await body(emulator);
    emulator.assertNoViolations();
    return result;
  } finally {
    await emulator.close();
  }
}

/** A pull request to seed and to build the event for. */
export interface PullSpec {
  number?: number;
  /** Head branch name (untrusted: any text). */
  head: string;
  base?: string;
  headSha?: string;
  baseSha?: string;
  title?: string;
  /** The head lives in another repository (read-only token on GitHub). */
  fork?: boolean;
  /** The event's action: `opened` (default), `synchronize`, `edited`, … */
  action?: string;
  /** The `changes` of an `edited` event, e.g. `{ base: { ref: { from: 'release/1.4' } } }`. */
  changes?: object;
  /** Policy text at the base commit; absent means no file (the default policy applies). */
  basePolicy?: string;
  /** Policy text at the head commit only (a pull request that edits the policy). */
  headPolicy?: string;
  /**
   * False: the base commit is unknown to the API (`GET /repos/{owner}/{repo}/commits/{ref}`
   * finds nothing), as for a token that cannot see it. Default true.
   */
  baseVisible?: boolean;
}

/** A seeded pull request and its event. */
export interface PullScenario {
  number: number;
  headSha: string;
  baseSha: string;
  eventName: 'pull_request';
  payload: Record<string, unknown>;
}

function repositoryOverride(fullName: string): Record<string, unknown> {
  const [owner = '', name = ''] = fullName.split('/');
  return {
    name,
    full_name: fullName,
    owner: { login: owner },
    default_branch: 'main',
    private: false,
  };
}

/**
 * Builds a real `pull_request` webhook payload (from the webhook examples)
 * for a pull request of {@link REPO}.
 */
export function buildPullPayload(spec: PullSpec): Record<string, unknown> {
  const number = spec.number ?? 7;
  const base = repositoryOverride(REPO);
  const headRepo = repositoryOverride(spec.fork ? `fork-owner/${NAME}` : REPO);
  const action = spec.action ?? 'opened';
  // The examples have no `edited` pull request: such an event is an `opened` one with `changes`.
  return buildEventPayload('pull_request', {
    action: action === 'edited' ? 'opened' : action,
    overrides: {
      action,
      ...(spec.changes ? { changes: spec.changes } : {}),
      number,
      pull_request: {
        number,
        title: spec.title ?? `Pull request ${number}`,
        draft: false,
        // The test merge commit changes with the head, as GitHub's does.
        merge_commit_sha: fakeSha(`e2e:merge:${number}:${spec.headSha ?? HEAD_SHA}`),
        head: { ref: spec.head, sha: spec.headSha ?? HEAD_SHA, repo: headRepo },
        base: { ref: spec.base ?? 'main', sha: spec.baseSha ?? BASE_SHA, repo: base },
      },
      repository: base,
    },
  }) as Record<string, unknown>;
}

/**
 * Seeds a pull request of {@link REPO} (record, base branch ref, policy files
 * at the base and head commits) and returns its `pull_request` event.
 */
export function seedPullRequest(emulator: Emulator, spec: PullSpec): PullScenario {
  const number = spec.number ?? 7;
  const headSha = spec.headSha ?? HEAD_SHA;
  const baseSha = spec.baseSha ?? BASE_SHA;
  const base = spec.base ?? 'main';
  emulator.seed.pull({
    repo: REPO,
    number,
    title: spec.title ?? `Pull request ${number}`,
    head: { ref: spec.head, sha: headSha },
    base: { ref: base, sha: baseSha },
  });
  emulator.seed.ref({ repo: REPO, ref: `refs/heads/${base}`, sha: baseSha });
  if (spec.baseVisible !== false) seedVisibleCommit(emulator, baseSha);
  if (spec.basePolicy !== undefined) {
    emulator.seed.file({ repo: REPO, ref: baseSha, path: POLICY_PATH, content: spec.basePolicy });
  }
  if (spec.headPolicy !== undefined) {
    emulator.seed.file({ repo: REPO, ref: headSha, path: POLICY_PATH, content: spec.headPolicy });
  }
  return {
    number,
    headSha,
    baseSha,
    eventName: 'pull_request',
    payload: buildPullPayload({ ...spec, number, headSha, baseSha }),
  };
}

/**
 * Makes `sha` a commit of {@link REPO} that the API can read, as every real
 * commit is: the emulator backs no git repository here, so only seeded
 * commits answer `GET /repos/{owner}/{repo}/commits/{ref}` (the actions ask
 * it to confirm that a policy file is really absent).
 */
export function seedVisibleCommit(emulator: Emulator, sha: string): void {
  if (emulator.state.commits.some((c) => c.repo === REPO && c.sha === sha)) return;
  emulator.seed.commit({ repo: REPO, sha, message: `chore: commit ${sha.slice(0, 7)}` });
}

/** A push of a branch or tag of {@link REPO} whose commit the API can read, and its event. */
export function seedPush(
  emulator: Emulator,
  ref: string,
  after: string,
): { eventName: 'push'; payload: Record<string, unknown> } {
  seedVisibleCommit(emulator, after);
  return { eventName: 'push', payload: buildPushPayload(ref, after) };
}

/** Builds a real `push` webhook payload for a branch or tag of {@link REPO}. */
export function buildPushPayload(ref: string, after: string): Record<string, unknown> {
  return buildEventPayload('push', {
    overrides: {
      ref,
      after,
      before: fakeSha(`e2e:before:${after}`),
      base_ref: null,
      created: false,
      deleted: false,
      repository: repositoryOverride(REPO),
    },
  }) as Record<string, unknown>;
}

/** How to run one action in a scenario. */
export interface RunSpec {
  eventName: string;
  payload: object;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** GITHUB_WORKSPACE (default: a fresh empty folder). */
  cwd?: string;
  token?: string;
}

/** Runs an action's committed bundle against the emulator, as the runner would. */
export function runCheck(emulator: Emulator, check: CheckId, spec: RunSpec): Promise<ActionRun> {
  return runAction({
    actionDir: ACTIONS[check],
    eventName: spec.eventName,
    payload: spec.payload,
    inputs: spec.inputs,
    env: spec.env,
    cwd: spec.cwd,
    token: spec.token,
    emulator,
  });
}

/** The marker that makes a comment the sticky comment of `check`. */
export function markerOf(check: CheckId): string {
  return `<!-- release-policy:${check} -->`;
}

/** The sticky comments of `check` on pull request `number`, oldest first. */
export function stickyComments(emulator: Emulator, check: CheckId, number = 7): CommentRecord[] {
  return emulator.state.comments
    .filter((c) => c.repo === REPO && c.issueNumber === number && c.body.includes(markerOf(check)))
    .sort((a, b) => a.id - b.id);
}

/** The requests of a run that changed something (not GET). */
export function writesOf(requests: readonly RequestLogEntry[]): string[] {
  return requests.filter((r) => r.method !== 'GET').map((r) => r.operationId ?? r.path);
}

/** How many requests of `run` went to `operationId`. */
export function countOf(requests: readonly RequestLogEntry[], operationId: string): number {
  return requests.filter((r) => r.operationId === operationId).length;
}

/**
 * Every line the runner would treat as a workflow command: it splits stdout
 * on LF, CR and CRLF; a line starting with `::` (after white space) is a
 * command, and any other line holding `##[` is tried as the legacy form (the
 * runner tries the `::` form first, so `##[` inside a `::` line is data).
 * Returns the command names, `##[` for the legacy form.
 */
export function listCommandNames(stdout: string): string[] {
  const names: string[] = [];
  for (const line of stdout.split(/\r\n|\r|\n/)) {
    const text = line.trimStart();
    if (text.startsWith('::')) names.push(/^::([^\s:]*)/.exec(text)?.[1] ?? '');
    else if (line.includes('##[')) names.push('##[');
  }
  return names;
}

/** The command names in `stdout` that are not ours (should be none). */
export function listForeignCommands(stdout: string): string[] {
  return listCommandNames(stdout).filter((name) => !OWN_COMMANDS.has(name));
}

/**
 * Every place a run shows text: stdout, stderr, the summary, the outputs.
 * A secret must appear in none of them.
 */
export function collectVisibleText(run: ActionRun): string {
  return [run.stdout, run.stderr, run.summary, ...Object.values(run.outputs)].join('\n');
}

/** The findings output, parsed. */
export function readFindings(run: ActionRun): {
  rule: string;
  severity: string;
  message: string;
  file?: string;
  line?: number;
  data?: unknown;
}[] {
  return JSON.parse(run.outputs.findings ?? '[]') as ReturnType<typeof readFindings>;
}

/** The `::error::` message that setFailed printed last (the step's failure reason). */
export function failureMessage(run: ActionRun): string {
  const errors = run.annotations.filter((a) => a.level === 'error' && a.file === undefined);
  return errors.at(-1)?.message ?? '';
}

/** A fresh empty folder to use as GITHUB_WORKSPACE, and how to remove it. */
export async function makeWorkspace(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'release-policy-e2e-ws-'));
  const dir = join(root, 'workspace');
  await mkdir(dir);
  return { dir, remove: () => rm(root, { recursive: true, force: true }) };
}

/**
 * What must hold for every run, whatever it checked: the token is masked
 * before anything else is printed and appears nowhere else (stdout, stderr,
 * summary, outputs), and stdout holds no workflow command but ours. Returns
 * the problems found; an empty list means the run is clean.
 */
export function findHygieneProblems(run: ActionRun, secret = TOKEN): string[] {
  const problems: string[] = [];
  const first = run.commands[0];
  if (first?.name !== 'add-mask' || first.message !== secret) {
    problems.push('the token is not masked by the first workflow command');
  }
  const visible = collectVisibleText(run)
    .split(/\r\n|\r|\n/)
    .filter((line) => line !== `::add-mask::${secret}`);
  for (const line of visible) {
    if (line.includes(secret)) problems.push(`the token is printed: ${JSON.stringify(line)}`);
  }
  for (const name of listForeignCommands(run.stdout)) {
    problems.push(`stdout holds a workflow command that is not ours: ${JSON.stringify(name)}`);
  }
  return problems;
}

/** The bounds a hostile run must stay within: it ends in time, and in a small heap. */
export const HOSTILE_BOUNDS = { timeoutMs: 30_000, maxHeapMb: 128 } as const;

/**
 * Runs an action's committed bundle like {@link runCheck}, bounded: killed
 * after {@link HOSTILE_BOUNDS}.timeoutMs (the run then reports `timedOut`),
 * with V8's heap capped at {@link HOSTILE_BOUNDS}.maxHeapMb, so reading a
 * huge or endless input fails the run instead of passing slowly.
 */
export function runBounded(emulator: Emulator, check: CheckId, spec: RunSpec): Promise<ActionRun> {
  return runAction({
    actionDir: ACTIONS[check],
    eventName: spec.eventName,
    payload: spec.payload,
    inputs: spec.inputs,
    env: { NODE_OPTIONS: `--max-old-space-size=${HOSTILE_BOUNDS.maxHeapMb}`, ...spec.env },
    cwd: spec.cwd,
    token: spec.token,
    emulator,
    timeoutMs: HOSTILE_BOUNDS.timeoutMs,
  });
}

/** Every 8-character piece of `secret`: a leak of any of them is a leak of the secret. */
export function listSecretPieces(secret: string, length = 8): string[] {
  const pieces = new Set<string>();
  for (let i = 0; i + length <= secret.length; i += 1) pieces.add(secret.slice(i, i + length));
  return [...pieces];
}

/**
 * Where `secret`, or any 8-character piece of it, appears in what a run
 * showed or sent: stdout (but for its own `::add-mask::` line), stderr, the
 * job summary, the outputs file, and the body of every request the emulator
 * received. Returns `place: piece` for each leak; an empty list means none.
 */
export function findSecretLeaks(run: ActionRun, secret: string): string[] {
  const places: [string, string][] = [
    [
      'stdout',
      run.stdout
        .split(/\r\n|\r|\n/)
        .filter((line) => line !== `::add-mask::${secret}`)
        .join('\n'),
    ],
    ['stderr', run.stderr],
    ['summary', run.summary],
    ...Object.entries(run.outputs).map(([name, value]): [string, string] => [
      `output ${name}`,
      value,
    ]),
    ...run.requests.map((r): [string, string] => [
      `${r.method} ${r.path} body`,
      typeof r.requestBody === 'string' ? r.requestBody : (JSON.stringify(r.requestBody) ?? ''),
    ]),
  ];
  const pieces = listSecretPieces(secret);
  return places.flatMap(([place, text]) =>
    pieces.filter((piece) => text.includes(piece)).map((piece) => `${place}: ${piece}`),
  );
}
