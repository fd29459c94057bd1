/**
 * Jest helper: one emulator per test, and after each test every emulator it
 * started is checked for violations of GitHub's description and closed, even
 * when an assertion threw. Import from `@release-policy/github-emulator/testing`
 * (jest only: it registers an `afterEach`).
 */
import { afterEach } from '@jest/globals';
import { startEmulator, type Emulator, type EmulatorOptions } from './server.js';

/**
 * Registers the `afterEach` and returns a starter that merges `defaults`
 * with each call's options. Call it once, at the top of a test file.
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
    const emulator = await startEmulator({ ...defaults, ...options });
    started.push(emulator);
    return emulator;
  };
}
