import { describe, expect, it } from '@jest/globals';
import type { EnvironmentSpec } from '../config/schema.js';
import { makeEnvironment, makePolicy } from '../testing/policies.js';
import { makePromotionFacts } from '../testing/promotion-facts.js';
import { promoteWindow } from './promote-window.js';

function run(spec: Partial<EnvironmentSpec>, now: string, emergency?: string) {
  const policy = makePolicy({ environments: [makeEnvironment('production', undefined, spec)] });
  const promotion = makePromotionFacts('production', emergency !== undefined ? { emergency } : {});
  return promoteWindow
    .evaluate({ facts: { promotion }, policy, now: new Date(now) })
    .map((f) => `${f.severity ?? 'error'}: ${f.message}`);
}

const yearEnd = (timezone: string): Partial<EnvironmentSpec> => ({
  freeze: [{ from: '2026-12-24T00:00', to: '2027-01-04T00:00', reason: 'year end', timezone }],
});

describe('promote-window: freezes', () => {
  it.each<[string, string, string, boolean]>([
    // Shanghai is UTC+8: its 2026-12-24 00:00 is 2026-12-23T16:00Z.
    ['Asia/Shanghai', 'a minute before the freeze', '2026-12-23T15:59:00Z', true],
    ['Asia/Shanghai', 'the first minute of the freeze', '2026-12-23T16:00:00Z', false],
    ['Asia/Shanghai', 'the last minute of the freeze', '2027-01-03T15:59:00Z', false],
    ['Asia/Shanghai', 'the end of the freeze', '2027-01-03T16:00:00Z', true],
    // New York is UTC-5 in winter: its 2026-12-24 00:00 is 2026-12-24T05:00Z.
    ['America/New_York', 'a minute before the freeze', '2026-12-24T04:59:00Z', true],
    ['America/New_York', 'the first minute of the freeze', '2026-12-24T05:00:00Z', false],
    ['America/New_York', 'the end of the freeze', '2027-01-04T05:00:00Z', true],
  ])('in %s, %s (%s) is open: %s', (zone, _name, now, open) => {
    expect(run(yearEnd(zone), now).length === 0).toBe(open);
  });

  it('keeps a freeze on local time across a daylight-saving change', () => {
    // Berlin moves from UTC+2 to UTC+1 on 2026-10-25; a freeze ends 2026-10-26 09:00 local = 08:00Z.
    const spec: Partial<EnvironmentSpec> = {
      freeze: [
        {
          from: '2026-10-24T09:00',
          to: '2026-10-26T09:00',
          reason: 'migration',
          timezone: 'Europe/Berlin',
        },
      ],
    };
    expect(run(spec, '2026-10-24T06:59:00Z')).toEqual([]);
    expect(run(spec, '2026-10-24T07:00:00Z')).toHaveLength(1);
    expect(run(spec, '2026-10-26T07:59:00Z')).toHaveLength(1);
    expect(run(spec, '2026-10-26T08:00:00Z')).toEqual([]);
  });

  it('names the freeze and its reason, and lets an emergency through with a notice', () => {
    expect(run(yearEnd('Asia/Shanghai'), '2026-12-25T00:00:00Z')).toEqual([
      'error: Nothing may be promoted to "production" at 2026-12-25T00:00:00.000Z: it is frozen from 2026-12-24T00:00 to 2027-01-04T00:00 (Asia/Shanghai): "year end".',
    ]);
    expect(run(yearEnd('Asia/Shanghai'), '2026-12-25T00:00:00Z', 'database outage')).toEqual([
      'notice: Emergency promotion to "production" at 2026-12-25T00:00:00.000Z although it is frozen from 2026-12-24T00:00 to 2027-01-04T00:00 (Asia/Shanghai): "year end"; reason: "database outage".',
    ]);
  });

  it('refuses an emergency when the policy does not allow one', () => {
    expect(
      run(
        { ...yearEnd('UTC'), emergency: { allowed: false, extraApprovals: 1 } },
        '2026-12-25T00:00:00Z',
        'x',
      ),
    ).toEqual([
      'error: Nothing may be promoted to "production" at 2026-12-25T00:00:00.000Z: it is frozen from 2026-12-24T00:00 to 2027-01-04T00:00 (UTC): "year end".',
    ]);
  });
});

describe('promote-window: windows', () => {
  const office: Partial<EnvironmentSpec> = {
    windows: [
      { days: ['mon', 'tue', 'wed', 'thu'], from: '09:00', to: '17:00', timezone: 'Europe/Berlin' },
    ],
  };
  it.each<[string, string, boolean]>([
    // Winter (UTC+1): Monday 2026-03-23 09:00 Berlin is 08:00Z.
    ['Monday 08:59 Berlin in winter', '2026-03-23T07:59:00Z', false],
    ['Monday 09:00 Berlin in winter', '2026-03-23T08:00:00Z', true],
    // Summer (UTC+2) after 2026-03-29: Monday 2026-03-30 09:00 Berlin is 07:00Z.
    ['Monday 09:00 Berlin in summer', '2026-03-30T07:00:00Z', true],
    ['Monday 08:00 Berlin in summer (09:00 in winter terms)', '2026-03-30T06:00:00Z', false],
    ['Thursday 16:59 Berlin', '2026-03-26T15:59:00Z', true],
    ['Friday 10:00 Berlin', '2026-03-27T09:00:00Z', false],
  ])('%s is open: %s', (_name, now, open) => {
    expect(run(office, now).length === 0).toBe(open);
  });

  it('opens a window that runs past midnight on the next day until it ends', () => {
    const night: Partial<EnvironmentSpec> = {
      windows: [{ days: ['fri'], from: '22:00', to: '02:00', timezone: 'UTC' }],
    };
    expect(run(night, '2026-03-27T23:00:00Z')).toEqual([]);
    expect(run(night, '2026-03-28T01:59:00Z')).toEqual([]);
    expect(run(night, '2026-03-28T02:00:00Z')).toEqual([
      'error: Nothing may be promoted to "production" at 2026-03-28T02:00:00.000Z: it is outside every change window (fri 22:00–02:00 UTC).',
    ]);
  });
});
