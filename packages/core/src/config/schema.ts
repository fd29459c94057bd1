import { z } from 'zod';

/** Where the policy documentation lives, relative to the repository root. */
export const POLICY_DOCS = 'docs/policy.md';

/** A branch name pattern: literal text plus typed placeholders. */
const pattern = z
  .string()
  .min(1, 'a pattern must not be empty; example: "feature/{ticket}-{slug}"')
  .max(200, 'a pattern must be at most 200 characters');

const severityOverride = z.enum(['error', 'warning', 'notice', 'off']);

/** Version bump levels, weakest first. `none` means the commit type releases nothing. */
export const BUMPS = ['none', 'patch', 'minor', 'major'] as const;
export type Bump = (typeof BUMPS)[number];

const branchKind = z.strictObject({
  /** One or more patterns; a branch belongs to the kind when any pattern matches. */
  patterns: z.array(pattern).min(1, 'a branch kind needs at least one pattern'),
  /**
   * Where branches of this kind may be merged (the pull-request base):
   * `mainline` or other kind names. An empty list means "merges nowhere".
   */
  into: z.array(z.string().min(1)).default([]),
  /**
   * When the target kind carries a version line (release/maintenance), the
   * source's own version must be on that line: `hotfix/1.4.3` into `release/1.4`.
   */
  'same-line': z.boolean().default(false),
  /** Free text shown in messages and the job summary. */
  description: z.string().optional(),
});

const versionFile = z.union([
  z.string().min(1),
  z.strictObject({
    path: z.string().min(1),
    /** How to read the version. `auto` picks by file name. */
    format: z.enum(['auto', 'json', 'text', 'toml']).default('auto'),
    /** A missing optional file is skipped; a missing required file is an error. */
    optional: z.boolean().default(false),
  }),
]);

/** The whole policy, as read from `.github/release-policy.yml`. */
export const policySchema = z.strictObject({
  /** The stable trunk's branch name. */
  mainline: z.string().min(1).default('main'),
  branches: z
    .strictObject({
      /** Ticket keys allowed in `{ticket}`, e.g. `[CHG, OPS]`. Empty: any upper-case key. */
      'ticket-keys': z
        .array(z.string().regex(/^[A-Z][A-Z0-9]{0,19}$/, 'a ticket key is upper-case letters and digits, starting with a letter; example: CHG'))
        .default([]),
      /** Branch kinds by name. */
      kinds: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'a kind name is lower-case, e.g. "feature"'), branchKind),
    })
    .optional(),
  versioning: z
    .strictObject({
      'tag-prefix': z.string().max(50).default('v'),
      files: z.array(versionFile).default([]),
      /** Allowed pre-release identifiers (the first dot-separated part), e.g. `rc` in `1.0.0-rc.1`. */
      prerelease: z.array(z.string().regex(/^[0-9A-Za-z-]+$/)).default(['alpha', 'beta', 'rc']),
      /** Whether `+build` metadata is allowed in declared versions. */
      'build-metadata': z.boolean().default(false),
      /** The version recommended when no release tag exists yet. */
      initial: z.string().default('0.1.0'),
    })
    .optional(),
  commits: z
    .strictObject({
      /** Conventional Commits types and the bump each implies. */
      types: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.enum(BUMPS)),
      /** The bump a breaking change (`!` or `BREAKING CHANGE:`) implies. */
      breaking: z.enum(BUMPS).default('major'),
    })
    .optional(),
  /** Severity overrides per rule id, or `off`. */
  rules: z.record(z.string(), severityOverride).default({}),
  /** Reserved for the change-request form check. */
  'change-request': z.record(z.string(), z.unknown()).optional(),
  /** Reserved for the required-documents gate. */
  documents: z.record(z.string(), z.unknown()).optional(),
  /** Reserved for the patch-to-mainline check. */
  patches: z.record(z.string(), z.unknown()).optional(),
  /** Reserved for environment promotion. */
  environments: z.record(z.string(), z.unknown()).optional(),
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
