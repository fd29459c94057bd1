/**
 * The sections the version check reads: `versioning` (release tags, version
 * files, allowed forms) and `commits` (what each Conventional Commits type
 * implies).
 */
import { z } from 'zod';
import { definePolicySection } from '../../config/section.js';
import { BUMPS, type Bump } from '../../config/constants.js';

/** One `versioning.files` entry as written: a path, or a mapping with its format. */
function buildVersionFileSchema() {
  return z.union([
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
}

/** The `versioning` section as written. */
function buildVersioningSchema() {
  return z
    .strictObject({
      'tag-prefix': z
        .union([z.string().max(50), z.array(z.string().max(50)).min(1)])
        .default('v')
        .describe(
          'Release tags are this prefix followed by the version, e.g. v1.4.3; a list reads tags with any of the prefixes, and new releases get the first.',
        ),
      files: z
        .array(buildVersionFileSchema())
        .default([])
        .describe('Files that declare the version.'),
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
    .describe('Release tags, version files and allowed version forms.');
}

/** One version file entry, normalized. */
export interface VersionFileSpec {
  path: string;
  format: 'auto' | 'json' | 'text' | 'toml';
  optional: boolean;
}

/** The effective `versioning` section. */
export interface VersioningPolicy {
  /**
   * The prefixes of release tags, at least one: a tag is a release when one
   * of them is followed by a version. The tag a release gets uses the first.
   */
  tagPrefix: string[];
  files: VersionFileSpec[];
  prerelease: string[];
  buildMetadata: boolean;
  initial: string;
}

/** A `versioning.files` entry as a spec: a bare path is a required file of format `auto`. */
function normalizeVersionFile(
  entry: z.output<ReturnType<typeof buildVersionFileSchema>>,
): VersionFileSpec {
  return typeof entry === 'string'
    ? { path: entry, format: 'auto', optional: false }
    : { path: entry.path, format: entry.format, optional: entry.optional };
}

/** `tag-prefix` as a list without repeats: `v` -> `['v']`, `[v, '', v]` -> `['v', '']`. */
function normalizeTagPrefix(value: string | string[]): string[] {
  return [...new Set(typeof value === 'string' ? [value] : value)];
}

const bumps = 'one of none, patch, minor, major';

/** The `versioning` policy section. */
export const versioningSection = definePolicySection({
  key: 'versioning',
  property: 'versioning',
  schema: buildVersioningSchema,
  docs: 'versioning',
  resolve: (parsed): VersioningPolicy => ({
    tagPrefix: normalizeTagPrefix(parsed['tag-prefix']),
    files: parsed.files.map(normalizeVersionFile),
    prerelease: [...parsed.prerelease],
    buildMetadata: parsed['build-metadata'],
    initial: parsed.initial,
  }),
  fields: {
    versioning: {
      expected: 'a mapping with tag-prefix, files, prerelease, build-metadata and initial',
      example: 'versioning: { tag-prefix: v, files: [package.json] }',
    },
    'versioning.tag-prefix': {
      expected:
        'the text before the version in release tags, at most 50 characters (may be ""), or a non-empty list of them',
      example: "tag-prefix: v, or tag-prefix: [v, ''] for tags with and without it",
    },
    'versioning.tag-prefix[]': {
      expected: 'the text before the version in release tags, at most 50 characters (may be "")',
      example: "tag-prefix: [v, '']",
    },
    'versioning.files': {
      expected: 'a list of version files',
      example: 'files: [package.json, { path: VERSION, format: text, optional: true }]',
    },
    'versioning.files[]': {
      expected: 'a repository-relative path, or a mapping with "path", "format" and "optional"',
      example: '{ path: package.json, format: json, optional: true }',
    },
    'versioning.files[].path': {
      expected: 'a repository-relative file path',
      example: 'path: package.json',
    },
    'versioning.files[].format': {
      expected: 'one of auto, json, text, toml',
      example: 'format: json',
    },
    'versioning.files[].optional': { expected: 'true or false', example: 'optional: true' },
    'versioning.prerelease': {
      expected: 'a list of allowed pre-release identifiers',
      example: 'prerelease: [alpha, beta, rc]',
    },
    'versioning.prerelease[]': {
      expected: 'an identifier of letters, digits and dashes',
      example: 'rc',
    },
    'versioning.build-metadata': { expected: 'true or false', example: 'build-metadata: false' },
    'versioning.initial': {
      expected: 'a SemVer version without a "v" prefix',
      example: 'initial: 0.1.0',
    },
  },
  defaultYaml: `versioning:
  # Release tags are this prefix followed by the version: v1.4.3. A list reads
  # tags with any of its prefixes ([v, ''] reads v1.4.3 and 1.4.3); a new
  # release is tagged with the first.
  tag-prefix: v
  # Files that declare the version. A path, or { path, format, optional }:
  # format is auto (by file name), json, text or toml. An optional file that is
  # missing or has no version field (a private app's package.json) is skipped;
  # for a required file both are errors.
  files:
    - { path: package.json, optional: true }
  # Allowed pre-release identifiers: 1.5.0-rc.1 is fine, 1.5.0-preview.1 is not.
  prerelease: [alpha, beta, rc]
  # Whether "+build" metadata (1.4.3+20240101) is allowed in declared versions.
  build-metadata: false
  # The version recommended when no release tag exists yet.
  initial: 0.1.0
`,
});

/** The `commits` section as written. */
function buildCommitsSchema() {
  return z
    .strictObject({
      /** Conventional Commits types and the bump each implies. */
      types: z
        .record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.enum(BUMPS))
        .describe('Conventional Commits types and the bump each implies.'),
      /** The bump a breaking change (`!` or `BREAKING CHANGE:`) implies. */
      breaking: z.enum(BUMPS).default('major').describe('The bump a breaking change implies.'),
    })
    .describe('How commit types map to version bumps.');
}

/** The effective `commits` section. */
export interface CommitsPolicy {
  types: Record<string, Bump>;
  breaking: Bump;
}

/** The `commits` policy section. */
export const commitsSection = definePolicySection({
  key: 'commits',
  property: 'commits',
  schema: buildCommitsSchema,
  docs: 'commits',
  resolve: (parsed): CommitsPolicy => ({ types: { ...parsed.types }, breaking: parsed.breaking }),
  fields: {
    commits: {
      expected: 'a mapping with "types" and optionally "breaking"',
      example: 'commits: { types: { feat: minor, fix: patch }, breaking: major }',
    },
    'commits.types': {
      expected: 'a mapping from Conventional Commits type to the bump it implies',
      example: 'types: { feat: minor, fix: patch, docs: none }',
    },
    'commits.types.*(key)': {
      expected: 'a commit type: lower-case letters, digits and dashes, starting with a letter',
      example: 'feat',
    },
    'commits.types.*': { expected: bumps, example: 'feat: minor' },
    'commits.breaking': { expected: bumps, example: 'breaking: major' },
  },
  defaultYaml: `commits:
  # Conventional Commits types and the version bump each implies: none, patch,
  # minor or major.
  types:
    feat: minor
    fix: patch
    perf: patch
    revert: patch
    docs: none
    style: none
    refactor: none
    test: none
    build: none
    ci: none
    chore: none
  # The bump a breaking change ("feat!:" or a "BREAKING CHANGE:" footer) implies.
  breaking: major
`,
});
