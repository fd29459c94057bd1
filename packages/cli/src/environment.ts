/**
 * The environment given on the command line (`promote --environment NAME`),
 * checked against the policy before anything runs: with or without a token,
 * a missing or unknown environment is a usage error, never a pass.
 */
import { findClosest, quoteValue, UsageError, type Policy } from '@release-policy/core';

/**
 * The environment `promote` is about: `given`, one of the policy's
 * `environments`.
 * @throws UsageError when it is missing or not one of the policy's, naming them (and the nearest one)
 */
export function loadPromoteEnvironment(given: string | undefined, policy: Policy): string {
  const names = policy.environments.map((environment) => environment.name);
  if (given !== undefined && names.includes(given)) return given;
  const example = `--environment ${names.at(-1) ?? 'production'}`;
  const listed =
    names.length === 0
      ? 'The policy lists no environments: add them under environments, e.g. environments: [{ name: production }].'
      : `Give one of the policy's environments (${names.join(', ')}), e.g. ${example}.`;
  if (given === undefined) {
    throw new UsageError(
      `promote needs the environment to check: give --environment NAME. ${listed} See docs/policy.md#environments`,
    );
  }
  const near = findClosest(given, names);
  throw new UsageError(
    `--environment ${quoteValue(given)} is not one of the policy's environments.` +
      (near === undefined ? '' : ` Did you mean ${quoteValue(near)}?`) +
      ` ${listed} See docs/policy.md#environments`,
  );
}
