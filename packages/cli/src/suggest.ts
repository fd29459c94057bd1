/**
 * Measures how many single-character edits (insert, delete, replace, or swap
 * two neighbours) turn `a` into `b`.
 */
export function measureCommandDistance(a: string, b: string): number {
  let previousRow: number[] = [];
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const beforeRow = previousRow;
    previousRow = row;
    row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previousRow[j]! + 1, row[j - 1]! + 1, previousRow[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, beforeRow[j - 2]! + 1);
      }
      row.push(best);
    }
  }
  return row[b.length]!;
}

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
    const distance = measureCommandDistance(needle, name);
    const limit = name.length <= 4 ? 1 : 2;
    const prefix = needle.length >= 2 && name.startsWith(needle);
    if ((distance <= limit || prefix) && distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}
