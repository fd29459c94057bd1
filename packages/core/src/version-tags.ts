/**
 * Release tags: which tags name releases (`versioning.tag-prefix`, one
 * prefix or several), in which order, and which of them a check compares
 * with. Re-exported from `version.ts`.
 */
import type { BranchClass } from './branches.js';
import type { Policy } from './config/schema.js';
import { selectTagPrefix } from './version-sources.js';
import { isVersionOnLine } from './version-next.js';
import { compareVersions, parseStrictVersion, type SemVerParts } from './version-parse.js';

/** A tag that names a release: the tag prefix followed by a strict SemVer version. */
export interface ReleaseTag extends SemVerParts {
  /** The full tag name, e.g. `v1.4.0`. */
  tag: string;
}

/**
 * Reads a tag as a release tag: the policy's tag prefix, then a strict
 * SemVer version (build metadata accepted, since the tag exists already).
 * With several prefixes, the longest one the tag starts with is used.
 * Undefined for any other tag (`latest`, `v1.2`, `1.2.3` with prefix `v`).
 */
export function parseReleaseTag(tag: string, policy: Policy): ReleaseTag | undefined {
  const parsed = parseStrictVersion(tag, {
    allowPrefix: selectTagPrefix(tag, policy.versioning.tagPrefix),
    requirePrefix: true,
    allowBuild: true,
  });
  if (!parsed.ok) return undefined;
  const { ok: _ok, ...parts } = parsed;
  return { ...parts, tag };
}

/** Sorts release tags newest first (SemVer precedence, then tag name). */
function sortNewestFirst(tags: ReleaseTag[]): ReleaseTag[] {
  return tags.sort((a, b) => compareVersions(b, a) || a.tag.localeCompare(b.tag));
}

/**
 * The release tags already listed, per tag list and policy (then per
 * `exclude`). One run lists the same tags under the same policy several
 * times (the version facts, the documents gate, the tag-prefix rule), and a
 * repository with a thousand tags makes each listing cost milliseconds.
 * Keyed by the objects themselves, which are never changed once built (see
 * STYLE: facts and policies are immutable): a new list or policy is listed
 * anew, and nothing is kept once they are gone.
 */
const listedReleaseTags = new WeakMap<
  readonly string[],
  WeakMap<Policy, Map<string | undefined, readonly ReleaseTag[]>>
>();

/**
 * Every release tag in `tags`, newest first, leaving out `exclude` (the
 * pushed tag). Listed once per tag list, policy and `exclude`: `tags` and
 * `policy` must not change afterwards (facts and policies never do). Each
 * call returns a fresh array the caller may filter or sort; the releases in
 * it are shared between calls, so they are frozen, their identifier lists
 * too.
 */
export function listReleaseTags(
  tags: readonly string[],
  policy: Policy,
  exclude?: string,
): ReleaseTag[] {
  let byPolicy = listedReleaseTags.get(tags);
  if (byPolicy === undefined) listedReleaseTags.set(tags, (byPolicy = new WeakMap()));
  let byExclude = byPolicy.get(policy);
  if (byExclude === undefined) byPolicy.set(policy, (byExclude = new Map()));
  let listed = byExclude.get(exclude);
  if (listed === undefined) {
    const releases: ReleaseTag[] = [];
    for (const tag of tags) {
      if (tag === exclude) continue;
      const release = parseReleaseTag(tag, policy);
      if (release) releases.push(freezeRelease(release));
    }
    listed = sortNewestFirst(releases);
    byExclude.set(exclude, listed);
  }
  // A fresh array: callers filter and sort their own copy.
  return [...listed];
}

function freezeRelease(release: ReleaseTag): ReleaseTag {
  Object.freeze(release.prerelease);
  Object.freeze(release.build);
  return Object.freeze(release);
}

/**
 * The release tags that belong to the branch's line, newest first: for a
 * branch with a line (release, maintenance, hotfix) only tags on it; for the
 * mainline, other kinds, or no branch, every release tag.
 */
export function selectLineTags(
  tags: readonly string[],
  policy: Policy,
  branch?: BranchClass,
): ReleaseTag[] {
  const releases = listReleaseTags(tags, policy);
  const line = branch?.line;
  return line ? releases.filter((r) => isVersionOnLine(r, line)) : releases;
}

/**
 * The release tags a pushed tag is compared with: on a tag push whose history
 * is known (`tagsBeforePushed`), only the releases before it in history, so
 * re-running the job of `v17.10.0` after `v17.10.4` was tagged compares it
 * with what preceded it, as on its first run; otherwise every release.
 */
export function selectReleasesBefore(
  releases: ReleaseTag[],
  pushed: ReleaseTag | undefined,
  tagsBefore: readonly string[] | undefined,
): ReleaseTag[] {
  if (!pushed || !tagsBefore) return releases;
  const before = new Set(tagsBefore);
  return releases.filter((r) => before.has(r.tag));
}
