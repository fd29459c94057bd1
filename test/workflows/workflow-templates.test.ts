import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { CHECKS } from '@release-policy/core';
import { collectAnchors, extractDocLinks } from './doc-anchors.js';
import { validateWorkflow, type LocalWorkflows } from './github-parser.js';
import {
  existsInRepo,
  listActionNames,
  listWorkflowTemplates,
  readActionManifest,
  readRepoFile,
} from './repo-files.js';

/** The actions that check a pull request; a standalone check's action (release notes) runs at release time instead. */
function listCheckingActionNames(): string[] {
  const release = CHECKS.filter((c) => c.command.standalone === true).map((c) => c.action);
  return listActionNames().filter((name) => !release.includes(name));
}

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  uses?: string;
  with?: Record<string, unknown>;
  permissions?: Record<string, string>;
  outputs?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}
interface WorkflowCall {
  inputs: Record<string, { type?: string; required?: boolean; default?: unknown }>;
  outputs: Record<string, { value: string }>;
}

const templates = listWorkflowTemplates();
const local: LocalWorkflows = Object.fromEntries(
  templates.map((path) => [path.split('/').pop() ?? '', readRepoFile(path)]),
);
const REUSABLE = 'workflows-templates/pr-policy.yml';
const STARTER = 'workflows-templates/starter-pr-policy.yml';
const ACTION_REF = /^release-policy\/release-policy\/actions\/([\w-]+)@v1$/;
const PERMISSIONS = { contents: 'read', 'pull-requests': 'write' };

function readWorkflow(path: string): Workflow {
  return parse(readRepoFile(path)) as Workflow;
}

/** Every `${{ <prefix>.NAME… }}` reference's NAME in a text. */
function referencedNames(text: string, prefix: string): string[] {
  const escaped = prefix.replace(/\./g, '\\.');
  return [...text.matchAll(new RegExp(`${escaped}\\.([\\w-]+)`, 'g'))].map((m) => m[1] ?? '');
}

describe('validateWorkflow (GitHub workflow parser)', () => {
  it.each([
    [
      'a step with both uses and run',
      'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: a/b@v1\n        run: echo\n',
      /run/,
    ],
    [
      'an unclosed expression',
      'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ github.sha\n',
      /closed/,
    ],
    [
      'an unknown event',
      'on: pushed\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n',
      /pushed/,
    ],
    ['broken YAML', 'on: [push\n', /.+/],
  ])('reports %s', async (_what, content, pattern) => {
    const problems = await validateWorkflow('bad.yml', content);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(pattern);
  });

  it('checks a call into a local reusable workflow against its inputs', async () => {
    const starter = readRepoFile(STARTER).replace(/\bworking-directory:/, 'working-dir:');
    const problems = await validateWorkflow('starter.yml', starter, local);
    expect(problems.join('\n')).toMatch(/working-dir is not defined/);
  });

  it('reports a call into a reusable workflow it cannot find', async () => {
    const problems = await validateWorkflow('starter.yml', readRepoFile(STARTER), {});
    expect(problems.join('\n')).toMatch(/Unable to find reusable workflow/);
  });
});

describe('workflows-templates', () => {
  it('holds the reusable workflow and the starter', () => {
    expect(templates).toEqual(expect.arrayContaining([REUSABLE, STARTER]));
  });

  it.each(templates)("%s passes GitHub's workflow parser without errors", async (path) => {
    const name = path.split('/').pop() ?? path;
    expect(await validateWorkflow(name, readRepoFile(path), local)).toEqual([]);
  });

  it.each(templates)('%s links only to existing docs sections', (path) => {
    const links = extractDocLinks(readRepoFile(path));
    const broken = links.filter(
      (l) => !existsInRepo(l.doc) || !collectAnchors(readRepoFile(l.doc)).has(l.anchor),
    );
    expect(broken).toEqual([]);
  });

  it.each(templates)('%s asks for exactly contents: read at the top level', (path) => {
    expect(readWorkflow(path).permissions).toEqual({ contents: 'read' });
  });
});

describe('pr-policy.yml (reusable workflow)', () => {
  const workflow = readWorkflow(REUSABLE);
  const call = workflow.on.workflow_call as WorkflowCall;
  const jobs = Object.entries(workflow.jobs);
  const [jobId = '', job = {} as Job] = jobs[0] ?? [];
  const steps = job.steps ?? [];
  const actionSteps = steps.filter((s) => ACTION_REF.test(s.uses ?? ''));
  const actionOf = (step: Step) => ACTION_REF.exec(step.uses ?? '')?.[1] ?? '';

  it('is called only (on: workflow_call) with optional string inputs policy, version, working-directory', () => {
    expect(Object.keys(workflow.on)).toEqual(['workflow_call']);
    expect(Object.keys(call.inputs).sort()).toEqual(['policy', 'version', 'working-directory']);
    for (const spec of Object.values(call.inputs)) {
      expect(spec).toEqual(expect.objectContaining({ type: 'string', required: false }));
    }
    expect(call.inputs.policy?.default).toBe('.github/release-policy.yml');
    expect(call.inputs['working-directory']?.default).toBe('.');
  });

  it('runs one job with the permissions, checking out the full history first', () => {
    expect(jobs).toHaveLength(1);
    expect(job.permissions).toEqual(PERMISSIONS);
    const [checkout] = steps;
    expect(checkout?.uses).toMatch(/^actions\/checkout@[0-9a-f]{40}$/);
    expect(checkout?.with?.['fetch-depth']).toBe(0);
  });

  it('runs every action of this repository, by its published path', () => {
    expect(actionSteps.map(actionOf).sort()).toEqual(listCheckingActionNames());
    expect(steps.indexOf(actionSteps[0] as Step)).toBeGreaterThan(0);
    expect(actionSteps.map((step) => step.id)).toEqual(listCheckingActionNames());
  });

  it("passes each action only inputs that its action.yml declares, from the workflow's inputs", () => {
    const wrong: string[] = [];
    for (const step of actionSteps) {
      const declared = Object.keys(readActionManifest(actionOf(step)).inputs ?? {});
      for (const [key, value] of Object.entries(step.with ?? {})) {
        if (!declared.includes(key)) wrong.push(`${actionOf(step)}: unknown input ${key}`);
        for (const name of referencedNames(String(value), 'inputs')) {
          if (!(name in call.inputs))
            wrong.push(`${actionOf(step)}.${key}: no workflow input ${name}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // Every workflow input reaches an action.
    const used = actionSteps.flatMap((s) =>
      Object.values(s.with ?? {}).flatMap((v) => referencedNames(String(v), 'inputs')),
    );
    expect(Object.keys(call.inputs).filter((name) => !used.includes(name))).toEqual([]);
  });

  it('reports the version even when the branch name failed', () => {
    const version = actionSteps.find((s) => actionOf(s) === 'version');
    expect(version?.if).toMatch(/!cancelled\(\)/);
  });

  it('maps job outputs to outputs the actions declare, and exposes every action output', () => {
    const byId = new Map(actionSteps.map((s) => [s.id ?? '', actionOf(s)]));
    const wrong: string[] = [];
    const exposed = new Set<string>();
    for (const [name, expression] of Object.entries(job.outputs ?? {})) {
      const refs = [...expression.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)];
      if (refs.length === 0) wrong.push(`${name}: reads no step output`);
      for (const [, stepId = '', output = ''] of refs) {
        const action = byId.get(stepId);
        const declared = action ? Object.keys(readActionManifest(action).outputs ?? {}) : [];
        if (!declared.includes(output))
          wrong.push(`${name}: steps.${stepId}.outputs.${output} is not declared`);
        else exposed.add(`${action}.${output}`);
      }
    }
    expect(wrong).toEqual([]);
    const all = listCheckingActionNames().flatMap((a) =>
      Object.keys(readActionManifest(a).outputs ?? {}).map((o) => `${a}.${o}`),
    );
    expect(all.filter((o) => !exposed.has(o))).toEqual([]);
  });

  it('exposes every job output as a workflow output, and nothing else', () => {
    const jobOutputs = Object.keys(job.outputs ?? {});
    const wrong: string[] = [];
    for (const [name, spec] of Object.entries(call.outputs)) {
      const m = /^\$\{\{\s*jobs\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$/.exec(spec.value);
      if (!m || m[1] !== jobId || !jobOutputs.includes(m[2] ?? ''))
        wrong.push(`${name}: ${spec.value}`);
    }
    expect(wrong).toEqual([]);
    expect(Object.keys(call.outputs).sort()).toEqual([...jobOutputs].sort());
  });
});

describe('starter-pr-policy.yml', () => {
  const workflow = readWorkflow(STARTER);

  it('runs on pull requests and on pushes to the mainline, release lines and tags', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    const push = workflow.on.push as { branches: string[]; tags: string[] };
    expect(push.branches).toEqual(expect.arrayContaining(['main', 'release/**']));
    expect(push.tags.length).toBeGreaterThan(0);
  });

  it('calls the reusable workflow from .github/workflows, with inputs it declares', () => {
    const callers = Object.values(workflow.jobs).filter((j) => j.uses);
    expect(callers.map((j) => j.uses)).toEqual(['./.github/workflows/pr-policy.yml']);
    expect(callers[0]?.permissions).toEqual(PERMISSIONS);
    const inputs = (readWorkflow(REUSABLE).on.workflow_call as WorkflowCall).inputs;
    const passed = Object.keys(callers[0]?.with ?? {});
    expect(passed.length).toBeGreaterThan(0);
    expect(passed.filter((name) => !(name in inputs))).toEqual([]);
  });
});
