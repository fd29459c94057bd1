/**
 * Test helpers over the GitHub emulator: one emulator per test, closed
 * afterwards, with every difference from GitHub's REST description failing
 * the test that caused it.
 */
import { useEmulator as useEmulatorPerTest } from '@release-policy/github-emulator/testing';
import {
  type CommentRecord,
  type Emulator,
  type EmulatorOptions,
} from '@release-policy/github-emulator';

/** The repository the tests work on. */
export const OWNER = 'octo';
export const REPO = 'service';
export const FULL_NAME = `${OWNER}/${REPO}`;

/**
 * The emulator package's `useEmulator` (violations checked and emulators
 * closed after each test), with the repository `octo/service` always present.
 * Call it at the top of a test file.
 */
export function useEmulator(
  defaults: EmulatorOptions = {},
): (options?: EmulatorOptions) => Promise<Emulator> {
  return useEmulatorPerTest({ repos: [FULL_NAME], ...defaults });
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
