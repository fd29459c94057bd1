import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ReleasePolicyError } from '@release-policy/core';

// `error.type` in the CLI's --json is an error's `name`, which each class
// declares as a string literal: a bundler renames classes (`errors_GitError`),
// so the name must never come from the class itself.

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every source file of the packages, tests and test helpers aside. */
function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'testing' || entry.name === 'node_modules' ? [] : listSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** `[file, class name]` of every class that extends ReleasePolicyError. */
const ERROR_CLASSES: [string, string][] = readdirSync(join(REPO_ROOT, 'packages')).flatMap((name) =>
  listSources(join(REPO_ROOT, 'packages', name, 'src')).flatMap((file) =>
    [
      ...readFileSync(file, 'utf8').matchAll(/export class (\w+) extends ReleasePolicyError\b/g),
    ].map((m): [string, string] => [relative(REPO_ROOT, file), m[1] ?? '']),
  ),
);

/** The names in the first column of docs/cli.md's `error.type` table. */
function readDocumentedTypes(): string[] {
  const docs = readFileSync(join(REPO_ROOT, 'docs/cli.md'), 'utf8');
  const table = docs.split('\n| `error.type` | what went wrong |\n| --- | --- |\n')[1] ?? '';
  return table
    .split('\n\n')[0]!
    .split('\n')
    .map((row) => /^\| `(\w+)` \|/.exec(row)?.[1] ?? `unreadable row ${JSON.stringify(row)}`);
}

describe('error types', () => {
  it('finds the error classes of every package', () => {
    expect(ERROR_CLASSES.length).toBeGreaterThanOrEqual(20);
    expect(ERROR_CLASSES).toContainEqual(['packages/git/src/errors.ts', 'GitError']);
  });

  it.each(ERROR_CLASSES)('%s: %s declares its class name as its type', async (file, name) => {
    const module = (await import(pathToFileURL(join(REPO_ROOT, file)).href)) as Record<
      string,
      unknown
    >;
    const kind = module[name];
    expect(typeof kind === 'function' && Object.hasOwn(kind, 'type')).toBe(true);
    expect((kind as { type?: unknown }).type).toBe(name);
  });

  it('names an error by its declared type, not by its class name, which a bundler may change', () => {
    // What ncc's scope hoisting made of GitError in the bundle.
    class errors_GitError extends ReleasePolicyError {
      static override readonly type = 'GitError';
    }
    const error = new errors_GitError('x');
    expect([error.name, errors_GitError.name]).toEqual(['GitError', 'errors_GitError']);
  });

  it('documents every type in docs/cli.md, and UnexpectedError, and no other', () => {
    const documented = readDocumentedTypes();
    expect([...documented].sort()).toEqual(
      [...ERROR_CLASSES.map(([, name]) => name), 'UnexpectedError'].sort(),
    );
  });
});
