/**
 * The `branches` section of the policy: branch kinds, their name patterns and
 * where each kind may be merged. Read by the branch check (and by the version
 * check, for the release line a branch carries).
 */
import { z } from 'zod';
import { definePolicySection } from '../../config/section.js';
import { TICKET_KEY } from '../../config/constants.js';

/** A branch name pattern: literal text plus typed placeholders. */
function buildPatternSchema() {
  return z
    .string()
    .min(1, 'a pattern must not be empty; example: "feature/{ticket}-{slug}"')
    .max(200, 'a pattern must be at most 200 characters')
    .describe(
      'A branch name pattern: literal text plus placeholders, e.g. "feature/{ticket}-{slug}".',
    );
}

/** One branch kind as written. */
function buildBranchKindSchema() {
  return z.strictObject({
    /** One or more patterns; a branch belongs to the kind when any pattern matches. */
    patterns: z
      .array(buildPatternSchema())
      .min(1, 'a branch kind needs at least one pattern')
      .describe('One or more patterns; a branch belongs to the kind when any pattern matches.'),
    /**
     * Where branches of this kind may be merged (the pull-request base):
     * `mainline` or other kind names. An empty list means "merges nowhere".
     */
    into: z
      .array(z.string().min(1))
      .default([])
      .describe('Where branches of this kind may be merged: "mainline" or other kind names.'),
    /**
     * When the target kind carries a version line (release/maintenance), the
     * source's own version must be on that line: `hotfix/1.4.3` into `release/1.4`.
     */
    'same-line': z
      .boolean()
      .default(false)
      .describe(
        "The branch's version must be on the target's version line (hotfix/1.4.3 into release/1.4).",
      ),
    /** Free text shown in messages and the job summary. */
    description: z.string().describe('Free text shown in messages and the job summary.').optional(),
  });
}

/** The `branches` section as written. */
function buildBranchesSchema() {
  return z
    .strictObject({
      /** Ticket keys allowed in `{ticket}`, e.g. `[CHG, OPS]`. Empty: any upper-case key. */
      'ticket-keys': z
        .array(
          z
            .string()
            .regex(
              TICKET_KEY,
              'a ticket key is upper-case letters and digits, starting with a letter; example: CHG',
            ),
        )
        .default([])
        .describe('Ticket keys allowed in {ticket}, e.g. [CHG, OPS]. Empty: any upper-case key.'),
      /** Branch kinds by name. */
      kinds: z
        .record(
          z.string().regex(/^[a-z][a-z0-9-]*$/, 'a kind name is lower-case, e.g. "feature"'),
          buildBranchKindSchema(),
        )
        .meta({ description: 'Branch kinds by name; at least one.', minProperties: 1 }),
    })
    .describe('Branch kinds: name patterns and where each kind may be merged.');
}

/** One branch kind, with defaults applied. */
export type BranchKind = z.output<ReturnType<typeof buildBranchKindSchema>>;

/** The effective `branches` section. */
export interface BranchesPolicy {
  ticketKeys: string[];
  kinds: Record<string, BranchKind>;
}

/** The `branches` policy section. */
export const branchesSection = definePolicySection({
  key: 'branches',
  property: 'branches',
  schema: buildBranchesSchema,
  docs: 'branches',
  resolve: (parsed): BranchesPolicy => ({
    ticketKeys: [...parsed['ticket-keys']],
    kinds: structuredClone(parsed.kinds),
  }),
  fields: {
    branches: {
      expected: 'a mapping with "kinds" and optionally "ticket-keys"',
      example:
        'branches: { kinds: { feature: { patterns: ["feature/{slug}"], into: [mainline] } } }',
    },
    'branches.ticket-keys': {
      expected: 'a list of ticket keys',
      example: 'ticket-keys: [CHG, OPS]',
    },
    'branches.ticket-keys[]': {
      expected: 'a ticket key: 1 to 20 upper-case letters and digits, starting with a letter',
      example: 'CHG',
    },
    'branches.kinds': {
      expected: 'a mapping from branch kind name to its patterns and merge targets',
      example: 'kinds: { feature: { patterns: ["feature/{ticket}-{slug}"], into: [mainline] } }',
    },
    'branches.kinds.*(key)': {
      expected: 'a kind name: lower-case letters, digits and dashes, starting with a letter',
      example: 'hotfix',
    },
    'branches.kinds.*': {
      expected: 'a mapping with "patterns" and optionally "into", "same-line" and "description"',
      example: 'feature: { patterns: ["feature/{ticket}-{slug}"], into: [mainline] }',
    },
    'branches.kinds.*.patterns': {
      expected: 'a list of at least one branch name pattern',
      example: 'patterns: ["feature/{ticket}-{slug}", "feat/{ticket}-{slug}"]',
    },
    'branches.kinds.*.patterns[]': {
      expected: 'a pattern: literal text and placeholders, 1 to 200 characters',
      example: '"feature/{ticket}-{slug}"',
    },
    'branches.kinds.*.into': {
      expected: 'a list of merge targets: "mainline" or branch kind names',
      example: 'into: [mainline, release]',
    },
    'branches.kinds.*.into[]': {
      expected: '"mainline" or the name of a branch kind',
      example: 'release',
    },
    'branches.kinds.*.same-line': { expected: 'true or false', example: 'same-line: true' },
    'branches.kinds.*.description': {
      expected: 'a string',
      example: 'description: "Short-lived work, merged into main"',
    },
  },
  defaultYaml: `branches:
  # Ticket keys allowed in {ticket}, e.g. [CHG, OPS] for CHG-123 or OPS-7.
  # Empty: any upper-case key.
  ticket-keys: []

  # Branch kinds. A branch belongs to a kind when one of its patterns matches
  # the whole name. Placeholders:
  #   {major} {minor} {patch}  version numbers, e.g. 1, 4, 0
  #   {version}                a full version, e.g. 1.4.3
  #   {ticket}                 a ticket id, e.g. CHG-123
  #   {slug}                   lower-case words joined by dashes, e.g. add-login
  #   {rest}                   the remainder: one or more path segments
  # "into" lists where the kind may be merged (a pull request's base):
  # "mainline" or other kind names. "same-line: true" requires the branch's
  # version to be on the target's version line (hotfix/1.4.3 into release/1.4).
  kinds:
    feature:
      patterns: ['feature/{ticket}-{slug}', 'feat/{ticket}-{slug}']
      into: [mainline]
    fix:
      patterns: ['fix/{ticket}-{slug}']
      into: [mainline, release, maintenance]
    release:
      patterns: ['release/{major}.{minor}']
      into: [mainline]
    maintenance:
      patterns: ['{major}.{minor}.x', '{major}.x']
      into: [mainline]
    hotfix:
      patterns: ['hotfix/{version}']
      into: [mainline, release, maintenance]
      same-line: true
    bot:
      patterns: ['dependabot/{rest}', 'renovate/{rest}']
      into: [mainline, release, maintenance]
`,
});
