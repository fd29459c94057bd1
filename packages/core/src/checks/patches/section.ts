/**
 * The `patches` section of the policy: which maintenance lines must have
 * every patch in mainline, which commits are exempt by their subject, and
 * the waivers people approved for the rest.
 */
import { z } from 'zod';
import { definePolicySection } from '../../config/section.js';

/** The branch kinds whose branches are checked when the policy does not say. */
export const DEFAULT_PATCH_KINDS = ['release', 'maintenance', 'hotfix'];

/** Subjects of release and version-bump commits, which stay on their line. */
export const DEFAULT_PATCH_EXEMPTIONS = [
  'chore(release):',
  'release:',
  'Next development version',
  '[maven-release-plugin]',
];

/** A commit subject pattern of `patches.exempt`. */
function buildSubjectPatternSchema() {
  return z
    .string()
    .min(1)
    .max(200)
    .describe(
      'A commit subject pattern: literal text the subject starts with, or a glob where * stands for any text and the whole subject must match.',
    );
}

/** One `patches.waivers` entry as written. */
function buildWaiverSchema() {
  return z.strictObject({
    commit: z
      .string()
      .regex(
        /^[0-9a-f]{7,40}$/,
        'a commit is 7 to 40 lower-case hexadecimal digits; example: 3f2a9c1',
      )
      .describe('The waived commit: its sha, or its first 7 or more hexadecimal digits.'),
    'approved-by': z.string().min(1).describe('Who approved leaving the commit out of mainline.'),
    reason: z.string().min(1).describe('Why the commit is not needed in mainline.'),
    until: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD; example: 2026-12-31')
      .refine((date) => {
        const day = new Date(`${date}T00:00:00Z`);
        return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(date);
      }, 'not a day of the calendar; a date is written YYYY-MM-DD, e.g. 2026-12-31')
      .describe('The last day the waiver holds (UTC), YYYY-MM-DD; an expired waiver is a finding.'),
  });
}

/** The `patches` section as written. */
function buildPatchesSchema() {
  return z
    .strictObject({
      kinds: z
        .array(z.string().regex(/^[a-z][a-z0-9-]*$/, 'a kind name is lower-case, e.g. "release"'))
        .default(DEFAULT_PATCH_KINDS)
        .describe('The branch kinds whose branches are maintenance lines to check.'),
      exempt: z
        .array(buildSubjectPatternSchema())
        .default(DEFAULT_PATCH_EXEMPTIONS)
        .describe('Subjects of commits that stay on their line, e.g. release commits.'),
      waivers: z
        .array(buildWaiverSchema())
        .default([])
        .describe('Commits approved to stay out of mainline, each until a date.'),
      missing: z
        .enum(['error', 'warning'])
        .default('error')
        .describe('How a patch missing from mainline is reported.'),
    })
    .describe('Every patch shipped on a maintenance line is in mainline.');
}

/** One approved exception: a commit that may stay out of mainline until a date. */
export interface PatchWaiver {
  /** The commit's sha or its prefix, lower-case. */
  commit: string;
  approvedBy: string;
  reason: string;
  /** The last day it holds, `YYYY-MM-DD` (UTC). */
  until: string;
}

/** The effective `patches` section. */
export interface PatchesPolicy {
  /** Branch kinds whose branches are checked. */
  kinds: string[];
  /** Subject patterns of commits that stay on their line. */
  exempt: string[];
  waivers: PatchWaiver[];
  /** The severity of a missing patch. */
  missing: 'error' | 'warning';
}

/** The `patches` policy section. */
export const patchesSection = definePolicySection({
  key: 'patches',
  property: 'patches',
  schema: buildPatchesSchema,
  docs: 'patches',
  resolve: (parsed): PatchesPolicy => ({
    kinds: [...parsed.kinds],
    exempt: [...parsed.exempt],
    waivers: parsed.waivers.map((w) => ({
      commit: w.commit,
      approvedBy: w['approved-by'],
      reason: w.reason,
      until: w.until,
    })),
    missing: parsed.missing,
  }),
  fields: {
    patches: {
      expected: 'a mapping with optionally "kinds", "exempt", "waivers" and "missing"',
      example: 'patches: { kinds: [maintenance], missing: error }',
    },
    'patches.kinds': {
      expected: 'a list of branch kind names',
      example: 'kinds: [release, maintenance, hotfix]',
    },
    'patches.kinds[]': { expected: 'a branch kind name', example: 'maintenance' },
    'patches.exempt': {
      expected: 'a list of subject patterns',
      example: 'exempt: ["chore(release):", "build(deps): *"]',
    },
    'patches.exempt[]': {
      expected: 'literal text a subject starts with, or a glob with *, 1 to 200 characters',
      example: '"chore(release):"',
    },
    'patches.waivers': {
      expected: 'a list of waivers',
      example:
        'waivers: [{ commit: 3f2a9c1, approved-by: alice, reason: "line only", until: 2026-12-31 }]',
    },
    'patches.waivers[]': {
      expected: 'a mapping with "commit", "approved-by", "reason" and "until"',
      example: '{ commit: 3f2a9c1, approved-by: alice, reason: "line only", until: 2026-12-31 }',
    },
    'patches.waivers[].commit': { expected: 'a commit sha or its prefix', example: '3f2a9c1' },
    'patches.waivers[].approved-by': { expected: 'a name', example: 'approved-by: alice' },
    'patches.waivers[].reason': {
      expected: 'a string',
      example: 'reason: "a workaround only the 3.5 line needs"',
    },
    'patches.waivers[].until': {
      expected: 'a date, YYYY-MM-DD',
      example: 'until: 2026-12-31',
    },
    'patches.missing': { expected: 'error or warning', example: 'missing: warning' },
  },
  defaultYaml: `patches:
  # The branch kinds (see "branches") whose branches are maintenance lines:
  # every patch shipped on one must be in mainline, merged forward or
  # cherry-picked (with -x).
  kinds: [release, maintenance, hotfix]

  # Commits that stay on their line, by subject: literal text the subject
  # starts with, or a glob where * stands for any text (the whole subject).
  exempt:
    - 'chore(release):'
    - 'release:'
    - 'Next development version'
    - '[maven-release-plugin]'

  # Commits approved to stay out of mainline, each until a date, e.g.
  #   - { commit: 3f2a9c1, approved-by: alice, reason: "3.5 only", until: 2026-12-31 }
  waivers: []

  # How a patch missing from mainline is reported: error or warning.
  missing: error
`,
});
