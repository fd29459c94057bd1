import { z } from 'zod';

/** Where the policy documentation lives, relative to the repository root. */
export const POLICY_DOCS = 'docs/policy.md';

/** A branch name pattern: literal text plus typed placeholders. */
const pattern = z
  .string()
  .min(1, 'a pattern must not be empty; example: "feature/{ticket}-{slug}"')
  .max(200, 'a pattern must be at most 200 characters')
  .describe(
    'A branch name pattern: literal text plus placeholders, e.g. "feature/{ticket}-{slug}".',
  );

const severityOverride = z
  .enum(['error', 'warning', 'notice', 'off'])
  .describe('The severity to report the rule with, or off to skip it.');

/** Version bump levels, weakest first. `none` means the commit type releases nothing. */
export const BUMPS = ['none', 'patch', 'minor', 'major'] as const;
export type Bump = (typeof BUMPS)[number];

const branchKind = z.strictObject({
  /** One or more patterns; a branch belongs to the kind when any pattern matches. */
  patterns: z
    .array(pattern)
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

const versionFile = z.union([
  z.string().min(1).describe('A repository-relative path; the format is picked by file name.'),
  z.strictObject({
    path: z.string().min(1),
    /** How to read the version. `auto` picks by file name. */
    format: z
      .enum(['auto', 'json', 'text', 'toml'])
      .default('auto')
      .describe('How to read the version; auto picks by file name.'),
    /** A missing optional file is skipped; a missing required file is an error. */
    optional: z
      .boolean()
      .default(false)
      .describe('A missing optional file is skipped; a missing required file is an error.'),
  }),
]);

/** The whole policy, as read from `.github/release-policy.yml`. */
export const policySchema = z.strictObject({
  /** The stable trunk's branch name. */
  mainline: z
    .string()
    .min(1)
    .default('main')
    .describe('The stable trunk\'s branch name; "mainline" in "into" lists stands for it.'),
  branches: z
    .strictObject({
      /** Ticket keys allowed in `{ticket}`, e.g. `[CHG, OPS]`. Empty: any upper-case key. */
      'ticket-keys': z
        .array(
          z
            .string()
            .regex(
              /^[A-Z][A-Z0-9]{0,19}$/,
              'a ticket key is upper-case letters and digits, starting with a letter; example: CHG',
            ),
        )
        .default([])
        .describe('Ticket keys allowed in {ticket}, e.g. [CHG, OPS]. Empty: any upper-case key.'),
      /** Branch kinds by name. */
      kinds: z
        .record(
          z.string().regex(/^[a-z][a-z0-9-]*$/, 'a kind name is lower-case, e.g. "feature"'),
          branchKind,
        )
        .meta({ description: 'Branch kinds by name; at least one.', minProperties: 1 }),
    })
    .describe('Branch kinds: name patterns and where each kind may be merged.')
    .optional(),
  versioning: z
    .strictObject({
      'tag-prefix': z
        .string()
        .max(50)
        .default('v')
        .describe('Release tags are this prefix followed by the version, e.g. v1.4.3.'),
      files: z.array(versionFile).default([]).describe('Files that declare the version.'),
      /** Allowed pre-release identifiers (the first dot-separated part), e.g. `rc` in `1.0.0-rc.1`. */
      prerelease: z
        .array(z.string().regex(/^[0-9A-Za-z-]+$/))
        .default(['alpha', 'beta', 'rc'])
        .describe('Allowed pre-release identifiers, e.g. rc in 1.0.0-rc.1.'),
      /** Whether `+build` metadata is allowed in declared versions. */
      'build-metadata': z
        .boolean()
        .default(false)
        .describe('Whether +build metadata is allowed in declared versions.'),
      /** The version recommended when no release tag exists yet. */
      initial: z
        .string()
        .default('0.1.0')
        .describe('The version recommended when no release tag exists yet (SemVer, no v).'),
    })
    .describe('Release tags, version files and allowed version forms.')
    .optional(),
  commits: z
    .strictObject({
      /** Conventional Commits types and the bump each implies. */
      types: z
        .record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.enum(BUMPS))
        .describe('Conventional Commits types and the bump each implies.'),
      /** The bump a breaking change (`!` or `BREAKING CHANGE:`) implies. */
      breaking: z.enum(BUMPS).default('major').describe('The bump a breaking change implies.'),
    })
    .describe('How commit types map to version bumps.')
    .optional(),
  /** Severity overrides per rule id, or `off`. */
  rules: z
    .record(z.string(), severityOverride)
    .default({})
    .describe('Severity overrides per rule id, or off.'),
  /** Reserved for the change-request form check. */
  'change-request': z
    .record(z.string(), z.unknown())
    .describe('Reserved for the change-request form check.')
    .optional(),
  /** Reserved for the required-documents gate. */
  documents: z
    .record(z.string(), z.unknown())
    .describe('Reserved for the required-documents gate.')
    .optional(),
  /** Reserved for the patch-to-mainline check. */
  patches: z
    .record(z.string(), z.unknown())
    .describe('Reserved for the patch-to-mainline check.')
    .optional(),
  /** Reserved for environment promotion. */
  environments: z
    .record(z.string(), z.unknown())
    .describe('Reserved for environment promotion.')
    .optional(),
});

/** The policy as written (before defaults). */
export type PolicyInput = z.input<typeof policySchema>;
/** One branch kind, with defaults applied. */
export type BranchKind = z.output<typeof branchKind>;
/** One version file entry, normalised. */
export interface VersionFileSpec {
  path: string;
  format: 'auto' | 'json' | 'text' | 'toml';
  optional: boolean;
}

/**
 * The effective policy: every section present, defaults applied. Produced by
 * `resolvePolicy`, consumed by every rule.
 */
export interface Policy {
  mainline: string;
  branches: { ticketKeys: string[]; kinds: Record<string, BranchKind> };
  versioning: {
    tagPrefix: string;
    files: VersionFileSpec[];
    prerelease: string[];
    buildMetadata: boolean;
    initial: string;
  };
  commits: { types: Record<string, Bump>; breaking: Bump };
  rules: Record<string, z.infer<typeof severityOverride>>;
  changeRequest?: Record<string, unknown>;
  documents?: Record<string, unknown>;
  patches?: Record<string, unknown>;
  environments?: Record<string, unknown>;
  /** Where the policy came from: a file path, or `(default policy)`. */
  source: string;
}
