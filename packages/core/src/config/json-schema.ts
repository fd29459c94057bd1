/**
 * The policy's JSON Schema, generated from the zod schema, for editors
 * (`# yaml-language-server: $schema=...`). Committed at
 * `schema/release-policy.schema.json`; a test keeps the two in sync.
 */
import { z } from 'zod';
import { POLICY_SCHEMA_URL } from './default.js';
import { getPolicySchema } from './schema.js';

/**
 * Creates the JSON Schema (draft 2020-12) of the policy file as written: the
 * input form, so keys with defaults are optional.
 */
export function createPolicyJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(getPolicySchema(), { io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: POLICY_SCHEMA_URL,
    title: 'release-policy',
    description:
      'The release policy in .github/release-policy.yml: branch kinds and merge targets, ' +
      'versioning, commit types and rule severities. Reference: docs/policy.md',
    ...rest,
  };
}
