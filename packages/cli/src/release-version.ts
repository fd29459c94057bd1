/**
 * The release version given on the command line (`changelog --version V`,
 * `docs V`, `docs --version V`), checked before anything runs: a value that
 * is not a version would otherwise name a release heading or pass the docs
 * check without requiring a document.
 */
import {
  parseStrictVersion,
  selectSourceParseOptions,
  UsageError,
  type Policy,
} from '@release-policy/core';

/**
 * The release version `text` without its tag prefix: a valid SemVer version,
 * which may start with one of the policy's `versioning.tag-prefix` (taken
 * off once: `v1.4.0` is `1.4.0`, `vv1.4.0` is refused), read as the docs
 * check reads the action's `version` input.
 *
 * @param given how the value was given, for the message: `--version` or `docs VERSION`
 * @param example a command line with a valid value, e.g. `release-policy docs 1.4.0`
 * @throws UsageError when `text` is not a version, with the problems and an example
 */
export function loadReleaseVersion(
  text: string,
  policy: Policy,
  given: string,
  example: string,
): string {
  const parsed = parseStrictVersion(
    text,
    selectSourceParseOptions({ kind: 'input', value: text, label: given }, policy),
  );
  if (parsed.ok) return parsed.version;
  // The parser's own advice ends with its docs link; the command line's comes last instead.
  const problem = parsed.problem.replace(/ See \S+$/, '');
  const prefix = policy.versioning.tagPrefix[0] ?? '';
  throw new UsageError(
    `${given}: ${problem}` +
      (prefix === '' ? '' : ` The tag prefix ${JSON.stringify(prefix)} may lead it once.`) +
      ` Example: ${example}. See docs/cli.md#options`,
  );
}
