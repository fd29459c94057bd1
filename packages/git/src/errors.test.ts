import { describe, expect, it } from '@jest/globals';
import { ReleasePolicyError } from '@release-policy/core';
import { classifyGitFailure, formatArgs, GitError, type GitFailureKind } from './errors.js';

describe('classifyGitFailure', () => {
  const table: Array<[string, boolean, GitFailureKind]> = [
    [
      'fatal: not a git repository (or any of the parent directories): .git',
      false,
      'not-a-repository',
    ],
    ['fatal: this operation must be run in a work tree', false, 'no-work-tree'],
    ["fatal: detected dubious ownership in repository at '/src'", false, 'dubious-ownership'],
    ["fatal: your current branch 'main' does not have any commits yet", false, 'no-commits'],
    [
      "fatal: ambiguous argument 'v1': unknown revision or path not in the working tree.",
      false,
      'unknown-revision',
    ],
    ["fatal: bad revision 'v1..HEAD'", false, 'unknown-revision'],
    ['fatal: Needed a single revision', false, 'unknown-revision'],
    ["fatal: invalid object name 'nope'.", false, 'unknown-revision'],
    ['fatal: Not a valid object name nope', false, 'unknown-revision'],
    ['fatal: Needed a single revision', true, 'shallow'],
    ['fatal: attempt to fetch/clone from a shallow repository', false, 'shallow'],
    ['fatal: something else entirely', true, 'other'],
    ['', false, 'other'],
  ];
  it.each(table)('classifies %j (shallow: %s) as %s', (stderr, shallow, kind) => {
    expect(classifyGitFailure(stderr, shallow)).toBe(kind);
  });
});

describe('GitError', () => {
  it('teaches: the command as a JSON array, the first stderr line, a hint and the docs', () => {
    const error = new GitError({
      args: ['log', '--end-of-options', 'a b;rm -rf /', '--'],
      exitCode: 128,
      stderr: "\n  fatal: bad revision 'a b;rm -rf /'\nsecond line\n",
    });
    expect(error).toBeInstanceOf(ReleasePolicyError);
    expect(error.name).toBe('GitError');
    expect(error.args).toEqual(['log', '--end-of-options', 'a b;rm -rf /', '--']);
    expect(error.exitCode).toBe(128);
    expect(error.stderr).toBe("fatal: bad revision 'a b;rm -rf /'\nsecond line");
    expect(error.kind).toBe('unknown-revision');
    expect(error.message.split('\n')).toEqual([
      'git ["log","--end-of-options","a b;rm -rf /","--"] exited with code 128.',
      "git said: fatal: bad revision 'a b;rm -rf /'",
      expect.stringContaining('actions/checkout with fetch-depth: 0'),
      'See docs/git.md#unknown-revision',
    ]);
  });

  it('explains a refusal without claiming git ran', () => {
    const error = new GitError({
      args: ['show', '-x'],
      exitCode: null,
      kind: 'invalid-argument',
      reason: 'bad.',
    });
    expect(error.message).toMatch(/^git \["show","-x"\] was not run: bad\.\n/);
    expect(error.message).toContain('docs/git.md#invalid-argument');
  });

  it('keeps the cause', () => {
    const cause = new Error('spawn git ENOENT');
    const error = new GitError(
      { args: ['status'], exitCode: null, reason: 'not found.', kind: 'git-not-found' },
      { cause },
    );
    expect(error.cause).toBe(cause);
  });

  it('says when git did not finish, and points at the docs when there is no specific hint', () => {
    const error = new GitError({ args: ['log'], exitCode: null, stderr: 'killed' });
    expect(error.kind).toBe('other');
    expect(error.message).toBe('git ["log"] did not finish.\ngit said: killed\nSee docs/git.md');
  });

  it('caps long stderr and long arguments', () => {
    const error = new GitError({
      args: ['x'.repeat(1000)],
      exitCode: 1,
      stderr: 'e'.repeat(10_000),
    });
    expect(error.stderr).toBe(`${'e'.repeat(3999)}…`);
    expect(error.message.length).toBeLessThan(5000);
    expect(formatArgs(['y'.repeat(500)])).toBe(`["${'y'.repeat(199)}…"]`);
  });

  it('escapes control characters in arguments instead of printing them raw', () => {
    expect(formatArgs(['a\nb', '::error::x'])).toBe('["a\\nb","::error::x"]');
  });
});
