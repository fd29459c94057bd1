/**
 * One deployment as the promotion rules, the history and the audit read it:
 * its latest state and what its evidence record says. A leaf module, so
 * the run's facts and the audit's facts can both hold deployments.
 */

/** The state of a deployment as GitHub names its statuses. */
export type DeploymentState =
  'queued' | 'pending' | 'in_progress' | 'success' | 'failure' | 'error' | 'inactive';

/** One deployment of the repository, as its statuses and evidence record tell it. */
export interface DeploymentEntry {
  id: number;
  environment: string;
  /** Full commit sha. */
  sha: string;
  /** The version it deployed (its evidence record's, else its ref); untrusted text. */
  version: string;
  /** When it was created (ISO 8601). */
  createdAt: string;
  /** Who created it (login). */
  creator: string;
  /** Its latest status; `pending` when it has none. */
  state: DeploymentState;
  /** When it first reached `success` (ISO 8601); absent when it never did. */
  succeededAt?: string;
  /** The canary percent it went live at; absent for a full deployment. */
  percent?: number;
  /** The sha256 digest of the artifact it deployed, when one was named. */
  digest?: string;
  /** True when it was a rollback. */
  rollback?: boolean;
  /** The workflow run that made it, when its record says. */
  runId?: number;
  /** The logins whose approvals counted for it. */
  approvers?: string[];
  /** The emergency reason, when it was one. */
  emergency?: string;
  /**
   * True when it carries no evidence record: not a promotion (e.g. the
   * deployment GitHub makes for a job bound to the environment). It never
   * counts as live, as the version before, or as a rollback target.
   */
  unrecorded?: boolean;
}
