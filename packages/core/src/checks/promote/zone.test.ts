import { describe, expect, it } from '@jest/globals';
import { isTimeZone, readWallClock } from './zone.js';

describe('readWallClock', () => {
  it.each<[string, string, string, string, string]>([
    // Shanghai has no daylight saving: always UTC+8.
    ['2026-03-08T01:30:00Z', 'Asia/Shanghai', '2026-03-08', '09:30', 'sun'],
    // New York springs forward on 2026-03-08 at 02:00 local (07:00 UTC).
    ['2026-03-08T06:59:00Z', 'America/New_York', '2026-03-08', '01:59', 'sun'],
    ['2026-03-08T07:00:00Z', 'America/New_York', '2026-03-08', '03:00', 'sun'],
    // Berlin falls back on 2026-10-25 at 03:00 local (01:00 UTC): 02:30 happens twice.
    ['2026-10-25T00:30:00Z', 'Europe/Berlin', '2026-10-25', '02:30', 'sun'],
    ['2026-10-25T01:30:00Z', 'Europe/Berlin', '2026-10-25', '02:30', 'sun'],
    ['2026-12-31T23:30:00Z', 'Asia/Shanghai', '2027-01-01', '07:30', 'fri'],
    ['2026-06-01T00:00:00Z', 'UTC', '2026-06-01', '00:00', 'mon'],
  ])('shows %s in %s as %s %s (%s)', (instant, zone, date, time, weekday) => {
    expect(readWallClock(new Date(instant), zone)).toMatchObject({ date, time, weekday });
  });

  it('knows IANA zones and refuses others', () => {
    expect([isTimeZone('Asia/Shanghai'), isTimeZone('UTC'), isTimeZone('Mars/Olympus')]).toEqual([
      true,
      true,
      false,
    ]);
  });
});
