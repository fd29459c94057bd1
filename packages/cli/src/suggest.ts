import { findClosest } from '@release-policy/core';

/**
 * Suggests the command the user probably meant, with core's one "did you
 * mean" search ({@link findClosest}). Command names are few, short and
 * distinct, so a two-letter start already names one (`in` for `init`).
 * Undefined when nothing is near.
 */
export function suggestCommand(input: string, names: readonly string[]): string | undefined {
  return findClosest(input, names, { minPrefixLength: 2 });
}
