/**
 * GitHub's ref name patterns of rulesets and deployment policies
 * (`refs/heads/release/*`, `refs/tags/v*`), matched the way GitHub's
 * fnmatch does: `*` and `?` stay within one `/`-separated segment, `**`
 * crosses segments. Compiled by us, never into a regular expression, in
 * (pattern length × ref length) steps.
 */

/** True when `ref` matches `pattern`. */
export function matchRefPattern(pattern: string, ref: string): boolean {
  // reach[j]: the pattern read so far matches the first j characters of the ref.
  let reach = Array.from({ length: ref.length + 1 }, (_, j) => j === 0);
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i];
    const double = char === '*' && pattern[i + 1] === '*';
    const next = Array.from({ length: ref.length + 1 }, () => false);
    for (let j = 0; j <= ref.length; j += 1) {
      if (char === '*') {
        // A star matches an empty run, or extends the run one character further.
        next[j] =
          reach[j] === true || (j > 0 && next[j - 1] === true && (double || ref[j - 1] !== '/'));
      } else if (j > 0 && reach[j - 1] === true) {
        next[j] = char === '?' ? ref[j - 1] !== '/' : ref[j - 1] === char;
      }
    }
    reach = next;
    i += double ? 2 : 1;
  }
  return reach[ref.length] === true;
}
