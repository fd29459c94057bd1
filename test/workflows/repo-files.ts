/** Finds and reads the repository files the workflow and docs tests check. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The repository root, as an absolute path. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Reads a repository file as UTF-8 text, by its repository-relative path. */
export function readRepoFile(path: string): string {
  return readFileSync(join(REPO_ROOT, path), 'utf8');
}

/** True when the repository-relative path exists. */
export function existsInRepo(path: string): boolean {
  return existsSync(join(REPO_ROOT, path));
}

/** Names of the directories under `actions/` that hold an `action.yml`, sorted. */
export function listActionNames(): string[] {
  const dir = join(REPO_ROOT, 'actions');
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'action.yml')))
    .sort();
}

/** Repository-relative paths of the workflow templates (`workflows-templates/*.yml`), sorted. */
export function listWorkflowTemplates(): string[] {
  const dir = join(REPO_ROOT, 'workflows-templates');
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `workflows-templates/${name}`);
}

/** Repository-relative paths of this repository's own workflows (`.github/workflows/*.yml`), sorted. */
export function listOwnWorkflows(): string[] {
  const dir = join(REPO_ROOT, '.github', 'workflows');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `.github/workflows/${name}`);
}

/** An input or output as action.yml declares it. */
export interface ManifestEntry {
  description?: string;
  required?: boolean;
  default?: string;
}

/** The parts of an action.yml the tests look at. */
export interface ActionManifest {
  name?: string;
  description?: string;
  inputs?: Record<string, ManifestEntry | null>;
  outputs?: Record<string, ManifestEntry | null>;
  runs?: { using?: string; main?: string; pre?: string; post?: string };
}

/** Reads and parses `actions/<name>/action.yml`. */
export function readActionManifest(action: string): ActionManifest {
  return parse(readRepoFile(`actions/${action}/action.yml`)) as ActionManifest;
}

/**
 * Every `.ts` file under the given repository-relative directories, test
 * files and test helpers (`*.test.ts`, `testing/`) left out, as
 * repository-relative paths, sorted.
 */
export function listSourceFiles(dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (abs: string): void => {
    for (const entry of readdirSync(abs)) {
      if (entry === 'node_modules' || entry === 'dist' || entry === 'testing') continue;
      const path = join(abs, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.ts') && !entry.endsWith('.test.ts') && !entry.endsWith('.d.ts')) {
        out.push(relative(REPO_ROOT, path).split('\\').join('/'));
      }
    }
  };
  for (const dir of dirs) if (existsInRepo(dir)) walk(join(REPO_ROOT, dir));
  return out.sort();
}

/** The `src` directories of every package and action, repository-relative. */
export function listSourceRoots(): string[] {
  const roots: string[] = [];
  for (const parent of ['packages', 'actions']) {
    for (const name of readdirSync(join(REPO_ROOT, parent)).sort()) {
      if (existsInRepo(`${parent}/${name}/src`)) roots.push(`${parent}/${name}/src`);
    }
  }
  return roots;
}
