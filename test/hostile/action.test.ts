/**
 * Hostile input and faults against the committed action bundles, through the
 * GitHub emulator: policy files that are links, FIFOs or huge, a base-branch
 * policy the API answers as a link, damaged or incomplete event payloads, a
 * full disk under GITHUB_OUTPUT, and a working-directory that leaves the
 * workspace. Each case asserts that the run ends within its bounds, its exit
 * code and message, and that the marker secret (or any 8-character piece of
 * it) appears in no output and no API request body.
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fakeSha, type ActionRun } from '@release-policy/github-emulator';
import {
  BASE_SHA,
  buildPushPayload,
  POLICY_PATH,
  REPO,
  failureMessage,
  findSecretLeaks,
  makeWorkspace,
  runBounded,
  seedPullRequest,
  seedPush,
  withEmulator,
  type CheckId,
  type RunSpec,
} from '../e2e/helpers.js';

/** Shaped like an installation token, with pieces unlikely to occur by chance. */
const MARKER = 'ghs_Hx7qMarkerZ9wK2pL5vN8rT3yB6cF0dJ4sQ';

const POLICY_DOCS =
  'Read more: https://github.com/release-policy/release-policy/blob/v0.1.0/docs/actions.md#policy-file';
const PAYLOAD_ADVICE =
  'The runner writes the event payload as JSON to the file named by GITHUB_EVENT_PATH; a step that ' +
  'rewrites or truncates that file, or a full disk, leaves it unreadable. Re-run the job, or unset ' +
  'GITHUB_EVENT_PATH when running outside Actions. Read more: https://github.com/release-policy/release-policy/blob/v0.1.0/docs/actions.md#troubleshooting';

/** The emulator answers only the marker as the token. */
const asMarker = { token: MARKER };

/** How a run ended: in time or not, its exit code and the reason it failed with. */
function outcomeOf(run: ActionRun): [timedOut: boolean, exitCode: number | null, message: string] {
  return [run.timedOut, run.exitCode, failureMessage(run)];
}

/** Lines that look like a JavaScript stack frame. */
function listStackLines(run: ActionRun): string[] {
  return `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => /^\s+at\s/.test(line));
}

/** The message for a working-tree policy file that was not read. */
function workingTreeRefusal(why: string): string {
  return (
    `The policy file ".github/release-policy.yml" in the working tree cannot be used: ${why}. ` +
    'Expected a readable YAML file, e.g. ".github/release-policy.yml", or no file at all for the default policy. ' +
    POLICY_DOCS
  );
}

const LINK =
  'it is a symbolic link, and a policy file must be a regular file inside the repository (a link could lead to a file holding secrets)';
const FOLDER_OUTSIDE =
  'its folder is a symbolic link that leads outside the repository (or into .git), and a policy file must be a regular file inside the repository';

/**
 * A workspace as actions/checkout leaves it (the credential in .git/config as
 * an extra header), plus a file outside it holding the marker, and what
 * `arrange` adds; `body` runs with its folder. Removed afterwards.
 */
async function withCheckout<T>(
  arrange: (dir: string, outside: string) => Promise<void>,
  body: (dir: string) => Promise<T>,
): Promise<T> {
  const workspace = await makeWorkspace();
  try {
    const dir = workspace.dir;
    const outside = join(dirname(dir), 'outside');
    await mkdir(join(dir, '.git'), { recursive: true });
    await writeFile(
      join(dir, '.git/config'),
      `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${MARKER}\n`,
    );
    await mkdir(outside);
    await writeFile(join(outside, 'release-policy.yml'), `mainline: ${MARKER}\n`);
    await arrange(dir, outside);
    return await body(dir);
  } finally {
    await workspace.remove();
  }
}

/** Links `.github/release-policy.yml` to `target`. */
async function linkPolicy(dir: string, target: string): Promise<void> {
  await mkdir(join(dir, '.github'), { recursive: true });
  await symlink(target, join(dir, POLICY_PATH));
}

/**
 * A push run that reads the policy from the working tree: that happens only
 * without a token (with one, the policy is read through the API at the pushed
 * commit), so the token input is empty and the marker lives in the files.
 */
function pushWithoutToken(dir: string): RunSpec {
  return {
    eventName: 'push',
    payload: buildPushPayload('refs/heads/main', fakeSha('hostile:push')),
    cwd: dir,
    inputs: { token: '' },
  };
}

describe('a working-tree policy file that is a link (push, no token)', () => {
  const links: [
    label: string,
    arrange: (dir: string, outside: string) => Promise<void>,
    why: string,
  ][] = [
    [
      'a link to the checkout credential (../.git/config)',
      (dir) => linkPolicy(dir, '../.git/config'),
      LINK,
    ],
    [
      'a link to a file outside the workspace',
      (dir, outside) => linkPolicy(dir, join(outside, 'release-policy.yml')),
      LINK,
    ],
    [
      'a .github folder linked outside the workspace',
      (dir, outside) => symlink(outside, join(dir, '.github')),
      FOLDER_OUTSIDE,
    ],
  ];
  const rows = (['branch-name', 'version'] as const).flatMap((check) =>
    links.map(([label, arrange, why]): [CheckId, string, typeof arrange, string] => [
      check,
      label,
      arrange,
      why,
    ]),
  );

  it.concurrent.each(rows)(
    '%s refuses %s without quoting what it leads to',
    (check, _label, arrange, why) =>
      withEmulator(
        (emulator) =>
          withCheckout(arrange, async (dir) => {
            const run = await runBounded(emulator, check, pushWithoutToken(dir));

            expect(outcomeOf(run)).toEqual([false, 1, workingTreeRefusal(why)]);
            expect(run.annotations.map((a) => a.level)).toEqual(['error']);
            expect(run.requests).toEqual([]);
            expect(findSecretLeaks(run, MARKER)).toEqual([]);
          }),
        asMarker,
      ),
  );
});

describe('a base-branch policy the contents API answers as a link (pull request)', () => {
  it.concurrent.each(['branch-name', 'version'] as const)('%s refuses it by name', (check) =>
    withEmulator(async (emulator) => {
      const pr = seedPullRequest(emulator, { head: 'feature/CHG-1234-add-login' });
      emulator.seed.symlink({
        repo: REPO,
        ref: BASE_SHA,
        path: POLICY_PATH,
        target: '../.git/config',
      });
      const run = await runBounded(emulator, check, { ...pr, inputs: { token: MARKER } });

      expect(outcomeOf(run)).toEqual([
        false,
        1,
        `The policy path ".github/release-policy.yml" at "${BASE_SHA}" is a symbolic link, so it was not read: ` +
          'a policy file must be a regular file inside the repository. Commit the policy itself at that path, ' +
          `e.g. ".github/release-policy.yml". ${POLICY_DOCS}`,
      ]);
      expect(run.requests.map((r) => [r.operationId, r.status])).toEqual([
        ['repos/get-content', 200],
      ]);
      expect(run.outputs).toEqual({});
      expect(findSecretLeaks(run, MARKER)).toEqual([]);
    }, asMarker),
  );
});

/**
 * Runs the branch-name bundle on a pull request whose event file holds
 * `text`, and checks that it fails with one teaching `::error::` naming the
 * file (`what` it is), no stack trace, no request and no leak.
 */
function expectEventFileRefused(text: string, what: string): Promise<void> {
  return withEmulator(async (emulator) => {
    const workspace = await makeWorkspace();
    try {
      const event = join(dirname(workspace.dir), 'event.json');
      await writeFile(event, text);
      const pr = seedPullRequest(emulator, { head: 'feature/CHG-1234-add-login' });
      const run = await runBounded(emulator, 'branch-name', {
        ...pr,
        cwd: workspace.dir,
        inputs: { token: MARKER },
        env: { GITHUB_EVENT_PATH: event },
      });

      expect(outcomeOf(run)).toEqual([
        false,
        1,
        `The event payload at GITHUB_EVENT_PATH=${JSON.stringify(event)} ${what}. ${PAYLOAD_ADVICE}`,
      ]);
      expect(listStackLines(run)).toEqual([]);
      expect(run.stderr).toBe('');
      expect(run.requests).toEqual([]);
      expect(findSecretLeaks(run, MARKER)).toEqual([]);
    } finally {
      await workspace.remove();
    }
  }, asMarker);
}

describe('a damaged event file (GITHUB_EVENT_PATH)', () => {
  // The Octokit is composed without @actions/github, whose modules parse the
  // payload when imported: a damaged payload reaches readRunContext first.
  it.concurrent.each([
    ['truncated', `{"action":"opened","pull_request":{"title":"${MARKER}","number":7,"ba`],
    ['not JSON', `token=${MARKER}\n`],
  ])('%s fails with an ::error:: naming the file and no stack trace', (_label, text) =>
    expectEventFileRefused(
      text,
      `is not valid JSON (${text.length} characters, cut short or damaged?)`,
    ),
  );

  it.concurrent.each([
    ['an array', `["${MARKER}"]`, 'is JSON but not an object (it is an array)'],
    ['null', 'null', 'is JSON but not an object (it is null)'],
    ['a string', `"${MARKER}"`, 'is JSON but not an object (it is a string)'],
  ])('%s fails with an ::error:: naming the file and no stack trace', (_label, text, what) =>
    expectEventFileRefused(text, what),
  );
});

describe('a pull_request payload that lacks the pull request', () => {
  it.concurrent.each([
    [
      'no pull_request object',
      (pr: Record<string, unknown>) => ({ ...pr, pull_request: undefined }),
      'a "pull_request" object',
    ],
    [
      'a pull_request without its base',
      (pr: Record<string, unknown>) => ({
        ...pr,
        pull_request: { ...(pr.pull_request as Record<string, unknown>), base: undefined },
      }),
      'pull_request.base.ref and pull_request.base.sha',
    ],
  ])('with %s names what the payload lacks, not token permissions', (_label, damage, lacks) =>
    withEmulator(async (emulator) => {
      const pr = seedPullRequest(emulator, { head: 'feature/CHG-1234-add-login' });
      // JSON drops the undefined keys, as a rewritten payload would.
      const payload = JSON.parse(JSON.stringify(damage(pr.payload))) as Record<string, unknown>;
      const run = await runBounded(emulator, 'branch-name', {
        eventName: 'pull_request',
        payload,
        inputs: { token: MARKER },
      });

      expect(outcomeOf(run)).toEqual([
        false,
        1,
        `The "pull_request" event payload lacks ${lacks}, so the base branch whose policy governs this pull ` +
          'request is unknown. The runner writes a complete payload to GITHUB_EVENT_PATH; if a workflow ' +
          'rewrites it, keep pull_request.number, pull_request.base.ref and pull_request.base.sha. ' +
          POLICY_DOCS,
      ]);
      expect(failureMessage(run)).not.toContain('permission');
      expect(listStackLines(run)).toEqual([]);
      expect(findSecretLeaks(run, MARKER)).toEqual([]);
    }, asMarker),
  );
});

describe('GITHUB_OUTPUT on a full disk (/dev/full)', () => {
  it.concurrent(
    'fails naming GITHUB_OUTPUT and ENOSPC, and still reports the findings in the summary',
    () =>
      withEmulator(async (emulator) => {
        const pr = seedPullRequest(emulator, { head: 'wip' });
        const run = await runBounded(emulator, 'branch-name', {
          ...pr,
          inputs: { token: MARKER },
          env: { GITHUB_OUTPUT: '/dev/full' },
        });

        expect([run.timedOut, run.exitCode]).toEqual([false, 1]);
        const errors = run.annotations.filter((a) => a.level === 'error' && a.file === undefined);
        // The first output that failed is named; the findings still follow, and the run fails on them.
        expect([errors.length, errors[0]?.message, errors.at(-1)?.message]).toEqual([
          3,
          'The output "name" could not be written to the outputs file GITHUB_OUTPUT="/dev/full": the disk is full (ENOSPC). ' +
            'The remaining outputs were not written; the findings are still reported below. ' +
            'Free disk space on the runner, and do not change GITHUB_OUTPUT or its permissions in earlier steps. ' +
            'Read more: https://github.com/release-policy/release-policy/blob/v0.1.0/docs/actions.md#outputs',
          'Branch name: 1 policy error; see the annotations and the job summary.',
        ]);
        expect(errors[1]?.message).toMatch(/^Branch "wip" matches no branch kind of the policy\./);
        expect(run.summary).toContain('Branch "wip" matches no branch kind');
        expect(run.outputs).toEqual({});
        expect(listStackLines(run)).toEqual([]);
        expect(findSecretLeaks(run, MARKER)).toEqual([]);
        // The leak check sees stdout, the summary and request bodies (the sticky comment):
        // text that is there is found, piece by piece.
        expect(findSecretLeaks(run, 'no branch')).toEqual([
          'stdout: no branc',
          'stdout: o branch',
          'summary: no branc',
          'summary: o branch',
          'POST /repos/octo-org/app/issues/7/comments body: no branc',
          'POST /repos/octo-org/app/issues/7/comments body: o branch',
        ]);
      }, asMarker),
  );
});

describe('the version action with a working-directory outside the workspace', () => {
  it.concurrent.each(['../../../../etc', '/etc'])('refuses %j as leaving the workspace', (input) =>
    withEmulator(async (emulator) => {
      const run = await runBounded(emulator, 'version', {
        ...seedPush(emulator, 'refs/heads/main', fakeSha('hostile:version')),
        inputs: { token: MARKER, 'working-directory': input },
      });

      expect(outcomeOf(run)).toEqual([
        false,
        1,
        `The working-directory input ${JSON.stringify(input)} leaves the workspace. Give a folder inside the ` +
          'checked-out repository, relative to it, e.g. "packages/app". Read more: https://github.com/release-policy/release-policy/blob/v0.1.0/docs/actions.md#version-inputs',
      ]);
      expect(findSecretLeaks(run, MARKER)).toEqual([]);
    }, asMarker),
  );
});

describe('a working-tree policy that is not a small regular file (push, no token)', () => {
  const size = 2 * 1024 * 1024;
  it.concurrent.each([
    [
      'a policy of 2 MiB',
      async (file: string) => {
        await writeFile(file, `mainline: ${MARKER}\n# ${'x'.repeat(size - MARKER.length - 14)}\n`);
      },
      `it is ${size} bytes, larger than the 1048576-byte (1 MiB) limit for a policy file`,
    ],
    [
      'a FIFO',
      async (file: string) => {
        execFileSync('mkfifo', [file]);
      },
      'it is not a regular file (a FIFO, socket or device), so it was not read',
    ],
  ])('refuses %s within the run', (_label, make, why) =>
    withEmulator(
      (emulator) =>
        withCheckout(
          async (dir) => {
            await mkdir(join(dir, '.github'));
            await make(join(dir, POLICY_PATH));
          },
          async (dir) => {
            const run = await runBounded(emulator, 'branch-name', pushWithoutToken(dir));

            expect(outcomeOf(run)).toEqual([false, 1, workingTreeRefusal(why)]);
            expect(findSecretLeaks(run, MARKER)).toEqual([]);
          },
        ),
      asMarker,
    ),
  );
});
