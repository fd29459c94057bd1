/**
 * The policy's environments as far as the audit reads them: their names, in
 * order, and how many approvals each requires. One function, so the reader
 * follows the `environments` section wherever it is defined.
 */
import type { Policy } from '../../config/schema.js';

/** One environment of the policy, as the audit sees it. */
export interface PolicyEnvironment {
  name: string;
  /** Distinct approvals a promotion needs; 0 for none. */
  approvals: number;
}

/** The procedure's environments when the policy names none: production needs one approval. */
const PROCEDURE_ENVIRONMENTS: readonly PolicyEnvironment[] = [
  { name: 'dev', approvals: 0 },
  { name: 'test', approvals: 0 },
  { name: 'staging', approvals: 0 },
  { name: 'production', approvals: 1 },
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `approvals.required` of one entry; 0 when absent or not a non-negative integer. */
function readApprovals(entry: unknown): number {
  if (!isRecord(entry) || !isRecord(entry.approvals)) return 0;
  const required = entry.approvals.required;
  return typeof required === 'number' && Number.isInteger(required) && required > 0 ? required : 0;
}

/**
 * The policy's environments, in order: `environments` as a list of entries
 * with `name` (or a mapping keyed by name), each with `approvals.required`.
 * Without that section, the procedure's `dev`, `test`, `staging` and
 * `production`, with one approval for `production`.
 */
export function listPolicyEnvironments(policy: Policy): PolicyEnvironment[] {
  const section: unknown = policy.environments;
  if (Array.isArray(section)) {
    return section.flatMap((entry: unknown) =>
      isRecord(entry) && typeof entry.name === 'string'
        ? [{ name: entry.name, approvals: readApprovals(entry) }]
        : [],
    );
  }
  if (isRecord(section) && Object.keys(section).length > 0) {
    return Object.entries(section).map(([name, entry]) => ({
      name,
      approvals: readApprovals(entry),
    }));
  }
  return PROCEDURE_ENVIRONMENTS.map((env) => ({ ...env }));
}

/**
 * The gate environments that make each approval beyond the first reachable
 * through GitHub's review screen: `<env>-approval-2`, `<env>-approval-3`, …
 */
export function listApprovalGates(environment: PolicyEnvironment): string[] {
  return Array.from(
    { length: Math.max(0, environment.approvals - 1) },
    (_, i) => `${environment.name}-approval-${i + 2}`,
  );
}
