/**
 * Seed helpers: add records to the state with realistic defaults and fresh
 * ids. Handlers use the same helpers, so a seeded record and one created
 * through the API look alike.
 */
import { createHash } from 'node:crypto';
import {
  formatTimestamp,
  type BranchProtectionRecord,
  type CheckRunRecord,
  type CollaboratorRecord,
  type CommentRecord,
  type CommitRecord,
  type DeploymentRecord,
  type DeploymentStatusRecord,
  type EmulatorState,
  type EnvironmentRecord,
  type FileRecord,
  type IssueRecord,
  type PendingDeploymentRecord,
  type PullRecord,
  type RefRecord,
  type ReleaseRecord,
  type RepoRecord,
  type ReviewRecord,
  type RulesetRecord,
  type StatusRecord,
  type TagObjectRecord,
  type TeamMemberRecord,
  type TeamRecord,
  type UserRecord,
} from './state.js';

/** Fields a caller may leave out: everything except `Required` keys. */
type Seed<T, Required extends keyof T> = Partial<Omit<T, 'id'>> & Pick<T, Required>;

/** A fake but well-formed 40-hex sha derived from `text`. */
export function fakeSha(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The seed helpers bound to one state and clock. */
export class Seeder {
  constructor(
    private readonly state: EmulatorState,
    private readonly now: () => Date,
  ) {}

  private id(): number {
    const id = this.state.nextId;
    this.state.nextId += 1;
    return id;
  }

  private stamp(): string {
    return formatTimestamp(this.now());
  }

  /** `createdAt` and `updatedAt` both set to the current time. */
  private stamps(): { createdAt: string; updatedAt: string } {
    const stamp = this.stamp();
    return { createdAt: stamp, updatedAt: stamp };
  }

  /**
   * Gives `record` a fresh id (after its defaults were built, so ids are
   * handed out in the same order as before), makes sure the login that
   * `userOf` picks exists as a user, and appends the record to `list`.
   */
  private add<T extends { id: number }>(
    list: T[],
    record: Omit<T, 'id'>,
    userOf?: (added: T) => string,
  ): T {
    const added = { ...record, id: this.id() } as T;
    if (userOf) this.user(userOf(added));
    list.push(added);
    return added;
  }

  /** Adds (or returns the existing) user; bots end in `[bot]`. */
  user(login: string, type?: UserRecord['type']): UserRecord {
    const found = this.state.users.find((u) => u.login.toLowerCase() === login.toLowerCase());
    if (found) return found;
    const user: UserRecord = {
      login,
      id: this.id(),
      type: type ?? (login.endsWith('[bot]') ? 'Bot' : 'User'),
      siteAdmin: false,
    };
    this.state.users.push(user);
    return user;
  }

  /** Adds a repository (`main` default branch, public). */
  repo(seed: Seed<RepoRecord, 'owner' | 'name'>): RepoRecord {
    this.user(seed.owner);
    return this.add<RepoRecord>(this.state.repos, {
      fullName: `${seed.owner}/${seed.name}`,
      private: false,
      defaultBranch: 'main',
      description: null,
      archived: false,
      createdAt: this.stamp(),
      ...seed,
    });
  }

  /** Adds an issue (not a pull request); pull requests share its numbers. */
  issue(seed: Seed<IssueRecord, 'repo' | 'title'>): IssueRecord {
    return this.add<IssueRecord>(
      this.state.issues,
      {
        number: this.nextNumber(seed.repo),
        body: null,
        state: 'open',
        user: 'octocat',
        createdAt: this.stamp(),
        ...seed,
      },
      (issue) => issue.user,
    );
  }

  /** Adds a pull request; `head`/`base` default to `feature`/`main` with fake shas. */
  pull(seed: Seed<PullRecord, 'repo'>): PullRecord {
    const number = seed.number ?? this.nextNumber(seed.repo);
    const { createdAt, updatedAt } = this.stamps();
    const pull: Omit<PullRecord, 'id'> = {
      number,
      title: `Pull request ${number}`,
      body: null,
      state: 'open',
      draft: false,
      merged: false,
      mergedAt: null,
      mergeCommitSha: null,
      user: 'octocat',
      head: { ref: 'feature', sha: fakeSha(`${seed.repo}#${number}:head`) },
      base: { ref: 'main', sha: fakeSha(`${seed.repo}#${number}:base`) },
      labels: [],
      commits: [],
      files: [],
      createdAt,
      updatedAt,
      closedAt: null,
      ...seed,
    };
    return this.add(this.state.pulls, pull, (added) => added.user);
  }

  /** Adds an issue or pull-request comment. */
  comment(seed: Seed<CommentRecord, 'repo' | 'issueNumber' | 'body'>): CommentRecord {
    return this.add<CommentRecord>(
      this.state.comments,
      { user: this.state.viewer, ...this.stamps(), ...seed },
      (comment) => comment.user,
    );
  }

  /** Adds a pull-request review (APPROVED unless said otherwise). */
  review(seed: Seed<ReviewRecord, 'repo' | 'pullNumber' | 'user'>): ReviewRecord {
    return this.add<ReviewRecord>(
      this.state.reviews,
      { state: 'APPROVED', body: '', commitId: null, submittedAt: this.stamp(), ...seed },
      (review) => review.user,
    );
  }

  /** Adds a commit; its sha defaults to a hash of message and parents. */
  commit(seed: Seed<CommitRecord, 'repo' | 'message'>): CommitRecord {
    const person = { name: 'Octo Cat', email: 'octocat@example.com', date: this.stamp() };
    const parents = seed.parents ?? [];
    const commit: CommitRecord = {
      sha: fakeSha(`${seed.repo}:${seed.message}:${parents.join(',')}:${this.state.nextId}`),
      tree: fakeSha(`tree:${seed.message}`),
      parents,
      author: person,
      committer: person,
      ...seed,
    };
    this.state.commits.push(commit);
    return commit;
  }

  /** Sets a ref (`refs/heads/x`, `refs/tags/y`), replacing an existing one. */
  ref(seed: RefRecord): RefRecord {
    const list = this.state.refs;
    const index = list.findIndex((r) => r.repo === seed.repo && r.ref === seed.ref);
    if (index >= 0) list.splice(index, 1);
    list.push({ ...seed });
    return seed;
  }

  /** Adds an annotated tag object and its `refs/tags/<tag>` ref. */
  annotatedTag(seed: Seed<TagObjectRecord, 'repo' | 'tag' | 'object'>): TagObjectRecord {
    const tag: TagObjectRecord = {
      sha: fakeSha(`tag:${seed.repo}:${seed.tag}`),
      message: `Release ${seed.tag}\n`,
      tagger: { name: 'Octo Cat', email: 'octocat@example.com', date: this.stamp() },
      ...seed,
    };
    this.state.tagObjects.push(tag);
    this.ref({ repo: tag.repo, ref: `refs/tags/${tag.tag}`, sha: tag.sha });
    return tag;
  }

  /** Adds a file at a ref (replacing the same path at the same ref). */
  file(seed: FileRecord): FileRecord {
    const list = this.state.contents;
    const index = list.findIndex(
      (f) => f.repo === seed.repo && f.ref === seed.ref && f.path === seed.path,
    );
    if (index >= 0) list.splice(index, 1);
    list.push({ ...seed });
    return seed;
  }

  /**
   * Adds a symbolic link at a ref whose target is not a normal file of the
   * repository (`../.git/config`, `/etc/passwd`): the contents API answers
   * it as a `symlink` entry naming `target`, as GitHub does.
   */
  symlink(seed: { repo: string; ref: string; path: string; target: string }): FileRecord {
    const { target, ...where } = seed;
    return this.file({ ...where, content: target, symlinkTarget: target });
  }

  checkRun(seed: Seed<CheckRunRecord, 'repo' | 'name' | 'headSha'>): CheckRunRecord {
    return this.add<CheckRunRecord>(this.state.checkRuns, {
      status: 'queued',
      conclusion: null,
      startedAt: this.stamp(),
      completedAt: null,
      externalId: null,
      detailsUrl: null,
      output: { title: null, summary: null, text: null, annotations: [] },
      ...seed,
    });
  }

  status(seed: Seed<StatusRecord, 'repo' | 'sha' | 'state'>): StatusRecord {
    return this.add<StatusRecord>(
      this.state.statuses,
      {
        context: 'default',
        description: null,
        targetUrl: null,
        creator: this.state.viewer,
        ...this.stamps(),
        ...seed,
      },
      (status) => status.creator,
    );
  }

  release(seed: Seed<ReleaseRecord, 'repo' | 'tagName'>): ReleaseRecord {
    const draft = seed.draft ?? false;
    const stamp = this.stamp();
    const release: Omit<ReleaseRecord, 'id'> = {
      targetCommitish: 'main',
      name: seed.tagName,
      body: null,
      draft,
      prerelease: false,
      author: this.state.viewer,
      createdAt: stamp,
      publishedAt: draft ? null : stamp,
      ...seed,
    };
    return this.add(this.state.releases, release, (added) => added.author);
  }

  deployment(seed: Seed<DeploymentRecord, 'repo' | 'sha' | 'ref'>): DeploymentRecord {
    const environment = seed.environment ?? 'production';
    const deployment: Omit<DeploymentRecord, 'id'> = {
      task: 'deploy',
      environment,
      originalEnvironment: environment,
      description: null,
      payload: {},
      creator: this.state.viewer,
      transientEnvironment: false,
      productionEnvironment: environment === 'production',
      ...this.stamps(),
      ...seed,
    };
    return this.add(this.state.deployments, deployment, (added) => added.creator);
  }

  deploymentStatus(
    seed: Seed<DeploymentStatusRecord, 'repo' | 'deploymentId' | 'state'>,
  ): DeploymentStatusRecord {
    const stamp = this.stamp();
    const deployment = this.state.deployments.find((d) => d.id === seed.deploymentId);
    const status: Omit<DeploymentStatusRecord, 'id'> = {
      description: '',
      environment: deployment?.environment ?? 'production',
      targetUrl: '',
      logUrl: '',
      environmentUrl: '',
      creator: this.state.viewer,
      createdAt: stamp,
      updatedAt: stamp,
      ...seed,
    };
    const added = this.add(this.state.deploymentStatuses, status, (s) => s.creator);
    if (deployment) deployment.updatedAt = stamp;
    return added;
  }

  environment(seed: Seed<EnvironmentRecord, 'repo' | 'name'>): EnvironmentRecord {
    const environment = this.add<EnvironmentRecord>(this.state.environments, {
      waitTimer: 0,
      preventSelfReview: false,
      reviewers: [],
      deploymentBranchPolicy: null,
      canAdminsBypass: true,
      ...this.stamps(),
      ...seed,
    });
    for (const r of environment.reviewers) if (r.type === 'User') this.user(r.login);
    return environment;
  }

  /** Adds a workflow run's deployment that waits for approval in `environment`. */
  pendingDeployment(
    seed: Partial<PendingDeploymentRecord> &
      Pick<PendingDeploymentRecord, 'repo' | 'runId' | 'environment'>,
  ): PendingDeploymentRecord {
    const env = this.state.environments.find(
      (e) => e.repo === seed.repo && e.name === seed.environment,
    );
    const pending: PendingDeploymentRecord = {
      ref: 'main',
      sha: fakeSha(`${seed.repo}:run:${seed.runId}`),
      waitTimer: env?.waitTimer ?? 0,
      waitTimerStartedAt: this.stamp(),
      currentUserCanApprove: true,
      reviewers: env?.reviewers ?? [],
      ...seed,
    };
    this.state.pendingDeployments.push(pending);
    return pending;
  }

  collaborator(
    seed: Partial<CollaboratorRecord> &
      Pick<CollaboratorRecord, 'repo' | 'username' | 'permission'>,
  ): CollaboratorRecord {
    this.user(seed.username);
    const record: CollaboratorRecord = { roleName: seed.permission, ...seed };
    this.state.collaborators.push(record);
    return record;
  }

  /** Adds a member to a team, creating the team when needed. */
  teamMember(
    org: string,
    slug: string,
    member: Partial<TeamMemberRecord> & Pick<TeamMemberRecord, 'username'>,
  ): TeamRecord {
    this.user(org, 'Organization');
    this.user(member.username);
    let team = this.state.teams.find((t) => t.org === org && t.slug === slug);
    if (!team) {
      team = { org, slug, name: slug, id: this.id(), members: [] };
      this.state.teams.push(team);
    }
    team.members.push({ role: 'member', state: 'active', ...member });
    return team;
  }

  /**
   * Protects a branch (replacing its protection): by default pull requests
   * with one approval, no required checks, force pushes and deletion blocked.
   */
  branchProtection(seed: Seed<BranchProtectionRecord, 'repo' | 'branch'>): BranchProtectionRecord {
    const list = this.state.branchProtections;
    const index = list.findIndex((p) => p.repo === seed.repo && p.branch === seed.branch);
    if (index >= 0) list.splice(index, 1);
    const record: BranchProtectionRecord = {
      requiredChecks: null,
      strict: false,
      requiredReviews: { count: 1, dismissStale: false, codeOwners: false },
      enforceAdmins: false,
      allowForcePushes: false,
      allowDeletions: false,
      linearHistory: false,
      ...seed,
    };
    list.push(record);
    return record;
  }

  /** Adds an active ruleset (branch target unless said otherwise). */
  ruleset(seed: Seed<RulesetRecord, 'repo' | 'name' | 'include'>): RulesetRecord {
    return this.add<RulesetRecord>(this.state.rulesets, {
      target: 'branch',
      enforcement: 'active',
      exclude: [],
      rules: [],
      ...this.stamps(),
      ...seed,
    });
  }

  private nextNumber(repo: string): number {
    const numbers = [
      ...this.state.issues.filter((i) => i.repo === repo).map((i) => i.number),
      ...this.state.pulls.filter((p) => p.repo === repo).map((p) => p.number),
    ];
    return numbers.length === 0 ? 1 : Math.max(...numbers) + 1;
  }
}
