/**
 * Whether a run releases, and the type of release: what decides which
 * documents the docs check requires.
 */
import { classifyBranch } from '../../branches.js';
import type { Policy } from '../../config/schema.js';
import type { Facts } from '../../facts.js';
import { analyzeVersion } from '../../version.js';
import { RELEASE_TYPES, type ReleaseType } from './section.js';

/** The branch kinds whose runs release: a release line being cut, a hotfix. */
export const RELEASING_KINDS: readonly string[] = ['release', 'hotfix'];

/** What the run is, as far as the documents are concerned. */
export interface ReleaseClass {
  /** True when the run releases: the documents are checked. */
  releasing: boolean;
  /** The release type; absent when the run does not release or nothing tells it. */
  type?: ReleaseType;
  /** Why the run releases (or not), one phrase for messages: `the pushed tag "v1.4.0"`. */
  reason: string;
}

/** True when `value` is a release type. */
export function isReleaseType(value: string): value is ReleaseType {
  return (RELEASE_TYPES as readonly string[]).includes(value);
}

/** Why the run releases, or undefined when it does not. */
function describeReleasing(facts: Facts, policy: Policy, bumped: boolean): string | undefined {
  const baseVersions = facts.documents?.baseVersions;
  const given = facts.documents?.releaseType;
  if (given !== undefined && given !== '') return `the release type ${JSON.stringify(given)} given`;
  const sources = facts.version?.sources ?? [];
  const input = sources.find((s) => s.kind === 'input');
  if (input) return `the version ${JSON.stringify(input.value)} given`;
  const tag = facts.version?.pushedTag;
  if (tag !== undefined) return `the pushed tag ${JSON.stringify(tag)}`;
  const branch = facts.branch ? classifyBranch(facts.branch.name, policy) : undefined;
  if (branch?.kind !== undefined && RELEASING_KINDS.includes(branch.kind)) {
    return `the ${branch.kind} branch ${JSON.stringify(branch.name)}`;
  }
  const declared = sources.filter((s) => s.kind === 'file').map((s) => s.value);
  const changed = declared.some((value) => !baseVersions?.includes(value));
  if (facts.branch?.base !== undefined && baseVersions !== undefined && bumped && changed) {
    return 'the pull request, which changes the declared version';
  }
  return undefined;
}

/**
 * Classifies the run: it releases on a release or hotfix branch, a pull
 * request that changes the declared version (to one above the previous
 * release), a pushed tag,
 * or an explicit release type or version; the type is the one given, else
 * the version analysis's bump (`prerelease` for a pre-release version).
 * Pure.
 */
export function classifyRelease(facts: Facts, policy: Policy): ReleaseClass {
  const analysis = facts.version ? analyzeVersion(facts, policy) : undefined;
  const bump = analysis?.bump;
  const bumped = bump === 'major' || bump === 'minor' || bump === 'patch' || bump === 'prerelease';
  const reason = describeReleasing(facts, policy, bumped);
  if (reason === undefined) return { releasing: false, reason: 'the run does not release' };
  const given = facts.documents?.releaseType;
  if (given !== undefined && isReleaseType(given)) return { releasing: true, type: given, reason };
  if (analysis?.prerelease && bumped) return { releasing: true, type: 'prerelease', reason };
  if (bumped && bump !== undefined && isReleaseType(bump)) {
    return { releasing: true, type: bump, reason };
  }
  return { releasing: true, reason };
}
