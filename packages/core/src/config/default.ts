/**
 * The default policy: a commented YAML text (what `release-policy init`
 * writes) and the effective `Policy` parsed from it.
 */
import { ReleasePolicyError } from '../errors.js';
import { formatConfigIssues } from '../errors.js';
import { parsePolicy } from './load.js';
import type { Policy } from './schema.js';

/** Where the policy's JSON Schema is published; editors read it from the first line. */
export const POLICY_SCHEMA_URL =
  'https://raw.githubusercontent.com/release-policy/release-policy/main/schema/release-policy.schema.json';

/** The `source` of the default policy. */
export const DEFAULT_POLICY_SOURCE = '(default policy)';

/** The default policy as a commented YAML file. */
export const DEFAULT_POLICY_YAML = `# yaml-language-server: $schema=${POLICY_SCHEMA_URL}
#
# Release policy: how branches are named, where they merge, and how versions
# are declared and bumped. Reference: docs/policy.md
#
# This file is read from the base branch of a pull request, so a change to the
# policy takes effect once it is merged. Each top-level section you write
# replaces the default section as a whole; a section you leave out keeps its
# default. The file is YAML 1.2: only true and false are booleans ("no", "on"
# stay strings), and values that start with "{" must be quoted.

# The stable trunk's branch name. In "into" lists below, the keyword
# "mainline" stands for this branch.
mainline: main

branches:
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

versioning:
  # Release tags are this prefix followed by the version: v1.4.3.
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

commits:
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

# Severity per rule id: error, warning, notice, or off. Rules not listed keep
# their own severity. Rule ids are listed in docs/rules.md.
rules: {}

# Reserved for later capabilities: change-request, documents, patches,
# environments. See docs/policy.md#reserved-sections.
`;

/** The default policy failed to parse: a bug in this package, never a user error. */
export class DefaultPolicyError extends ReleasePolicyError {}

let memo: Policy | undefined;
let parsing = false;

/**
 * Returns the default policy, parsed from `DEFAULT_POLICY_YAML` once and
 * copied on every call so callers may change their copy freely.
 *
 * @throws DefaultPolicyError if the built-in YAML does not parse (a bug)
 */
export function defaultPolicy(): Policy {
  if (memo === undefined) {
    if (parsing) {
      throw new DefaultPolicyError(
        'The default policy refers to itself while being parsed: DEFAULT_POLICY_YAML must ' +
          'write out every section that has a default.',
      );
    }
    parsing = true;
    try {
      const result = parsePolicy(DEFAULT_POLICY_YAML, DEFAULT_POLICY_SOURCE);
      if (!result.ok) {
        throw new DefaultPolicyError(
          `The built-in default policy is invalid:\n${formatConfigIssues(result.issues)}`,
        );
      }
      memo = result.policy;
    } finally {
      parsing = false;
    }
  }
  return structuredClone(memo);
}
