import * as core from '@actions/core';
import { quoteValue } from '@release-policy/core';
import { OutputNameError } from './errors.js';
import { redactSecrets, redactValue } from './secrets.js';
import { ACTIONS_DOCS } from './text.js';

/** A value an action output can take; objects and arrays are written as JSON. */
export type OutputValue =
  string | number | boolean | null | undefined | readonly unknown[] | Record<string, unknown>;

const OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Sets action outputs through `GITHUB_OUTPUT` (a file command with a random
 * delimiter, so values may hold any text, newlines included). `undefined`
 * values are skipped; booleans and numbers are written as text; every
 * secret the run knows is redacted ({@link redactSecrets}). Every
 * invalid name is reported at once, before anything is written.
 */
export function setOutputs(record: Readonly<Record<string, OutputValue>>): void {
  const bad = Object.keys(record).filter((name) => !OUTPUT_NAME.test(name));
  if (bad.length > 0) {
    throw new OutputNameError(
      `Invalid output name${bad.length > 1 ? 's' : ''} ${bad.map((n) => quoteValue(n)).join(', ')}: ` +
        `an output name is letters, digits, "_" and "-", starting with a letter or "_", e.g. "next-version". ` +
        `Read more: ${ACTIONS_DOCS}#outputs`,
    );
  }
  for (const [name, value] of Object.entries(record)) {
    if (value === undefined) continue;
    // Redacted before JSON is written (no secret inside a string), then as text (a secret in a key).
    const clean = redactValue(value);
    core.setOutput(
      name,
      redactSecrets(
        typeof clean === 'string' ? clean : clean === null ? '' : JSON.stringify(clean),
      ),
    );
  }
}
