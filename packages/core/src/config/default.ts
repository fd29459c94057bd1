/**
 * The default policy as a commented YAML text (what `release-policy init`
 * writes). `parseDefaultPolicyYaml()` in `load.ts` parses it (the test of
 * `default-parsed.ts`, the parsed copy `defaultPolicy()` returns, compares
 * the two); this module imports no loader, so the two never import each other.
 */
import { POLICY_SECTIONS } from './sections.js';

/** Where the policy's JSON Schema is published; editors read it from the first line. */
export const POLICY_SCHEMA_URL =
  'https://raw.githubusercontent.com/release-policy/release-policy/main/schema/release-policy.schema.json';

/** The `source` of the default policy. */
export const DEFAULT_POLICY_SOURCE = '(default policy)';

/**
 * The default policy's text, composed from the common header, each check's
 * section (`PolicySection.defaultYaml`) and the closing sections, so a new
 * check's defaults are written once, beside its schema.
 */
function composeDefaultPolicyYaml(): string {
  const sections = POLICY_SECTIONS.map((section) => section.defaultYaml).join('\n');
  return `${DEFAULT_POLICY_HEAD}${sections}\n${DEFAULT_POLICY_TAIL}`;
}

const DEFAULT_POLICY_HEAD = `# yaml-language-server: $schema=${POLICY_SCHEMA_URL}
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

`;

const DEFAULT_POLICY_TAIL = `# Severity per rule id: error, warning, notice, or off. Rules not listed keep
# their own severity. Rule ids are listed in docs/rules.md.
rules: {}
`;

/** The default policy as a commented YAML file: what `release-policy init` writes. */
export const DEFAULT_POLICY_YAML = composeDefaultPolicyYaml();
