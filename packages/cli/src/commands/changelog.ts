import { resolve } from 'node:path';
import {
  analyzeVersion,
  changelogCheck,
  collectChangelogEntries,
  collectRiskAssessments,
  findChangelogPackage,
  groupChangelogEntries,
  parseReleaseTag,
  quoteShellArgument,
  quoteValue,
  renderReleaseNotes,
  selectPackageEntries,
  UsageError,
  type ChangelogEntry,
  type ChangelogRepository,
  type CommitFacts,
  type Policy,
  type RiskAssessment,
} from '@release-policy/core';
import {
  createGit,
  gatherAllReleases,
  gatherReleaseRange,
  gatherVersionFacts,
  writeChangelogFile,
  writeReleasesToChangelog,
  type Git,
  type ReleaseRange,
} from '@release-policy/git';
import type { ParsedArgs } from '../args.js';
import { resolveGitHubAccess } from '../api.js';
import { DOCS_BASE_URL, EXIT, type CliIo, type CommandResult } from '../io.js';
import { readPolicy } from '../policy.js';
import { loadReleaseVersion } from '../release-version.js';
import { readTopDirectory } from '../top-directory.js';
import { sanitizeForTerminal } from '../output.js';
import { parseRemoteUrl, readServerUrl } from '../repo.js';

/** One entry of the `--json` output. */
interface JsonEntry {
  sha: string;
  type: string;
  scope: string | null;
  subject: string;
  breaking: boolean;
  pr: number | null;
}

/**
 * `changelog`: the release notes of one release, from the Conventional
 * Commits between the previous release tag of the line (or `--from`) and
 * `--to` (default HEAD). The version is `--version`, the version of a
 * release tag given as `--to`, else the version the commits call for.
 * `--write FILE` puts the notes into that changelog (same version replaced,
 * everything else kept). Prints the Markdown, or with `--json`
 * `{ version, from, to, sections, markdown }`.
 */
export async function runChangelogCommand(args: ParsedArgs, io: CliIo): Promise<CommandResult> {
  if (args.positionals.length > 0) {
    throw new UsageError(
      `"changelog" takes no arguments, got ${JSON.stringify(args.positionals)}. ` +
        'Example: release-policy changelog --version 1.4.0. See docs/cli.md#changelog',
    );
  }
  const git = createGit({ cwd: io.cwd, env: io.env });
  const root = await readTopDirectory(git, io.cwd);
  const { policy } = await readPolicy({ cwd: io.cwd, root }, args.policy);
  const releaseVersion =
    args.releaseVersion === undefined
      ? undefined
      : loadReleaseVersion(
          args.releaseVersion,
          policy,
          '--version',
          'release-policy changelog --version 1.4.0',
        );
  // A shallow clone hides the previous release and its commits: complete it first, or stop with the fix.
  await git.completeHistory({ advice: 'cli' });
  if (args.all === true) return runAllReleases({ ...args, releaseVersion }, io, git, policy);
  const range = await gatherReleaseRange({
    git,
    policy,
    from: args.from,
    to: args.to,
    version: releaseVersion,
  });
  if (releaseVersion !== undefined && range.tag === undefined) {
    await checkUnreleasedVersion(git, policy, releaseVersion, range);
  }
  const version = range.version ?? (await readRecommendedVersion(git, root, policy, range));
  const select = await readPackageSelection(args, git, policy, { from: range.from, to: range.to });
  const entries = select(collectChangelogEntries(range.commits, policy.changelog));
  const risks = await readRisks(args, io, git, policy, range.commits, entries);
  const markdown = await renderReleaseNotes(
    {
      version,
      date: io.now().toISOString().slice(0, 10),
      entries,
      ...(risks !== undefined ? { risks } : {}),
      ...(range.from !== undefined ? { previousTag: range.from } : {}),
      tag: range.tag ?? `${policy.versioning.tagPrefix[0] ?? ''}${version}`,
      ...(await readRepository(git, io.env)),
    },
    policy.changelog,
  );
  if (args.write !== undefined) {
    await writeChangelogFile(resolve(io.cwd, args.write), version, markdown, args.write, {
      released: findReleaseTag(version, range.tags ?? [], policy) !== undefined,
    });
  }
  return {
    exitCode: EXIT.ok,
    json: convertToJson(version, range, entries, policy, markdown),
    text: sanitizeForTerminal(markdown.trimEnd()),
    data: true,
  };
}

/**
 * The risk of each pull request in the range, from the merged pull requests
 * listed once; undefined, with a notice on stderr, without a token or a
 * GitHub repository (the notes then have no risk assessment).
 */
async function readRisks(
  args: ParsedArgs,
  io: CliIo,
  git: Git,
  policy: Policy,
  commits: readonly CommitFacts[],
  entries: readonly ChangelogEntry[],
): Promise<RiskAssessment[] | undefined> {
  const api = await resolveGitHubAccess({
    checks: [{ ...changelogCheck, needs: ['mergedPullRequests'] }],
    env: io.env,
    git,
    repo: args.repo,
    stderr: io.stderr,
  });
  if (!api.access) {
    io.stderr(
      `release-policy: notice: the Risk assessment section was left out: ${api.skipped[0]?.reason ?? 'no GitHub access'}. ` +
        `See ${DOCS_BASE_URL}docs/cli.md#github-api\n`,
    );
    return undefined;
  }
  // Loaded only with access: the GitHub client is most of the bundle, and notes without a token never use it.
  const { gatherGitHubFacts } = await import('@release-policy/github');
  const gathered = await gatherGitHubFacts({ ...api.access, needs: ['mergedPullRequests'] });
  for (const notice of gathered.notices)
    io.stderr(`release-policy: notice: ${sanitizeForTerminal(notice)}\n`);
  return collectRiskAssessments(
    entries,
    commits,
    gathered.mergedPullRequests?.items ?? [],
    policy.changeRequest,
  );
}

/**
 * `changelog --all`: the notes of every release in the history, newest
 * first, from one `git log` pass (see `gatherAllReleases`); `--write` puts
 * each into the changelog. No risk assessment (one release's notes have it).
 */
async function runAllReleases(
  args: ParsedArgs,
  io: CliIo,
  git: Git,
  policy: Policy,
): Promise<CommandResult> {
  if (args.from !== undefined) {
    throw new UsageError(
      '--all reads the whole history and takes no --from. Give --from for one release, e.g. release-policy changelog --from v1.3.0. See docs/cli.md#changelog',
    );
  }
  const select = await readPackageSelection(args, git, policy, { to: args.to ?? 'HEAD' });
  const progress = createProgressLine(io);
  const ranges = await gatherAllReleases({
    git,
    policy,
    to: args.to,
    version: args.releaseVersion,
    ...(progress ? { onProgress: progress.show } : {}),
  });
  progress?.clear();
  // The commits above the newest tag go under --version: never under a version already released.
  const pending = ranges.find((range) => range.tag === undefined)?.version;
  const tag =
    pending === undefined ? undefined : findReleaseTag(pending, await git.listTags(), policy);
  if (tag !== undefined) {
    throw new UsageError(
      `--version ${quoteValue(pending)} is already released (tag ${quoteValue(tag)}): the commits after the newest release would be listed under it. ` +
        'Give the version they will be released as, e.g. --all --version 2.0.0, or leave --version out to leave them out. See docs/cli.md#changelog',
    );
  }
  const repository = await readRepository(git, io.env);
  const date = io.now().toISOString().slice(0, 10);
  const releases: Record<string, unknown>[] = [];
  const parts: string[] = [];
  for (const range of ranges) {
    const version = range.version ?? '';
    const entries = select(collectChangelogEntries(range.commits, policy.changelog));
    const markdown = await renderReleaseNotes(
      {
        version,
        date,
        entries,
        ...(range.from !== undefined ? { previousTag: range.from } : {}),
        tag: range.tag ?? `${policy.versioning.tagPrefix[0] ?? ''}${version}`,
        ...repository,
      },
      policy.changelog,
    );
    parts.push(markdown);
    releases.push(convertToJson(version, range, entries, policy, markdown));
  }
  if (args.write !== undefined) {
    // Oldest first, so each release's notes end up above the one before it.
    const oldestFirst = ranges
      .map((range, i) => ({
        version: range.version ?? '',
        notes: parts[i] ?? '',
        released: range.tag !== undefined,
      }))
      .reverse();
    await writeReleasesToChangelog(resolve(io.cwd, args.write), oldestFirst, args.write);
  }
  const markdown = parts.join('\n');
  return {
    exitCode: EXIT.ok,
    json: { releases, markdown },
    text: sanitizeForTerminal(markdown.trimEnd()),
    data: true,
  };
}

/**
 * The progress line of `--all` on a terminal's stderr (`\r`, rewritten in
 * place, erased when done); undefined when stderr is not a terminal, so
 * logs and pipes get no control characters.
 */
function createProgressLine(
  io: CliIo,
): { show: (p: { commits: number; releases: number }) => void; clear: () => void } | undefined {
  if (io.progress !== true) return undefined;
  let shown = false;
  return {
    show({ commits, releases }) {
      shown = true;
      io.stderr(
        `\rrelease-policy: reading the history: ${commits.toLocaleString('en-US')} commits, ` +
          `${releases.toLocaleString('en-US')} releases…`,
      );
    },
    clear() {
      if (shown) io.stderr('\r\u001b[K');
    },
  };
}

/**
 * What `--package NAME` keeps of a range's entries: that package's (the
 * commits under its path, listed by one `git log -- <path>` over `range`, or
 * of its scopes); every entry without `--package`.
 *
 * @throws UsageError when the policy has no such package
 */
async function readPackageSelection(
  args: ParsedArgs,
  git: Git,
  policy: Policy,
  range: { from?: string; to: string },
): Promise<(entries: ChangelogEntry[]) => ChangelogEntry[]> {
  if (args.package === undefined) return (entries) => entries;
  const pkg = findChangelogPackage(policy.changelog, args.package);
  let touched: Set<string> | undefined;
  if (pkg.path !== undefined) {
    touched = new Set();
    const log = range.from === undefined ? { to: range.to } : { from: range.from, to: range.to };
    for await (const commit of git.log({ ...log, paths: [pkg.path] })) touched.add(commit.sha);
  }
  return (entries) => selectPackageEntries(entries, pkg, touched);
}

/**
 * The version the commits since the previous release call for, as the
 * version check computes it (from HEAD); the range's tags, and its commits
 * when it ends at HEAD, are not read a second time. The version files are
 * read from `root`, the working tree's top directory.
 */
async function readRecommendedVersion(
  git: Git,
  root: string,
  policy: Policy,
  range: ReleaseRange,
): Promise<string> {
  const version = await gatherVersionFacts({
    git,
    cwd: root,
    policy,
    ...(range.tags ? { tags: range.tags } : {}),
    ...(range.to === 'HEAD' ? { read: { since: range.from, commits: range.commits } } : {}),
  });
  const analysis = analyzeVersion({ version }, policy);
  // A declared version that is already tagged (bump "none") names a release
  // these commits are not part of: they go under the next version.
  return analysis.version !== undefined && analysis.bump !== 'none'
    ? analysis.version
    : analysis.recommended;
}

/** The release tag of `version` among `tags`, if it has one. */
function findReleaseTag(
  version: string,
  tags: readonly string[],
  policy: Policy,
): string | undefined {
  return tags.find((tag) => parseReleaseTag(tag, policy)?.version === version);
}

/**
 * `--version V` names the release of the commits up to `--to`: a version
 * already tagged on another commit would put commits it does not hold under
 * its heading.
 * @throws UsageError when `version` has a release tag on another commit than `range.to`
 */
async function checkUnreleasedVersion(
  git: Git,
  policy: Policy,
  version: string,
  range: ReleaseRange,
): Promise<void> {
  const tag = findReleaseTag(version, range.tags ?? [], policy);
  if (tag === undefined) return;
  const [tagged, to] = await Promise.all([git.revParse(tag), git.revParse(range.to)]);
  if (tagged === to) return;
  throw new UsageError(
    `--version ${quoteValue(version)} is already released (tag ${quoteValue(tag)} is on commit ${tagged.slice(0, 7)}), ` +
      `and --to ${quoteValue(range.to)} is commit ${to.slice(0, 7)}: its notes would list commits that release does not hold. ` +
      `Leave --version out for the version the commits call for, or give an unreleased one; for the notes of ${version} itself, ` +
      `give its tag, e.g. release-policy changelog --to ${quoteShellArgument(tag)}. See docs/cli.md#changelog`,
  );
}

/**
 * The GitHub repository of the origin remote, for links, on its own server
 * (`GITHUB_SERVER_URL`, else the remote's host: GitHub Enterprise Server
 * too); none without a remote on a server.
 */
async function readRepository(
  git: Git,
  env: NodeJS.ProcessEnv,
): Promise<{ repository?: ChangelogRepository }> {
  const url = await git.readRemoteUrl('origin');
  if (url === undefined) return {};
  const ref = parseRemoteUrl(url);
  const host = readServerUrl(url, env);
  return ref && host ? { repository: { host, owner: ref.owner, name: ref.repo } } : {};
}

function convertToJson(
  version: string,
  range: ReleaseRange,
  entries: readonly ChangelogEntry[],
  policy: Policy,
  markdown: string,
): Record<string, unknown> {
  return {
    version,
    from: range.from ?? null,
    to: range.to,
    sections: groupChangelogEntries(entries, policy.changelog).map((section) => ({
      title: section.title,
      entries: section.entries.map((entry): JsonEntry => ({
        sha: entry.sha,
        type: entry.type,
        scope: entry.scope ?? null,
        subject: entry.subject,
        breaking: entry.breaking,
        pr: entry.pr ?? null,
      })),
    })),
    markdown,
  };
}
