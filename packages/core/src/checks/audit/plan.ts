/**
 * What the audit reads, decided by the policy: which branches are lines to
 * protect, which tag stands for the release tags, and where a setting is
 * changed in GitHub. The adapter only fetches what these plan.
 */
import { classifyBranch, MAINLINE_KIND } from '../../branches.js';
import type { Policy } from '../../config/schema.js';
import type { AuditFacts } from '../../audit-facts.js';
import type { Severity } from '../../findings.js';
import { listReleaseTags } from '../../version-tags.js';

/** The branch kinds whose branches are release and maintenance lines. */
export const LINE_KINDS: readonly string[] = ['release', 'maintenance'];

/** Lines audited at most, newest names last, so a repository with hundreds stays bounded. */
export const MAX_AUDITED_LINES = 20;

/** A branch the audit reads the protection of. */
export interface PlannedBranch {
  name: string;
  kind: string;
}

/**
 * Mainline and the release and maintenance lines among `branches` (short
 * names), mainline first, at most {@link MAX_AUDITED_LINES} lines (the last
 * ones in name order).
 */
export function planAuditBranches(branches: readonly string[], policy: Policy): PlannedBranch[] {
  const lines = branches
    .map((name) => classifyBranch(name, policy))
    .filter((c) => c.kind !== undefined && LINE_KINDS.includes(c.kind))
    .map((c) => ({ name: c.name, kind: c.kind ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(-MAX_AUDITED_LINES);
  return [{ name: policy.mainline, kind: MAINLINE_KIND }, ...lines];
}

/**
 * The tag ref tag rulesets are matched with: the newest release tag, or a
 * release tag as the policy would name the first one (`refs/tags/v0.1.0`).
 */
export function planTagSample(tags: readonly string[], policy: Policy): string {
  const newest = listReleaseTags(tags, policy)[0];
  const prefix = policy.versioning.tagPrefix[0] ?? '';
  return `refs/tags/${newest?.tag ?? `${prefix}${policy.versioning.initial}`}`;
}

/** Where a setting is changed in GitHub, e.g. `https://github.com/o/r/settings/environments`. */
export function linkSettings(
  facts: AuditFacts,
  page: 'environments' | 'branches' | 'rules',
): string {
  return `${facts.webUrl}/settings/${page}`;
}

/**
 * The severity of a drift finding: the rule's own (undefined) when the
 * policy fails on drift, else a warning that reports without failing.
 */
export function computeDriftSeverity(policy: Policy): Severity | undefined {
  return policy.audit.failOn.includes('drift') ? undefined : 'warning';
}
