import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import {
  TOPIC_ONLY_POLICY,
  checkCliJson,
  createTestRepo,
  type TestRepo,
} from './testing/harness.js';

/** A policy with three problems at known places. */
const BAD_POLICY = 'mainlin: main\nversioning:\n  tag-prefix: 5\n  files: nope\n';
const BAD_POSITIONS = [
  {
    line: 1,
    column: 1,
    says: 'Unknown key "mainlin" at the top level. Did you mean "mainline"?',
    docs: 'https://github.com/release-policy/release-policy/blob/v0.1.0/docs/policy.md#sections',
  },
  {
    line: 3,
    column: 15,
    says: 'versioning.tag-prefix has the wrong form: it is the number 5.',
    docs: 'https://github.com/release-policy/release-policy/blob/v0.1.0/docs/policy.md#versioning',
  },
  {
    line: 4,
    column: 10,
    says: 'versioning.files must be a list',
    docs: 'https://github.com/release-policy/release-policy/blob/v0.1.0/docs/policy.md#versioning',
  },
];

/** A valid policy with one branch kind of its own. */
const TOPIC_POLICY = `mainline: trunk\n${TOPIC_ONLY_POLICY}`;

let repo: TestRepo;
beforeAll(async () => {
  repo = await createTestRepo();
  await repo.commit('feat: start', {
    'bad.yml': BAD_POLICY,
    'policies/topic.yml': TOPIC_POLICY,
    'broken.yml': 'mainline: [unclosed\n',
  });
});
afterAll(() => repo.cleanup());

describe('--policy with a malformed file', () => {
  it.each([['check'], ['branch'], ['version']])(
    '%s --json: exit 2, one policy-file finding per problem with file, line and column',
    async (command) => {
      const run = await repo.run([command, '--policy', 'bad.yml', '--json']);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('');
      const doc = run.json();
      expect(checkCliJson(doc)).toEqual([]);
      expect(doc.ok).toBe(false);
      expect(doc.error?.type).toBe('ConfigError');
      expect(doc.findings).toHaveLength(BAD_POSITIONS.length);
      doc.findings.forEach((finding, i) => {
        const want = BAD_POSITIONS[i]!;
        expect(finding).toMatchObject({
          rule: 'policy-file',
          severity: 'error',
          file: 'bad.yml',
          line: want.line,
          column: want.column,
          docs: want.docs,
        });
        expect(finding.message).toContain(want.says);
      });
    },
  );

  it('text mode: every problem on stderr as file:line:col:, nothing on stdout', async () => {
    const run = await repo.run(['check', '-p', 'bad.yml']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('release-policy: The policy has 3 problems:');
    expect(lines.slice(1).map((l) => l.slice(0, l.indexOf(': ') + 2))).toEqual(
      BAD_POSITIONS.map((p) => `bad.yml:${p.line}:${p.column}: `),
    );
    for (const p of BAD_POSITIONS) expect(run.stderr).toContain(p.says);
  });

  it('reports a YAML syntax error at its position', async () => {
    const run = await repo.run(['branch', 'main', '--policy', 'broken.yml', '--json']);
    expect(run.code).toBe(2);
    const doc = run.json();
    expect(checkCliJson(doc)).toEqual([]);
    expect(doc.findings.length).toBeGreaterThan(0);
    for (const f of doc.findings) {
      expect(f).toMatchObject({ rule: 'policy-file', severity: 'error', file: 'broken.yml' });
      expect(f.line).toBeGreaterThanOrEqual(1);
      expect(f.column).toBeGreaterThanOrEqual(1);
    }
    const text = await repo.run(['branch', 'main', '--policy', 'broken.yml']);
    expect(text.stderr).toMatch(/^broken\.yml:\d+:\d+: /m);
  });

  it('reads .github/release-policy.yml by default and reports problems there', async () => {
    const other = await createTestRepo();
    try {
      await other.commit('chore: policy', { '.github/release-policy.yml': BAD_POLICY });
      const run = await other.run(['branch', 'main', '--json']);
      expect(run.code).toBe(2);
      expect(run.json().findings.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(
        BAD_POSITIONS.map((p) => `.github/release-policy.yml:${p.line}:${p.column}`),
      );
    } finally {
      await other.cleanup();
    }
  });

  it('never lets control characters in the policy reach the terminal', async () => {
    const other = await createTestRepo();
    try {
      await other.commit('chore: policy', {
        'evil.yml': '"\\e[2J\\e]0;owned\\a": 1\nmainline: "main\\rfake"\n',
      });
      const run = await other.run(['branch', 'main', '--policy', 'evil.yml']);
      expect(run.code).toBe(2);
      // eslint-disable-next-line no-control-regex
      expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(run.stderr).toMatch(/^evil\.yml:1:1: /m);
    } finally {
      await other.cleanup();
    }
  });
});

describe('--policy with a file that cannot be read', () => {
  it.each([
    ['missing.yml', 'ENOENT'],
    ['policies', 'EISDIR'],
  ])('%j: exit 2 with the name, the reason and how to fix it', async (file, reason) => {
    const run = await repo.run(['check', '--policy', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `release-policy: Cannot read the policy file ${JSON.stringify(file)} (${reason}). ` +
        'Give an existing file, e.g. --policy .github/release-policy.yml, or run "release-policy init" to write one. See https://github.com/release-policy/release-policy/blob/v0.1.0/docs/policy.md\n',
    );
    const json = await repo.run(['version', '--json', '--policy', file]);
    expect(json.code).toBe(2);
    const doc = json.json();
    expect(checkCliJson(doc)).toEqual([]);
    expect(doc).toMatchObject({ ok: false, findings: [], error: { type: 'UsageError' } });
  });
});

describe('--policy with a valid file', () => {
  it.each([
    ['relative', 'policies/topic.yml'],
    ['absolute', 'ABSOLUTE'],
  ])('applies the policy (%s path) and names it', async (_label, given) => {
    const path = given === 'ABSOLUTE' ? join(repo.dir, 'policies/topic.yml') : given;
    const pass = await repo.run(['branch', 'topic/add-x', '--policy', path, '--json']);
    expect(pass.code).toBe(0);
    expect(pass.json()).toMatchObject({
      ok: true,
      policy: path,
      branch: { name: 'topic/add-x', kind: 'topic' },
    });
    // Under this policy the mainline is "trunk", and features are unknown.
    const trunk = await repo.run(['branch', 'trunk', '-p', path, '--json']);
    expect(trunk.json().branch?.kind).toBe('mainline');
    const fail = await repo.run(['branch', 'feature/CHG-1-x', '-p', path, '--json']);
    expect(fail.code).toBe(1);
    expect(fail.json().findings.map((f) => f.rule)).toEqual(['branch-name']);
    const text = await repo.run(['branch', 'topic/add-x', '--policy', path]);
    expect(text.stdout).toMatch(
      new RegExp(`^policy: ${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`, 'm'),
    );
  });

  it('resolves a relative --policy against --cwd', async () => {
    const run = await repo.run(
      ['branch', 'topic/add-x', '-C', 'work', '--policy', 'policies/topic.yml', '--json'],
      { cwd: join(repo.dir, '..') },
    );
    expect(run.code).toBe(0);
    expect(run.json().policy).toBe('policies/topic.yml');
  });

  it('uses the embedded default policy when there is no file', async () => {
    const run = await repo.run(['branch', 'main', '--json']);
    expect(run.json()).toMatchObject({ ok: true, policy: '(default policy)' });
  });
});
