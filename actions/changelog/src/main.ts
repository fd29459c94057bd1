import * as core from '@actions/core';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  changelogCheck,
  collectChangelogEntries,
  collectRiskAssessments,
  quoteValue,
  renderReleaseNotes,
  type ChangelogEntry,
  type CommitFacts,
  type Policy,
  type RiskAssessment,
} from '@release-policy/core';
import {
  createGit,
  gatherReleaseRange,
  gatherVersionFacts,
  resolveChangelogPath,
  writeChangelogFile,
} from '@release-policy/git';
import {
  ACTIONS_DOCS,
  gatherGitHubFacts,
  gatherRunFacts,
  InputError,
  logData,
  parseBooleanInput,
  publishRelease,
  runPolicyAction,
  sanitizeReleaseNotes,
  type ActInput,
  type ActResult,
  type GatherInput,
  type Gathered,
  type RecordInput,
  resolveWorkingDirectory,
} from '@release-policy/github';

/**
 * The changelog action: the release notes of the pushed tag (or the
 * `version` input) from the Conventional Commits since the previous release
 * of its line, written to a Markdown file and the changelog file, and with
 * `publish: true` made the body of the tag's GitHub Release.
 */
export async function run(): Promise<void> {
  await runPolicyAction({
    check: changelogCheck,
    gather: gatherChangelog,
    act: writeNotes,
    record: recordNotes,
  });
}

async function gatherChangelog({
  context,
  policy,
  workspace,
  inputs,
}: GatherInput): Promise<Gathered> {
  const cwd = resolveWorkingDirectory(workspace, inputs.get('working-directory'), 'changelog');
  const git = createGit({ cwd });
  const run = gatherRunFacts(context, {});
  // A shallow clone hides tags and commits: completed first, or the run stops with the fix.
  const version = await gatherVersionFacts({
    git,
    cwd,
    policy,
    branch: run.branch,
    inputVersion: inputs.get('version') || undefined,
    pushedTag: context.refType === 'tag' ? context.refName : undefined,
    complete: 'action',
  });
  return { facts: { ...run, version } };
}

/** The tag the notes are for: the pushed tag, else the version's tag. */
function resolveTag(input: ActInput, version: string): string {
  if (input.context.refType === 'tag') return input.context.refName;
  return `${input.policy.versioning.tagPrefix[0] ?? ''}${version}`;
}

/** Act phase: render the notes, write them, and publish them when asked. */
async function writeNotes(input: ActInput): Promise<ActResult> {
  const { context, policy, facts, inputs, workspace, env } = input;
  const cwd = resolveWorkingDirectory(workspace, inputs.get('working-directory'), 'changelog');
  const version = String(changelogCheck.summarize(facts, policy).version ?? '');
  const tag = resolveTag(input, version);
  const tagged = (facts.version?.tags ?? []).includes(tag);
  const range = await gatherReleaseRange({
    git: createGit({ cwd }),
    policy,
    to: tagged ? `refs/tags/${tag}` : 'HEAD',
    version,
  });
  const entries = collectChangelogEntries(range.commits, policy.changelog);
  const markdown = await renderReleaseNotes(
    {
      version,
      date: new Date().toISOString().slice(0, 10),
      entries,
      ...(await readRisks(input, range.commits, entries)),
      tag,
      ...(range.from !== undefined ? { previousTag: range.from } : {}),
      repository: { host: context.serverUrl, owner: context.repo.owner, name: context.repo.repo },
    },
    policy.changelog,
  );
  const notes = join(
    env.RUNNER_TEMP || workspace,
    `release-notes-${version.replace(/[^0-9A-Za-z.+-]/g, '-')}.md`,
  );
  // Commit and pull-request text leaves the action here: redacted and escaped like every output.
  const safe = sanitizeReleaseNotes(markdown);
  await writeFile(notes, safe, 'utf8');
  if (parseBooleanInput('write-changelog', inputs.get('write-changelog'), true, 'changelog')) {
    await writeChangelogFile(
      await resolveChangelogPath(cwd, policy.changelog.file),
      version,
      safe,
      policy.changelog.file,
    );
  }
  const outputs = { version, notes };
  if (!parseBooleanInput('publish', inputs.get('publish'), false, 'changelog')) {
    return { outputs, description: `Wrote the release notes of ${version} to ${notes}.` };
  }
  return {
    outputs: { ...outputs, ...(await publish(input, policy, tag, tagged, markdown)) },
    description: `Published the release notes of ${tag}.`,
  };
}

async function publish(
  input: ActInput,
  policy: Policy,
  tag: string,
  tagged: boolean,
  markdown: string,
): Promise<Record<string, string>> {
  if (!input.octokit) {
    throw new InputError(
      `publish: true needs a token with contents: write, and the token input is empty. Give one, e.g. token: \${{ github.token }}. Read more: ${ACTIONS_DOCS}#changelog-inputs`,
    );
  }
  if (!tagged) {
    throw new InputError(
      `publish: true needs the release tag ${quoteValue(tag)} in the repository: run on a tag push, or push the tag first. Read more: ${ACTIONS_DOCS}#changelog-inputs`,
    );
  }
  const release = await publishRelease({
    octokit: input.octokit,
    repo: input.context.repo,
    tag,
    name: tag,
    notes: markdown,
    draft: policy.changelog.draft,
    prerelease: /^[^-+]*-/.test(tag.slice((policy.versioning.tagPrefix[0] ?? '').length)),
  });
  return { 'release-id': String(release.id), url: release.url };
}

/**
 * The risk of each pull request in the range, from the merged pull requests
 * listed once; without a token the notes have no risk assessment, and a
 * notice says so.
 */
async function readRisks(
  input: ActInput,
  commits: readonly CommitFacts[],
  entries: readonly ChangelogEntry[],
): Promise<{ risks?: RiskAssessment[] }> {
  if (!input.octokit) {
    core.notice(
      'The release notes have no Risk assessment section: the action has no token to list the pull requests.',
    );
    return {};
  }
  const gathered = await gatherGitHubFacts({
    octokit: input.octokit,
    repo: input.context.repo,
    needs: ['mergedPullRequests'],
  });
  for (const notice of gathered.notices) core.notice(notice);
  return {
    risks: collectRiskAssessments(
      entries,
      commits,
      gathered.mergedPullRequests?.items ?? [],
      input.policy.changeRequest,
    ),
  };
}

/** Record phase: says in the log when the notes were not written (the flow logs what the act did). */
async function recordNotes({ act }: RecordInput): Promise<void> {
  if (act.status === 'not-run') logData(`The release notes were not written (${act.reason}).`);
}
