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

/**
 * The policy's environments, in promotion order, with the approvals each
 * requires (the `environments` section; its default is the procedure's
 * `dev`, `test`, `staging` and `production`).
 */
export function listPolicyEnvironments(policy: Policy): PolicyEnvironment[] {
  return policy.environments.map((environment) => ({
    name: environment.name,
    approvals: environment.approvals.required,
  }));
}
