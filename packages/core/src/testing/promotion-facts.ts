/**
 * Test helpers: promotion facts, deployments and approvals with plain
 * defaults, so each rule test writes only what it is about.
 */
import type { ApprovalFact, DeploymentEntry, PromotionFacts } from '../facts.js';

/** A commit sha made of one repeated character, e.g. `sha('a')`. */
export function sha(c: string): string {
  return c.repeat(40);
}

/** A deployment that went live at `succeededAt` (when given) and is `state` now. */
export function makeDeployment(
  id: number,
  environment: string,
  overrides: Partial<DeploymentEntry> = {},
): DeploymentEntry {
  return {
    id,
    environment,
    sha: sha('a'),
    version: '1.4.0',
    createdAt: '2026-06-01T00:00:00Z',
    creator: 'github-actions[bot]',
    state: 'success',
    succeededAt: '2026-06-01T00:05:00Z',
    ...overrides,
  };
}

/** An approval by `login` for `environment`, from a user with write permission. */
export function makeApproval(login: string, overrides: Partial<ApprovalFact> = {}): ApprovalFact {
  return {
    login,
    type: 'User',
    environment: 'production',
    state: 'approved',
    permission: 'write',
    teams: [],
    comment: '',
    seenAt: '2026-06-03T10:00:00Z',
    ...overrides,
  };
}

/** A promotion of 1.4.0 (commit `a…a`) to `environment`, with no deployments or approvals yet. */
export function makePromotionFacts(
  environment: string,
  overrides: Partial<PromotionFacts> = {},
): PromotionFacts {
  return {
    environment,
    version: '1.4.0',
    commit: sha('a'),
    rollback: false,
    runId: 77,
    starter: 'carol',
    author: 'dave',
    deployments: [],
    approvals: [],
    ...overrides,
  };
}
