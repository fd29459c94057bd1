/**
 * The `environments` section of the policy: the ordered list of deployment
 * environments a version is promoted through, with what each one demands
 * (the environment before it, a soak time, approvals, change windows and
 * freezes in a time zone, an emergency path, canary steps).
 */
import { z } from 'zod';
import { definePolicySection } from '../../config/section.js';
import { DURATION_PATTERN, parseDuration } from './duration.js';
import { isTimeZone, WEEKDAYS, type Weekday } from './zone.js';

/** A duration such as 30m or 2d. */
function buildDurationSchema() {
  return z
    .string()
    .regex(
      DURATION_PATTERN,
      'a duration is a number and a unit (s, m, h, d, w); example: 30m or 2d',
    )
    .describe('A duration: a number and a unit, s, m, h, d or w, e.g. 30m, 2d or 1h30m.');
}

/** An IANA time zone name. */
function buildTimeZoneSchema() {
  return z
    .string()
    .refine(isTimeZone, 'not an IANA time zone; example: Asia/Shanghai, Europe/Berlin or UTC')
    .describe('An IANA time zone, e.g. Asia/Shanghai; daylight-saving changes follow its rules.');
}

/** A time of day, HH:MM. */
function buildClockSchema() {
  return z
    .string()
    .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'a time of day is HH:MM, 24-hour; example: 09:00')
    .describe('A time of day, HH:MM, 24-hour, in the zone.');
}

/** A local date, or date and time, in a zone. */
function buildLocalTimeSchema() {
  return z
    .string()
    .regex(
      /^\d{4}-\d{2}-\d{2}(?:[T ](?:[01]\d|2[0-3]):[0-5]\d)?$/,
      'a local time is YYYY-MM-DD or YYYY-MM-DDTHH:MM; example: 2026-12-24T18:00',
    )
    .describe('A local date and time in the zone, YYYY-MM-DD (midnight) or YYYY-MM-DDTHH:MM.');
}

/** A GitHub environment name that is safe in every report. */
function buildEnvironmentNameSchema() {
  return (
    z
      .string()
      // GitHub takes names of up to 255 characters in any script, spaces included; quotes,
      // slashes and control characters stay out so a name is safe in every report.
      .regex(
        /^[\p{L}\p{N}](?:[\p{L}\p{N} ._-]{0,253}[\p{L}\p{N}._-])?$/u,
        'an environment name is letters and digits of any script, spaces, ".", "_" and "-", at most 255 characters, starting with a letter or digit and not ending in a space, e.g. "production"',
      )
  );
}

/** An approver: a login or an org/team slug. */
function buildApproverSchema() {
  return z
    .string()
    .regex(
      /^[A-Za-z0-9-]+(?:\/[A-Za-z0-9._-]+)?$/,
      'an approver is a login ("alice") or an org/team slug ("octo-org/release-managers")',
    );
}

/** One change window as written. */
function buildWindowSchema() {
  return z.strictObject({
    days: z
      .array(z.enum(WEEKDAYS))
      .min(1)
      .default([...WEEKDAYS])
      .describe('The days the window opens on: mon, tue, wed, thu, fri, sat, sun.'),
    from: buildClockSchema(),
    to: buildClockSchema(),
    timezone: buildTimeZoneSchema().optional(),
  });
}

/** One freeze period as written. */
function buildFreezeSchema() {
  return z.strictObject({
    from: buildLocalTimeSchema(),
    to: buildLocalTimeSchema(),
    reason: z.string().min(1).describe('Why nothing may be promoted then, shown in the refusal.'),
    timezone: buildTimeZoneSchema().optional(),
  });
}

/** One environment as written. */
function buildEnvironmentSchema() {
  return z
    .strictObject({
      name: buildEnvironmentNameSchema().describe('The GitHub environment name, e.g. production.'),
      after: z
        .string()
        .min(1)
        .optional()
        .describe(
          'The environment that must hold a successful deployment of the same commit first; the previous entry by default, none for the first.',
        ),
      soak: buildDurationSchema().optional(),
      approvals: z
        .strictObject({
          required: z.number().int().min(0).max(10).default(0),
          from: z.array(buildApproverSchema()).default([]),
          'allow-self': z.boolean().default(false),
        })
        .default({ required: 0, from: [], 'allow-self': false })
        .describe('How many distinct people must approve, and who may.'),
      timezone: buildTimeZoneSchema().default('UTC'),
      windows: z
        .array(buildWindowSchema())
        .default([])
        .describe('When promotions are allowed; always when empty.'),
      freeze: z
        .array(buildFreezeSchema())
        .default([])
        .describe('Periods when no promotion is allowed.'),
      emergency: z
        .strictObject({
          allowed: z.boolean().default(true),
          'extra-approvals': z.number().int().min(1).max(10).default(1),
        })
        .default({ allowed: true, 'extra-approvals': 1 })
        .describe('The emergency path past windows and freezes, with a reason and more approvals.'),
      canary: z
        .strictObject({
          steps: z.array(z.number().int().min(1).max(100)).min(1),
          hold: buildDurationSchema().default('0s'),
        })
        .optional()
        .describe('Canary steps in percent, each after the previous one held for hold.'),
      automatic: z
        .boolean()
        .default(false)
        .describe(
          'A continuous environment that receives every mainline change without approvals.',
        ),
    })
    .describe('One deployment environment.');
}

type EnvironmentInput = z.output<ReturnType<typeof buildEnvironmentSchema>>;

/** The problems of the list as a whole: names, order, canary steps, freezes. */
function checkEnvironmentList(list: readonly EnvironmentInput[], ctx: z.RefinementCtx): void {
  const seen: string[] = [];
  list.forEach((entry, index) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path: [index, ...path], message });
    if (seen.includes(entry.name))
      issue(['name'], `the environment "${entry.name}" is listed twice`);
    if (entry.after !== undefined && entry.after !== 'none' && !seen.includes(entry.after)) {
      issue(
        ['after'],
        `"after" must name an environment listed before this one, or none; example: after: ${seen.at(-1) ?? 'none'}`,
      );
    }
    seen.push(entry.name);
    const steps = entry.canary?.steps ?? [];
    if (
      steps.length > 0 &&
      (steps.some((s, i) => i > 0 && s <= (steps[i - 1] ?? 0)) || steps.at(-1) !== 100)
    ) {
      issue(['canary', 'steps'], 'canary steps must rise and end at 100; example: [5, 25, 100]');
    }
    entry.freeze.forEach((f, i) => {
      if (f.from.replace(' ', 'T') >= f.to.replace(' ', 'T'))
        issue(
          ['freeze', i, 'to'],
          'a freeze ends after it starts; example: { from: 2026-12-24, to: 2027-01-02 }',
        );
    });
    entry.windows.forEach((w, i) => {
      if (w.from === w.to)
        issue(
          ['windows', i, 'to'],
          'a window ends at another time than it starts; example: { from: "09:00", to: "17:00" }',
        );
    });
    if (entry.automatic && entry.approvals.required > 0) {
      issue(
        ['approvals', 'required'],
        'an automatic environment receives every change without approvals: set required: 0 or automatic: false',
      );
    }
  });
}

/** The environments section as written. */
function buildEnvironmentsSchema() {
  return z
    .array(buildEnvironmentSchema())
    .min(1)
    .superRefine(checkEnvironmentList)
    .describe('The deployment environments, in promotion order.');
}

/** A change window: promotions are allowed from `from` to `to` (local time) on `days`. */
export interface ChangeWindow {
  days: Weekday[];
  /** `HH:MM`; a window with `to` before `from` runs past midnight into the next day. */
  from: string;
  to: string;
  timezone: string;
}

/** A freeze: no promotion from `from` to `to` (local wall-clock, `YYYY-MM-DDTHH:MM`). */
export interface FreezePeriod {
  from: string;
  to: string;
  reason: string;
  timezone: string;
}

/** One environment of the effective policy. */
export interface EnvironmentSpec {
  name: string;
  /** The environment that must hold the commit first; undefined for none. */
  after: string | undefined;
  /** The soak time as written (`0s` when none), and in milliseconds. */
  soak: string;
  soakMs: number;
  approvals: { required: number; from: string[]; allowSelf: boolean };
  timezone: string;
  windows: ChangeWindow[];
  freeze: FreezePeriod[];
  emergency: { allowed: boolean; extraApprovals: number };
  /** Canary steps in percent (the last is 100) and the hold between them. */
  canary?: { steps: number[]; hold: string; holdMs: number };
  automatic: boolean;
}

/** The effective `environments` section, in promotion order. */
export type EnvironmentsPolicy = EnvironmentSpec[];

/** `YYYY-MM-DD` or `YYYY-MM-DD HH:MM` as `YYYY-MM-DDTHH:MM`, so local times compare as text. */
function normalizeLocalTime(text: string): string {
  const [date = '', time = '00:00'] = text.split(/[T ]/);
  return `${date}T${time}`;
}

function resolveEnvironment(
  entry: EnvironmentInput,
  previous: string | undefined,
): EnvironmentSpec {
  const soak = entry.soak ?? '0s';
  return {
    name: entry.name,
    after: entry.after === 'none' ? undefined : (entry.after ?? previous),
    soak,
    soakMs: parseDuration(soak) ?? 0,
    approvals: {
      required: entry.approvals.required,
      from: [...entry.approvals.from],
      allowSelf: entry.approvals['allow-self'],
    },
    timezone: entry.timezone,
    windows: entry.windows.map((w) => ({
      days: [...w.days],
      from: w.from,
      to: w.to,
      timezone: w.timezone ?? entry.timezone,
    })),
    freeze: entry.freeze.map((f) => ({
      from: normalizeLocalTime(f.from),
      to: normalizeLocalTime(f.to),
      reason: f.reason,
      timezone: f.timezone ?? entry.timezone,
    })),
    emergency: {
      allowed: entry.emergency.allowed,
      extraApprovals: entry.emergency['extra-approvals'],
    },
    ...(entry.canary
      ? {
          canary: {
            steps: [...entry.canary.steps],
            hold: entry.canary.hold,
            holdMs: parseDuration(entry.canary.hold) ?? 0,
          },
        }
      : {}),
    automatic: entry.automatic,
  };
}

/** The `environments` policy section. */
export const environmentsSection = definePolicySection({
  key: 'environments',
  property: 'environments',
  schema: buildEnvironmentsSchema,
  docs: 'environments',
  resolve: (parsed): EnvironmentsPolicy =>
    parsed.map((entry, index) => resolveEnvironment(entry, parsed[index - 1]?.name)),
  fields: {
    environments: {
      expected: 'a list of environments, in promotion order',
      example: 'environments: [{ name: dev, after: none }, { name: production, soak: 1d }]',
    },
    'environments[]': {
      expected:
        'a mapping with "name" and optionally after, soak, approvals, timezone, windows, freeze, emergency, canary, automatic',
      example: '{ name: production, soak: 1d, approvals: { required: 2 } }',
    },
    'environments[].name': { expected: 'a GitHub environment name', example: 'name: production' },
    'environments[].after': {
      expected: 'the name of an environment listed before, or none',
      example: 'after: staging',
    },
    'environments[].soak': { expected: 'a duration', example: 'soak: 2d' },
    'environments[].approvals': {
      expected: 'a mapping with "required", "from" and "allow-self"',
      example: 'approvals: { required: 2, from: [alice, octo-org/release-managers] }',
    },
    'environments[].approvals.required': {
      expected: 'a number from 0 to 10',
      example: 'required: 2',
    },
    'environments[].approvals.from': {
      expected: 'a list of logins and org/team slugs',
      example: 'from: [alice, octo-org/release-managers]',
    },
    'environments[].approvals.from[]': {
      expected: 'a login or an org/team slug',
      example: 'octo-org/release-managers',
    },
    'environments[].approvals.allow-self': {
      expected: 'true or false',
      example: 'allow-self: false',
    },
    'environments[].timezone': {
      expected: 'an IANA time zone',
      example: 'timezone: Asia/Shanghai',
    },
    'environments[].windows': {
      expected: 'a list of change windows',
      example: 'windows: [{ days: [mon, tue, wed, thu], from: "09:00", to: "17:00" }]',
    },
    'environments[].windows[]': {
      expected: 'a mapping with "from", "to" and optionally "days" and "timezone"',
      example: '{ days: [mon, tue], from: "09:00", to: "17:00" }',
    },
    'environments[].windows[].days': {
      expected: 'a list of weekdays',
      example: 'days: [mon, fri]',
    },
    'environments[].windows[].days[]': {
      expected: 'mon, tue, wed, thu, fri, sat or sun',
      example: 'mon',
    },
    'environments[].windows[].from': { expected: 'a time of day, HH:MM', example: 'from: "09:00"' },
    'environments[].windows[].to': { expected: 'a time of day, HH:MM', example: 'to: "17:00"' },
    'environments[].windows[].timezone': {
      expected: 'an IANA time zone',
      example: 'timezone: Europe/Berlin',
    },
    'environments[].freeze': {
      expected: 'a list of freeze periods',
      example: 'freeze: [{ from: 2026-12-24, to: 2027-01-02, reason: "year end" }]',
    },
    'environments[].freeze[]': {
      expected: 'a mapping with "from", "to", "reason" and optionally "timezone"',
      example: '{ from: 2026-12-24, to: 2027-01-02, reason: "year end" }',
    },
    'environments[].freeze[].from': {
      expected: 'YYYY-MM-DD or YYYY-MM-DDTHH:MM',
      example: 'from: 2026-12-24T18:00',
    },
    'environments[].freeze[].to': {
      expected: 'YYYY-MM-DD or YYYY-MM-DDTHH:MM',
      example: 'to: 2027-01-02',
    },
    'environments[].freeze[].reason': {
      expected: 'a string',
      example: 'reason: "year-end closing"',
    },
    'environments[].freeze[].timezone': {
      expected: 'an IANA time zone',
      example: 'timezone: Asia/Shanghai',
    },
    'environments[].emergency': {
      expected: 'a mapping with "allowed" and "extra-approvals"',
      example: 'emergency: { allowed: true, extra-approvals: 1 }',
    },
    'environments[].emergency.allowed': { expected: 'true or false', example: 'allowed: false' },
    'environments[].emergency.extra-approvals': {
      expected: 'a number from 1 to 10',
      example: 'extra-approvals: 1',
    },
    'environments[].canary': {
      expected: 'a mapping with "steps" and "hold"',
      example: 'canary: { steps: [5, 25, 100], hold: 1h }',
    },
    'environments[].canary.steps': {
      expected: 'a rising list of percents ending at 100',
      example: 'steps: [5, 25, 100]',
    },
    'environments[].canary.steps[]': { expected: 'a whole percent from 1 to 100', example: '25' },
    'environments[].canary.hold': { expected: 'a duration', example: 'hold: 1h' },
    'environments[].automatic': { expected: 'true or false', example: 'automatic: true' },
  },
  defaultYaml: `environments:
  # The deployment environments, in promotion order (see docs/policy.md#environments).
  # Each needs a successful deployment of the same commit in the one before it
  # ("after", the previous entry by default). Per environment: soak (e.g. 2d),
  # approvals { required, from, allow-self }, timezone, windows, freeze,
  # emergency, canary { steps, hold } and automatic.
  - name: dev
    after: none
  # The customer test environment: every change merged into mainline goes
  # there at once, without approvals (the continuous workflow delivers it).
  - name: test
    after: none
    automatic: true
  # Named people authorise a release, and the authorisation is recorded:
  # distinct approvers with write access, never the author or the starter.
  - name: staging
    approvals: { required: 1 }
  - name: production
    approvals: { required: 2 }
`,
});
