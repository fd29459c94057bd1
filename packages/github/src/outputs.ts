import * as core from '@actions/core';
import { formatReleaseDocsBaseUrl, linkDocs, quoteValue } from '@release-policy/core';
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
 * secret the run knows is redacted ({@link redactSecrets}). Every invalid
 * name is reported at once, before anything is written. When the file cannot
 * be written (a full disk, no permission) the run is failed with a message
 * naming the file, and false is returned instead of throwing, so the caller
 * still reports its findings.
 * @throws OutputNameError for an invalid output name.
 */
export function setOutputs(
  record: Readonly<Record<string, OutputValue>>,
  docsBaseUrl: string = formatReleaseDocsBaseUrl(),
): boolean {
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
    try {
      core.setOutput(
        name,
        redactSecrets(
          typeof clean === 'string' ? clean : clean === null ? '' : JSON.stringify(clean),
        ),
      );
    } catch (error) {
      // The run goes on, so the findings still reach the annotations and the summary.
      core.setFailed(linkDocs(describeOutputFailure(name, error), docsBaseUrl));
      return false;
    }
  }
  return true;
}

/** Why writing output `name` failed, naming the file and what to do; never the value. */
function describeOutputFailure(name: string, error: unknown): string {
  const file = process.env.GITHUB_OUTPUT ?? '';
  const code = (error as { code?: unknown } | null)?.code;
  const why =
    code === 'ENOSPC'
      ? 'the disk is full (ENOSPC)'
      : code === 'EACCES' || code === 'EPERM'
        ? `permission to write it was denied (${code})`
        : typeof code === 'string'
          ? `writing failed (${code})`
          : 'writing failed';
  return (
    `The output ${quoteValue(name)} could not be written to the outputs file GITHUB_OUTPUT=${quoteValue(file)}: ${why}. ` +
    'The remaining outputs were not written; the findings are still reported below. ' +
    'Free disk space on the runner, and do not change GITHUB_OUTPUT or its permissions in earlier steps. ' +
    `Read more: ${ACTIONS_DOCS}#outputs`
  );
}
