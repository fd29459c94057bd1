/**
 * A policy section: one top-level key of `.github/release-policy.yml`, owned
 * by the check that reads it. The loader, the effective `Policy`, the JSON
 * Schema, the field descriptions in messages, the documentation anchors and
 * the commented default file are all composed from these, so a new section
 * is written once, in its check's folder.
 */
import type { z } from 'zod';

/** The expected form of one field, in words, and a YAML example. */
export interface FieldInfo {
  expected: string;
  example: string;
}

/**
 * One top-level policy section.
 *
 * @typeParam Key - the key in the file, e.g. `versioning`
 * @typeParam Property - the property of the effective `Policy`, e.g. `versioning`
 * @typeParam Schema - the zod schema of the section as written
 * @typeParam Value - the section's effective value, defaults applied
 */
export interface PolicySection<
  Key extends string,
  Property extends string,
  Schema extends z.ZodType,
  Value,
> {
  /** The key in the file (kebab-case). */
  key: Key;
  /** The property of the effective policy (camelCase). */
  property: Property;
  /** The zod schema of the section as written; validated strictly, defaults inside it applied. */
  schema: Schema;
  /**
   * The effective value from the schema's output, when the file has the
   * section. A section the file leaves out takes the default policy's value
   * (a section written in the file replaces the default one as a whole).
   */
  resolve(parsed: z.output<Schema>): Value;
  /**
   * Optional: the effective value with the file positions of its entries,
   * for problems only found when the policy is used (a document link that
   * leaves the repository is a policy error at its entry's line). `at`
   * gives the position of the value at a path below the section's key.
   */
  locate?(value: Value, at: (path: readonly (string | number)[]) => PolicyPosition): Value;
  /**
   * Field descriptions for messages, keyed by schema path from the top, as
   * `describeField` walks it: the section key itself, then `.` for mapping
   * keys, `*` for any key of a free-form mapping, `[]` for list items and a
   * `(key)` suffix for the key of a free-form mapping (`branches.kinds.*(key)`).
   */
  fields: Record<string, FieldInfo>;
  /** The section's part of the commented default policy file, ending with a newline. */
  defaultYaml: string;
  /** The heading anchor of the section in docs/policy.md, e.g. `versioning`. */
  docs: string;
}

/** Where a value of the policy stands: the policy's file (its `source`), line and column (1-based). */
export interface PolicyPosition {
  file: string;
  line: number;
  column: number;
}

/** Any policy section, for lists. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- `resolve` takes each section's own schema output
export type AnyPolicySection = PolicySection<string, string, z.ZodType, any>;

/**
 * Declares a section, keeping its literal key, property and value type so
 * the effective `Policy` type can be derived from the list of sections.
 */
export function definePolicySection<
  Key extends string,
  Property extends string,
  Schema extends z.ZodType,
  Value,
>(
  section: PolicySection<Key, Property, Schema, Value>,
): PolicySection<Key, Property, Schema, Value> {
  return section;
}
