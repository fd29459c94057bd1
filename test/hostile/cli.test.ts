/**
 * Hostile input against the CLI, in-process: policy files that are links,
 * FIFOs, devices or huge, and a base branch name made to run commands when
 * pasted. Each case asserts the exit code, the message, and that no marker
 * secret appears in any output.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createTestRepo,
  type CapturedRun,
  type TestRepo,
} from '../../packages/cli/src/testing/harness.js';

/** Shaped like a credential, so a leak into any output is easy to spot. */
const MARKER = 'ghs_hostileMarkerSecret0123456789ABCDEF';

let repo: TestRepo;
beforeAll(async () => {
  repo = await createTestRepo();
  await repo.commit('chore: start', { 'README.md': 'x\n' });
  // What actions/checkout leaves in .git/config: the token as an extra header.
  appendFileSync(
    join(repo.dir, '.git/config'),
    `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${MARKER}\n`,
  );
  writeFileSync(join(repo.dir, 'secret.txt'), `token: ${MARKER}\n`);
});
afterAll(async () => {
  await repo.cleanup();
});

/** Every text a run printed. */
function printed(run: CapturedRun): string {
  return `${run.stdout}\n${run.stderr}`;
}

const SECURITY =
  'A policy is a regular YAML file inside the repository, e.g. .github/release-policy.yml. See https://github.com/release-policy/release-policy/blob/v0.1.0/docs/cli.md#security';
const LINK =
  'it is a symbolic link, and a policy file must be a regular file inside the repository (a link could lead to a file holding secrets)';

describe('a policy file that is a symbolic link', () => {
  it.each([
    ['the checkout credential (../.git/config)', '../.git/config'],
    ['a file inside the repository', '../secret.txt'],
    ['the process environment', '/proc/self/environ'],
  ])('in .github/ pointing at %s is refused without quoting it', async (_label, target) => {
    const dir = join(repo.dir, '.github');
    mkdirSync(dir, { recursive: true });
    execFileSync('rm', ['-f', join(dir, 'release-policy.yml')]);
    symlinkSync(target, join(dir, 'release-policy.yml'));
    const run = await repo.run(['branch', 'main']);
    expect([run.code, run.stdout, run.stderr]).toEqual([
      2,
      '',
      `release-policy: Cannot read the policy file ".github/release-policy.yml": ${LINK}. ${SECURITY}\n`,
    ]);
    expect(printed(run)).not.toContain(MARKER);
    execFileSync('rm', ['-f', join(dir, 'release-policy.yml')]);
  });

  it('given with --policy is refused too', async () => {
    symlinkSync('.git/config', join(repo.dir, 'linked.yml'));
    const run = await repo.run(['check', '--policy', 'linked.yml', '--json']);
    expect(run.code).toBe(2);
    expect(run.json().error?.message).toBe(
      `Cannot read the policy file "linked.yml": ${LINK}. ${SECURITY}`,
    );
    expect(printed(run)).not.toContain(MARKER);
  });

  it('behind a folder link that leaves the repository is refused', async () => {
    const outside = join(repo.dir, '..', `outside-${Date.now()}`);
    mkdirSync(outside);
    writeFileSync(join(outside, 'release-policy.yml'), `mainline: ${MARKER}\n`);
    const other = await createTestRepo();
    try {
      symlinkSync(outside, join(other.dir, '.github'));
      const run = await other.run(['branch', 'main']);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        'release-policy: Cannot read the policy file ".github/release-policy.yml": its folder is a symbolic link ' +
          'that leads outside the repository (or into .git), and a policy file must be a regular file inside ' +
          `the repository. ${SECURITY}\n`,
      );
      expect(printed(run)).not.toContain(MARKER);
    } finally {
      await other.cleanup();
      execFileSync('rm', ['-rf', outside]);
    }
  });
});

describe('a --policy that is not a small regular file', () => {
  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    execFileSync('mkfifo', [join(repo.dir, 'pipe.yml')]);
    const run = await repo.run(['check', '--policy', 'pipe.yml']);
    expect([run.code, run.stderr]).toEqual([
      2,
      'release-policy: Cannot read the policy file "pipe.yml": it is not a regular file (a FIFO, socket or device), ' +
        `so it was not read. ${SECURITY}\n`,
    ]);
  });

  it('refuses a device such as /dev/zero without reading it', async () => {
    const run = await repo.run(['check', '--policy', '/dev/zero']);
    expect([run.code, run.stderr]).toEqual([
      2,
      'release-policy: Cannot read the policy file "/dev/zero": it is not a regular file (a FIFO, socket or device), ' +
        `so it was not read. ${SECURITY}\n`,
    ]);
  });

  it('refuses a policy over 1 MiB, naming its size', async () => {
    writeFileSync(join(repo.dir, 'huge.yml'), `# ${'x'.repeat(1024 * 1024)}\nmainline: main\n`);
    const run = await repo.run(['check', '--policy', 'huge.yml']);
    expect([run.code, run.stderr]).toEqual([
      2,
      'release-policy: Cannot read the policy file "huge.yml": it is 1048594 bytes, larger than the ' +
        `1048576-byte (1 MiB) limit for a policy file. ${SECURITY}\n`,
    ]);
  });
});

describe('commands printed for pasting', () => {
  it('quotes a base branch name for the shell in the fetch hint', async () => {
    const base = 'x;touch${IFS}FILE';
    const run = await repo.run(['check', '--base', base, '--branch', 'main', '--json']);
    const notice = run.json().findings.find((f) => f.rule === 'policy-file');
    expect(notice?.message).toContain(
      "fetch it (git fetch origin 'x;touch${IFS}FILE') to get the answer CI gives.",
    );
  });
});
