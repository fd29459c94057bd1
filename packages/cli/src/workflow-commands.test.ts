import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestRepo, type TestRepo } from './testing/harness.js';

// The CLI runs in workflow `run:` steps, where the runner executes a printed
// line that starts with `::` after white space (or holds `##[`). Commit
// messages and file contents reach its output: none may issue a command.

/** A commit whose breaking-change note (shown in the notes) holds workflow commands. */
const HOSTILE_COMMIT = [
  'feat!: drop the old API',
  '',
  'BREAKING CHANGE: the v1 endpoints are gone',
  '::set-output name=x::y',
  '  ::add-mask::z',
  '##[warning]legacy',
].join('\n');

/** Lines the runner would read as a workflow command. */
const commandLines = (text: string): string[] =>
  text.split(/\r\n|\r|\n/).filter((line) => /^\s*::/.test(line) || line.includes('##['));

let repo: TestRepo;
beforeAll(async () => {
  repo = await createTestRepo();
  await repo.commit('feat: start', { 'package.json': '{\n"version": x\n::error::pwned\n}\n' });
  await repo.commit(HOSTILE_COMMIT);
});
afterAll(() => repo.cleanup());

describe('text output', () => {
  it('shows a commit body line "::set-output ..." with a backslash before it in the changelog', async () => {
    const run = await repo.run(['changelog', '--version', '1.0.0']);
    expect(run.code).toBe(0);
    expect(commandLines(run.stdout)).toEqual([]);
    expect(run.stdout).toContain(
      '* the v1 endpoints are gone\n  \\::set-output name=x::y\n    \\::add-mask::z\n  #\\#[warning]legacy\n',
    );
  });

  it('never starts a line with a malformed package.json line "::error::pwned"', async () => {
    const run = await repo.run(['check']);
    expect(run.code).toBe(1);
    expect(commandLines(run.stdout + run.stderr)).toEqual([]);
  });

  it('neutralizes stderr as well: an error whose fix quotes a path with a line break', async () => {
    // The write fails (no such folder); the fix quotes the folder for a shell, line break and all.
    const run = await repo.run([
      'changelog',
      '--version',
      '1.0.0',
      '--write',
      'no\n::error::x/CL.md',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("(mkdir -p 'no\n\\::error::x')");
    expect(commandLines(run.stderr)).toEqual([]);
  });
});

describe('output that is not step text stays exact', () => {
  it('keeps the commit text byte for byte in --json, with ##[ written #\\u0023[', async () => {
    const run = await repo.run(['changelog', '--version', '1.0.0', '--json']);
    expect(run.code).toBe(0);
    expect(commandLines(run.stdout)).toEqual([]);
    expect(run.stdout).toContain('#\\u0023[warning]legacy');
    const doc = run.json() as unknown as { markdown: string };
    expect(doc.markdown).toContain(
      '* the v1 endpoints are gone\n  ::set-output name=x::y\n    ::add-mask::z\n  ##[warning]legacy\n',
    );
  });

  it('writes the commit text byte for byte with --write', async () => {
    const run = await repo.run(['changelog', '--version', '1.0.0', '--write', 'CHANGELOG.md']);
    expect(run.code).toBe(0);
    const file = await readFile(join(repo.dir, 'CHANGELOG.md'), 'utf8');
    expect(file).toContain(
      '* the v1 endpoints are gone\n  ::set-output name=x::y\n    ::add-mask::z\n  ##[warning]legacy\n',
    );
  });
});
