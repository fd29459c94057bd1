/**
 * Release lines and the next version. `computeNextVersion` is the one place
 * that decides which version to suggest: the `recommended` output and every
 * "e.g." version in the version rules' findings come from it. Re-exported
 * from `version.ts`.
 */
import { compareBumps, maxBump } from './commits.js';
import type { Bump } from './config/schema.js';
import { compareVersions, isPrerelease, isSameCore, type SemVerParts } from './version-parse.js';

/** A release line: `{ major: 1, minor: 4 }` is 1.4.x, `{ major: 1 }` is 1.x.y. */
export interface VersionLine {
  major: number;
  minor?: number;
}

/** True when the version is on the line. */
export function isVersionOnLine(v: SemVerParts, line: VersionLine): boolean {
  return v.major === line.major && (line.minor === undefined || v.minor === line.minor);
}

/** Renders a line for messages: `1.4.x` or `1.x`. */
export function formatVersionLine(line: VersionLine): string {
  return line.minor === undefined ? `${line.major}.x` : `${line.major}.${line.minor}.x`;
}

/** Builds a stable version from its three numbers. */
function makeStable(major: number, minor: number, patch: number): SemVerParts {
  return { version: `${major}.${minor}.${patch}`, major, minor, patch, prerelease: [], build: [] };
}

/** Computes the first version of a line: 1.4.x -> 1.4.0, 1.x -> 1.0.0. */
export function computeLineFloor(line: VersionLine): SemVerParts {
  return makeStable(line.major, line.minor ?? 0, 0);
}

/** Which part of MAJOR.MINOR.PATCH grew from `from` to `to` (`none` when none did). */
export function diffVersionCores(from: SemVerParts | undefined, to: SemVerParts): Bump {
  const base = from ?? { major: 0, minor: 0, patch: 0 };
  if (to.major !== base.major) return to.major > base.major ? 'major' : 'none';
  if (to.minor !== base.minor) return to.minor > base.minor ? 'minor' : 'none';
  return to.patch > base.patch ? 'patch' : 'none';
}

/** Bumps the MAJOR.MINOR.PATCH of `v`, dropping pre-release and build: 1.4.2 + minor -> 1.5.0. */
function bumpStable(v: SemVerParts, bump: Bump): SemVerParts {
  if (bump === 'major') return makeStable(v.major + 1, 0, 0);
  if (bump === 'minor') return makeStable(v.major, v.minor + 1, 0);
  if (bump === 'patch') return makeStable(v.major, v.minor, v.patch + 1);
  return makeStable(v.major, v.minor, v.patch);
}

/** Applies a bump to a stable version: 1.4.2 + minor -> 1.5.0. */
export function applyBump(v: SemVerParts, bump: Bump): string {
  return bumpStable(v, bump).version;
}

/** The strongest bump a line takes: 1.4.x takes patches, 1.x minors, no line anything. */
export function capBumpForLine(line: VersionLine | undefined): Bump {
  if (!line) return 'major';
  return line.minor === undefined ? 'minor' : 'patch';
}

/** The pre-release after `v`: its last numeric identifier plus one (`rc.10` -> `rc.11`), else `.1` appended. */
export function bumpPrerelease(v: SemVerParts): string {
  const ids = [...v.prerelease];
  const last = ids[ids.length - 1];
  if (typeof last === 'number') ids[ids.length - 1] = last + 1;
  else ids.push(1);
  return `${v.major}.${v.minor}.${v.patch}-${ids.join('.')}`;
}

/** What `computeNextVersion` decides from. */
export interface NextVersionInput {
  /** The version the branch names (`hotfix/1.4.3`), when it names one. */
  named?: SemVerParts;
  /** The branch's release line; none on the mainline and kinds without a version. */
  line?: VersionLine;
  /** The previous stable release (see `planVersionCheck`). */
  previous?: SemVerParts;
  /** Every release tag (the pushed one left out), any order. */
  releases: readonly SemVerParts[];
  /**
   * The release tags the result must be above, any order: those on the line
   * the check uses (the branch's, or on a tag push the pushed version's
   * MAJOR.MINOR), all of them when there is no line.
   */
  lineReleases: readonly SemVerParts[];
  /**
   * The bump the commits since `previous` imply, or a function that computes
   * it. The function is called only when the result is a bumped release: a
   * line with no release yet, or a branch that names a version not tagged
   * yet, leaves the commits unread (ten thousand of them on a first release).
   */
  implied: Bump | (() => Bump);
  /** `versioning.initial`: the version when nothing was released. */
  initial: SemVerParts;
}

/**
 * Computes the version to release next, the one every suggestion uses:
 *
 * 1. a branch that names its version (`hotfix/1.4.3`): that version, unless
 *    it is tagged already or not above every release on its line;
 * 2. otherwise a candidate: `previous` bumped by the implied bump (at least a
 *    patch; on a `1.4.x` line a patch, on a `1.x` line at most a minor), the
 *    line's first version when the line has no stable release yet, or
 *    `initial` when nothing was released;
 * 3. the candidate must be above every release in `lineReleases`,
 *    pre-releases included. When the newest one is a
 *    pre-release (`2.0.0-rc.10`), the result is its release (`2.0.0`): that is
 *    the smallest version above it and above the candidate. When it is a
 *    stable release, the result is that release bumped as in step 2.
 *
 * The result is never tagged already, and on a branch's line it stays on the line.
 */
export function computeNextVersion(input: NextVersionInput): SemVerParts {
  const { named, line, previous } = input;
  const newest = input.lineReleases.reduce<SemVerParts | undefined>(
    (top, r) => (top === undefined || compareVersions(r, top) > 0 ? r : top),
    undefined,
  );
  const isFree = (v: SemVerParts) =>
    !input.releases.some((r) => compareVersions(r, v) === 0) &&
    (newest === undefined || compareVersions(v, newest) > 0);
  if (named && isFree(named)) return named;
  const cap = capBumpForLine(line);
  let step: Bump | undefined;
  const computeStep = (): Bump => {
    if (step !== undefined) return step;
    const implied = typeof input.implied === 'function' ? input.implied() : input.implied;
    const implies = maxBump(implied, 'patch');
    step = compareBumps(implies, cap) > 0 ? cap : implies;
    return step;
  };
  let candidate: SemVerParts;
  if (previous && (!line || isVersionOnLine(previous, line))) {
    candidate = bumpStable(previous, computeStep());
  } else {
    candidate = line ? computeLineFloor(line) : input.initial;
  }
  if (newest === undefined || isFree(candidate)) return candidate;
  return isPrerelease(newest)
    ? makeStable(newest.major, newest.minor, newest.patch)
    : bumpStable(newest, computeStep());
}

/**
 * Suggests a pre-release of `next` (a version from `computeNextVersion`) with
 * the identifiers `prerelease` (`1.5.0` and `rc.4` -> `1.5.0-rc.4`); when a
 * pre-release of `next` at or above that is tagged, the one after the newest.
 */
export function suggestPrereleaseOf(
  next: SemVerParts,
  prerelease: readonly (string | number)[],
  releases: readonly SemVerParts[],
): string {
  const core = makeStable(next.major, next.minor, next.patch);
  const wanted: SemVerParts = {
    ...core,
    version: `${core.version}-${prerelease.join('.')}`,
    prerelease: [...prerelease],
  };
  const newest = releases
    .filter((r) => isSameCore(r, core) && compareVersions(r, wanted) >= 0)
    .sort((a, b) => compareVersions(b, a))[0];
  return newest ? bumpPrerelease(newest) : wanted.version;
}

/**
 * Suggests a pre-release of `version`'s MAJOR.MINOR.PATCH with an allowed
 * first identifier that sorts above every tagged pre-release of it: the one
 * after the newest tagged pre-release when its identifier is allowed
 * (`22.2.0-next.4` tagged -> `22.2.0-next.5`), else the first allowed
 * identifier whose `.1` sorts above it (`22.2.0-rc.1` after `next.4` when
 * `next` is not allowed). Undefined when none does: the version is released
 * already, no identifier is allowed, or every allowed one sorts below.
 */
export function suggestAllowedPrerelease(
  version: SemVerParts,
  allowed: readonly string[],
  releases: readonly SemVerParts[],
): string | undefined {
  const core = makeStable(version.major, version.minor, version.patch);
  const tagged = releases.filter((r) => isSameCore(r, core));
  if (tagged.some((r) => !isPrerelease(r))) return undefined;
  const newest = tagged.reduce<SemVerParts | undefined>(
    (top, r) => (top === undefined || compareVersions(r, top) > 0 ? r : top),
    undefined,
  );
  const id = newest?.prerelease[0];
  if (newest && typeof id === 'string' && allowed.includes(id)) return bumpPrerelease(newest);
  for (const identifier of allowed) {
    const candidate: SemVerParts = {
      ...core,
      version: `${core.version}-${identifier}.1`,
      prerelease: [identifier, 1],
    };
    if (!newest || compareVersions(candidate, newest) > 0) return candidate.version;
  }
  return undefined;
}
