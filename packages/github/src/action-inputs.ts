import { quoteValue } from '@release-policy/core';
import { ACTIONS_DOCS } from './text.js';
import { InputError } from './errors.js';

/** Reads the action's inputs; one reader serves the whole flow and every action. */
export interface ActionInputs {
  /** The input's value, trimmed; empty when not given (as `core.getInput` reads it). */
  get(name: string): string;
}

/**
 * The environment variable the runner sets for the input `name`, as
 * `@actions/core` maps it: `INPUT_` plus the name upper-cased with spaces as
 * `_` (dashes kept), e.g. `bot-login` → `INPUT_BOT-LOGIN`.
 */
export function describeInputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * An input reader over `env` (not `process.env`), so a run's inputs come
 * from the environment it was given. Values are trimmed like `core.getInput`.
 */
export function readActionInputs(env: NodeJS.ProcessEnv): ActionInputs {
  return { get: (name) => (env[describeInputVariable(name)] ?? '').trim() };
}

/** Input values `core.getBooleanInput` accepts, as in the YAML 1.2 core schema. */
const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];

/**
 * Parses the value `raw` of the boolean input `name` of the action whose
 * check id is `check`: empty means `fallback`; `true`/`True`/`TRUE` and
 * `false`/`False`/`FALSE` as `core.getBooleanInput` reads them.
 * @throws InputError for anything else (`no`, `off`, `0`), instead of reading
 * it as either; the message links the action's inputs section.
 */
export function parseBooleanInput(
  name: string,
  raw: string,
  fallback: boolean,
  check: string,
): boolean {
  if (raw === '') return fallback;
  if (TRUE_VALUES.includes(raw)) return true;
  if (FALSE_VALUES.includes(raw)) return false;
  throw new InputError(
    `The input ${quoteValue(name)} is ${quoteValue(raw)}, which is neither true nor false. ` +
      `Give one of true, True, TRUE, false, False or FALSE, e.g. "${name}: false". Read more: ${ACTIONS_DOCS}#${check}-inputs`,
  );
}
