/**
 * Wall-clock time in an IANA time zone, through `Intl.DateTimeFormat`, so
 * daylight-saving changes are the platform's own tables: an instant is
 * turned into the local date, weekday and minute it shows in that zone, and
 * windows and freezes are compared on that local time. Pure (the instant is
 * passed in).
 */

/** The days of the week as the policy writes them, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A day of the week. */
export type Weekday = (typeof WEEKDAYS)[number];

/** What a clock on the wall in a zone shows at an instant. */
export interface WallClock {
  /** `YYYY-MM-DD`. */
  date: string;
  /** `HH:MM`, 24-hour. */
  time: string;
  weekday: Weekday;
  /** Minutes since local midnight. */
  minutes: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    formats.set(zone, format);
  }
  return format;
}

/** True when `zone` is an IANA time zone this platform knows, e.g. `Asia/Shanghai` or `UTC`. */
export function isTimeZone(zone: string): boolean {
  try {
    formatIn(zone);
    return true;
  } catch {
    // Intl throws RangeError for an unknown zone: that is the answer, not a failure.
    return false;
  }
}

/**
 * The local date, time and weekday `instant` shows in `zone`.
 *
 * @throws RangeError when `zone` is not a time zone (the policy schema refuses those first)
 */
export function readWallClock(instant: Date, zone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatIn(zone).formatToParts(instant)) parts[part.type] = part.value;
  const hour = Number(parts.hour) % 24;
  const minute = Number(parts.minute);
  const weekday = (parts.weekday ?? '').toLowerCase().slice(0, 3) as Weekday;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
    weekday,
    minutes: hour * 60 + minute,
  };
}

/** Minutes since midnight of `HH:MM`. */
export function parseClockTime(text: string): number {
  const [hours = '0', minutes = '0'] = text.split(':');
  return Number(hours) * 60 + Number(minutes);
}
