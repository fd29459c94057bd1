import { z } from 'zod';
import { BUMPS, POLICY_DOCS, type Bump } from './constants.js';
import { BRANCH_NAME_FORM, listBranchNameProblems } from '../branch-name-rules.js';
import type { AnyPolicySection } from './section.js';
import { POLICY_SECTIONS } from './sections.js';

export { BUMPS, POLICY_DOCS, type Bump };
export type { BranchKind, BranchesPolicy } from '../checks/branch/section.js';
export type {
  ChangelogPackage,
  ChangelogPolicy,
  ChangelogTypeSection,
} from '../checks/changelog/section.js';
export type {
  ChangeRequestPolicy,
  DocumentSpec,
  ReleaseType,
  SectionSpec,
} from '../checks/docs/section.js';
export type { PatchesPolicy, PatchWaiver } from '../checks/patches/section.js';
export type {
  ChangeWindow,
  EnvironmentSpec,
  EnvironmentsPolicy,
  FreezePeriod,
} from '../checks/promote/section.js';
export type {
  CommitsPolicy,
  VersionFileSpec,
  VersioningPolicy,
} from '../checks/version/section.js';

/** A rule's level as the policy writes it, or `off`. */
function buildSeverityOverrideSchema() {
  return z
    .enum(['error', 'warning', 'notice', 'off'])
    .describe('The severity to report the rule with, or off to skip it.');
}

/** A rule's level as the policy sets it. */
export type SeverityOverride = z.output<ReturnType<typeof buildSeverityOverrideSchema>>;

/** The sections every policy has, whatever checks exist. */
function buildCommonShape() {
  return {
    /** The stable trunk's branch name. */
    mainline: z
      .string()
      .min(1)
      .superRefine((name, ctx) => {
        const problems = listBranchNameProblems(name);
        if (problems.length > 0) {
          ctx.addIssue({
            code: 'custom',
            message: `is not a branch name git accepts (${problems.join('; ')}); ${BRANCH_NAME_FORM}`,
          });
        }
      })
      .default('main')
      .describe('The stable trunk\'s branch name; "mainline" in "into" lists stands for it.'),
  };
}

/**
 * The keys of the sections after the checks' own, in file order: rule
 * levels, the sections reserved for capabilities that are not there yet
 * (none today; any mapping is accepted), then the releases that understand
 * the file. `buildClosingShape` builds exactly these keys.
 */
const CLOSING_KEYS = ['rules', 'requires'] as const;

/** The sections after the checks' own, keyed by {@link CLOSING_KEYS}. */
function buildClosingShape() {
  return {
    /** Severity overrides per rule id, or `off`. */
    rules: z
      .record(z.string(), buildSeverityOverrideSchema())
      .default({})
      .describe('Severity overrides per rule id, or off.'),
    /** The release-policy releases that understand this file, a SemVer range. */
    requires: z
      .string()
      .min(1)
      .describe(
        "The release-policy releases that understand this file, a SemVer range such as '>=0.2.0'.",
      )
      .optional(),
  } satisfies Record<(typeof CLOSING_KEYS)[number], z.ZodType>;
}

/** The keys of the reserved sections (from the key list: no schema is built for it). */
export const RESERVED_SECTIONS: readonly string[] = CLOSING_KEYS.filter(
  (key) => key !== 'rules' && key !== 'requires',
);

type SectionList = typeof POLICY_SECTIONS;
type SectionShape = { [S in SectionList[number] as S['key']]: z.ZodOptional<S['schema']> };

function composeSectionShape(sections: readonly AnyPolicySection[]): SectionShape {
  const shape: Record<string, z.ZodType> = {};
  for (const section of sections) shape[section.key] = section.schema.optional();
  // The mapped type above states what this loop builds.
  return shape as SectionShape;
}

/** Builds the whole policy schema: composed from the checks' sections (which build theirs). */
function buildPolicySchema() {
  return z.strictObject({
    ...buildCommonShape(),
    ...composeSectionShape(POLICY_SECTIONS),
    ...buildClosingShape(),
  });
}

/** The zod schema of the whole policy file. */
export type PolicySchema = ReturnType<typeof buildPolicySchema>;

/** The policy as the schema outputs it: file keys, defaults applied inside present sections. */
export type ParsedPolicy = z.output<PolicySchema>;

let policySchema: PolicySchema | undefined;

/**
 * The whole policy, as read from `.github/release-policy.yml`: composed from
 * the checks' sections. Built on the first call and kept, so only a run that
 * validates a policy (or generates the JSON Schema, or describes a field)
 * pays for building it; a run on the default policy never does.
 */
export function getPolicySchema(): PolicySchema {
  policySchema ??= buildPolicySchema();
  return policySchema;
}

/** The sections' effective values, by `Policy` property. */
type SectionValues = {
  [S in SectionList[number] as S['property']]: ReturnType<S['resolve']>;
};

/**
 * The effective policy: every section present, defaults applied. Produced by
 * `resolvePolicy`, consumed by every rule.
 */
export type Policy = SectionValues & {
  mainline: string;
  rules: Record<string, SeverityOverride>;
  /** Where the policy came from: a file path, or `(default policy)`. */
  source: string;
};
