/**
 * Versions: release tags, release lines, the previous release, and the
 * analysis that becomes the `version` outputs of the action and the CLI.
 */
import type { BranchClass } from './branches.js';
import { classifyBranch } from './branches.js';
import { computeImpliedBump } from './commits.js';
import type { Bump, Policy } from './config/schema.js';
import type { Facts, VersionSource } from './facts.js';
import { selectReleaseTagPrefix, selectSourceParseOptions } from './version-sources.js';
import {
  listReleaseTags,
  parseReleaseTag,
  selectReleasesBefore,
  type ReleaseTag,
} from './version-tags.js';
import {
  computeLineFloor,
  computeNextVersion,
  diffVersionCores,
  isVersionOnLine,
  type VersionLine,
} from './version-next.js';
import {
  compareVersions,
  isPrerelease,
  isSameCore,
  parseStrictVersion,
  type ParseVersionOptions,
  type SemVerParts,
  type StrictVersionResult,
} from './version-parse.js';

export * from './version-parse.js';
export * from './version-sources.js';
export * from './version-next.js';
export * from './version-tags.js';

/**
 * The line a check uses: the branch's line; on a tag push with no branch,
 * the pushed version's MAJOR.MINOR (so a maintenance tag such as `v1.2.4`
 * after `v1.3.0` is judged against 1.2.x); otherwise none (every release).
 */
function resolveLine(
  branch: BranchClass | undefined,
  pushed: SemVerParts | undefined,
): VersionLine | undefined {
  if (branch) return branch.line;
  return pushed ? { major: pushed.major, minor: pushed.minor } : undefined;
}

/**
 * The previous stable release candidates, in the order they are preferred:
 * the stable releases on the line below the anchor (the pushed or branch
 * version), newest first, then the stable releases below the line's first
 * version, newest first (without a line: every stable release below the
 * anchor, newest first). The first one is the previous release. The order
 * does not depend on which other tags are present, so the first candidate
 * of a subset of the tags is the first of these that is in the subset.
 */
function rankPreviousReleases(
  releases: readonly ReleaseTag[],
  line: VersionLine | undefined,
  anchor: SemVerParts | undefined,
): ReleaseTag[] {
  const candidates = releases.filter(
    (r) => !isPrerelease(r) && (!anchor || compareVersions(r, anchor) < 0),
  );
  if (!line) return candidates;
  const floor = computeLineFloor(line);
  return [
    ...candidates.filter((r) => isVersionOnLine(r, line)),
    ...candidates.filter((r) => compareVersions(r, floor) < 0),
  ];
}

/** The previous stable release: the first of {@link rankPreviousReleases}. */
function findPreviousRelease(
  releases: readonly ReleaseTag[],
  line: VersionLine | undefined,
  anchor: SemVerParts | undefined,
): ReleaseTag | undefined {
  return rankPreviousReleases(releases, line, anchor)[0];
}

function parseVersion(
  value: string | undefined,
  opts: ParseVersionOptions,
): SemVerParts | undefined {
  if (value === undefined) return undefined;
  const parsed = parseStrictVersion(value, opts);
  return parsed.ok ? parsed : undefined;
}

/** What `planVersionCheck` needs: the facts known before commits are read. */
export interface VersionCheckPlanInput {
  tags: readonly string[];
  branch?: BranchClass;
  pushedTag?: string;
}

/**
 * Decides which tag the adapter reads `commits` from: the previous stable
 * release on the line, below the pushed tag or the branch's version when
 * there is one (the pushed tag itself excluded); when the line has no
 * release yet, the newest stable release before the line starts. Undefined
 * when there is no such release (read all history).
 */
export function planVersionCheck(
  input: VersionCheckPlanInput,
  policy: Policy,
): { previousTag?: string } {
  const releases = listReleaseTags(input.tags, policy, input.pushedTag);
  const pushed =
    input.pushedTag === undefined ? undefined : parseReleaseTag(input.pushedTag, policy);
  const anchor = pushed ?? parseVersion(input.branch?.version, { allowBuild: true });
  const previous = findPreviousRelease(releases, resolveLine(input.branch, pushed), anchor);
  return previous ? { previousTag: previous.tag } : {};
}

/**
 * Every tag `planVersionCheck` could choose as the previous release, in its
 * order of preference: `planVersionCheck` over any subset of `tags` (with
 * the same branch and pushed tag) answers the first of these in the subset.
 * An adapter that needs the previous release among the tags reachable from a
 * commit tests these in order and stops at the first reachable one, instead
 * of first listing every reachable tag (a walk of the whole history).
 */
export function rankPreviousReleaseTags(input: VersionCheckPlanInput, policy: Policy): string[] {
  const releases = listReleaseTags(input.tags, policy, input.pushedTag);
  const pushed =
    input.pushedTag === undefined ? undefined : parseReleaseTag(input.pushedTag, policy);
  const anchor = pushed ?? parseVersion(input.branch?.version, { allowBuild: true });
  return rankPreviousReleases(releases, resolveLine(input.branch, pushed), anchor).map(
    (release) => release.tag,
  );
}

/** One source with its parse result. */
export interface InspectedSource {
  source: VersionSource;
  parsed: StrictVersionResult;
}

/** The version facts, read once, as every version rule and `analyzeVersion` see them. */
export interface VersionInspection {
  sources: InspectedSource[];
  /** The first source, in fact order, that is valid SemVer: the declared version. */
  declared?: { source: VersionSource; version: SemVerParts };
  branch?: BranchClass;
  /** The pushed tag, when it is a release tag. */
  pushed?: ReleaseTag;
  /**
   * Every release tag except the pushed one, newest first; on a tag push with
   * `tagsBeforePushed`, only those before it in history (see `selectReleasesBefore`).
   */
  releases: ReleaseTag[];
  /** The line checks use (see `resolveLine`). */
  line?: VersionLine;
  /** `releases` on `line`, newest first (all of them when there is no line). */
  lineReleases: ReleaseTag[];
  /** The previous stable release (see `planVersionCheck`). */
  previous?: ReleaseTag;
  /**
   * True when this run releases the declared version: a tag is being pushed,
   * the declared version is the explicit `version` input, or it differs from
   * the latest release on the line on a branch that carries a release line or
   * a version (release, maintenance and hotfix kinds) or in a pull request (a
   * release pull request). A push to `12.x` whose version is its latest tag
   * releases nothing.
   */
  releasing: boolean;
  /** The release tag with the declared version's precedence, when there is one. */
  tagged?: ReleaseTag;
  /**
   * False when no release is pending: the declared version is already tagged
   * and the run does not release it (a feature branch, the mainline or a
   * maintenance line after a release). Also false without a declared version. The release rules
   * (`version-increment`, `version-prerelease`, `version-bump`) check the
   * declared version only when this is true.
   */
  pending: boolean;
}

const inspections = new WeakMap<Facts, WeakMap<Policy, VersionInspection>>();

/**
 * Reads the version facts once for the rules and `analyzeVersion`. Cached per
 * facts and policy object (every version rule asks), so treat both as immutable.
 */
export function inspectVersionFacts(facts: Facts, policy: Policy): VersionInspection {
  let byPolicy = inspections.get(facts);
  if (!byPolicy) {
    byPolicy = new WeakMap();
    inspections.set(facts, byPolicy);
  }
  const cached = byPolicy.get(policy);
  if (cached) return cached;
  const inspection = buildInspection(facts, policy);
  byPolicy.set(policy, inspection);
  return inspection;
}

/**
 * Whether this run releases the declared version (see
 * `VersionInspection.releasing`): a tag push, the explicit `version` input,
 * or a declared version other than the latest release on the line (the
 * branch's; for a pull request from a branch without one, its base's) on a
 * branch that releases (release, maintenance, hotfix) or in a pull request.
 * A push to a maintenance line whose version is its latest release is not
 * one: no release is pending there.
 */
function decideReleasing(
  facts: Facts,
  policy: Policy,
  branch: BranchClass | undefined,
  declared: { source: VersionSource; version: SemVerParts } | undefined,
  releases: readonly ReleaseTag[],
): boolean {
  if (facts.version?.pushedTag !== undefined || declared?.source.kind === 'input') return true;
  const base = facts.branch?.base;
  // A pull request from a branch without a line (a backport into 22.1.x) is judged on its base's line.
  const line = branch?.line ?? (base === undefined ? undefined : classifyBranch(base, policy).line);
  const latest = line ? releases.find((r) => isVersionOnLine(r, line)) : releases[0];
  if (declared && latest && compareVersions(latest, declared.version) === 0) return false;
  return branch?.line !== undefined || branch?.version !== undefined || base !== undefined;
}

function buildInspection(facts: Facts, policy: Policy): VersionInspection {
  const version = facts.version;
  const sources = (version?.sources ?? []).map((source) => ({
    source,
    parsed: parseStrictVersion(source.value, selectSourceParseOptions(source, policy)),
  }));
  const first = sources.find((s) => s.parsed.ok);
  const branch = facts.branch ? classifyBranch(facts.branch.name, policy) : undefined;
  const pushed =
    version?.pushedTag === undefined ? undefined : parseReleaseTag(version.pushedTag, policy);
  const releases = selectReleasesBefore(
    listReleaseTags(version?.tags ?? [], policy, version?.pushedTag),
    pushed,
    version?.tagsBeforePushed,
  );
  const line = resolveLine(branch, pushed);
  const anchor = pushed ?? parseVersion(branch?.version, { allowBuild: true });
  const lineReleases = line ? releases.filter((r) => isVersionOnLine(r, line)) : releases;
  let declared: VersionInspection['declared'];
  if (first?.parsed.ok) {
    const { ok: _ok, ...parts } = first.parsed;
    declared = { source: first.source, version: parts };
  }
  const releasing = decideReleasing(facts, policy, branch, declared, releases);
  const inspection: VersionInspection = {
    sources,
    releases,
    lineReleases,
    releasing,
    pending: false,
  };
  if (declared) {
    inspection.declared = declared;
    const tagged = releases.find((r) => compareVersions(r, declared.version) === 0);
    if (tagged) inspection.tagged = tagged;
    inspection.pending = releasing || !tagged;
  }
  if (branch) inspection.branch = branch;
  if (pushed) inspection.pushed = pushed;
  if (line) inspection.line = line;
  const previous = findPreviousRelease(releases, line, anchor);
  if (previous) inspection.previous = previous;
  return inspection;
}

/** The kind of step a declared version makes; see `VersionAnalysis.bump`. */
export type VersionBump = 'major' | 'minor' | 'patch' | 'prerelease' | 'none' | 'unknown';

/** What the version check reports besides findings: the action's and CLI's outputs. */
export interface VersionAnalysis {
  /** The declared version, without the tag prefix: the first valid source in fact order. */
  version?: string;
  /** The previous stable release on the line, without the tag prefix (see `planVersionCheck`). */
  previous?: string;
  /**
   * The step from `previous` to `version`:
   * `major`/`minor`/`patch` — the first part of MAJOR.MINOR.PATCH that grew
   * (from 0.0.0 when there is no previous release), pre-releases included;
   * `prerelease` — a later pre-release of a version that already has one
   * (`1.0.0-rc.1` tagged, `1.0.0-rc.2` declared);
   * `none` — not above `previous`, or already tagged (on a run that does
   * not release it, that means no release is pending);
   * `unknown` — no valid declared version.
   */
  bump: VersionBump;
  /**
   * The version to release next (see `computeNextVersion`): on a branch that
   * names its version (`hotfix/1.4.3`), that version; otherwise `previous`
   * bumped by what the commits imply (at least a patch; on a release line,
   * never off the line), the branch line's first version when the line has no
   * release yet, or `versioning.initial` when nothing was released at all;
   * always above every release tag on the line, pre-releases included
   * (`2.0.0` when `v2.0.0-rc.10` is the newest), and never tagged already.
   * Every version the rules suggest is this one.
   */
  recommended: string;
  /** True when the declared version has pre-release identifiers. */
  prerelease: boolean;
  /** The tag the declared version gets: tag prefix + `version`. */
  tag?: string;
}

function computeBump(inspection: VersionInspection): VersionBump {
  const declared = inspection.declared?.version;
  if (!declared) return 'unknown';
  const { previous, releases } = inspection;
  if (releases.some((r) => compareVersions(r, declared) === 0)) return 'none';
  if (previous && compareVersions(declared, previous) <= 0) return 'none';
  if (
    isPrerelease(declared) &&
    releases.some((r) => isSameCore(r, declared) && compareVersions(r, declared) < 0)
  ) {
    return 'prerelease';
  }
  return diffVersionCores(previous, declared);
}

function recommendFromInspection(
  inspection: VersionInspection,
  facts: Facts,
  policy: Policy,
): SemVerParts {
  const initial = parseVersion(policy.versioning.initial, { allowBuild: true });
  const named = parseVersion(inspection.branch?.version, { allowBuild: true });
  return computeNextVersion({
    ...(named ? { named } : {}),
    ...(inspection.branch?.line ? { line: inspection.branch.line } : {}),
    ...(inspection.previous ? { previous: inspection.previous } : {}),
    releases: inspection.releases,
    lineReleases: inspection.lineReleases,
    // Asked only when a release is bumped: otherwise the commits stay unread.
    implied: () => computeImplied(facts, policy),
    // The policy loader checks `initial`; a hand-built policy with a bad one falls back to 0.1.0.
    initial: initial ?? {
      version: '0.1.0',
      major: 0,
      minor: 1,
      patch: 0,
      prerelease: [],
      build: [],
    },
  });
}

/**
 * The bump the commits imply, `none` when commits are absent
 * (`computeImpliedBump` keeps the answer per commit list and policy).
 */
function computeImplied(facts: Facts, policy: Policy): Bump {
  const commits = facts.version?.commits;
  return commits ? computeImpliedBump(commits, policy).bump : 'none';
}

/**
 * Recommends the version to release next, the one every suggestion names
 * (`analyzeVersion(facts, policy).recommended` is its `version`); see
 * `computeNextVersion`.
 */
export function recommendNextVersion(facts: Facts, policy: Policy): SemVerParts {
  const inspection = inspectVersionFacts(facts, policy);
  return recommendFromInspection(inspection, facts, policy);
}

/**
 * Analyses the declared version against tags and commits: the values the
 * action and the CLI output (see `VersionAnalysis` for each one's meaning).
 * Pure; findings come from the version rules, not from here.
 */
export function analyzeVersion(facts: Facts, policy: Policy): VersionAnalysis {
  const inspection = inspectVersionFacts(facts, policy);
  const declared = inspection.declared?.version;
  const analysis: VersionAnalysis = {
    bump: computeBump(inspection),
    recommended: recommendFromInspection(inspection, facts, policy).version,
    prerelease: declared ? isPrerelease(declared) : false,
  };
  if (declared) {
    analysis.version = declared.version;
    analysis.tag = `${selectReleaseTagPrefix(policy)}${declared.version}`;
  }
  if (inspection.previous) analysis.previous = inspection.previous.version;
  return analysis;
}
