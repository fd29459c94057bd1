/**
 * Test helper: effective Policy objects with the default policy's values,
 * built by hand so tests do not depend on the policy loader.
 */
import type {
  BranchKind,
  DocumentSpec,
  EnvironmentSpec,
  Policy,
  ReleaseType,
} from '../config/schema.js';

/** Overrides for {@link makePolicy}; nested sections are merged one level deep. */
export type PolicyOverrides = Partial<
  Omit<Policy, 'branches' | 'versioning' | 'commits' | 'changelog'>
> & {
  branches?: Partial<Policy['branches']>;
  versioning?: Partial<Policy['versioning']>;
  commits?: Partial<Policy['commits']>;
  changelog?: Partial<Policy['changelog']>;
};

/** The default policy's branch kind names, in the order the policy lists them. */
export const DEFAULT_KIND_NAMES: readonly string[] = [
  'feature',
  'fix',
  'release',
  'maintenance',
  'hotfix',
  'bot',
];

const PLACEHOLDERS = ['TODO', 'TBD', '<…>', '…'];

function document(path: string, requiredFor: ReleaseType[], titles: string[]): DocumentSpec {
  return {
    path: `docs/release/${path}`,
    requiredFor,
    sections: titles.map((title) => ({ title, aliases: [] })),
    mentionVersion: false,
    updated: false,
    placeholders: [...PLACEHOLDERS],
  };
}

/** The default policy's `documents` entries. */
function makeDefaultDocuments(): DocumentSpec[] {
  const rollback = document(
    'rollback.md',
    ['major', 'minor', 'patch'],
    ['Triggers', 'Rollback', 'Verification'],
  );
  return [
    {
      ...document('release-notes.md', ['major', 'minor', 'patch'], ['Changes', 'Risk']),
      mentionVersion: true,
    },
    document('installation.md', ['major', 'minor'], ['Environment', 'Steps', 'Verification']),
    document('configuration.md', ['major', 'minor'], ['Parameters']),
    document('backup-restore.md', ['major', 'minor'], ['Backup', 'Restore']),
    {
      ...rollback,
      sections: rollback.sections.map((s) =>
        s.title === 'Rollback' ? { title: 'Rollback', aliases: ['回滚'] } : s,
      ),
    },
  ];
}

/**
 * An effective environment entry with nothing demanded beyond its order:
 * no soak, approvals, windows, freezes or canary; UTC.
 */
export function makeEnvironment(
  name: string,
  after: string | undefined,
  overrides: Partial<EnvironmentSpec> = {},
): EnvironmentSpec {
  return {
    name,
    after,
    soak: '0s',
    soakMs: 0,
    approvals: { required: 0, from: [], allowSelf: false },
    timezone: 'UTC',
    windows: [],
    freeze: [],
    emergency: { allowed: true, extraApprovals: 1 },
    automatic: false,
    ...overrides,
  };
}

/**
 * The default policy's environments: dev, test (automatic, after none),
 * staging (one approval) and production (two).
 */
function makeDefaultEnvironments(): EnvironmentSpec[] {
  return [
    makeEnvironment('dev', undefined),
    makeEnvironment('test', undefined, { automatic: true }),
    makeEnvironment('staging', 'test', {
      approvals: { required: 1, from: [], allowSelf: false },
    }),
    makeEnvironment('production', 'staging', {
      approvals: { required: 2, from: [], allowSelf: false },
    }),
  ];
}

/**
 * A plain chain dev → test → staging → production, each after the one
 * before it, production approved by one person: for tests about the order
 * and a single approval (the default policy's test is automatic, after none).
 */
export function makeChainEnvironments(): EnvironmentSpec[] {
  return [
    makeEnvironment('dev', undefined),
    makeEnvironment('test', 'dev'),
    makeEnvironment('staging', 'test'),
    makeEnvironment('production', 'staging', {
      approvals: { required: 1, from: [], allowSelf: false },
    }),
  ];
}

function kind(patterns: string[], into: string[], sameLine = false): BranchKind {
  return { patterns, into, 'same-line': sameLine };
}

/**
 * Builds a fresh Policy equal to the default policy, with `overrides` applied
 * (`branches.kinds` given in overrides replaces the default kinds entirely).
 * Every call returns new objects, so tests may mutate them freely.
 */
export function makePolicy(overrides: PolicyOverrides = {}): Policy {
  const { branches, versioning, commits, changelog, ...rest } = overrides;
  return {
    mainline: 'main',
    rules: {},
    source: '(default policy)',
    documents: makeDefaultDocuments(),
    changeRequest: {
      sections: [
        { title: 'Reason', aliases: ['变更原因'] },
        { title: 'Impact analysis', aliases: ['影响分析'] },
        { title: 'Verification plan', aliases: ['验证计划'] },
        { title: 'Risk', aliases: ['风险'] },
      ],
      ticketKeys: ['CHG'],
      requireTicket: true,
      exemptLabels: ['dependencies'],
      exemptAuthors: ['dependabot[bot]', 'renovate[bot]'],
      placeholders: [...PLACEHOLDERS],
    },
    patches: {
      kinds: ['release', 'maintenance', 'hotfix'],
      exempt: ['chore(release):', 'release:', 'Next development version', '[maven-release-plugin]'],
      waivers: [],
      missing: 'error',
    },
    environments: makeDefaultEnvironments(),
    audit: {
      statusIssueTitle: 'Release status',
      failOn: ['drift', 'missing-patches'],
      requiredChecks: ['release-policy / release policy'],
      actionRepository: 'release-policy/release-policy',
    },
    ...rest,
    branches: {
      ticketKeys: [],
      kinds: {
        feature: kind(['feature/{ticket}-{slug}', 'feat/{ticket}-{slug}'], ['mainline']),
        fix: kind(['fix/{ticket}-{slug}'], ['mainline', 'release', 'maintenance']),
        release: kind(['release/{major}.{minor}'], ['mainline']),
        maintenance: kind(['{major}.{minor}.x', '{major}.x'], ['mainline']),
        hotfix: kind(['hotfix/{version}'], ['mainline', 'release', 'maintenance'], true),
        bot: kind(['dependabot/{rest}', 'renovate/{rest}'], ['mainline', 'release', 'maintenance']),
      },
      ...branches,
    },
    versioning: {
      tagPrefix: ['v'],
      files: [{ path: 'package.json', format: 'auto', optional: true }],
      prerelease: ['alpha', 'beta', 'rc'],
      buildMetadata: false,
      initial: '0.1.0',
      ...versioning,
    },
    commits: {
      types: {
        feat: 'minor',
        fix: 'patch',
        perf: 'patch',
        revert: 'patch',
        docs: 'none',
        style: 'none',
        refactor: 'none',
        test: 'none',
        build: 'none',
        ci: 'none',
        chore: 'none',
      },
      breaking: 'major',
      ...commits,
    },
    changelog: {
      file: 'CHANGELOG.md',
      sections: [
        { type: 'feat', title: 'Features', hidden: false },
        { type: 'fix', title: 'Bug Fixes', hidden: false },
        { type: 'perf', title: 'Performance Improvements', hidden: false },
        { type: 'revert', title: 'Reverts', hidden: false },
      ],
      breakingTitle: '⚠ BREAKING CHANGES',
      other: false,
      ticketPrefixes: [],
      packages: [],
      contributors: true,
      draft: false,
      ...changelog,
    },
  };
}
