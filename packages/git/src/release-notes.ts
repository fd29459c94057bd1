/**
 * Reads what one release's notes are made from: the commits between the
 * previous release tag of the line and the target ref, and the version.
 */
import {
  compareVersions,
  parseReleaseTag,
  rankPreviousReleaseTags,
  quoteValue,
  UsageError,
  type CommitFacts,
  type Policy,
} from '@release-policy/core';
import type { Git } from './git.js';

/** Which release the notes are for. */
export interface ReleaseRangeInput {
  git: Git;
  policy: Policy;
  /** The commits after this ref; default: the previous release tag of the line. */
  from?: string;
  /** The release's ref; default `HEAD`. */
  to?: string;
  /** The version; default: the version of `to` when it is a release tag. */
  version?: string;
}

/** The commits of one release, and where they came from. */
export interface ReleaseRange {
  /** The ref the commits start after; absent when they go back to the first commit. */
  from?: string;
  to: string;
  /** The release tag `to` names, when it names one. */
  tag?: string;
  /** The version, when given or named by the tag. */
  version?: string;
  /** The commits in `from..to`, newest first. */
  commits: CommitFacts[];
  /**
   * Every tag of the repository (not only those reachable from `to`), as
   * `Git.listTags` gives them; absent from `gatherAllReleases`' ranges.
   */
  tags?: string[];
}

/**
 * Gathers the range of one release's notes: `to` (default HEAD), `from`
 * (default the previous stable release of the line before `to`'s version,
 * among the tags reachable from `to`), and the commits between them.
 *
 * @throws UsageError when `from` is not an ancestor of `to` (`--from` after `--to`)
 * @throws GitError when a ref does not exist
 */
export async function gatherReleaseRange(input: ReleaseRangeInput): Promise<ReleaseRange> {
  const { git, policy } = input;
  const to = input.to ?? 'HEAD';
  // Every tag, not only those reachable from `to`: listing those walks the whole history.
  const [tags] = await Promise.all([git.listTags(), git.revParse(to)]);
  const tag = tags.includes(to) && parseReleaseTag(to, policy) ? to : undefined;
  const version = input.version ?? (tag ? parseReleaseTag(tag, policy)?.version : undefined);
  const anchor = tag ?? (version ? `${policy.versioning.tagPrefix[0] ?? ''}${version}` : undefined);
  const from =
    input.from ??
    (await findReachableTag(git, rankPreviousReleaseTags({ tags, pushedTag: anchor }, policy), to));
  if (input.from !== undefined) await checkOrder(git, input.from, to);
  const commits: CommitFacts[] = [];
  for await (const commit of git.log(from === undefined ? { to } : { from, to }))
    commits.push(commit);
  return {
    ...(from !== undefined ? { from } : {}),
    to,
    ...(tag !== undefined ? { tag } : {}),
    ...(version !== undefined ? { version } : {}),
    commits,
    tags,
  };
}

/** Candidates tested one by one before one walk lists every tag reachable from `to`. */
const SINGLE_CHECKS = 3;

/**
 * The first of `ranked` whose commit is reachable from `to`: the previous
 * release `planVersionCheck` picks among the tags reachable from `to` (its
 * candidates, in its order, are `ranked`). The usual answer is the first
 * candidate, one short `merge-base --is-ancestor`; after a few candidates
 * that are not reachable (releases of other lines), one
 * `for-each-ref --merged` answers for the rest.
 */
async function findReachableTag(
  git: Git,
  ranked: readonly string[],
  to: string,
): Promise<string | undefined> {
  for (const candidate of ranked.slice(0, SINGLE_CHECKS)) {
    if (await git.isAncestor(`refs/tags/${candidate}`, to)) return candidate;
  }
  if (ranked.length <= SINGLE_CHECKS) return undefined;
  const reachable = new Set(await git.listTags({ mergedInto: to }));
  return ranked.slice(SINGLE_CHECKS).find((candidate) => reachable.has(candidate));
}

/**
 * @throws UsageError when `from` has commits `to` lacks: the range would be empty or wrong.
 */
async function checkOrder(git: Git, from: string, to: string): Promise<void> {
  await git.revParse(from);
  for await (const commit of git.log({ from: to, to: from, maxCount: 1 })) {
    throw new UsageError(
      `--from ${quoteValue(from)} is not an ancestor of --to ${quoteValue(to)}: commit ${commit.sha.slice(0, 7)} ` +
        'is in --from but not in --to. Give the older release first, e.g. --from v1.3.0 --to v1.4.0. See docs/cli.md#changelog',
    );
  }
}

/** Which history `gatherAllReleases` reads. */
export interface AllReleasesInput {
  git: Git;
  policy: Policy;
  /** The newest ref; default `HEAD`. */
  to?: string;
  /** The version of the commits after the newest release tag; without it they are left out. */
  version?: string;
  /**
   * Told how far the pass is, every `progressEvery` commits (default 1,000):
   * the commits read and the releases found so far, for a progress line.
   */
  onProgress?: (progress: { commits: number; releases: number }) => void;
  progressEvery?: number;
}

/**
 * The range of every release in the history, newest first, from one `git log`
 * pass: walking the commits newest first, each commit belongs to the release
 * whose tag was met last (the commits above the newest tag to `version`,
 * when given). Several release tags on one commit: the highest version gets
 * the commits. Like `conventional-changelog -r 0`, on a linear history.
 *
 * @throws GitError when `to` does not exist
 */
export async function gatherAllReleases(input: AllReleasesInput): Promise<ReleaseRange[]> {
  const { git, policy } = input;
  const to = input.to ?? 'HEAD';
  const byCommit = new Map<string, { tag: string; version: string }>();
  const releases = [...(await git.listTagCommits({ mergedInto: to }))]
    .flatMap(([tag, sha]) => {
      const parsed = parseReleaseTag(tag, policy);
      return parsed ? [{ tag, sha, parsed }] : [];
    })
    .sort((a, b) => compareVersions(a.parsed, b.parsed));
  for (const release of releases)
    byCommit.set(release.sha, { tag: release.tag, version: release.parsed.version });
  const ranges: ReleaseRange[] = [];
  let current: ReleaseRange | undefined =
    input.version !== undefined ? { to, version: input.version, commits: [] } : undefined;
  const every = Math.max(1, input.progressEvery ?? 1000);
  let read = 0;
  for await (const commit of git.log({ to })) {
    const tagged = byCommit.get(commit.sha);
    if (tagged) {
      if (current) ranges.push({ ...current, from: tagged.tag });
      current = { to: tagged.tag, tag: tagged.tag, version: tagged.version, commits: [] };
    }
    current?.commits.push(commit);
    read += 1;
    if (read % every === 0) input.onProgress?.({ commits: read, releases: ranges.length });
  }
  if (current) ranges.push(current);
  return ranges;
}
