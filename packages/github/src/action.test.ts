import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  defineCheck,
  ReleasePolicyError,
  type CheckDefinition,
  type Finding,
} from '@release-policy/core';
import {
  ISSUES_URL,
  parseBooleanInput,
  prefixFindingFiles,
  runPolicyAction,
  type Gathered,
  type PolicyActionSpec,
} from './action.js';
import { InputError } from './errors.js';
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

/** A check without rules (only the findings `gather` returns count), action id `action`. */
function testCheck(action = 'test-check', summarize: CheckDefinition['summarize'] = () => ({})) {
  return defineCheck({
    name: 'test',
    title: 'Test check',
    action,
    command: { name: 'test', summary: 'a test check', usage: '', example: 'release-policy test' },
    sections: [],
    rules: [],
    needs: [],
    outputs: [
      { name: 'errors', description: 'How many errors the facts hold.' },
      { name: 'absent', description: 'Never given: an empty output.' },
    ],
    summarize,
    describe: () => ({}),
  });
}

/** A spec whose gather returns `gathered` (no facts: only the given findings count). */
function spec(gathered: Partial<Gathered>, check = testCheck()): PolicyActionSpec {
  return {
    check,
    gather: () => Promise.resolve({ facts: {}, fields: {}, ...gathered }),
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

  it('redacts the secrets of the run and escapes invisible characters in the failure message', async () => {
    const secret = 'ghs_EnvironmentToken0123456789';
    const failing: PolicyActionSpec = {
      check: testCheck(),
      gather: () =>
        Promise.reject(new ReleasePolicyError(`Cannot read "${secret.slice(0, 10)}…\u202e".`)),
    };
    const { stdout } = await captureStdout(() =>
      runPolicyAction(failing, env(workspace(), { GITHUB_TOKEN: secret })),
    );
    expect(lines(stdout, 'error')).toEqual(['::error::Cannot read "***…\\u202e".']);
  });

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
      [1, 'https://github.com/release-policy/release-policy/blob/v0.1.0/docs/policy.md#sections'],
      [2, 'https://github.com/release-policy/release-policy/blob/v0.1.0/docs/policy.md#versioning'],
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
    await captureStdout(() =>
      runPolicyAction(
        spec({}),
        env(root, {
          INPUT_TOKEN: TOKEN,
          INPUT_COMMENT: 'false',
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: event,
          GITHUB_API_URL: emulator.url,
        }),
      ),
    );
    const [finding] = JSON.parse(files.readOutputs().findings ?? '[]') as Finding[];
    expect(finding).toMatchObject({
      rule: 'policy-file',
      docs: 'https://github.com/release-policy/release-policy/blob/v0.1.0/docs/policy.md#sections',
      hint: "Fix the policy file on the base branch; the pull request's own copy is not used until merged.",
    });
    expect(files.readSummary()).toContain(`/blob/${base}/.github/release-policy.yml#L1`);
  });
});

describe('runPolicyAction: inputs and paths', () => {
  it.each([
    ['no', 'branch-name'],
    ['yes', 'branch-name'],
    ['0', 'version'],
    ['no', 'version'],
  ])(
    'refuses comment: %s with a teaching message linking the %s action inputs',
    async (value, check) => {
      const { stdout } = await captureStdout(() =>
        runPolicyAction(spec({}, testCheck(check)), env(workspace(), { INPUT_COMMENT: value })),
      );
      expect(lines(stdout, 'error')).toEqual([
        `::error::The input "comment" is "${value}", which is neither true nor false. Give one of true, True, TRUE, false, False or FALSE, e.g. "comment: false". Read more: https://github.com/release-policy/release-policy/blob/v0.1.0/docs/actions.md#${check}-inputs`,
      ]);
      expect(process.exitCode).toBe(1);
    },
  );

  it('reads inputs from the environment it is given, not from process.env', async () => {
    process.env.INPUT_COMMENT = 'no';
    const seen: string[] = [];
    const reading: PolicyActionSpec = {
      ...spec({}),
      gather: ({ inputs }) => {
        seen.push(inputs.get('release notes'), inputs.get('bot-login'), inputs.get('absent'));
        return Promise.resolve({ facts: {}, fields: {} });
      },
    };
    await captureStdout(() =>
      runPolicyAction(
        reading,
        env(workspace(), { INPUT_RELEASE_NOTES: '  two words  ', 'INPUT_BOT-LOGIN': 'bot' }),
      ),
    );
    expect(seen).toEqual(['two words', 'bot', '']);
    expect(process.exitCode).toBeUndefined();
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
    expect(parseBooleanInput('comment', raw, fallback, 'test-check')).toBe(expected);
  });

  it.each(['no', 'off', 'yes', '1', 'tRue', ' true'])('refuses %j', (raw) => {
    expect(() => parseBooleanInput('comment', raw, true, 'test-check')).toThrow(
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

/** A spec whose phases push what they saw to `seen`. */
function phased(
  findings: Finding[],
  seen: unknown[],
  extra: Partial<PolicyActionSpec> = {},
): PolicyActionSpec {
  return {
    ...spec({ findings }),
    act: (input) => {
      seen.push(['act', input.evaluation.ok, input.evaluation.findings.length]);
      return Promise.resolve({ outputs: { released: 'v1.2.3' }, description: 'Released v1.2.3.' });
    },
    record: (input) => {
      seen.push(['record', input.evaluation?.ok, input.act]);
      return Promise.resolve();
    },
    ...extra,
  };
}

const warning: Finding = { rule: 'r', severity: 'warning', message: 'Careful.' };

describe('runPolicyAction: check, act, record', () => {
  it('acts when the check passed, sets the act outputs, then records the result', async () => {
    const seen: unknown[] = [];
    const { stdout } = await captureStdout(() =>
      runPolicyAction(phased([warning], seen), env(workspace())),
    );
    expect(seen).toEqual([
      ['act', true, 1],
      [
        'record',
        true,
        {
          status: 'succeeded',
          result: { outputs: { released: 'v1.2.3' }, description: 'Released v1.2.3.' },
        },
      ],
    ]);
    expect(files.readOutputs()).toEqual({
      errors: '',
      absent: '',
      ok: 'true',
      findings: JSON.stringify([warning]),
      released: 'v1.2.3',
    });
    expect(stdout.split('\n')).toContain('Released v1.2.3.');
    expect(process.exitCode).toBeUndefined();
  });

  it('does not act when the check failed, and records why', async () => {
    const seen: unknown[] = [];
    await captureStdout(() => runPolicyAction(phased(errors(1), seen), env(workspace())));
    expect(seen).toEqual([['record', false, { status: 'not-run', reason: 'check-failed' }]]);
    expect(process.exitCode).toBe(1);
  });

  it('acts on a failed check when the spec acts regardless', async () => {
    const seen: unknown[] = [];
    await captureStdout(() =>
      runPolicyAction(phased(errors(2), seen, { actsWhenFailing: true }), env(workspace())),
    );
    expect(seen.map((s) => (s as unknown[]).slice(0, 2))).toEqual([
      ['act', false],
      ['record', false],
    ]);
    expect(process.exitCode).toBe(1);
  });

  it('records even when acting throws, then fails with the act error', async () => {
    const seen: unknown[] = [];
    const failure = new ReleasePolicyError('The release could not be published.');
    const act = () => Promise.reject(failure);
    const { stdout } = await captureStdout(() =>
      runPolicyAction(phased([], seen, { act }), env(workspace())),
    );
    expect(seen).toEqual([['record', true, { status: 'failed', error: failure }]]);
    expect(lines(stdout, 'error')).toEqual(['::error::The release could not be published.']);
    expect(process.exitCode).toBe(1);
  });

  it('records when the check itself throws, without an evaluation', async () => {
    const seen: unknown[] = [];
    const gather = () => Promise.reject(new ReleasePolicyError('No facts.'));
    await captureStdout(() => runPolicyAction(phased([], seen, { gather }), env(workspace())));
    expect(seen).toEqual([
      ['record', undefined, { status: 'not-run', reason: 'check-incomplete' }],
    ]);
    expect(process.exitCode).toBe(1);
  });

  it('fails with the first error when recording fails as well', async () => {
    const act = () => Promise.reject(new ReleasePolicyError('Acting failed.'));
    const record = () => Promise.reject(new ReleasePolicyError('Recording failed.'));
    const { stdout } = await captureStdout(() =>
      runPolicyAction(phased([], [], { act, record }), env(workspace())),
    );
    expect(lines(stdout, 'error')).toEqual(['::error::Acting failed.']);
    expect(stdout.split('\n')).toContain(
      'Recording what happened failed as well: Recording failed.',
    );
  });

  it("sets the check's outputs after evaluation from its summarize, an absent value as empty", async () => {
    const seen: unknown[] = [];
    const check = testCheck('test-check', (facts, policy) => {
      seen.push([facts, policy.source]);
      return { errors: 1 };
    });
    const findings = [{ ...errors(1)[0]!, file: 'package.json' }];
    await captureStdout(() =>
      runPolicyAction(spec({ findings, root: 'app' }, check), env(workspace())),
    );
    const reported = [{ ...findings[0], file: 'app/package.json' }];
    expect(seen).toEqual([
      [{}, '(default policy: no .github/release-policy.yml in the working tree)'],
    ]);
    expect(files.readOutputs()).toEqual({
      errors: '1',
      absent: '',
      ok: 'false',
      findings: JSON.stringify(reported),
    });
  });
});

describe('runPolicyAction: user errors and bugs', () => {
  it('fails a user error with its teaching message alone', async () => {
    const gather = () => Promise.reject(new InputError('The input "x" is wrong. Give "y".'));
    const { stdout } = await captureStdout(() =>
      runPolicyAction({ ...spec({}), gather }, env(workspace())),
    );
    expect(lines(stdout, 'error')).toEqual(['::error::The input "x" is wrong. Give "y".']);
    expect(lines(stdout, 'debug')).toEqual([]);
  });

  it('fails an unexpected error as a bug: the stack in the debug log, a request to report it', async () => {
    const bug = new TypeError('Cannot read properties of undefined.');
    const gather = () => Promise.reject(bug);
    const { stdout } = await captureStdout(() =>
      runPolicyAction({ ...spec({}), gather }, env(workspace())),
    );
    expect(lines(stdout, 'error')).toEqual([
      `::error::release-policy hit an unexpected error: Cannot read properties of undefined. This is a bug; please report it at ${ISSUES_URL} with this log.`,
    ]);
    expect(lines(stdout, 'debug')).toEqual([`::debug::${(bug.stack ?? '').replace(/\n/g, '%0A')}`]);
    expect(process.exitCode).toBe(1);
  });
});

describe('runPolicyAction: when the job summary cannot be written', () => {
  it('points at the annotations and the log, where every finding is listed', async () => {
    rmSync(files.summaryPath);
    mkdirSync(files.summaryPath);
    const { stdout } = await captureStdout(() =>
      runPolicyAction(spec({ findings: errors(2) }), env(workspace())),
    );
    expect(lines(stdout, 'error').at(-1)).toBe(
      '::error::Test check: 2 policy errors; see the annotations and the findings listed in the log (the job summary could not be written).',
    );
    expect(stdout.split('\n').filter((l) => /^error rule-/.test(l))).toEqual([
      'error rule-00: Problem 0.',
      'error rule-01: Problem 1.',
    ]);
  });

  it('says the same for a malformed policy', async () => {
    rmSync(files.summaryPath);
    mkdirSync(files.summaryPath);
    const root = workspace('mainlin: main\n');
    const { stdout } = await captureStdout(() => runPolicyAction(spec({}), env(root)));
    expect(lines(stdout, 'error').at(-1)).toBe(
      '::error::The policy has 1 problem; see the annotations and the findings listed in the log (the job summary could not be written).',
    );
  });
});

describe('runPolicyAction: facts only the API knows', () => {
  /** A check that needs the pull request; its output is the body the API gave. */
  const prCheck = defineCheck({
    ...testCheck(),
    needs: ['pullRequest'],
    outputs: [{ name: 'body', description: 'The body as the API gave it.' }],
    summarize: (facts) => ({ body: facts.pullRequest?.body }),
  });

  function pullRequestEvent(root: string): string {
    const event = join(root, 'event.json');
    writeFileSync(
      event,
      JSON.stringify({
        number: 4,
        pull_request: {
          number: 4,
          body: 'stale body from the event',
          head: { ref: 'feature/x', sha: 'a'.repeat(40), repo: { full_name: FULL_NAME } },
          base: { ref: 'main', sha: 'b'.repeat(40), repo: { full_name: FULL_NAME } },
        },
      }),
    );
    return event;
  }

  it('re-reads the pull request through the API, not the stale event payload', async () => {
    const emulator = await start();
    // The base commit holds the policy the pull request is checked against.
    emulator.seed.file({
      repo: FULL_NAME,
      ref: 'b'.repeat(40),
      path: '.github/release-policy.yml',
      content: 'mainline: main\n',
    });
    emulator.seed.pull({
      repo: FULL_NAME,
      number: 4,
      title: 'feat: x',
      body: 'edited body',
      head: { ref: 'feature/x', sha: 'a'.repeat(40) },
      base: { ref: 'main', sha: 'b'.repeat(40) },
    });
    const root = workspace();
    await captureStdout(() =>
      runPolicyAction(
        spec({}, prCheck),
        env(root, {
          INPUT_TOKEN: TOKEN,
          INPUT_COMMENT: 'false',
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: pullRequestEvent(root),
          GITHUB_API_URL: emulator.url,
        }),
      ),
    );
    expect(files.readOutputs()).toEqual({ body: 'edited body', ok: 'true', findings: '[]' });
  });

  it('runs a check that only wants the facts without them when there is no token', async () => {
    const wanting = defineCheck({ ...prCheck, needs: [], wants: ['pullRequest'] });
    const root = workspace();
    await captureStdout(() =>
      runPolicyAction(
        spec({}, wanting),
        env(root, { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' }),
      ),
    );
    expect(files.readOutputs()).toEqual({ body: '', ok: 'true', findings: '[]' });
  });

  it('fails with a teaching error when the action has no token for them', async () => {
    const root = workspace();
    const { stdout } = await captureStdout(() =>
      runPolicyAction(
        spec({}, prCheck),
        env(root, { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' }),
      ),
    );
    const findings = JSON.parse(files.readOutputs().findings ?? '[]') as Finding[];
    expect(findings).toEqual([
      {
        rule: 'github-api',
        severity: 'error',
        message:
          'The Test check check needs facts only the GitHub API knows (pullRequest), and the action has no token. ' +
          'Give it one, e.g. "token: ${{ github.token }}" (the default), with read access to the repository.',
        docs: 'https://github.com/release-policy/release-policy/blob/v0.1.0/docs/actions.md#token-and-permissions',
      },
    ]);
    expect(lines(stdout, 'error').at(-1)).toBe(
      '::error::Test check: 1 policy error; see the annotations and the job summary.',
    );
  });
});
