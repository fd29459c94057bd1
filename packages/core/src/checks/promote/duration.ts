/**
 * Durations as the policy writes them (`30m`, `2d`, `1h30m`): parsed into
 * milliseconds and described back in the same words. Pure.
 */

const UNITS: Record<string, number> = {
  s: 1000,
  m: 60 * 1000,
  h: 60 * 60 * 1000,
  d: 24 * 60 * 60 * 1000,
  w: 7 * 24 * 60 * 60 * 1000,
};

/** The form a duration takes, for schemas and messages. */
export const DURATION_PATTERN = /^(?:\d{1,5}[smhdw])+$/;

/**
 * The milliseconds of a duration such as `30m`, `2d` or `1h30m`; undefined
 * when the text is not one (units s, m, h, d, w; each an integer).
 */
export function parseDuration(text: string): number | undefined {
  if (!DURATION_PATTERN.test(text)) return undefined;
  let total = 0;
  for (const part of text.matchAll(/(\d+)([smhdw])/g)) {
    total += Number(part[1]) * (UNITS[part[2] ?? ''] ?? 0);
  }
  return total;
}

/** Describes milliseconds as the largest whole units: `2d 3h`, `45m`, `0s`. */
export function describeDuration(ms: number): string {
  let rest = Math.max(0, Math.floor(ms / 1000)) * 1000;
  const parts: string[] = [];
  for (const unit of ['d', 'h', 'm', 's']) {
    const size = UNITS[unit] ?? 1;
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * size;
    if (parts.length === 2) break;
  }
  return parts.length > 0 ? parts.join(' ') : '0s';
}
