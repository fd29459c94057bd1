/**
 * The configuration status: where every release line stands in every
 * environment, computed from the audit's facts. Pure; the adapters render
 * it (Markdown for the job summary and the status issue, JSON as is).
 */
import type { AuditFacts } from '../../audit-facts.js';
import type { DeploymentEntry, DocumentsUnread, Facts, PatchesUnread } from '../../facts.js';
import type { Policy } from '../../config/schema.js';
import { listReleaseTags, parseReleaseTag } from '../../version-tags.js';
import { compareVersions } from '../../version-parse.js';
import { inspectNextReleaseDocuments, type NextReleaseDocuments } from './documents.js';
import { classifyLineCommits } from '../patches/classify.js';
import { findLiveDeployment } from '../promote/plan.js';
import { listPolicyEnvironments } from './environments.js';

/** Release lines shown at most, newest first. */
export const MAX_STATUS_LINES = 10;

/** The label of deployments whose ref is not a release tag (a branch, a sha). */
export const OTHER_LINE = '(other refs)';

/** What is live in one environment: its newest promotion that succeeded. */
export interface DeployedVersion {
  environment: string;
  /**
   * The version its evidence record names, as the release tag when it is a
   * release (`v1.4.0` for `1.4.0`), else as recorded (a ref or a sha);
   * untrusted text.
   */
  version: string;
  /** The commit deployed. */
  sha: string;
  /** When it went live (its first `success` status), ISO 8601. */
  at: string;
  /** Login of who created the deployment. */
  by: string;
  /** The deployment's id. */
  deployment: number;
}

/** A pending promotion: a version one environment holds and the next one does not. */
export interface PendingPromotion {
  version: string;
  from: string;
  to: string;
}

/** One release line (`1.4`) in every environment. */
export interface StatusLine {
  /** `major.minor`, or {@link OTHER_LINE}. */
  line: string;
  /** The newest release tag of the line; absent for {@link OTHER_LINE}. */
  latestTag?: string;
  /** What each environment of the policy holds of this line, in the policy's order. */
  deployed: { environment: string; deployment?: DeployedVersion }[];
  pending: PendingPromotion[];
}

/** The patch check's result for one maintenance line. */
export interface StatusPatches {
  line: string;
  /** Commits of the line checked. */
  commits: number;
  /** How many are missing from mainline (not merged, picked, exempt or waived). */
  missing: number;
  /** The missing commits, at most {@link MAX_STATUS_MISSING_COMMITS}. */
  missingCommits: { sha: string; subject: string }[];
}

/** Missing commits listed per line at most; `missing` counts them all. */
export const MAX_STATUS_MISSING_COMMITS = 20;

/** The configuration status of one repository. */
export interface ReleaseStatus {
  repository: string;
  /** The policy's environments, in order. */
  environments: string[];
  lines: StatusLine[];
  /** The patch check's result per maintenance line; absent when the lines were not compared. */
  patches?: StatusPatches[];
  /** Why the maintenance lines were not compared, when the audit could not. */
  patchesUnread?: PatchesUnread;
  /**
   * The documents of the mainline's next release, read from the checkout;
   * absent when the audit had no checkout of the repository.
   */
  nextReleaseDocuments?: NextReleaseDocuments;
  /** Why the next release's documents were not read, when the audit could not. */
  documentsUnread?: DocumentsUnread;
  /** Settings the token could not read. */
  unreadable: AuditFacts['unreadable'];
}

function lineOf(version: string, policy: Policy): string {
  const release = parseReleaseTag(version, policy);
  return release ? `${release.major}.${release.minor}` : OTHER_LINE;
}

/**
 * A recorded version as the status shows it: the release tag of a SemVer
 * version (the policy's first tag prefix in front), the version itself when
 * it already is a release tag, else as recorded.
 */
function describeDeployedVersion(version: string, policy: Policy): string {
  if (parseReleaseTag(version, policy)) return version;
  const tag = `${policy.versioning.tagPrefix[0] ?? ''}${version}`;
  return parseReleaseTag(tag, policy) ? tag : version;
}

/** The live promotion of `environment` as the status shows it; undefined when none went live. */
function readDeployedVersion(
  deployments: readonly DeploymentEntry[],
  environment: string,
  policy: Policy,
): DeployedVersion | undefined {
  const live = findLiveDeployment(deployments, environment);
  if (!live) return undefined;
  return {
    environment,
    version: describeDeployedVersion(live.version, policy),
    sha: live.sha,
    at: live.succeededAt ?? live.createdAt,
    by: live.creator,
    deployment: live.id,
  };
}

function isNewer(a: DeployedVersion, b: DeployedVersion | undefined, policy: Policy): boolean {
  if (!b) return true;
  const [ra, rb] = [parseReleaseTag(a.version, policy), parseReleaseTag(b.version, policy)];
  if (ra && rb) return compareVersions(ra, rb) > 0;
  return a.version !== b.version && a.at > b.at;
}

/** Promotions waiting: a version an environment holds that the next one lacks. */
function listPending(deployed: StatusLine['deployed'], policy: Policy): PendingPromotion[] {
  const pending: PendingPromotion[] = [];
  for (let i = 0; i + 1 < deployed.length; i += 1) {
    const [from, to] = [deployed[i], deployed[i + 1]];
    if (!from?.deployment || !to) continue;
    if (isNewer(from.deployment, to.deployment, policy)) {
      pending.push({
        version: from.deployment.version,
        from: from.environment,
        to: to.environment,
      });
    }
  }
  return pending;
}

/**
 * The status of every release line: its newest tag, what is live of the line
 * in each environment of the policy (the environment's newest promotion that
 * succeeded, never the deployment GitHub makes for a job), and the pending promotions;
 * the missing patches when the lines were compared; the documents of the
 * mainline's next release when the checkout was read. Undefined without audit facts.
 */
export function computeReleaseStatus(
  facts: Facts,
  policy: Policy,
  now: Date,
): ReleaseStatus | undefined {
  const audit = facts.audit;
  if (!audit) return undefined;
  const environments = listPolicyEnvironments(policy).map((env) => env.name);
  const newestTags = new Map<string, string>();
  for (const release of listReleaseTags(audit.tagNames ?? [], policy)) {
    const line = `${release.major}.${release.minor}`;
    if (!newestTags.has(line)) newestTags.set(line, release.tag);
  }
  const live = environments.flatMap((environment) => {
    const deployed = readDeployedVersion(audit.deployments ?? [], environment, policy);
    return deployed ? [deployed] : [];
  });
  const deployedLines = live.map((d) => lineOf(d.version, policy));
  const lineNames = [...new Set([...newestTags.keys(), ...deployedLines])].slice(
    0,
    MAX_STATUS_LINES,
  );
  const lines = lineNames.map((line): StatusLine => {
    const deployed = environments.map((environment) => {
      const deployment = live.find(
        (d) => d.environment === environment && lineOf(d.version, policy) === line,
      );
      return deployment ? { environment, deployment } : { environment };
    });
    const latestTag = newestTags.get(line);
    return {
      line,
      ...(latestTag ? { latestTag } : {}),
      deployed,
      pending: listPending(deployed, policy),
    };
  });
  const status: ReleaseStatus = {
    repository: audit.repository,
    environments,
    lines,
    unreadable: audit.unreadable,
  };
  if (facts.patches) {
    status.patches = classifyLineCommits(facts.patches, policy, now).map((line) => {
      const missing = line.commits.filter((c) => c.status === 'missing');
      return {
        line: line.line,
        commits: line.commits.length,
        missing: missing.length,
        missingCommits: missing
          .slice(0, MAX_STATUS_MISSING_COMMITS)
          .map((c) => ({ sha: c.sha, subject: c.subject })),
      };
    });
  }
  if (facts.patchesUnread) status.patchesUnread = facts.patchesUnread;
  const documents = inspectNextReleaseDocuments(facts, policy);
  if (documents) status.nextReleaseDocuments = documents;
  if (facts.documentsUnread) status.documentsUnread = facts.documentsUnread;
  return status;
}
