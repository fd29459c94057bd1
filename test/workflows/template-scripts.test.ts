/**
 * The shape of the promote and release templates, and their `run:` scripts
 * executed with bash as the runner would (inputs through env:, outputs through
 * $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY).
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { reportSkipped } from './linters.js';
import { readRepoFile } from './repo-files.js';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  environment?: string | { name: string; url?: string };
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  strategy?: { matrix: Record<string, string> };
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  jobs: Record<string, Job>;
}

const promote = parse(readRepoFile('workflows-templates/promote.yml')) as Workflow;
const release = parse(readRepoFile('workflows-templates/release.yml')) as Workflow;
const work = mkdtempSync(join(tmpdir(), 'release-policy-scripts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a step's script with bash, its env: replaced by `env`, and returns what it wrote. */
function runStep(script: string, env: Record<string, string>) {
  const output = join(work, 'output');
  const summary = join(work, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const result = spawnSync('bash', ['-e', '-c', script], {
    cwd: work,
    env: {
      // The process's own environment underneath (a bare one makes bash slow to start on some
      // machines); every variable a script reads is set below.
      ...process.env,
      RUNNER_TEMP: work,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      ...env,
    },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return {
    status: result.status,
    stdout: result.stdout,
    output: readFileSync(output, 'utf8'),
    summary: readFileSync(summary, 'utf8'),
  };
}

const hasJq = spawnSync('jq', ['--version'], { timeout: 10_000 }).status === 0;
if (!hasJq)
  reportSkipped('jq is not installed (the runner image has it): the script tests are skipped');
const itWithJq = hasJq ? it : it.skip;

describe('promote.yml', () => {
  const { gates, approval, promote: deploy } = promote.jobs;

  it('binds one gate job per further approval to <environment>-approval-<n>', () => {
    expect(approval?.needs).toBe('gates');
    expect(approval?.strategy?.matrix.gate).toBe('${{ fromJSON(needs.gates.outputs.numbers) }}');
    expect(approval?.environment).toBe('${{ inputs.environment }}-approval-${{ matrix.gate }}');
    expect(approval?.if).toBe("${{ needs.gates.outputs.numbers != '[]' }}");
  });

  it('then deploys in one job bound to the environment itself, one promotion of it at a time', () => {
    expect(deploy?.needs).toEqual(['gates', 'approval']);
    expect(deploy?.environment).toEqual({
      name: '${{ inputs.environment }}',
      url: '${{ steps.promote.outputs.url }}',
    });
    expect(deploy?.concurrency).toEqual({
      group: 'release-policy-promote-${{ inputs.environment }}',
      'cancel-in-progress': false,
    });
    // Runs after every gate passed, or when there was none (skipped), never after a rejection.
    expect(deploy?.if).toBe(
      "${{ !cancelled() && needs.gates.result == 'success' && (needs.approval.result == 'success' || needs.approval.result == 'skipped') }}",
    );
    expect(deploy?.steps.map((s) => s.uses?.replace(/@.*/, ''))).toEqual([
      'actions/checkout',
      'release-policy/release-policy/actions/promote',
    ]);
  });

  it('shares its concurrency group with continuous.yml, so a push and a promotion never deploy at once', () => {
    const continuous = parse(readRepoFile('workflows-templates/continuous.yml')) as Workflow;
    expect(continuous.jobs.promote?.concurrency?.group).toBe(deploy?.concurrency?.group);
  });

  itWithJq.each([
    ['0', '[]'],
    ['1', '[]'],
    ['2', '[2]'],
    ['4', '[2,3,4]'],
  ])('lists the gates for %s approvals as %s', (approvals, numbers) => {
    const script = gates?.steps[0]?.run ?? '';
    const run = runStep(script, { APPROVALS: approvals });
    expect([run.status, run.output]).toEqual([0, `numbers=${numbers}\n`]);
  });

  it.each(['', 'two', '-1', '21', '2; echo pwned'])(
    'refuses approvals %j with an error annotation, writing no output',
    (approvals) => {
      const run = runStep(gates?.steps[0]?.run ?? '', { APPROVALS: approvals });
      expect([run.status, run.stdout, run.output]).toEqual([
        1,
        '::error::approvals must be a whole number from 0 to 20\n',
        '',
      ]);
    },
  );
});

describe('release.yml', () => {
  const record = release.jobs.record;
  const write = record?.steps.find((s) => s.run !== undefined);

  it('always writes the record, after the checks and the publication', () => {
    expect(record?.needs).toEqual(['check', 'publish']);
    expect(record?.if).toBe('${{ !cancelled() }}');
    expect(release.jobs.publish?.if).toBe(
      "${{ inputs.publish && needs.check.outputs.ok == 'true' }}",
    );
  });

  itWithJq('writes the record as JSON, untrusted text kept as data', () => {
    const hostile = '"; rm -rf / #$(touch pwned)`id`';
    const run = runStep(write?.run ?? '', {
      VERSION: '1.4.0',
      TAG: 'v1.4.0',
      CHECKS_OK: 'true',
      VERSION_FINDINGS: '[]',
      DOCS_FINDINGS: JSON.stringify([{ rule: 'document-placeholder', message: hostile }]),
      PATCHES_FINDINGS: 'not json',
      PATCHES_MISSING: '0',
      PUBLISH_RESULT: 'success',
      RELEASE_URL: 'https://github.com/o/r/releases/tag/v1.4.0',
      COMMIT: 'a'.repeat(40),
      ACTOR: hostile,
      RUN_URL: 'https://github.com/o/r/actions/runs/1',
    });
    expect(run.status).toBe(0);
    const written = JSON.parse(readFileSync(join(work, 'release-record.json'), 'utf8')) as unknown;
    expect(written).toEqual({
      version: '1.4.0',
      tag: 'v1.4.0',
      commit: 'a'.repeat(40),
      actor: hostile,
      run: 'https://github.com/o/r/actions/runs/1',
      checksPassed: true,
      findings: {
        version: [],
        documents: [{ rule: 'document-placeholder', message: hostile }],
        patches: [],
      },
      patchesMissing: 0,
      publish: 'success',
      release: 'https://github.com/o/r/releases/tag/v1.4.0',
    });
    expect(run.summary.startsWith('### Release record\n\n```json\n{')).toBe(true);
    expect(spawnSync('test', ['-e', join(work, 'pwned')]).status).toBe(1);
  });

  it('keeps the record as the release-record artifact', () => {
    const keep = record?.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(keep?.with).toEqual({
      name: 'release-record',
      path: '${{ runner.temp }}/release-record.json',
      'if-no-files-found': 'error',
    });
  });
});
