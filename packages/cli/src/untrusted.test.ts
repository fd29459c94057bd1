import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { checkCliJson, createTestRepo, type TestRepo } from './testing/harness.js';

// Branch names are untrusted: they reach the CLI from git and from the runner
// environment. They must come out literally, never run, never drive the terminal.

/** Names git accepts that a shell would run: each tries to create a file. */
const SHELL_NAMES = [
  'a";echo${IFS}pwn;#',
  'a";touch${IFS}pwned;#',
  '$(touch${IFS}pwned2)',
  '`touch${IFS}pwned3`',
  "x'||touch${IFS}pwned4||'",
  'a|b&c>d',
];

/** Escape sequences and characters a terminal acts on. */
const CONTROL_NAME = 'x\r\nfake\u001b[31m';

let repo: TestRepo;
let before: string[];
let beforeOutside: string[];
beforeAll(async () => {
  repo = await createTestRepo();
  await repo.commit('feat: start');
  before = await repo.list();
  beforeOutside = (await readdir(dirname(repo.dir))).sort();
});
afterAll(() => repo.cleanup());

describe('a branch name that is shell syntax', () => {
  it.each(SHELL_NAMES.map((name) => [name]))(
    '%j is reported literally and nothing runs',
    async (name) => {
      expect(repo.git(['check-ref-format', '--branch', name])).toBe(name);
      repo.git(['checkout', '--quiet', '-b', name]);
      try {
        const json = await repo.run(['check', '--json']);
        expect(json.code).toBe(1);
        const doc = json.json();
        expect(checkCliJson(doc)).toEqual([]);
        expect(doc.branch?.name).toBe(name);
        expect(doc.findings.map((f) => f.rule)).toEqual(['branch-name']);
        expect(doc.findings[0]?.message).toContain(`Branch ${JSON.stringify(name)} matches no`);

        const text = await repo.run(['check']);
        expect(text.code).toBe(1);
        expect(text.stdout).toContain(`\nbranch  ${name}\n`);
        expect(text.stdout).not.toMatch(/^pwn$/m);

        const explicit = await repo.run(['branch', name, '--json']);
        expect(explicit.json().branch?.name).toBe(name);
      } finally {
        repo.git(['checkout', '--quiet', 'main']);
      }
      expect(await repo.list()).toEqual(before);
      expect((await readdir(dirname(repo.dir))).sort()).toEqual(beforeOutside);
    },
  );
});

describe('control characters in a branch name', () => {
  /** Asserts text holds no character a terminal would act on (line feeds aside). */
  const expectInert = (text: string) => {
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202e]/);
    expect(text).not.toMatch(/^fake/m);
  };

  it('prints CR, LF and ESC escaped in text mode (argument)', async () => {
    const run = await repo.run(['branch', CONTROL_NAME]);
    expect(run.code).toBe(1);
    expectInert(run.stdout);
    expect(run.stdout).toContain('\nbranch  x\\r\\nfake\\u001b[31m\n');
    expect(run.stdout).toContain('Branch "x\\r\\nfake\\u001b[31m" matches no branch kind');
  });

  it('prints them escaped when they come from the runner environment', async () => {
    const run = await repo.run(['check'], {
      extraEnv: { GITHUB_HEAD_REF: CONTROL_NAME, GITHUB_BASE_REF: `main\u001b]0;title\u0007` },
    });
    expect(run.code).toBe(1);
    expectInert(run.stdout);
    expect(run.stdout).toContain('\nbase    main\\u001b]0;title\\u0007\n');
  });

  it('keeps the exact name in --json, with every control character escaped', async () => {
    const name = `${CONTROL_NAME}\u009b2J\u202eevil\u2028`;
    const run = await repo.run(['branch', name, '--json']);
    expect(run.code).toBe(1);
    expectInert(run.stdout);
    const doc = run.json();
    expect(checkCliJson(doc)).toEqual([]);
    expect(doc.branch?.name).toBe(name);
    expect(run.stdout).toContain('\\u009b2J\\u202eevil\\u2028');
  });

  it('stays escaped with colour on; the only escape sequences are the palette', async () => {
    const run = await repo.run(['branch', CONTROL_NAME], { color: true });
    expect(run.code).toBe(1);
    // eslint-disable-next-line no-control-regex
    const stray = run.stdout.replace(/\u001b\[(?:0|2|31|32|33|34)m/g, '');
    expectInert(stray);
    expect(run.stdout).toContain('\u001b[31m✖\u001b[0m');
  });
});

describe('colour', () => {
  it.each([
    ['a failure', ['branch', 'wip'], ['\u001b[31m✖\u001b[0m', '\u001b[2m[branch-name]\u001b[0m']],
    ['a pass', ['branch', 'main'], ['\u001b[32mpassed (0 errors, 0 warnings, 0 notices)\u001b[0m']],
  ])('%s is coloured only when io.color is true', async (_label, argv, codes) => {
    const plain = await repo.run(argv);
    expect(plain.stdout).not.toContain('\u001b');
    const coloured = await repo.run(argv, { color: true });
    expect(coloured.code).toBe(plain.code);
    for (const code of codes) expect(coloured.stdout).toContain(code);
    // Same text once the colour is taken away.
    // eslint-disable-next-line no-control-regex
    expect(coloured.stdout.replace(/\u001b\[\d+m/g, '')).toBe(plain.stdout);
  });

  it('never colours --json', async () => {
    const run = await repo.run(['branch', 'wip', '--json'], { color: true });
    expect(run.stdout).not.toContain('\u001b');
    expect(checkCliJson(run.json())).toEqual([]);
  });
});
