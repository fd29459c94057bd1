/**
 * A policy section: one top-level key of `.github/release-policy.yml`, owned
 * by the check that reads it. The loader, the effective `Policy`, the JSON
 * Schema, the field descriptions in messages, the documentation anchors and
 * the commented default file are all composed from these, so a new section
 * is written once, in its check's folder.
 *
 * A section's zod schema is built on first use, not when the module loads:
 * a run without a policy file validates nothing (its default policy is
 * written out in `default-parsed.ts`), and building every schema at start
 * would cost a cold command tens of milliseconds for nothing.
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
  /**
   * The zod schema of the section as written; validated strictly, defaults
   * inside it applied. Built on its first read and kept (the same object on
   * every read), so only a run that validates a policy builds it.
   */
  readonly schema: Schema;
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
 * A section as its check declares it: a {@link PolicySection}, except that
 * `schema` is the function that builds the zod schema (pass it by reference,
 * e.g. `schema: buildVersioningSchema`, so `resolve` gets its typed
 * `parsed`). It is called once, on the first read of the section's `schema`.
 */
export type PolicySectionDefinition<
  Key extends string,
  Property extends string,
  Schema extends z.ZodType,
  Value,
> = Omit<PolicySection<Key, Property, Schema, Value>, 'schema'> & {
  /** Builds the section's zod schema; called at most once. */
  schema: () => Schema;
};

/** How many section schemas this module instance has built, for {@link countBuiltSectionSchemas}. */
let builtSectionSchemas = 0;

/**
 * How many section schemas have been built so far in this module instance.
 * Internal (not in the package index): the tests use it to prove that
 * loading core and taking the default policy builds no schema, and that
 * reading a section's `schema` twice builds it once.
 */
export function countBuiltSectionSchemas(): number {
  return builtSectionSchemas;
}

/**
 * Declares a section, keeping its literal key, property and value type so
 * the effective `Policy` type can be derived from the list of sections. The
 * returned section's `schema` is a getter that builds the schema with the
 * definition's builder on first read and returns that same schema after.
 */
export function definePolicySection<
  Key extends string,
  Property extends string,
  Schema extends z.ZodType,
  Value,
>(
  definition: PolicySectionDefinition<Key, Property, Schema, Value>,
): PolicySection<Key, Property, Schema, Value> {
  const { schema: buildSchema, ...rest } = definition;
  let schema: Schema | undefined;
  return {
    ...rest,
    get schema(): Schema {
      if (schema === undefined) {
        schema = buildSchema();
        builtSectionSchemas += 1;
      }
      return schema;
    },
  };
}
