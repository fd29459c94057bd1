import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../testing/harness.js';
import { INIT_WORKFLOWS } from './init-workflows.js';

const TEMPLATES = join(REPO_ROOT, 'workflows-templates');
const MODULE = join(REPO_ROOT, 'packages/cli/src/commands/init-workflows.ts');

/**
 * Templates for an organisation, not for the repository init sets up: the
 * organisation audit runs from one central repository.
 */
const ORGANISATION_TEMPLATES = ['org-audit.yml'];

/** The workflows init must write: every repository template, under .github/workflows/. */
function readTemplates(): { path: string; text: string }[] {
  return readdirSync(TEMPLATES)
    .filter((name) => name.endsWith('.yml') && !ORGANISATION_TEMPLATES.includes(name))
    .sort()
    .map((name) => ({
      path: `.github/workflows/${name}`,
      text: readFileSync(join(TEMPLATES, name), 'utf8'),
    }));
}

function renderModule(files: readonly { path: string; text: string }[]): string {
  const entries = files
    .map((f) => `  { path: ${JSON.stringify(f.path)}, text: ${JSON.stringify(f.text)} },`)
    .join('\n');
  return [
    '/**',
    ' * The workflows `release-policy init` writes into `.github/workflows/`: the',
    ' * reusable workflows and their starters, copied from `workflows-templates/`',
    ' * (the CLI is one bundled file, so they travel inside it). Generated:',
    ' * `UPDATE_WORKFLOWS=1 npx jest packages/cli/src/commands/init-workflows.test.ts`',
    ' * rewrites it, and that test fails when a template changed without it.',
    ' */',
    '',
    '/** One file `init` writes: repository-relative path and text. */',
    'export interface TemplateFile {',
    '  path: string;',
    '  text: string;',
    '}',
    '',
    '/** The workflow templates and starters, by their path in the repository `init` sets up. */',
    'export const INIT_WORKFLOWS: readonly TemplateFile[] = [',
    entries,
    '];',
    '',
  ].join('\n');
}

describe('INIT_WORKFLOWS', () => {
  it('is every repository workflow of workflows-templates/ (not org-audit.yml), unchanged, under .github/workflows/', () => {
    const templates = readTemplates();
    if (process.env.UPDATE_WORKFLOWS === '1') {
      writeFileSync(MODULE, renderModule(templates));
      execFileSync('npx', ['prettier', '--write', MODULE], { cwd: REPO_ROOT, timeout: 60_000 });
      return;
    }
    expect(INIT_WORKFLOWS).toEqual(templates);
  });
});
