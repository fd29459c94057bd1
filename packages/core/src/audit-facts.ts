/**
 * What the configuration audit reads from GitHub: how the repository's
 * environments, branches, tags and workflows are configured, what is
 * deployed where, and which settings the token could not read. Read through
 * the API, never changed. Names (environments, branches, workflow text) are
 * untrusted text.
 */
import type { DeploymentEntry } from './deployment-entry.js';

/** Where a deployment may come from, as the environment's settings say. */
export type DeploymentBranches =
  /** No deployment branch policy: any branch or tag may deploy. */
  | { kind: 'all' }
  /** Only protected branches. */
  | { kind: 'protected' }
  /**
   * Only refs matching these name patterns (`main`, `release/*`, tags `v*`);
   * `patterns` is absent when not read (environments that need no approvals).
   */
  | { kind: 'custom'; patterns?: { name: string; type: 'branch' | 'tag' }[] };

/** One environment as configured in GitHub. */
export interface AuditEnvironment {
  /** The name as GitHub lists it. */
  name: string;
  /** Required reviewers (users and teams); 0 when the rule is not set. */
  reviewers: number;
  /** The required-reviewers rule's "prevent self-review"; false when the rule is not set. */
  preventSelfReview: boolean;
  branches: DeploymentBranches;
}

/** How one branch is protected, branch protection and rulesets together. */
export interface AuditBranch {
  /** Short branch name, e.g. `main`, `release/1.4`. */
  name: string;
  /** `mainline`, or the policy's branch kind (`release`, `maintenance`). */
  kind: string;
  /** What enforces the rules below: `branch protection`, `ruleset "lines"`; empty when nothing. */
  sources: string[];
  pullRequests: boolean;
  /** Required status check names. */
  requiredChecks: string[];
  forcePushesBlocked: boolean;
  deletionBlocked: boolean;
}

/** How release tags are protected by tag rulesets. */
export interface AuditTags {
  /** The tag ref the rulesets were matched with, e.g. `refs/tags/v1.4.0`. */
  sample: string;
  /** Names of the active tag rulesets that select it. */
  rulesets: string[];
  /** A rule blocks moving the tag (update or non-fast-forward). */
  updateBlocked: boolean;
  deletionBlocked: boolean;
}

/** One `uses:` of this project's actions in a workflow file. */
export interface AuditActionUse {
  /** What follows `uses:`, e.g. `release-policy/release-policy/actions/version@v1`. */
  uses: string;
  /** The ref after `@`; `''` when there is none. */
  ref: string;
  /** 1-based line in the workflow file. */
  line: number;
}

/** One workflow file of `.github/workflows`. */
export interface AuditWorkflow {
  /** Repository-relative path, e.g. `.github/workflows/release-policy.yml`. */
  path: string;
  /** Every use of this project's actions or reusable workflow in it. */
  uses: AuditActionUse[];
}

/** A setting the token could not read. */
export interface AuditUnreadable {
  /** What could not be read, e.g. `branch protection of "main"`. */
  setting: string;
  /** The permission that reads it, e.g. `administration: read`. */
  permission: string;
  /** GitHub's answer, e.g. `403 Resource not accessible by integration`. */
  answer: string;
}

/** Everything the audit read. Absent parts could not be read (see `unreadable`). */
export interface AuditFacts {
  /** `owner/name`. */
  repository: string;
  /** The repository's web address, e.g. `https://github.com/octo-org/app`: settings links start here. */
  webUrl: string;
  /** The environments in GitHub; absent when unreadable. */
  environments?: AuditEnvironment[];
  /** Mainline and the release and maintenance lines found; absent when unreadable. */
  branches?: AuditBranch[];
  /** Tag protection; absent when unreadable or when there is no release tag pattern. */
  tags?: AuditTags;
  /** The workflow files; absent when unreadable. */
  workflows?: AuditWorkflow[];
  /** The repository's tag names (for the release lines of the status report). */
  tagNames?: string[];
  /**
   * The deployments of the policy's environments, each environment's newest
   * first, read down to its live promotion (see `findLiveDeployment`);
   * absent when unreadable.
   */
  deployments?: DeploymentEntry[];
  unreadable: AuditUnreadable[];
}
