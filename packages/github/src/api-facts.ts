/**
 * Facts only the GitHub API knows (the pull request as it is now, the
 * releases), gathered the same way for the actions and the CLI.
 */
import type {
  AuditFacts,
  FactKind,
  MergedPullRequest,
  MergedPullRequestFacts,
  Policy,
  PullRequestFacts,
  ReleaseEntry,
  ReleaseFacts,
} from '@release-policy/core';
import { gatherAuditFacts } from './audit-gather.js';
import { toGitHubApiError } from './errors.js';
import type { RepositoryRef } from './repository-ref.js';
import type { Octokit } from './octokit.js';

export type { RepositoryRef } from './repository-ref.js';

/**
 * Which pull request to read: its number (an action on a pull-request
 * event), or the branch it comes from (the CLI, which only knows the branch).
 */
export type PullRequestLookup = number | { head: string };

/** Releases read at most, so a repository with thousands of them stays a bounded call. */
export const DEFAULT_MAX_RELEASES = 1000;

/** Closed pull requests read at most, newest first, for the release notes' risk assessment. */
export const DEFAULT_MAX_MERGED_PULLS = 1000;

/** What {@link gatherGitHubFacts} needs. */
export interface GatherGitHubFactsInput {
  /** Every call goes through it (timeouts, retries and rate limits are its own). */
  octokit: Octokit;
  repo: RepositoryRef;
  /** The kinds of facts to read; kinds that are not GitHub's are ignored. */
  needs: readonly FactKind[];
  /** The pull request under test; without it there is no pull-request fact. */
  pullRequest?: PullRequestLookup;
  /** Releases read at most (default {@link DEFAULT_MAX_RELEASES}). */
  maxReleases?: number;
  /** Closed pull requests read at most (default {@link DEFAULT_MAX_MERGED_PULLS}). */
  maxMergedPullRequests?: number;
  /** The policy, for facts it decides what to read of (the audit); without it they are not read. */
  policy?: Policy;
}

/** The facts read, and notices (sentences) for the caller to show, e.g. no pull request found. */
export interface GatheredGitHubFacts {
  pullRequest?: PullRequestFacts;
  releases?: ReleaseFacts;
  mergedPullRequests?: MergedPullRequestFacts;
  audit?: AuditFacts;
  notices: string[];
}

const GET_PULL = 'GET /repos/{owner}/{repo}/pulls/{pull_number}';
const LIST_PULLS = 'GET /repos/{owner}/{repo}/pulls';
const LIST_RELEASES = 'GET /repos/{owner}/{repo}/releases';

/**
 * Reads the GitHub facts `needs` asks for. The pull request is re-read from
 * the API, as the event payload may be older than the author's last edit.
 *
 * @throws GitHubApiError when a call fails (after the Octokit's own retries).
 */
export async function gatherGitHubFacts(
  input: GatherGitHubFactsInput,
): Promise<GatheredGitHubFacts> {
  const gathered: GatheredGitHubFacts = { notices: [] };
  if (input.needs.includes('pullRequest')) {
    if (input.pullRequest === undefined) {
      gathered.notices.push(
        'No pull request is under test, so the checks had no pull-request facts.',
      );
    } else {
      const found = await readPullRequest(input.octokit, input.repo, input.pullRequest);
      if (found.pullRequest) gathered.pullRequest = found.pullRequest;
      gathered.notices.push(...found.notices);
    }
  }
  if (input.needs.includes('releases')) {
    const max = input.maxReleases ?? DEFAULT_MAX_RELEASES;
    gathered.releases = await readReleases(input.octokit, input.repo, max);
    if (gathered.releases.truncated) {
      gathered.notices.push(
        `Only the newest ${max} releases were read; older ones were left out of the checks.`,
      );
    }
  }
  if (input.needs.includes('mergedPullRequests')) {
    const max = input.maxMergedPullRequests ?? DEFAULT_MAX_MERGED_PULLS;
    gathered.mergedPullRequests = await readMergedPullRequests(input.octokit, input.repo, max);
    if (gathered.mergedPullRequests.truncated) {
      gathered.notices.push(
        `Only the newest ${max} closed pull requests were read; older ones were left out of the risk assessment.`,
      );
    }
  }
  if (input.needs.includes('audit') && input.policy) {
    gathered.audit = await gatherAuditFacts({
      octokit: input.octokit,
      repo: input.repo,
      policy: input.policy,
    });
  }
  return gathered;
}

/**
 * The merged pull requests, newest first: one paginated list of closed pull
 * requests (100 a page), never one request per commit.
 */
async function readMergedPullRequests(
  octokit: Octokit,
  repo: RepositoryRef,
  max: number,
): Promise<MergedPullRequestFacts> {
  const items: MergedPullRequest[] = [];
  let read = 0;
  let truncated = false;
  const pages = octokit.paginate.iterator(octokit.rest.pulls.list, {
    ...repo,
    state: 'closed',
    sort: 'created',
    direction: 'desc',
    per_page: 100,
  });
  await callApi(LIST_PULLS, async () => {
    for await (const page of pages) {
      for (const pull of page.data) {
        if (read === max) {
          truncated = true;
          return;
        }
        read += 1;
        if (!pull.merged_at) continue;
        items.push({
          number: pull.number,
          title: pull.title,
          body: pull.body ?? '',
          ...(pull.merge_commit_sha ? { mergeCommitSha: pull.merge_commit_sha } : {}),
        });
      }
    }
  });
  return { items, truncated };
}

/** The shape of a pull request in GitHub's answers, as far as the facts read it. */
interface PullRequestData {
  number: number;
  title: string;
  body?: string | null;
  labels: { name?: string }[];
  user: { login: string; type: string } | null;
  draft?: boolean;
  head: { ref: string; sha: string };
  base: { ref: string; sha: string };
}

async function readPullRequest(
  octokit: Octokit,
  repo: RepositoryRef,
  lookup: PullRequestLookup,
): Promise<{ pullRequest?: PullRequestFacts; notices: string[] }> {
  if (typeof lookup === 'number') {
    const { data } = await callApi(GET_PULL, () =>
      octokit.rest.pulls.get({ ...repo, pull_number: lookup }),
    );
    return { pullRequest: convertPullRequest(data), notices: [] };
  }
  const { data } = await callApi(LIST_PULLS, () =>
    octokit.rest.pulls.list({
      ...repo,
      head: `${repo.owner}:${lookup.head}`,
      state: 'open',
      per_page: 100,
    }),
  );
  const where = `${repo.owner}/${repo.repo}`;
  const [first, ...others] = data;
  if (!first) {
    return {
      notices: [
        `No open pull request comes from branch ${JSON.stringify(lookup.head)} in ${where}, ` +
          'so the checks had no pull-request facts. Push the branch and open a pull request, or run in its workflow.',
      ],
    };
  }
  // GitHub lists the newest first: several open pull requests from one branch (into different bases) are rare.
  const notices =
    others.length > 0
      ? [
          `${data.length} open pull requests come from branch ${JSON.stringify(lookup.head)} in ${where}; ` +
            `the newest, #${first.number}, was checked.`,
        ]
      : [];
  return { pullRequest: convertPullRequest(first), notices };
}

/** The pull-request facts of one answer: a null body becomes `''`. */
function convertPullRequest(data: PullRequestData): PullRequestFacts {
  return {
    number: data.number,
    title: data.title,
    body: data.body ?? '',
    labels: data.labels.flatMap((label) => (label.name === undefined ? [] : [label.name])),
    // A deleted account (null) shows as GitHub's own placeholder.
    author: data.user?.login ?? 'ghost',
    authorType: data.user?.type ?? 'User',
    draft: data.draft ?? false,
    head: { ref: data.head.ref, sha: data.head.sha },
    base: { ref: data.base.ref, sha: data.base.sha },
  };
}

async function readReleases(
  octokit: Octokit,
  repo: RepositoryRef,
  max: number,
): Promise<ReleaseFacts> {
  const items: ReleaseEntry[] = [];
  const pages = octokit.paginate.iterator(octokit.rest.repos.listReleases, {
    ...repo,
    per_page: 100,
  });
  let truncated = false;
  await callApi(LIST_RELEASES, async () => {
    for await (const page of pages) {
      for (const release of page.data) {
        if (items.length === max) {
          truncated = true;
          return;
        }
        items.push(convertRelease(release));
      }
    }
  });
  return { items, truncated };
}

function convertRelease(data: {
  id: number;
  tag_name: string;
  name: string | null;
  draft: boolean;
  prerelease: boolean;
  published_at: string | null;
}): ReleaseEntry {
  return {
    id: data.id,
    tag: data.tag_name,
    name: data.name ?? '',
    draft: data.draft,
    prerelease: data.prerelease,
    ...(data.published_at ? { publishedAt: data.published_at } : {}),
  };
}

/** Runs one API call, converting what it throws once, here, into a GitHubApiError. */
async function callApi<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toGitHubApiError(error, operation);
  }
}
