/**
 * Test support for the CLI: run `runCli` in-process with captured output,
 * build real throw-away git repositories (on the git package's temporary
 * repositories), and validate the --json document.
 * Only tests import this module; the bundle never does.
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import type { Finding } from '@release-policy/core';
import type { GitHeadStart } from '@release-policy/git/head-start';
import { createTempRepo, type TempRepo } from '@release-policy/git/testing';
import { runCli } from '../main.js';

/** The repository root (three levels above this file's folder). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The fixed clock every in-process run gets. */
export const FIXED_NOW = new Date('2025-03-14T09:26:53Z');

/** What one in-process run printed and returned. */
export interface CapturedRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (throws with the text when it is not JSON). */
  json(): CliJson;
}

/** How to run the CLI in-process. */
export interface RunOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  color?: boolean;
  /** Sets `CliIo.progress`: stderr is a terminal. */
  progress?: boolean;
  /** The clock; {@link FIXED_NOW} when absent. */
  now?: () => Date;
  /** Sets `CliIo.gitHeadStart`: git commands started before the run, as the entry point starts them. */
  gitHeadStart?: GitHeadStart;
}

/** Runs `runCli` with a fake CliIo that captures stdout and stderr. */
export async function runCaptured(
  argv: readonly string[],
  options: RunOptions,
): Promise<CapturedRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    cwd: options.cwd,
    env: options.env,
    color: options.color ?? false,
    ...(options.progress === undefined ? {} : { progress: options.progress }),
    now: options.now ?? (() => FIXED_NOW),
    ...(options.gitHeadStart === undefined ? {} : { gitHeadStart: options.gitHeadStart }),
  });
  const stdout = out.join('');
  return {
    code,
    stdout,
    stderr: err.join(''),
    json: () => {
      try {
        return JSON.parse(stdout) as CliJson;
      } catch (error) {
        throw new Error(`stdout is not JSON: ${JSON.stringify(stdout.slice(0, 500))}`, {
          cause: error,
        });
      }
    },
  };
}

/** A finding as the CLI prints it in --json: the core's finding, as JSON. */
export type CliFinding = Finding;

/** The --json document of check, branch, version, init and of errors. */
export interface CliJson {
  ok: boolean;
  findings: CliFinding[];
  policy?: string;
  branch?: {
    name: string;
    base?: string;
    kind?: string | null;
    ticket?: string;
    version?: string;
  };
  version?: {
    version?: string;
    previous?: string;
    bump: string;
    recommended: string;
    prerelease: boolean;
    tag?: string;
  };
  docs?: { 'release-type'?: string; missing: number };
  patches?: { 'missing-count': number };
  lines?: {
    line: string;
    base: string;
    commits: { sha: string; subject: string; status: string; evidence: unknown[] }[];
  }[];
  error?: { type: string; message: string };
  written?: string;
  files?: { path: string; status: 'written' | 'kept' }[];
  /** `init`: the GitHub settings to make, each with its `gh api` command. */
  settings?: { what: string; command: string }[];
  skipped?: { check: string; reason: string }[];
}

const text = { type: 'string', minLength: 1 } as const;
const position = { type: 'integer', minimum: 1 } as const;

/** The JSON Schema of the --json document (findings are closed: no other keys). */
const CLI_JSON_SCHEMA = {
  type: 'object',
  required: ['ok', 'findings'],
  additionalProperties: false,
  properties: {
    ok: { type: 'boolean' },
    findings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['rule', 'severity', 'message'],
        additionalProperties: false,
        properties: {
          rule: text,
          severity: { enum: ['error', 'warning', 'notice'] },
          message: text,
          file: text,
          line: position,
          column: position,
          hint: text,
          docs: text,
          data: {
            oneOf: [
              {
                type: 'object',
                required: ['kind', 'commits'],
                additionalProperties: false,
                properties: {
                  kind: { const: 'commits' },
                  commits: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['sha', 'subject'],
                      additionalProperties: false,
                      properties: {
                        sha: text,
                        subject: { type: 'string' },
                        type: text,
                        bump: { enum: ['none', 'patch', 'minor', 'major'] },
                        breaking: { type: 'boolean' },
                      },
                    },
                  },
                },
              },
              {
                type: 'object',
                required: ['kind', 'documents'],
                additionalProperties: false,
                properties: {
                  kind: { const: 'documents' },
                  documents: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['path', 'sections'],
                      additionalProperties: false,
                      properties: {
                        path: text,
                        sections: {
                          type: 'array',
                          items: {
                            type: 'object',
                            required: ['title', 'gap', 'line'],
                            additionalProperties: false,
                            properties: {
                              title: text,
                              gap: { enum: ['missing', 'empty'] },
                              line: position,
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            ],
          },
        },
        dependencies: { column: ['line'], line: ['file'] },
      },
    },
    policy: text,
    branch: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: {
        name: text,
        base: text,
        kind: { type: ['string', 'null'] },
        ticket: text,
        version: text,
      },
    },
    version: {
      type: 'object',
      required: ['bump', 'recommended', 'prerelease'],
      additionalProperties: false,
      properties: {
        version: text,
        previous: text,
        bump: { enum: ['none', 'patch', 'minor', 'major', 'prerelease', 'unknown'] },
        recommended: text,
        prerelease: { type: 'boolean' },
        tag: text,
      },
    },
    docs: {
      type: 'object',
      required: ['missing'],
      additionalProperties: false,
      properties: {
        'release-type': { enum: ['major', 'minor', 'patch', 'prerelease'] },
        missing: { type: 'integer', minimum: 0 },
      },
    },
    patches: {
      type: 'object',
      required: ['missing-count'],
      additionalProperties: false,
      properties: { 'missing-count': { type: 'integer', minimum: 0 } },
    },
    lines: {
      type: 'array',
      items: {
        type: 'object',
        required: ['line', 'base', 'commits'],
        additionalProperties: false,
        properties: {
          line: text,
          base: { type: 'string', pattern: '^[0-9a-f]{40}$' },
          commits: {
            type: 'array',
            items: {
              type: 'object',
              required: ['sha', 'subject', 'status', 'evidence'],
              additionalProperties: false,
              properties: {
                sha: { type: 'string', pattern: '^[0-9a-f]{40}$' },
                subject: { type: 'string' },
                status: { enum: ['equivalent', 'cherry-picked', 'pr', 'exempt', 'missing'] },
                evidence: {
                  type: 'array',
                  items: { type: 'object', required: ['kind'], properties: { kind: text } },
                },
              },
            },
          },
        },
      },
    },
    error: {
      type: 'object',
      required: ['type', 'message'],
      additionalProperties: false,
      properties: { type: text, message: text },
    },
    written: text,
    files: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'status'],
        additionalProperties: false,
        properties: { path: text, status: { enum: ['written', 'kept'] } },
      },
    },
    settings: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['what', 'command'],
        additionalProperties: false,
        properties: { what: text, command: text },
      },
    },
    skipped: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['check', 'reason'],
        additionalProperties: false,
        properties: { check: text, reason: text },
      },
    },
  },
} as const;

const validate = new Ajv({ allErrors: true, strict: true }).compile(CLI_JSON_SCHEMA);

/**
 * Checks a --json document: the schema above, and `ok` true exactly when no
 * finding is an error and no error object is present. Returns every problem
 * (empty when valid).
 */
export function checkCliJson(doc: unknown): string[] {
  const problems: string[] = [];
  if (!validate(doc)) {
    for (const e of validate.errors ?? []) problems.push(`${e.instancePath || '/'} ${e.message}`);
    return problems;
  }
  const { ok, findings, error } = doc as CliJson;
  const failing = findings.some((f) => f.severity === 'error');
  const expected = !failing && error === undefined;
  if (ok !== expected) {
    problems.push(
      `ok is ${ok} with ${failing ? 'an' : 'no'} error finding and ${error ? 'an' : 'no'} error object`,
    );
  }
  return problems;
}

/** A throw-away git repository on branch `main` that can also run the CLI. */
export interface TestRepo extends TempRepo {
  /** Names of the entries directly in `dir` (without `.git`), sorted. */
  list(): Promise<string[]>;
  /** Runs the CLI in-process in `dir` with `env` plus `extraEnv`. */
  run(
    argv: readonly string[],
    options?: {
      extraEnv?: Record<string, string>;
      color?: boolean;
      cwd?: string;
      progress?: boolean;
    },
  ): Promise<CapturedRun>;
}

/** Creates a repository (`git init -b main`); with `init: false` a plain folder. */
export async function createTestRepo(options: { init?: boolean } = {}): Promise<TestRepo> {
  const repo = await createTempRepo(options);
  return {
    ...repo,
    async list() {
      return (await readdir(repo.dir)).filter((name) => name !== '.git').sort();
    },
    run(argv, runOptions = {}) {
      return runCaptured(argv, {
        cwd: runOptions.cwd ?? repo.dir,
        env: { ...repo.env, ...runOptions.extraEnv },
        color: runOptions.color,
        progress: runOptions.progress,
      });
    },
  };
}

/** A policy whose only branch kind is `topic/{slug}`, merging into the mainline. */
export const TOPIC_ONLY_POLICY = [
  'branches:',
  '  kinds:',
  '    topic:',
  "      patterns: ['topic/{slug}']",
  '      into: [mainline]',
  '',
].join('\n');

/** A package.json with `version`, two-space indented like npm writes it. */
export function writePackageJson(version: string): string {
  return `${JSON.stringify({ name: 'demo', version, private: true }, null, 2)}\n`;
}
