/**
 * The docs-gate action from its sources, in process, on a real temporary git
 * repository and the emulator: a pull request's templates come from its base
 * commit through the API, as its policy does, never from the checkout.
 */
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  jest,
} from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTempRepo, type TempRepo } from '@release-policy/git/testing';
import type { Emulator } from '@release-policy/github-emulator';
import { useEmulator } from '@release-policy/github-emulator/testing';
import { run } from './main.js';

const REPO = 'octo/service';
const TOKEN = 'ghs_DocsGateTemplateToken0123456789';
const BASE_SHA = 'b'.repeat(40);
const TEMPLATE_PATH = 'docs/release/templates/rollback.md';
const POLICY = [
  'documents:',
  '  - path: docs/release/rollback.md',
  '    required-for: [minor]',
  `    template: ${TEMPLATE_PATH}`,
  '',
].join('\n');
const TEMPLATE = '# Rollback for 1.1.0\n\n## Triggers\n\n## Rollback\n';
const FILLED_BODY =
  '## Reason\nSSO.\n\n## Impact analysis\nLogin.\n\n## Verification plan\nStaging.\n\n## Risk\nLow.\n';

const start = useEmulator({ repos: [REPO], token: TOKEN });
const ENV_KEYS = ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY'] as const;
let dir: string;
let repo: TempRepo;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rp-docs-gate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  for (const key of ENV_KEYS) writeFileSync(join(dir, key), '');
  process.env.GITHUB_OUTPUT = join(dir, 'GITHUB_OUTPUT');
  process.env.GITHUB_STEP_SUMMARY = join(dir, 'GITHUB_STEP_SUMMARY');
  repo = await createTempRepo();
  await repo.commit('chore: init', { 'package.json': '{ "version": "1.0.0" }\n' });
  repo.git(['tag', 'v1.0.0']);
  repo.git(['checkout', '-q', '-b', 'release/1.1']);
});
afterEach(async () => {
  for (const key of ENV_KEYS) delete process.env[key];
  process.exitCode = undefined;
  await repo.cleanup();
});

/** The findings output, as the runner reads it (a `findings<<DELIMITER` block). */
function readFindings(): { rule: string; severity: string; message: string; file?: string }[] {
  const text = readFileSync(join(dir, 'GITHUB_OUTPUT'), 'utf8');
  const match = /^findings<<(.+)\n([\s\S]*?)\n\1$/m.exec(text);
  return JSON.parse(match?.[2] ?? '[]') as never;
}

/** Runs the action on pull request #7 from release/1.1 into main, its base at {@link BASE_SHA}. */
async function runPullRequest(
  emulator: Emulator,
  inputs: Record<string, string> = {},
): Promise<string> {
  const head = repo.git(['rev-parse', 'HEAD']).trim();
  const pull = {
    number: 7,
    title: 'CHG-12: release 1.1',
    body: FILLED_BODY,
    head: { ref: 'release/1.1', sha: head, repo: { full_name: REPO } },
    base: { ref: 'main', sha: BASE_SHA, repo: { full_name: REPO } },
  };
  emulator.seed.pull({
    repo: REPO,
    number: 7,
    title: pull.title,
    body: FILLED_BODY,
    head: { ref: 'release/1.1', sha: head },
    base: { ref: 'main', sha: BASE_SHA },
  });
  emulator.seed.commit({ repo: REPO, sha: BASE_SHA, message: 'chore: base' });
  emulator.seed.file({
    repo: REPO,
    ref: BASE_SHA,
    path: '.github/release-policy.yml',
    content: POLICY,
  });
  const event = join(dir, 'event.json');
  writeFileSync(event, JSON.stringify({ number: 7, pull_request: pull }));
  let written = '';
  const quiet = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written += String(chunk);
    return true;
  });
  try {
    await run({
      GITHUB_REPOSITORY: REPO,
      GITHUB_SHA: head,
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_API_URL: emulator.url,
      INPUT_TOKEN: TOKEN,
      INPUT_COMMENT: 'false',
      ...inputs,
    });
  } finally {
    quiet.mockRestore();
  }
  return written;
}

describe('docs-gate: the templates of a pull request', () => {
  it('reports an unfilled document though the pull request edited its template', async () => {
    const emulator = await start();
    emulator.seed.file({ repo: REPO, ref: BASE_SHA, path: TEMPLATE_PATH, content: TEMPLATE });
    // The document is the base's template as it was; the pull request edits the template away from it.
    await repo.commit('feat: release 1.1', {
      'package.json': '{ "version": "1.1.0" }\n',
      'docs/release/rollback.md': TEMPLATE,
      [TEMPLATE_PATH]: `${TEMPLATE}\nedited\n`,
    });
    await runPullRequest(emulator);
    expect(readFindings().map((f) => [f.rule, f.severity, f.file, f.message])).toEqual([
      [
        'document-placeholder',
        'error',
        'docs/release/rollback.md',
        'The document "docs/release/rollback.md", required for a minor release (the release branch "release/1.1"), ' +
          `is still identical to its template "${TEMPLATE_PATH}". Fill it in for this release.`,
      ],
    ]);
    expect(process.exitCode).toBe(1);
  });

  it('passes a filled-in document, compared with the base template and not the copy the pull request made equal to it', async () => {
    const emulator = await start();
    emulator.seed.file({ repo: REPO, ref: BASE_SHA, path: TEMPLATE_PATH, content: TEMPLATE });
    await repo.commit('feat: release 1.1', {
      'package.json': '{ "version": "1.1.0" }\n',
      'docs/release/rollback.md': `${TEMPLATE}redeploy v1.0.0\n`,
      [TEMPLATE_PATH]: `${TEMPLATE}redeploy v1.0.0\n`,
    });
    await runPullRequest(emulator);
    expect([readFindings(), process.exitCode]).toEqual([[], undefined]);
  });

  it('reports a template the base does not hold as a policy error, naming it and the base commit', async () => {
    const emulator = await start();
    await repo.commit('feat: release 1.1', {
      'package.json': '{ "version": "1.1.0" }\n',
      'docs/release/rollback.md': TEMPLATE,
      [TEMPLATE_PATH]: TEMPLATE,
    });
    await runPullRequest(emulator);
    expect(readFindings().map((f) => [f.rule, f.severity, f.file, f.message])).toEqual([
      [
        'policy-file',
        'error',
        '.github/release-policy.yml',
        `documents[0].template "${TEMPLATE_PATH}" does not exist at the pull request's base commit "bbbbbbb", ` +
          'where the policy was read, so a document still identical to its template cannot be told apart. ' +
          'A template is part of the policy: it is read where the policy is, never from the pull request. ' +
          "Commit the template to the base branch first, or remove the entry's template, for example: " +
          'template: docs/release/templates/rollback.md. See https://github.com/release-policy/release-policy/blob/v0.1.0/docs/policy.md#documents.',
      ],
    ]);
    expect(process.exitCode).toBe(1);
  });

  it.each(['banana', '1.0', 'vv1.1.0'])(
    'fails on a version input %j that is not a version, rather than release with no document required',
    async (version) => {
      const emulator = await start();
      emulator.seed.file({ repo: REPO, ref: BASE_SHA, path: TEMPLATE_PATH, content: TEMPLATE });
      await repo.commit('feat: release 1.1', { 'package.json': '{ "version": "1.1.0" }\n' });
      const written = await runPullRequest(emulator, { INPUT_VERSION: version });
      const errors = written.split('\n').filter((line) => line.startsWith('::error'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(`The version input "${version}" is not a version:`);
      expect(errors[0]).toContain('Give a SemVer version, e.g. "version: 1.4.0"');
      expect(process.exitCode).toBe(1);
    },
  );

  it('takes a version input led by the tag prefix', async () => {
    const emulator = await start();
    emulator.seed.file({ repo: REPO, ref: BASE_SHA, path: TEMPLATE_PATH, content: TEMPLATE });
    await repo.commit('feat: release 1.1', {
      'package.json': '{ "version": "1.1.0" }\n',
      'docs/release/rollback.md': `${TEMPLATE}redeploy v1.0.0\n`,
    });
    const written = await runPullRequest(emulator, { INPUT_VERSION: 'v1.1.0' });
    expect([written.split('\n').filter((l) => l.startsWith('::error')), process.exitCode]).toEqual([
      [],
      undefined,
    ]);
  });
});
