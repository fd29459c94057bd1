/**
 * The emulator's in-memory store. Records are kept in a small, readable form
 * (logins instead of user objects, `owner/name` instead of repository
 * objects); handlers render them into GitHub's response shapes. Tests seed and
 * inspect these arrays directly or through the `seed` helpers.
 */

/** Repository permission levels, highest first. */
export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

/** A name, an email and an ISO timestamp, as git records them. */
export interface GitPerson {
  name: string;
  email: string;
  date: string;
}

export interface UserRecord {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
  siteAdmin: boolean;
}

export interface RepoRecord {
  id: number;
  owner: string;
  name: string;
  /** `owner/name`: every other record points at its repository with this. */
  fullName: string;
  private: boolean;
  defaultBranch: string;
  description: string | null;
  archived: boolean;
  createdAt: string;
  /** A local git repository that backs refs, commits, tags and contents. */
  gitDir?: string;
  /** Topics, as `GET /orgs/{org}/repos` lists them (lower case). */
  topics?: string[];
}

export interface IssueRecord {
  repo: string;
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  user: string;
  createdAt: string;
  /** When it last changed; `createdAt` when absent. */
  updatedAt?: string;
  closedAt?: string | null;
  /** Label names. */
  labels?: string[];
}

export interface PullFileRecord {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  additions: number;
  deletions: number;
  patch?: string;
  previousFilename?: string;
}

export interface PullRecord {
  repo: string;
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  draft: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  user: string;
  head: { ref: string; sha: string };
  base: { ref: string; sha: string };
  labels: string[];
  /** Commit shas of the pull request, oldest first. */
  commits: string[];
  files: PullFileRecord[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface CommentRecord {
  repo: string;
  id: number;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

export interface ReviewRecord {
  repo: string;
  id: number;
  pullNumber: number;
  user: string;
  state: ReviewState;
  body: string;
  commitId: string | null;
  submittedAt: string | null;
}

export interface CommitRecord {
  repo: string;
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: GitPerson;
  committer: GitPerson;
  /** GitHub login of the author, when the email maps to an account. */
  authorLogin?: string;
}

export interface RefRecord {
  repo: string;
  /** Full name: `refs/heads/main`, `refs/tags/v1.0.0`. */
  ref: string;
  /** The object it points at: a commit, or an annotated tag object. */
  sha: string;
}

export interface TagObjectRecord {
  repo: string;
  sha: string;
  tag: string;
  message: string;
  tagger: GitPerson;
  object: { sha: string; type: 'commit' | 'tree' | 'blob' | 'tag' };
}

export interface FileRecord {
  repo: string;
  /** Branch, tag or commit sha the file exists at. */
  ref: string;
  path: string;
  /** The file's text; for a symbolic link, the link's target as git stores it. */
  content: string;
  /**
   * Set for a symbolic link whose target is not a normal file of the
   * repository (e.g. `../.git/config`): the contents API then answers the
   * link itself (`type: 'symlink'`, `target`), for the raw media type too.
   */
  symlinkTarget?: string;
}

export interface CheckRunRecord {
  repo: string;
  id: number;
  name: string;
  headSha: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  externalId: string | null;
  detailsUrl: string | null;
  output: {
    title: string | null;
    summary: string | null;
    text: string | null;
    annotations: Record<string, unknown>[];
  };
}

export interface StatusRecord {
  repo: string;
  id: number;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  context: string;
  description: string | null;
  targetUrl: string | null;
  creator: string;
  createdAt: string;
  updatedAt: string;
}

export interface ReleaseRecord {
  repo: string;
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  author: string;
  createdAt: string;
  publishedAt: string | null;
}

export interface DeploymentRecord {
  repo: string;
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  originalEnvironment: string;
  description: string | null;
  payload: Record<string, unknown> | string;
  creator: string;
  transientEnvironment: boolean;
  productionEnvironment: boolean;
  createdAt: string;
  updatedAt: string;
}

export type DeploymentState =
  'error' | 'failure' | 'inactive' | 'pending' | 'success' | 'queued' | 'in_progress';

export interface DeploymentStatusRecord {
  repo: string;
  id: number;
  deploymentId: number;
  state: DeploymentState;
  description: string;
  environment: string;
  targetUrl: string;
  logUrl: string;
  environmentUrl: string;
  creator: string;
  createdAt: string;
  updatedAt: string;
}

/** A required reviewer of an environment: a user login or a team slug. */
export type ReviewerRef = { type: 'User'; login: string } | { type: 'Team'; slug: string };

export interface EnvironmentRecord {
  repo: string;
  id: number;
  name: string;
  waitTimer: number;
  preventSelfReview: boolean;
  reviewers: ReviewerRef[];
  deploymentBranchPolicy: { protectedBranches: boolean; customBranchPolicies: boolean } | null;
  /**
   * The custom deployment branch and tag policies (name patterns such as
   * `release/*`), listed when `customBranchPolicies` is on.
   */
  branchPolicies?: { name: string; type: 'branch' | 'tag' }[];
  canAdminsBypass: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PendingDeploymentRecord {
  repo: string;
  runId: number;
  environment: string;
  /** What the run deploys: the deployment created on approval uses these. */
  ref: string;
  sha: string;
  waitTimer: number;
  waitTimerStartedAt: string | null;
  currentUserCanApprove: boolean;
  reviewers: ReviewerRef[];
}

export interface ApprovalRecord {
  repo: string;
  runId: number;
  environments: string[];
  state: 'approved' | 'rejected' | 'pending';
  comment: string;
  user: string;
  createdAt: string;
}

export interface CollaboratorRecord {
  repo: string;
  username: string;
  permission: Permission;
  roleName: string;
}

export interface TeamMemberRecord {
  username: string;
  role: 'member' | 'maintainer';
  state: 'active' | 'pending';
}

export interface TeamRecord {
  org: string;
  id: number;
  slug: string;
  name: string;
  members: TeamMemberRecord[];
}

/** A file attached to a release; `data` holds the uploaded bytes. */
export interface ReleaseAssetRecord {
  repo: string;
  releaseId: number;
  id: number;
  name: string;
  label: string | null;
  contentType: string;
  data: Buffer;
  /** `sha256:<hex>` of `data`, as GitHub reports it. */
  digest: string;
  uploader: string;
  createdAt: string;
  updatedAt: string;
}

/** Classic branch protection of one branch (exact name, as the API addresses it). */
export interface BranchProtectionRecord {
  repo: string;
  branch: string;
  /** Required status check names; null when status checks are not required. */
  requiredChecks: string[] | null;
  /** Branches must be up to date before merging. */
  strict: boolean;
  /** Pull requests required, with this many approvals; null when not required. */
  requiredReviews: { count: number; dismissStale: boolean; codeOwners: boolean } | null;
  enforceAdmins: boolean;
  allowForcePushes: boolean;
  allowDeletions: boolean;
  linearHistory: boolean;
}

/** One rule of a ruleset, in a readable form. */
export type RulesetRuleRecord =
  | { type: 'pull_request'; requiredApprovals: number }
  | { type: 'required_status_checks'; contexts: string[]; strict: boolean }
  | { type: 'non_fast_forward' | 'deletion' | 'update' | 'creation' | 'required_linear_history' };

/**
 * A repository ruleset. `include` and `exclude` are GitHub's ref name
 * conditions: `refs/heads/main`, `refs/heads/release/*`, `refs/tags/v*`,
 * `~DEFAULT_BRANCH` or `~ALL`.
 */
export interface RulesetRecord {
  repo: string;
  id: number;
  name: string;
  target: 'branch' | 'tag';
  enforcement: 'active' | 'disabled' | 'evaluate';
  include: string[];
  exclude: string[];
  rules: RulesetRuleRecord[];
  createdAt: string;
  updatedAt: string;
}

/**
 * A workflow artifact in the runner's results service. `blocks` are staged
 * blob blocks by id; `content` is the committed blob (the zip) and `digest`
 * its sha256 (`sha256:<hex>`) as the emulator computed it when finalized.
 */
export interface ArtifactRecord {
  id: number;
  runBackendId: string;
  jobBackendId: string;
  name: string;
  mimeType: string | null;
  expiresAt: string | null;
  finalized: boolean;
  blocks: Map<string, Buffer>;
  content: Buffer | undefined;
  contentType: string | null;
  size: number;
  digest: string | null;
  createdAt: string;
}

/** The rate limit the emulator reports (and enforces on its `core` resource). */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Unix seconds when the window resets. */
  reset: number;
}

/** Everything the emulator knows. Arrays are in creation order. */
export interface EmulatorState {
  /** Login of the user (or bot) the token belongs to. */
  viewer: string;
  /** What `GET /user` answers: 200, or 401/403 as for installation tokens. */
  viewerStatus: 200 | 401 | 403;
  users: UserRecord[];
  repos: RepoRecord[];
  issues: IssueRecord[];
  pulls: PullRecord[];
  comments: CommentRecord[];
  reviews: ReviewRecord[];
  commits: CommitRecord[];
  refs: RefRecord[];
  tagObjects: TagObjectRecord[];
  contents: FileRecord[];
  checkRuns: CheckRunRecord[];
  statuses: StatusRecord[];
  releases: ReleaseRecord[];
  deployments: DeploymentRecord[];
  deploymentStatuses: DeploymentStatusRecord[];
  environments: EnvironmentRecord[];
  pendingDeployments: PendingDeploymentRecord[];
  approvals: ApprovalRecord[];
  collaborators: CollaboratorRecord[];
  teams: TeamRecord[];
  releaseAssets: ReleaseAssetRecord[];
  /** Workflow artifacts of the runner's results service (see `resultsUrl`). */
  artifacts: ArtifactRecord[];
  branchProtections: BranchProtectionRecord[];
  rulesets: RulesetRecord[];
  rateLimit: RateLimitState;
  /** The next id handed out to any new record. */
  nextId: number;
}

/** Creates an empty state. */
export function createState(now: Date): EmulatorState {
  return {
    viewer: 'github-actions[bot]',
    viewerStatus: 403,
    users: [],
    repos: [],
    issues: [],
    pulls: [],
    comments: [],
    reviews: [],
    commits: [],
    refs: [],
    tagObjects: [],
    contents: [],
    checkRuns: [],
    statuses: [],
    releases: [],
    deployments: [],
    deploymentStatuses: [],
    environments: [],
    pendingDeployments: [],
    approvals: [],
    collaborators: [],
    teams: [],
    releaseAssets: [],
    artifacts: [],
    branchProtections: [],
    rulesets: [],
    rateLimit: { limit: 5000, remaining: 5000, reset: Math.floor(now.getTime() / 1000) + 3600 },
    nextId: 1001,
  };
}

/** Compares owner/name case-insensitively, as GitHub does. */
export function sameRepo(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** ISO 8601 without milliseconds, as GitHub writes timestamps. */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
