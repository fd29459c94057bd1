/**
 * The policy's `requires`: the range of release-policy releases that
 * understand the file. A policy written for a newer release then fails with
 * a message naming that release, instead of a list of unknown keys.
 */
// One function per module: the package's index loads all of semver (a few ms of every start).
import validRange from 'semver/ranges/valid.js';
import minVersion from 'semver/ranges/min-version.js';
import satisfies from 'semver/functions/satisfies.js';
import gt from 'semver/functions/gt.js';
import type { ConfigIssue } from '../errors.js';
import { quoteValue } from '../text.js';
import { RELEASE_POLICY_VERSION } from './constants.js';
import { formatPath, seeDocs } from './messages.js';
import type { PolicySource } from './yaml-source.js';

/** What the policy's `requires` says about the running release. */
export type Requirement =
  | { state: 'absent' }
  /** `requires` is present but not a SemVer range: reported on its own. */
  | { state: 'invalid' }
  | { state: 'met'; range: string }
  | { state: 'unmet'; range: string };

/** A range with a pre-release bound (`>=0.3.0-rc.1`) includes that release's pre-releases. */
const rangeOptions = { includePrerelease: true };

/** Reads `requires` from the plain policy value and compares it with the running release. */
export function classifyRequirement(value: unknown): Requirement {
  if (value === null || typeof value !== 'object' || !Object.hasOwn(value, 'requires')) {
    return { state: 'absent' };
  }
  const range: unknown = (value as { requires: unknown }).requires;
  if (typeof range !== 'string' || validRange(range, rangeOptions) === null) {
    return { state: 'invalid' };
  }
  return satisfies(RELEASE_POLICY_VERSION, range, rangeOptions)
    ? { state: 'met', range }
    : { state: 'unmet', range };
}

/**
 * The issue `requires` raises, if any: a range that is not SemVer, or a
 * range the running release does not satisfy (what to update to, then).
 * A `requires` that is not a string is the schema's to report.
 */
export function checkRequirement(
  requirement: Requirement,
  value: unknown,
  source: PolicySource,
  file: string,
): ConfigIssue | undefined {
  const raw: unknown = readRequires(value);
  if (typeof raw !== 'string') return undefined;
  const at = { file, ...source.locate(['requires'], 'key'), path: formatPath(['requires']) };
  if (requirement.state === 'invalid') {
    return {
      ...at,
      message:
        `requires ${quoteValue(raw)} is not a SemVer range of release-policy releases. ` +
        `Expected a range such as >=0.2.0 or ^0.3.0, for example: requires: '>=0.2.0'. ` +
        seeDocs('requires'),
    };
  }
  if (requirement.state !== 'unmet') return undefined;
  return { ...at, message: describeUnmetRequirement(requirement.range) };
}

function readRequires(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || !Object.hasOwn(value, 'requires')) {
    return undefined;
  }
  return (value as { requires: unknown }).requires;
}

/** What to do when the running release is outside the range: update, or pin an older one. */
function describeUnmetRequirement(range: string): string {
  const head = `This policy needs release-policy ${range} (requires: ${quoteValue(range)}); this is ${RELEASE_POLICY_VERSION}.`;
  const lowest = minVersion(range)?.version;
  if (lowest !== undefined && gt(lowest, RELEASE_POLICY_VERSION)) {
    return (
      `${head} Update the action, e.g. uses: release-policy/release-policy/actions/version@v${lowest}, ` +
      `or the CLI (npm install --save-dev @release-policy/cli@${lowest}), to a release in that ` +
      `range. ${seeDocs('requires')}`
    );
  }
  return (
    `${head} This release is outside the range: use a release in it, or widen the range ` +
    `to include this one, for example: requires: '>=${RELEASE_POLICY_VERSION}'. ${seeDocs('requires')}`
  );
}

/**
 * The sentence an unknown key gets when no known key is close to it: from
 * the newer release the policy requires, or not a section of this release.
 */
export function describeUnknownSection(requirement: Requirement, topLevel: boolean): string {
  if (requirement.state === 'unmet') {
    return (
      ` It is probably from the newer release this policy requires (${requirement.range}), ` +
      `which release-policy ${RELEASE_POLICY_VERSION} does not know; update as the "requires" problem says.`
    );
  }
  if (!topLevel) return '';
  if (requirement.state === 'met') {
    return ` It is not a section of release-policy ${RELEASE_POLICY_VERSION}, which this policy's requires (${requirement.range}) accepts; check its spelling.`;
  }
  return (
    ` It is not a section of release-policy ${RELEASE_POLICY_VERSION}. If it comes from a newer ` +
    `release, update the action to that release and add requires to the policy, for example ` +
    `requires: '>=0.2.0', so that older releases name the release it needs.`
  );
}
