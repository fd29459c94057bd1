/**
 * "Did you mean" suggestions for misspelled keys and names: the nearest
 * candidate by edit distance, when it is near enough to be a likely typo.
 */

/**
 * Measures the edit distance between two strings: insertions, deletions,
 * substitutions and swaps of two neighbouring characters each cost 1
 * (optimal string alignment distance).
 */
export function measureEditDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  const at = (i: number, j: number): number => d[i]?.[j] ?? 0;
  for (let i = 0; i < rows; i += 1) d[i]![0] = i;
  for (let j = 0; j < cols; j += 1) d[0]![j] = j;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i]![j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Inputs and candidates longer than this get no suggestion. */
const MAX_INPUT_LENGTH = 64;

/** How {@link findClosest} reads an input as the start of a candidate. */
export interface FindClosestOptions {
  /**
   * The shortest input that counts as the start of a candidate (3 by
   * default). Lists of a few short, distinct words, such as CLI commands,
   * can take 2 (`in` for `init`).
   */
  minPrefixLength?: number;
}

/**
 * Finds the candidate nearest to `input`, ignoring case, or `undefined` when
 * none is close enough to be a plausible typo: at most a third of the longer
 * word's length (and at least 1) edits away, or `input` is a prefix of it of
 * at least `minPrefixLength` characters (`warn` for `warning`). Ties go to
 * the earlier candidate. This is the one "did you mean" search: the policy
 * loader, branch patterns and the CLI all use it.
 */
export function findClosest(
  input: string,
  candidates: readonly string[],
  { minPrefixLength = 3 }: FindClosestOptions = {},
): string | undefined {
  // Keys and names are short; a long input is no typo, and would only cost time.
  if (input.length > MAX_INPUT_LENGTH) return undefined;
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === input || candidate.length > MAX_INPUT_LENGTH) continue;
    const distance = measureEditDistance(needle, candidate.toLowerCase());
    const limit = Math.max(1, Math.floor(Math.max(needle.length, candidate.length) / 3));
    const prefix = needle.length >= minPrefixLength && candidate.toLowerCase().startsWith(needle);
    if ((distance <= limit || prefix) && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Formats a suggestion sentence such as ` Did you mean "mainline"?`, or an
 * empty string when no candidate is close. The leading space lets callers
 * append it directly to a sentence.
 */
export function formatDidYouMean(input: string, candidates: readonly string[]): string {
  const closest = findClosest(input, candidates);
  return closest === undefined ? '' : ` Did you mean ${JSON.stringify(closest)}?`;
}
