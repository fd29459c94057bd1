import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEventPayload, findNode, inputEnvName, runAction } from './scenario.js';
import { startEmulator, type Emulator } from './server.js';

// A throwaway action: echoes inputs to GITHUB_OUTPUT, writes a summary, prints
// workflow commands and posts a comment through the emulator.
const script = String.raw`
const fs = require('node:fs');
const input = (name) => process.env['INPUT_' + name.replace(/ /g, '_').toUpperCase()] || '';
const event = JSON.parse(fs.readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'));
const out = (text) => fs.appendFileSync(process.env.GITHUB_OUTPUT, text);
async function main() {
  if (input('mode') === 'hang') await new Promise(() => setInterval(() => {}, 1000));
  out('greeting=' + input('greeting') + '\n');
  out('notes<<ghadelimiter_42\nline 1\nline 2\nghadelimiter_42\n');
  out('node=' + process.version + '\n');
  out('leaked=' + (process.env.NODE_OPTIONS || '') + '\n');
  fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, '## Release policy\n\nAll good\n');
  fs.appendFileSync(process.env.GITHUB_ENV, 'EXPORTED=yes\n');
  fs.appendFileSync(process.env.GITHUB_STATE, 'saved=1\n');
  fs.appendFileSync(process.env.GITHUB_PATH, '/opt/tool/bin\n');
  console.log('::add-mask::' + input('github-token'));
  console.log('::group::Checks');
  console.log('::error file=src/a%2Cb.ts,line=4,title=Branch name::bad branch%0Aon two lines');
  console.log('::endgroup::');
  const res = await fetch(process.env.GITHUB_API_URL + '/repos/' + process.env.GITHUB_REPOSITORY + '/issues/' + input('pr number') + '/comments', {
    method: 'POST',
    headers: { authorization: 'token ' + input('github-token'), 'content-type': 'application/json' },
    body: JSON.stringify({ body: 'hello from ' + event.pull_request.head.ref }),
  });
  out('comment-status=' + res.status + '\n');
  if (input('mode') === 'fail') process.exitCode = 1;
}
main();
`;

const actionYml = `name: throwaway
inputs:
  greeting:
    default: hi
  github-token:
    default: \${{ github.token }}
  pr number:
    default: \${{ github.event.pull_request.number }}
  mode:
    default: ''
runs:
  using: node24
  main: dist/index.js
`;

let dir: string;
let emulator: Emulator;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'emulator-action-'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'index.js'), script);
  writeFileSync(join(dir, 'action.yml'), actionYml);
  emulator = await startEmulator({ repos: ['octo-org/app'], token: 'ghs_test' });
  emulator.seed.pull({ repo: 'octo-org/app', number: 7 });
});
afterAll(async () => {
  try {
    emulator.assertNoViolations();
  } finally {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function payload() {
  return buildEventPayload('pull_request', {
    action: 'opened',
    overrides: {
      number: 7,
      pull_request: { number: 7, head: { ref: 'feature/CHG-1-x' } },
      repository: { full_name: 'octo-org/app', name: 'app', owner: { login: 'octo-org' } },
    },
  });
}

describe('runAction', () => {
  it('runs the bundle as the runner does and collects what it reports', async () => {
    const run = await runAction({
      actionDir: dir,
      eventName: 'pull_request',
      payload: payload(),
      inputs: { greeting: 'hello' },
      emulator,
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.timedOut).toBe(false);
    expect(run.outputs).toMatchObject({
      greeting: 'hello',
      notes: 'line 1\nline 2',
      leaked: '',
      'comment-status': '201',
    });
    expect(run.outputs.node).toMatch(/^v24\./);
    expect(run.summary).toBe('## Release policy\n\nAll good\n');
    expect(run.annotations).toEqual([
      {
        level: 'error',
        file: 'src/a,b.ts',
        line: 4,
        title: 'Branch name',
        message: 'bad branch\non two lines',
      },
    ]);
    expect(run.commands.map((c) => c.name)).toEqual(['add-mask', 'group', 'error', 'endgroup']);
    expect(run.masked).toEqual(['ghs_test']);
    expect(run.exportedEnv).toEqual({ EXPORTED: 'yes' });
    expect(run.savedState).toEqual({ saved: '1' });
    expect(run.addedPath).toEqual(['/opt/tool/bin']);
    expect(run.env).toMatchObject({
      INPUT_GREETING: 'hello',
      'INPUT_GITHUB-TOKEN': 'ghs_test',
      INPUT_PR_NUMBER: '7',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_HEAD_REF: 'feature/CHG-1-x',
      GITHUB_API_URL: emulator.url,
    });
    expect(run.requests.map((r) => [r.operationId, r.status])).toEqual([
      ['issues/create-comment', 201],
    ]);
    expect(emulator.state.comments.map((c) => c.body)).toContain('hello from feature/CHG-1-x');
  });

  it('reports a failing exit code, and explicit env wins', async () => {
    const run = await runAction({
      actionDir: dir,
      eventName: 'pull_request',
      payload: payload(),
      inputs: { mode: 'fail' },
      env: { INPUT_GREETING: 'from env' },
      emulator,
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.greeting).toBe('from env');
  });

  it('kills a run that does not finish in time', async () => {
    const run = await runAction({
      actionDir: dir,
      eventName: 'pull_request',
      payload: payload(),
      inputs: { mode: 'hang' },
      timeoutMs: 300,
    });
    expect(run.timedOut).toBe(true);
    expect(run.signal).toBe('SIGKILL');
  });

  it('explains a missing bundle', async () => {
    await expect(
      runAction({ actionDir: join(dir, 'nowhere'), eventName: 'push', payload: {} }),
    ).rejects.toThrow(/does not exist; build the action first/);
  });

  it('refuses an action that is not a JavaScript action', async () => {
    const composite = mkdtempSync(join(tmpdir(), 'emulator-composite-'));
    try {
      mkdirSync(join(composite, 'dist'));
      writeFileSync(join(composite, 'dist', 'index.js'), '');
      writeFileSync(
        join(composite, 'action.yml'),
        'name: c\nruns:\n  using: composite\n  steps: []\n',
      );
      await expect(
        runAction({ actionDir: composite, eventName: 'push', payload: {} }),
      ).rejects.toThrow(
        /runs JavaScript actions only; .* declares runs.using "composite" \(expected e.g. "node24"\)/,
      );
    } finally {
      rmSync(composite, { recursive: true, force: true });
    }
  });
});

describe('helpers', () => {
  it.each([
    ['github-token', 'INPUT_GITHUB-TOKEN'],
    ['pr number', 'INPUT_PR_NUMBER'],
    ['Version File', 'INPUT_VERSION_FILE'],
  ])('inputEnvName(%s) = %s', (name, expected) => {
    expect(inputEnvName(name)).toBe(expected);
  });

  it('finds the repository Node', () => {
    expect(findNode()).toMatch(/node_modules\/\.bin\/node$/);
  });
});
