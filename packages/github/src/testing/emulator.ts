/**
 * Test helpers over the GitHub emulator: one emulator per test, closed
 * afterwards, with every difference from GitHub's REST description failing
 * the test that caused it.
 */
import { afterEach } from '@jest/globals';
import {
  startEmulator,
  type CommentRecord,
  type Emulator,
  type EmulatorOptions,
} from '@release-policy/github-emulator';

/** The repository the tests work on. */
export const OWNER = 'octo';
export const REPO = 'service';
export const FULL_NAME = `${OWNER}/${REPO}`;

/**
 * Registers an `afterEach` that asserts no violations and closes every
 * emulator the test started; returns a starter with `defaults` (the
 * repository `octo/service` always exists). Call it at the top of a test file.
 */
export function useEmulator(
  defaults: EmulatorOptions = {},
): (options?: EmulatorOptions) => Promise<Emulator> {
  let started: Emulator[] = [];
  afterEach(async () => {
    const emulators = started;
    started = [];
    try {
      for (const emulator of emulators) emulator.assertNoViolations();
    } finally {
      await Promise.all(emulators.map((emulator) => emulator.close()));
    }
  });
  return async (options = {}) => {
    const emulator = await startEmulator({ repos: [FULL_NAME], ...defaults, ...options });
    started.push(emulator);
    return emulator;
  };
}

/** The comments on one issue or pull request of the test repository, oldest id first. */
export function listStoredComments(emulator: Emulator, issueNumber: number): CommentRecord[] {
  return emulator.state.comments
    .filter((c) => c.repo === FULL_NAME && c.issueNumber === issueNumber)
    .sort((a, b) => a.id - b.id);
}

/** The methods of the requests that changed something, in order (`POST`, `PATCH`, `DELETE`). */
export function listWrites(emulator: Emulator): string[] {
  return emulator.requests.filter((r) => r.method !== 'GET').map((r) => r.method);
}
