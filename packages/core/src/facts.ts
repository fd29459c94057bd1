/**
 * Facts are everything the adapters observed: branch names, version sources,
 * tags and commits. Rules read facts and the policy; they never do I/O.
 */
import type { AuditFacts } from './audit-facts.js';
import type { DeploymentEntry } from './deployment-entry.js';

export type { DeploymentEntry, DeploymentState } from './deployment-entry.js';

/** The branch under test and, for a pull request, its base. */
export interface BranchFacts {
  /** Short branch name (`feature/CHG-1-x`), never `refs/heads/...`. */
  name: string;
  /** Pull-request base branch, short name; absent on push. */
  base?: string;
}

/** Where a declared version came from. */
export type VersionSourceKind = 'input' | 'file' | 'branch' | 'tag';

/** One place that declares the version. */
export interface VersionSource {
  kind: VersionSourceKind;
  /** The raw text as found, e.g. `v1.2.3` in a tag or `1.2.3` in a file. */
  value: string;
  /** For files: repository-relative path, and where the value stands. */
  file?: string;
  line?: number;
  column?: number;
  /** Human label, e.g. `package.json "version"` or `tag v1.2.3`. */
  label: string;
}

/** A version file that the policy requires but that could not be read. */
export interface VersionFileProblem {
  file: string;
  /** `missing`, `unreadable` (I/O or parse error), `no-version` (no version field). */
  problem: 'missing' | 'unreadable' | 'no-version';
  detail?: string;
  line?: number;
  column?: number;
  /**
   * True when the file was read but does not parse in its format (invalid
   * JSON, an unclosed TOML table header): the finding then shows the forms a
   * version file takes. Absent for refused paths, I/O errors and ambiguity.
   */
  syntax?: boolean;
}

/** A person named on a commit, as recorded in it (no mailmap applied). */
export interface CommitPerson {
  name: string;
  email: string;
}

/** One trailer of a commit message, e.g. `{ key: 'Signed-off-by', value: 'A <a@example.com>' }`. */
export interface CommitTrailer {
  /** The key as written, e.g. `Signed-off-by`. */
  key: string;
  /** The value, continuation lines joined with single spaces. */
  value: string;
}

/**
 * One commit, as the git adapter reports it. `sha` and `message` are always
 * there; the other fields are always set by the git adapter, and optional
 * only so that facts built by hand (tests, other adapters) may leave them out.
 */
export interface CommitFacts {
  sha: string;
  /** Full message: subject, blank line, body, trailers; trailing line breaks removed. */
  message: string;
  /** The first paragraph of the message, its lines joined with single spaces (git's `%s`). */
  subject?: string;
  /** The message after the subject paragraph, trailers included (git's `%b`); trailing line breaks removed. */
  body?: string;
  author?: CommitPerson;
  committer?: CommitPerson;
  /** When the change was authored, strict ISO 8601 with the author's offset (git's `%aI`), e.g. `2024-05-01T12:00:00+02:00`. */
  authoredAt?: string;
  /** When the commit was made, strict ISO 8601 with the committer's offset (git's `%cI`). */
  committedAt?: string;
  /** Full shas of the parents, first parent first; empty for a root commit, two or more for a merge. */
  parents?: string[];
  /**
   * The trailers, in order, as `git interpret-trailers --parse` reads them:
   * the `Key: value` lines of the message's last paragraph. Empty when there are none.
   */
  trailers?: CommitTrailer[];
}

/** Why the commit list of the version facts is not the whole range. */
export interface VersionHistory {
  /** The repository has no commits yet (an unborn HEAD). */
  empty?: boolean;
  /** Only this many of the newest commits were read; older ones were not. */
  limit?: number;
  /** The shallow clone was completed from this remote before the facts were read. */
  fetchedFrom?: string;
  /** The release tag the range starts after; absent when there is none (all history). */
  since?: string;
}

export interface VersionFacts {
  /** Every place that declares the version, in the order found. */
  sources: VersionSource[];
  /** Problems reading the policy's version files. */
  fileProblems?: VersionFileProblem[];
  /** Every tag name in the repository (not only release tags). */
  tags: string[];
  /** The tag being pushed, when the event is a tag push (full name, with prefix). */
  pushedTag?: string;
  /**
   * On a tag push, the tags on commits reachable from the pushed tag's commit
   * (the pushed tag included): the releases made before it in history, which
   * it is compared with. Absent when unknown; every release tag counts then.
   */
  tagsBeforePushed?: string[];
  /**
   * Commits since the previous release tag on the line (see `planVersionCheck`),
   * newest first. Absent when history was not available.
   */
  commits?: CommitFacts[];
  /** True when history is shallow and commits/tags may be incomplete. */
  shallow?: boolean;
  /** How complete the commit list is, when it is not simply every commit since the previous release. */
  history?: VersionHistory;
}

/** What the run is for, as far as the branch check must tell why it has no branch. */
export interface RunFacts {
  /** The event or situation, e.g. `push`, `workflow_dispatch`, `local` (the CLI). */
  event: string;
  /** The ref the run is for, e.g. `refs/tags/v1.4.0`, or `HEAD` for a detached checkout. */
  ref: string;
}

/** One end of a pull request: a branch and the commit it pointed at. */
export interface PullRequestRef {
  /** Short branch name, e.g. `feature/CHG-1-x`. */
  ref: string;
  /** Full commit sha. */
  sha: string;
}

/**
 * A pull request as the GitHub API reports it now (re-read, not taken from a
 * possibly stale event payload). Title, body and labels are untrusted text.
 */
export interface PullRequestFacts {
  number: number;
  title: string;
  /** The description; `''` when it is empty (GitHub sends `null`). */
  body: string;
  /** Label names, in the order GitHub lists them. */
  labels: string[];
  /** Login of the author, e.g. `octocat` or `dependabot[bot]`. */
  author: string;
  /** The author's account type as GitHub names it: `User`, `Bot`, `Organization`, … */
  authorType: string;
  draft: boolean;
  head: PullRequestRef;
  base: PullRequestRef;
}

/** One release of the repository, drafts included. */
export interface ReleaseEntry {
  id: number;
  /** The tag name, e.g. `v1.2.0`. */
  tag: string;
  /** The release title; `''` when it has none. */
  name: string;
  draft: boolean;
  prerelease: boolean;
  /** When it was published (ISO 8601); absent for a draft. */
  publishedAt?: string;
}

/** The repository's releases, newest first, as GitHub lists them. */
export interface ReleaseFacts {
  items: ReleaseEntry[];
  /** True when the list was cut off at the gatherer's bound: older releases are missing. */
  truncated: boolean;
}

/**
 * Why a matched document could not be read as text. (A link leaving the
 * repository is no problem of the document but an error of the policy.)
 */
export type DocumentProblem = 'binary' | 'too-large' | 'not-file' | 'unreadable';

/** One file a `documents` entry of the policy matched. */
export interface DocumentFile {
  /** Repository-relative path, `/`-separated. */
  path: string;
  /** Size in bytes. */
  size: number;
  /** Why the file was not read; absent when `text` holds it. */
  problem?: DocumentProblem;
  /** What went wrong, for `unreadable`. */
  detail?: string;
  /** The file's text (UTF-8) when it was read; untrusted. */
  text?: string;
  /** True when it changed since the previous release tag; absent when there is none to compare with. */
  changed?: boolean;
  /** True when it is byte for byte its entry's template; absent without a readable template. */
  sameAsTemplate?: boolean;
}

/** What one `documents` entry of the policy matched. */
export interface DocumentEntryFacts {
  /** The entry's `path`, as the policy writes it. */
  path: string;
  /** The files it matched, sorted by path; empty when none. */
  files: DocumentFile[];
}

/** The required documents as found in the working tree. */
export interface DocumentFacts {
  /** One per `documents` entry of the policy, in its order. */
  entries: DocumentEntryFacts[];
  /** The release type the run was given (`release-type` input, `--release-type`); unchecked text. */
  releaseType?: string;
  /**
   * On a pull request, the versions the version files declare on its base
   * branch: a pull request that changes them releases. Absent when unknown.
   */
  baseVersions?: string[];
  /** The previous release tag the documents were compared with, for `updated`. */
  since?: string;
}

/** One merged pull request, for the release notes' risk assessment. Title and body are untrusted text. */
export interface MergedPullRequest {
  number: number;
  title: string;
  /** The description; `''` when empty. */
  body: string;
  /** The commit the merge made on the base branch (merge, squash or the last rebased commit). */
  mergeCommitSha?: string;
}

/** The repository's merged pull requests, newest first, listed once. */
export interface MergedPullRequestFacts {
  items: MergedPullRequest[];
  /** True when the list was cut off at the gatherer's bound. */
  truncated: boolean;
}

/** One commit of a maintenance line that mainline does not contain. */
export interface LineCommit {
  /** Full sha. */
  sha: string;
  /** The subject (git's `%s`); untrusted text. */
  subject: string;
  /** The whole message, for `(cherry picked from commit …)` lines; untrusted text. */
  message: string;
  /**
   * `git patch-id --stable` of its patch; absent for an empty patch, and not
   * read when no mainline commit since the merge base changes exactly the
   * paths it changes (equal patches change the same paths: it could not match).
   */
  patchId?: string;
  /**
   * The patch id of its patch without context lines; absent for an empty
   * patch, and not read when its `patchId` already matched a mainline commit
   * or no mainline commit changes what it changes (it could not match).
   */
  zeroContextPatchId?: string;
  /**
   * The commits its message says it was cherry-picked from, each with whether
   * that commit is an ancestor of mainline (`false`: elsewhere, or no commit).
   */
  pickedFrom?: { sha: string; inMainline: boolean }[];
}

/** One commit of mainline since a line's merge base, as far as patch matching needs it. */
export interface MainlineCommit {
  /** Full sha. */
  sha: string;
  /** The subject; untrusted text. */
  subject: string;
  /**
   * Patch ids as for {@link LineCommit}, read only where they can match one:
   * absent for merges, empty patches and commits whose changed paths are not
   * exactly those of a line commit (equal patches change the same paths).
   */
  patchId?: string;
  /** Read only for commits that change the same paths as a line commit whose `patchId` matched nothing. */
  zeroContextPatchId?: string;
}

/** One maintenance line compared with mainline. */
export interface PatchLineFacts {
  /** The line's branch name, e.g. `3.5.x` or `origin/release/1.4`. */
  line: string;
  /** Full sha of the merge base of the line and mainline. */
  base: string;
  /** Non-merge commits on the line that are not ancestors of mainline, newest first. */
  commits: LineCommit[];
  /** Mainline's commits since the merge base, merges included, newest first. */
  mainline: MainlineCommit[];
}

/**
 * Why the maintenance lines could not be compared with mainline: the
 * workspace is no clone of the audited repository, or its history is cut
 * off (a shallow checkout that could not be deepened), or a line or the
 * mainline is not in it.
 */
export interface PatchesUnread {
  reason: 'no-checkout' | 'shallow' | 'not-comparable';
  /** What the adapter found, one or two sentences (untrusted names quoted). */
  detail: string;
}

/**
 * Why the configuration audit did not read the next release's documents:
 * the workspace is no checkout of the audited repository (`no-checkout`),
 * or its checkout is not the mainline (`not-mainline`: another branch or
 * commit, whose documents are not the mainline's next release's).
 */
export interface DocumentsUnread {
  reason: 'no-checkout' | 'not-mainline';
  /** What the adapter found, one or two sentences (untrusted names quoted). */
  detail: string;
}

/** The maintenance lines compared with mainline. */
export interface PatchFacts {
  /** The mainline branch compared with, e.g. `main`. */
  mainline: string;
  /** One per line checked, in the order asked for. */
  lines: PatchLineFacts[];
  /**
   * When the facts were gathered (ISO 8601): the day waivers are compared
   * with for the check's outputs (rules use the evaluation's `now`).
   */
  checkedAt: string;
}

/** One review of the run's environments, with what the API says of the reviewer. */
export interface ApprovalFact {
  /** The reviewer's login; untrusted text. */
  login: string;
  /** The GitHub account type: `User`, `Bot`, … */
  type: string;
  /** The environment the review was given for: the target or one of its `-approval-N` gates. */
  environment: string;
  state: 'approved' | 'rejected' | 'pending';
  /** The reviewer's permission on the repository: admin, maintain, write, triage, read or none. */
  permission: string;
  /** The `org/team` slugs of the policy's `from` list the reviewer is an active member of. */
  teams: string[];
  /** The review's comment; untrusted text. */
  comment: string;
  /** When the review was read (the API gives no time of its own), ISO 8601. */
  seenAt: string;
}

/** What a promotion asks for, and what the repository's deployments and the run's reviews say. */
export interface PromotionFacts {
  /** The environment to promote to. */
  environment: string;
  /** The version and commit asked for; for a rollback, the ones rolled back to (empty when none). */
  version: string;
  commit: string;
  /** The named artifact and its sha256 digest, when one was given. */
  artifact?: { name: string; digest: string };
  /** The canary percent asked for; absent: the next step. */
  step?: number;
  /** True for a rollback to the previous version of the environment. */
  rollback: boolean;
  /** The emergency reason, when the promotion is an emergency. */
  emergency?: string;
  /** The workflow run promoting, when on a runner. */
  runId?: number;
  /** The login that started the run (`GITHUB_TRIGGERING_ACTOR`). */
  starter?: string;
  /** The commit's author login, when GitHub links it to an account. */
  author?: string;
  /** The deployments of the policy's environments, newest first. */
  deployments: DeploymentEntry[];
  /** The run's environment reviews; absent when not read (no run, e.g. the CLI). */
  approvals?: ApprovalFact[];
}

/** Everything the adapters know. Every part is optional: rules skip what they lack. */
export interface Facts {
  /** What the run is for; set by the adapters whenever they know it. */
  run?: RunFacts;
  branch?: BranchFacts;
  version?: VersionFacts;
  /** The pull request under test, read from the API; absent without a token or a pull request. */
  pullRequest?: PullRequestFacts;
  /** The repository's releases, read from the API; absent without a token. */
  releases?: ReleaseFacts;
  /** The files the policy's `documents` entries matched. */
  documents?: DocumentFacts;
  /** Why the audit has no documents facts (no checkout of the audited repository). */
  documentsUnread?: DocumentsUnread;
  /** The merged pull requests, read from the API; absent without a token. */
  mergedPullRequests?: MergedPullRequestFacts;
  /** The maintenance lines and what mainline holds of them. */
  patches?: PatchFacts;
  /** Why the maintenance lines were not compared where the audit wanted them. */
  patchesUnread?: PatchesUnread;
  /** The promotion asked for, and the deployments and reviews it is judged on. */
  promotion?: PromotionFacts;
  /** The GitHub settings and deployments the configuration audit reads; absent without a token. */
  audit?: AuditFacts;
}
