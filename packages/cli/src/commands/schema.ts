import { createPolicyJsonSchema, UsageError } from '@release-policy/core';
import type { ParsedArgs } from '../args.js';
import { EXIT } from '../io.js';
import type { CommandResult } from '../io.js';

/** `release-policy schema`: the JSON Schema of the policy file, generated from the zod schema. */
export function runSchemaCommand(args: ParsedArgs): CommandResult {
  if (args.positionals.length > 0) {
    throw new UsageError(
      `"schema" takes no arguments, got ${JSON.stringify(args.positionals)}. Example: release-policy schema > release-policy.schema.json`,
    );
  }
  const schema = createPolicyJsonSchema();
  // The schema is the document in both modes: --json prints it as is.
  return { exitCode: EXIT.ok, json: schema, text: JSON.stringify(schema, null, 2) };
}
