import { measureEditDistance } from '@release-policy/core';

/**
 * Suggests the command the user probably meant: the nearest name at most two
 * edits away (one for names of up to four letters), or a name the input
 * starts (at least two letters, e.g. `ver` for `version`). Undefined when
 * nothing is near; inputs longer than 40 characters are never typos.
 */
export function suggestCommand(input: string, names: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  if (needle.length === 0 || needle.length > 40) return undefined;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of names) {
    const distance = measureEditDistance(needle, name);
    const limit = name.length <= 4 ? 1 : 2;
    const prefix = needle.length >= 2 && name.startsWith(needle);
    if ((distance <= limit || prefix) && distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}
