import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { findOperation } from '../github-emulator/src/openapi.js';
import { validateRequestBody } from '../github-emulator/src/validation.js';
import { REPO_ROOT } from './repo-files.js';
import { listApprovalGates } from '../../packages/core/src/index.js';
import {
  INIT_ENVIRONMENTS,
  listGitHubSettings,
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
  const settings = listGitHubSettings();

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
    const dir = mkdtempSync(join(tmpdir(), 'release-policy-gh-'));
    try {
      const log = join(dir, 'calls.log');
      // A stand-in gh: answers the team lookup, records every other call and its standard input.
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
        env: { ...process.env, PATH: `${dir}:${process.env.PATH ?? ''}`, GH_LOG: log },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect([run.status, run.stderr]).toEqual([0, '']);
      const lines = readFileSync(log, 'utf8').trimEnd().split('\n');
      const calls = [];
      for (let i = 0; i < lines.length; i += 2)
        calls.push({ args: lines[i], body: JSON.parse(lines[i + 1] ?? '') as unknown });
      expect(calls).toEqual(
        settings.map((setting) => ({
          args: `api -X ${setting.method} ${setting.path} --input -`,
          body: JSON.parse(JSON.stringify(setting.body).replace(/"\$TEAM_ID"/g, '42')) as unknown,
        })),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('renders one gh api command that reads its JSON body from standard input', () => {
    const [first] = settings;
    expect(first && renderGhApiCommand(first)).toBe(
      "gh api -X PUT 'repos/{owner}/{repo}/environments/dev' --input - <<JSON\n" +
        '{"deployment_branch_policy":{"protected_branches":false,"custom_branch_policies":true}}\nJSON',
    );
  });
});

describe('INIT_ENVIRONMENTS and the starters', () => {
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
