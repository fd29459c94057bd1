import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '@release-policy/core';
import {
  parseBooleanInput,
  prefixFindingFiles,
  runPolicyAction,
  type Gathered,
  type PolicyActionSpec,
} from './action.js';
import { captureStdout, setUpActionsFiles, type ActionsFiles } from './testing/actions-env.js';
import { FULL_NAME, useEmulator } from './testing/emulator.js';

const TOKEN = 'ghs_ActionFlowToken0123456789';
const INPUTS = ['INPUT_TOKEN', 'INPUT_POLICY', 'INPUT_COMMENT', 'INPUT_BOT-LOGIN'] as const;
let files: ActionsFiles;

const start = useEmulator({ token: TOKEN });

beforeAll(() => {
  files = setUpActionsFiles();
});
afterAll(() => files.restore());
beforeEach(() => files.reset());
afterEach(() => {
  for (const name of INPUTS) delete process.env[name];
  process.exitCode = undefined;
});

/** A spec whose gather returns `gathered` (no facts: only the given findings count). */
function spec(gathered: Partial<Gathered>): PolicyActionSpec {
  return {
    check: 'test-check',
    title: 'Test check',
    checks: [],
    gather: () => Promise.resolve({ facts: {}, outputs: {}, fields: {}, ...gathered }),
  };
}

/** A workspace folder, with a policy file when `policy` is given. */
function workspace(policy?: string): string {
  const root = mkdtempSync(join(files.dir, 'ws-'));
  if (policy !== undefined) {
    mkdirSync(join(root, '.github'));
    writeFileSync(join(root, '.github/release-policy.yml'), policy);
  }
  return root;
}

function env(root: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    GITHUB_REPOSITORY: FULL_NAME,
    GITHUB_SHA: 'c'.repeat(40),
    GITHUB_WORKSPACE: root,
    ...extra,
  };
}

const lines = (stdout: string, command: string) =>
  stdout.split('\n').filter((l) => l.startsWith(`::${command} `) || l.startsWith(`::${command}::`));

function errors(n: number): Finding[] {
  return Array.from({ length: n }, (_, i) => ({
    rule: `rule-${String(i).padStart(2, '0')}`,
    severity: 'error',
    message: `Problem ${i}.`,
  }));
}

describe('runPolicyAction: annotations and the failure message', () => {
  it.each([
    [3, 3, 0],
    [9, 9, 0],
    [12, 9, 3],
  ])(
    '%i errors: %i annotated, the failure message as the last ::error, at most 10',
    async (count, annotated, hidden) => {
      const { stdout } = await captureStdout(() =>
        runPolicyAction(spec({ findings: errors(count) }), env(workspace())),
      );
      const errorLines = lines(stdout, 'error');
      expect(errorLines).toHaveLength(annotated + 1);
      expect(errorLines.at(-1)).toBe(
        `::error::Test check: ${count} policy errors; see the annotations and the job summary.`,
      );
      expect(lines(stdout, 'notice')).toHaveLength(hidden ? 1 : 0);
      expect(process.exitCode).toBe(1);
    },
  );

  it('fails a malformed policy with a one-line message and one annotation per problem', async () => {
    const root = workspace('mainlin: main\nversioning: 3\n');
    const { stdout } = await captureStdout(() => runPolicyAction(spec({}), env(root)));
    const errorLines = lines(stdout, 'error');
    expect(errorLines.at(-1)).toBe(
      '::error::The policy has 2 problems; see the annotations and the job summary.',
    );
    expect(errorLines).toHaveLength(3);
    const findings = JSON.parse(files.readOutputs().findings ?? '[]') as Finding[];
    expect(findings.map((f) => [f.line, f.docs])).toEqual([
      [1, 'docs/policy.md#sections'],
      [2, 'docs/policy.md#versioning'],
    ]);
    expect(findings.every((f) => f.hint && !f.hint.includes('base branch'))).toBe(true);
  });

  it('tells a pull request to fix the policy on the base branch', async () => {
    const emulator = await start();
    const base = 'b'.repeat(40);
    emulator.seed.file({
      repo: FULL_NAME,
      ref: base,
      path: '.github/release-policy.yml',
      content: 'mainlin: main\n',
    });
    const root = workspace();
    const event = join(root, 'event.json');
    writeFileSync(
      event,
      JSON.stringify({
        number: 4,
        pull_request: {
          number: 4,
          head: { ref: 'feature/x', sha: 'a'.repeat(40), repo: { full_name: FULL_NAME } },
          base: { ref: 'main', sha: base, repo: { full_name: FULL_NAME } },
        },
      }),
    );
    process.env.INPUT_TOKEN = TOKEN;
    process.env.INPUT_COMMENT = 'false';
    await captureStdout(() =>
      runPolicyAction(
        spec({}),
        env(root, {
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: event,
          GITHUB_API_URL: emulator.url,
        }),
      ),
    );
    const [finding] = JSON.parse(files.readOutputs().findings ?? '[]') as Finding[];
    expect(finding).toMatchObject({
      rule: 'policy-file',
      docs: 'docs/policy.md#sections',
      hint: "Fix the policy file on the base branch; the pull request's own copy is not used until merged.",
    });
    expect(files.readSummary()).toContain(`/blob/${base}/.github/release-policy.yml#L1`);
  });
});

describe('runPolicyAction: inputs and paths', () => {
  it.each(['no', 'yes', '0'])('refuses comment: %s with a teaching message', async (value) => {
    process.env.INPUT_COMMENT = value;
    const { stdout } = await captureStdout(() => runPolicyAction(spec({}), env(workspace())));
    expect(lines(stdout, 'error')).toEqual([
      `::error::The input "comment" is "${value}", which is neither true nor false. Give one of true, True, TRUE, false, False or FALSE, e.g. "comment: false". Read more: docs/actions.md#branch-name-inputs`,
    ]);
    expect(process.exitCode).toBe(1);
  });

  it('reports finding files under the gathered root', async () => {
    const findings: Finding[] = [
      {
        rule: 'version-files',
        severity: 'warning',
        message: 'Differs.',
        file: 'package.json',
        line: 2,
      },
    ];
    const { stdout } = await captureStdout(() =>
      runPolicyAction(spec({ findings, root: 'app' }), env(workspace())),
    );
    expect(lines(stdout, 'warning')).toEqual([
      expect.stringContaining(',file=app/package.json,line=2::Differs.'),
    ]);
    const [output] = JSON.parse(files.readOutputs().findings ?? '[]') as Finding[];
    expect(output?.file).toBe('app/package.json');
    expect(process.exitCode).toBeUndefined();
  });
});

describe('parseBooleanInput', () => {
  it.each([
    ['', true, true],
    ['', false, false],
    ['true', false, true],
    ['True', false, true],
    ['TRUE', false, true],
    ['false', true, false],
    ['False', true, false],
    ['FALSE', true, false],
  ])('%j (fallback %s) is %s', (raw, fallback, expected) => {
    expect(parseBooleanInput('comment', raw, fallback)).toBe(expected);
  });

  it.each(['no', 'off', 'yes', '1', 'tRue', ' true'])('refuses %j', (raw) => {
    expect(() => parseBooleanInput('comment', raw, true)).toThrow(
      /neither true nor false\. Give one of true, True, TRUE, false, False or FALSE/,
    );
  });
});

describe('prefixFindingFiles', () => {
  const f = (file?: string): Finding => ({ rule: 'r', severity: 'error', message: 'm', file });
  it.each([
    ['app', 'package.json', 'app/package.json'],
    ['app/', './package.json', 'app/package.json'],
    ['./apps/web', 'src/x.ts', 'apps/web/src/x.ts'],
    ['apps\\web', 'package.json', 'apps/web/package.json'],
    ['.', 'package.json', 'package.json'],
    ['', 'package.json', 'package.json'],
    [undefined, 'package.json', 'package.json'],
    ['../elsewhere', 'package.json', 'package.json'],
    ['/abs', 'package.json', 'package.json'],
  ])('root %j, file %j: %j', (root, file, expected) => {
    expect(prefixFindingFiles([f(file)], root)[0]?.file).toBe(expected);
  });

  it('leaves findings without a file alone and does not modify its input', () => {
    const input = [f(undefined), f('a.json')];
    const out = prefixFindingFiles(input, 'app');
    expect(out[0]).toBe(input[0]);
    expect(out[1]?.file).toBe('app/a.json');
    expect(input[1]?.file).toBe('a.json');
  });
});
