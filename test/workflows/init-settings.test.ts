import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { findOperation } from '../github-emulator/src/openapi.js';
import { validateRequestBody } from '../github-emulator/src/validation.js';
import { REPO_ROOT } from './repo-files.js';
import { validateWorkflow } from './github-parser.js';
import { runCaptured } from '../../packages/cli/src/testing/harness.js';
import {
  adaptWorkflowsToEnvironments,
  StarterTemplateError,
} from '../../packages/cli/src/commands/init-starters.js';
import { INIT_WORKFLOWS } from '../../packages/cli/src/commands/init-workflows.js';
import { defaultPolicy, listApprovalGates } from '../../packages/core/src/index.js';
import {
  type GitHubSetting,
  listGitHubSettings,
  listInitEnvironments,
  renderGhApiCommand,
  renderGitHubSettings,
  REQUIRED_CHECK,
} from '../../packages/cli/src/commands/init-settings.js';

function readTemplate(name: string): Record<string, unknown> {
  return parse(readFileSync(join(REPO_ROOT, 'workflows-templates', name), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** One call the stand-in gh recorded: its arguments and the JSON body it read. */
interface RecordedCall {
  args: string;
  body: unknown;
}

/** What running a setting should record: its path and its body, the team id filled in. */
function expectCall(setting: GitHubSetting): RecordedCall {
  return {
    args: `api -X ${setting.method} ${setting.path} --input -`,
    body: JSON.parse(JSON.stringify(setting.body).replace(/"\$TEAM_ID"/g, '42')) as unknown,
  };
}

/**
 * Runs the rendered settings script with bash in an empty folder, with a
 * stand-in gh that answers the team lookup and records every other call.
 * Returns the calls and the files the folder holds afterwards.
 */
function runSettingsScript(settings: readonly GitHubSetting[]): {
  calls: RecordedCall[];
  files: string[];
} {
  const dir = mkdtempSync(join(tmpdir(), 'release-policy-gh-'));
  try {
    const log = join(dir, 'calls.log');
    writeFileSync(
      join(dir, 'gh'),
      [
        '#!/usr/bin/env bash',
        'if [ "$2" = orgs/YOUR-ORG/teams/YOUR-TEAM ]; then echo 42; exit 0; fi',
        'printf "%s\\n" "$*" >> "$GH_LOG"',
        // The heredoc ends its body with a newline: one call is two lines.
        'cat >> "$GH_LOG"',
      ].join('\n'),
      { mode: 0o755 },
    );
    const run = spawnSync('bash', ['-e', '-c', renderGitHubSettings(settings)], {
      cwd: dir,
      env: { ...process.env, PATH: `${dir}:${process.env.PATH ?? ''}`, GH_LOG: log },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect([run.status, run.stderr]).toEqual([0, '']);
    const lines = readFileSync(log, 'utf8').trimEnd().split('\n');
    const calls: RecordedCall[] = [];
    for (let i = 0; i < lines.length; i += 2)
      calls.push({ args: lines[i] ?? '', body: JSON.parse(lines[i + 1] ?? '') as unknown });
    return { calls, files: readdirSync(dir).sort() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('listApprovalGates', () => {
  it.each([
    [0, []],
    [1, []],
    [2, ['production-approval-2']],
    [3, ['production-approval-2', 'production-approval-3']],
  ])('%i approvals → %j', (approvals, gates) => {
    expect(listApprovalGates('production', approvals)).toEqual(gates);
  });
});

describe('listGitHubSettings', () => {
  const settings = listGitHubSettings(defaultPolicy());

  it.each(settings.map((s) => [s.what, s] as const))(
    '%s: its body is what GitHub documents for the call',
    (_what, setting) => {
      const operation = findOperation(setting.operationId);
      expect(operation?.method.toUpperCase()).toBe(setting.method);
      // The team id is filled in by the shell; any id is a number.
      const body = JSON.parse(
        JSON.stringify(setting.body).replace(/"\$TEAM_ID"/g, '42'),
      ) as unknown;
      expect(operation ? validateRequestBody(operation, body) : ['no such operation']).toEqual([]);
      // The path is the documented template, {owner}/{repo} left for gh to fill in.
      const environment = /\/environments\/([^/]+)/.exec(setting.path)?.[1] ?? '';
      expect(setting.path).toBe(
        (operation?.template ?? '').slice(1).replace('{environment_name}', environment),
      );
    },
  );

  it('creates every environment and each approval gate, with reviewers where approvals are needed', () => {
    const environments = settings
      .filter((s) => s.operationId === 'repos/create-or-update-environment')
      .map((s) => [s.path.split('/').pop(), 'reviewers' in s.body]);
    expect(environments).toEqual([
      ['dev', false],
      ['test', false],
      ['staging', true],
      ['production', true],
      ['production-approval-2', true],
    ]);
  });

  it('protects the lines with the check the pr-policy starter reports', () => {
    const starter = readTemplate('starter-pr-policy.yml') as { jobs: Record<string, unknown> };
    const reusable = readTemplate('pr-policy.yml') as { jobs: Record<string, { name?: string }> };
    const [callerId = ''] = Object.keys(starter.jobs);
    const [called] = Object.values(reusable.jobs);
    expect(REQUIRED_CHECK).toBe(`${callerId} / ${called?.name ?? ''}`);
  });

  it('renders a script that makes every call, with its body, when run with gh', () => {
    const { calls, files } = runSettingsScript(settings);
    expect(calls).toEqual(settings.map(expectCall));
    expect(files).toEqual(['calls.log', 'gh']);
  });

  it('keeps a hostile mainline and environment names data in the script', () => {
    const policy = defaultPolicy();
    policy.mainline = 'x$(touch${IFS}pwned)`touch${IFS}pwned2`\\';
    policy.environments = [{ ...policy.environments[3]!, name: "it's Zürich\n# x" }];
    const hostile = listGitHubSettings(policy);
    const { calls, files } = runSettingsScript(hostile);
    expect(calls).toEqual(hostile.map(expectCall));
    expect(calls[0]?.args).toBe(
      "api -X PUT repos/{owner}/{repo}/environments/it's%20Z%C3%BCrich%0A%23%20x --input -",
    );
    expect(JSON.stringify(calls.map((c) => c.body))).toContain(
      JSON.stringify({ name: policy.mainline, type: 'branch' }),
    );
    expect(files).toEqual(['calls.log', 'gh']);
  });

  it('renders one gh api command that reads its JSON body from standard input', () => {
    const [first] = settings;
    expect(first && renderGhApiCommand(first)).toBe(
      "gh api -X PUT 'repos/{owner}/{repo}/environments/dev' --input - <<JSON\n" +
        '{"deployment_branch_policy":{"protected_branches":false,"custom_branch_policies":true}}\nJSON',
    );
  });
});

describe("the default policy's environments and the starters", () => {
  const INIT_ENVIRONMENTS = listInitEnvironments(defaultPolicy());

  it('are dev, test (automatic), staging (1 approval) and production (2 approvals)', () => {
    expect(INIT_ENVIRONMENTS).toEqual([
      { name: 'dev', approvals: 0 },
      { name: 'test', approvals: 0, automatic: true },
      { name: 'staging', approvals: 1 },
      { name: 'production', approvals: 2 },
    ]);
  });

  it("equal starter-promote.yml's environments and approvals map", () => {
    const starter = readTemplate('starter-promote.yml') as {
      on: { workflow_dispatch: { inputs: { environment: { options: string[] } } } };
      jobs: { promote: { with: { approvals: string } } };
    };
    expect(starter.on.workflow_dispatch.inputs.environment.options).toEqual(
      INIT_ENVIRONMENTS.map((e) => e.name),
    );
    const map = /fromJSON\('(\{.*\})'\)/.exec(starter.jobs.promote.with.approvals)?.[1] ?? '{}';
    expect(JSON.parse(map)).toEqual(
      Object.fromEntries(INIT_ENVIRONMENTS.map((e) => [e.name, e.approvals])),
    );
  });

  it("name starter-continuous.yml's environment as the automatic one", () => {
    const starter = readTemplate('starter-continuous.yml') as {
      jobs: { continuous: { with: { environment: string } } };
    };
    expect(INIT_ENVIRONMENTS.filter((e) => e.automatic).map((e) => e.name)).toEqual([
      starter.jobs.continuous.with.environment,
    ]);
  });
});

describe('init for a policy of its own', () => {
  const POLICY = [
    'mainline: trunk',
    'environments:',
    '  - name: sandbox',
    '    after: none',
    "  - name: 'customer test'",
    '    after: none',
    '    automatic: true',
    '  - name: Produktion Zürich',
    '    after: customer test',
    '    approvals: { required: 3 }',
    '',
  ].join('\n');

  async function runInit(policy: string): Promise<{
    json: { files: { path: string; status: string; reason?: string }[] };
    read: (path: string) => string | undefined;
    settings: string[];
  }> {
    const dir = mkdtempSync(join(tmpdir(), 'release-policy-init-own-'));
    try {
      mkdirSync(join(dir, '.github'), { recursive: true });
      writeFileSync(join(dir, '.github', 'release-policy.yml'), policy);
      const run = await runCaptured(['init', '--json'], { cwd: dir, env: {} });
      expect([run.code, run.stderr]).toEqual([0, '']);
      const json = JSON.parse(run.stdout) as {
        files: { path: string; status: string; reason?: string }[];
        settings: { what: string }[];
      };
      const texts = new Map(
        json.files
          .filter((file) => file.status === 'written')
          .map((file) => [file.path, readFileSync(join(dir, file.path), 'utf8')]),
      );
      return { json, read: (path) => texts.get(path), settings: json.settings.map((s) => s.what) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it("names the policy's environments in the starters, and they still pass GitHub's parser", async () => {
    const { read } = await runInit(POLICY);
    const promote = read('.github/workflows/starter-promote.yml') ?? '';
    const parsed = parse(promote) as {
      on: { workflow_dispatch: { inputs: { environment: { options: string[] } } } };
      jobs: { promote: { with: { approvals: string } } };
    };
    expect(parsed.on.workflow_dispatch.inputs.environment.options).toEqual([
      'sandbox',
      'customer test',
      'Produktion Zürich',
    ]);
    const map = /fromJSON\('(.*)'\)\[/.exec(parsed.jobs.promote.with.approvals)?.[1] ?? '';
    expect(JSON.parse(map)).toEqual({
      sandbox: 0,
      'customer test': 0,
      'Produktion Zürich': 3,
    });
    const continuous = read('.github/workflows/starter-continuous.yml') ?? '';
    expect(
      (parse(continuous) as { jobs: { continuous: { with: { environment: string } } } }).jobs
        .continuous.with.environment,
    ).toBe('customer test');
    const local = {
      'promote.yml': read('.github/workflows/promote.yml') ?? '',
      'continuous.yml': read('.github/workflows/continuous.yml') ?? '',
    };
    expect(await validateWorkflow('starter-promote.yml', promote, local)).toEqual([]);
    expect(await validateWorkflow('starter-continuous.yml', continuous, local)).toEqual([]);
  });

  it("prints the settings of the policy's environments: its gates and its mainline", async () => {
    const { settings } = await runInit(POLICY);
    expect(settings.filter((what) => /^environment [^:]+: (?!deployments)/.test(what))).toEqual([
      'environment sandbox: no reviewers; deployments from trunk, release branches and release tags only',
      'environment customer test: the automatic environment: no reviewers, deployments from trunk only',
      'environment Produktion Zürich: 3 distinct approvals: required reviewers here and in each approval gate, self-review prevented',
      'environment Produktion Zürich-approval-2: approval gate of Produktion Zürich: the same required reviewers, self-review prevented',
      'environment Produktion Zürich-approval-3: approval gate of Produktion Zürich: the same required reviewers, self-review prevented',
    ]);
  });

  it('leaves the continuous workflows out when no environment is automatic, and says why', async () => {
    const { json, read } = await runInit(
      'environments:\n  - name: qa\n    after: none\n  - name: live\n    approvals: { required: 1 }\n',
    );
    expect(json.files.filter((file) => file.status === 'skipped')).toEqual([
      {
        path: '.github/workflows/continuous.yml',
        status: 'skipped',
        reason: 'no environment of the policy is automatic: true',
      },
      {
        path: '.github/workflows/starter-continuous.yml',
        status: 'skipped',
        reason: 'no environment of the policy is automatic: true',
      },
    ]);
    expect(read('.github/workflows/starter-continuous.yml')).toBeUndefined();
    const promote = parse(read('.github/workflows/starter-promote.yml') ?? '') as {
      jobs: { promote: { with: { approvals: string } } };
    };
    expect(promote.jobs.promote.with.approvals).toBe(
      '${{ fromJSON(\'{"qa":0,"live":1}\')[inputs.environment] }}',
    );
  });
});

describe('adaptWorkflowsToEnvironments', () => {
  it('escapes a quote and braces in a name inside the expression string', () => {
    const starter = INIT_WORKFLOWS.find((f) => f.path.endsWith('/starter-promote.yml'));
    const { files } = adaptWorkflowsToEnvironments(starter ? [starter] : [], [
      { name: "it's {{ here }}", approvals: 1 },
    ]);
    const text = files[0]?.text ?? '';
    expect(text).toContain('        options: ["it\'s {{ here }}"]\n');
    expect(text).toContain(
      "      approvals: ${{ fromJSON('{\"it''s \\u007b\\u007b here \\u007d\\u007d\":1}')[inputs.environment] }}\n",
    );
  });

  it('fails loudly when a template no longer has the line it rewrites', () => {
    expect(() =>
      adaptWorkflowsToEnvironments(
        [{ path: '.github/workflows/starter-promote.yml', text: 'name: promote\n' }],
        [{ name: 'dev', approvals: 0 }],
      ),
    ).toThrow(StarterTemplateError);
  });
});
