/**
 * What a promotion is judged on, computed once from the facts and the
 * policy and shared by the rules, the outputs and the evidence record:
 * the environment's entry, the deployment the order rule needs, the live
 * deployment, the canary step, the approvals that count and the window
 * decision. Pure.
 */
import type { Policy } from '../../config/schema.js';
import type { ApprovalFact, DeploymentEntry, PromotionFacts } from '../../facts.js';
import type { ChangeWindow, EnvironmentSpec, FreezePeriod } from './section.js';
import { parseClockTime, readWallClock, WEEKDAYS } from './zone.js';

/** The environment entry the promotion targets; undefined when the policy does not list it. */
export function findEnvironmentSpec(policy: Policy, name: string): EnvironmentSpec | undefined {
  return policy.environments.find((e) => e.name === name);
}

/** The environments an approval for `environment` may be given in: itself and its `-approval-N` gates. */
export function isApprovalEnvironment(environment: string, reviewed: string): boolean {
  if (reviewed === environment) return true;
  const prefix = `${environment}-approval-`;
  return reviewed.startsWith(prefix) && /^[2-9]$|^10$/.test(reviewed.slice(prefix.length));
}

/**
 * The gate environments that make each approval beyond the first reachable
 * through GitHub's review screen: `<env>-approval-2` … `<env>-approval-N`
 * (none for one approval). One home for the names the promotion counts, the
 * audit checks and `init` sets up.
 */
export function listApprovalGates(environment: string, required: number): string[] {
  const gates: string[] = [];
  for (let n = 2; n <= required; n += 1) gates.push(`${environment}-approval-${n}`);
  return gates;
}

/** The environments `required` approvals are given in: the environment, then its gates. */
export function listApprovalEnvironments(environment: string, required: number): string[] {
  return [environment, ...listApprovalGates(environment, required)];
}

/** True when a deployment went live in full (no canary percent, or 100). */
function isFull(d: DeploymentEntry): boolean {
  return d.percent === undefined || d.percent === 100;
}

/**
 * The environment's live deployment: the newest promotion (a deployment with
 * an evidence record) whose latest status is `success`. The deployment GitHub
 * makes for the promoting job itself succeeds after it, with the job's ref
 * and no record: it is not what went live.
 */
export function findLiveDeployment(
  deployments: readonly DeploymentEntry[],
  environment: string,
): DeploymentEntry | undefined {
  return newestFirst(deployments).find(
    (d) => d.environment === environment && d.state === 'success' && d.unrecorded !== true,
  );
}

function newestFirst(deployments: readonly DeploymentEntry[]): DeploymentEntry[] {
  return [...deployments].sort((a, b) => b.id - a.id);
}

/**
 * The newest promotion of `sha` to `environment` that went live in full
 * (it may have been replaced since: a pipeline moves on).
 */
export function findSucceededDeployment(
  deployments: readonly DeploymentEntry[],
  environment: string,
  sha: string,
): DeploymentEntry | undefined {
  return newestFirst(deployments).find(
    (d) =>
      d.environment === environment &&
      d.sha === sha &&
      d.succeededAt !== undefined &&
      d.unrecorded !== true &&
      isFull(d),
  );
}

/**
 * The version a rollback of `environment` returns to: the newest deployment
 * before the live one that went live in full with another commit. Undefined
 * when the environment has no live deployment or nothing before it.
 */
export function findRollbackTarget(
  deployments: readonly DeploymentEntry[],
  environment: string,
): DeploymentEntry | undefined {
  const live = findLiveDeployment(deployments, environment);
  if (!live) return undefined;
  return newestFirst(deployments).find(
    (d) =>
      d.environment === environment &&
      d.id < live.id &&
      d.sha !== live.sha &&
      d.succeededAt !== undefined &&
      d.unrecorded !== true &&
      isFull(d),
  );
}

/** The canary step of a promotion: the percent and where it stands in the policy's steps. */
export interface CanaryStep {
  percent: number;
  /** Its index in the steps; -1 when the policy does not list it. */
  index: number;
  /** The step before it, when there is one. */
  previous?: number;
}

/**
 * The canary step asked for, or the next one: the first step unless this
 * commit is live at a step, then the step after that one. Without canary
 * steps in the policy, 100 (or the step asked for, which the canary rule refuses).
 */
export function computeCanaryStep(facts: PromotionFacts, spec: EnvironmentSpec): CanaryStep {
  const steps = spec.canary?.steps ?? [100];
  const live = findLiveDeployment(facts.deployments, spec.name);
  const current =
    live?.sha === facts.commit && live.percent !== undefined ? steps.indexOf(live.percent) : -1;
  const percent = facts.step ?? steps[Math.min(current + 1, steps.length - 1)] ?? 100;
  const index = steps.indexOf(percent);
  return { percent, index, ...(index > 0 ? { previous: steps[index - 1] } : {}) };
}

/** Why a review does not count. */
export type ApprovalRefusal =
  'bot' | 'permission' | 'author' | 'starter' | 'not-listed' | 'not-approved' | 'duplicate';

/** The run's reviews for an environment, sorted into those that count and those that do not. */
export interface ApprovalTally {
  /** Distinct approvals that count, first review of each person. */
  counted: ApprovalFact[];
  refused: { approval: ApprovalFact; why: ApprovalRefusal }[];
  /** How many the promotion needs (the policy's, plus the emergency's extra). */
  required: number;
}

const WRITE_OR_MORE = ['admin', 'maintain', 'write'];

function classifyApproval(
  approval: ApprovalFact,
  facts: PromotionFacts,
  spec: EnvironmentSpec,
): ApprovalRefusal | undefined {
  const login = approval.login.toLowerCase();
  if (approval.state !== 'approved') return 'not-approved';
  if (approval.type === 'Bot' || login.endsWith('[bot]')) return 'bot';
  if (!WRITE_OR_MORE.includes(approval.permission)) return 'permission';
  if (!spec.approvals.allowSelf && login === facts.author?.toLowerCase()) return 'author';
  if (!spec.approvals.allowSelf && login === facts.starter?.toLowerCase()) return 'starter';
  const from = spec.approvals.from;
  const users = from.filter((f) => !f.includes('/')).map((f) => f.toLowerCase());
  if (from.length > 0 && !users.includes(login) && approval.teams.length === 0) return 'not-listed';
  return undefined;
}

/** Counts the distinct approvals of the environment and its gates that meet the policy. */
export function tallyApprovals(facts: PromotionFacts, spec: EnvironmentSpec): ApprovalTally {
  const required = spec.automatic
    ? 0
    : spec.approvals.required + (facts.emergency !== undefined ? spec.emergency.extraApprovals : 0);
  const counted: ApprovalFact[] = [];
  const refused: ApprovalTally['refused'] = [];
  for (const approval of facts.approvals ?? []) {
    if (!isApprovalEnvironment(spec.name, approval.environment)) continue;
    const seen = counted.some((c) => c.login.toLowerCase() === approval.login.toLowerCase());
    const why = seen ? 'duplicate' : classifyApproval(approval, facts, spec);
    if (why === undefined) counted.push(approval);
    else if (why !== 'duplicate') refused.push({ approval, why });
  }
  return { counted, refused, required };
}

/** Whether the promotion's time is allowed, and why not. */
export interface WindowDecision {
  /** True when `now` is in a window (or there are none) and in no freeze. */
  open: boolean;
  /** The freeze `now` falls in. */
  freeze?: FreezePeriod;
  /** True when the environment has windows and `now` is in none. */
  outsideWindows: boolean;
  /** One sentence for the evidence record, e.g. `open: in the window mon 09:00–17:00 Asia/Shanghai`. */
  summary: string;
}

/** True when the local time of `now` falls in `window` (a window past midnight ends the next day). */
function isInWindow(window: ChangeWindow, now: Date): boolean {
  const clock = readWallClock(now, window.timezone);
  const from = parseClockTime(window.from);
  const to = parseClockTime(window.to);
  if (from < to)
    return window.days.includes(clock.weekday) && clock.minutes >= from && clock.minutes < to;
  const yesterday = WEEKDAYS[(WEEKDAYS.indexOf(clock.weekday) + 6) % 7] ?? clock.weekday;
  return (
    (window.days.includes(clock.weekday) && clock.minutes >= from) ||
    (window.days.includes(yesterday) && clock.minutes < to)
  );
}

/** Describes a window: `mon–fri 09:00–17:00 Europe/Berlin`. */
export function describeWindow(window: ChangeWindow): string {
  return `${window.days.join(',')} ${window.from}–${window.to} ${window.timezone}`;
}

/**
 * Decides whether `now` is a time the environment takes promotions: in one
 * of its windows (when it has any) and in none of its freezes, each compared
 * on the local wall-clock time of its zone.
 */
export function decideWindow(spec: EnvironmentSpec, now: Date): WindowDecision {
  const freeze = spec.freeze.find((f) => {
    const clock = readWallClock(now, f.timezone);
    const local = `${clock.date}T${clock.time}`;
    return local >= f.from && local < f.to;
  });
  const window = spec.windows.find((w) => isInWindow(w, now));
  const outsideWindows = spec.windows.length > 0 && window === undefined;
  const summary = freeze
    ? `frozen: ${freeze.from}–${freeze.to} ${freeze.timezone} (${freeze.reason})`
    : outsideWindows
      ? `closed: outside every window (${spec.windows.map(describeWindow).join('; ')})`
      : window
        ? `open: in the window ${describeWindow(window)}`
        : 'open: no windows or freezes apply';
  return {
    open: freeze === undefined && !outsideWindows,
    ...(freeze ? { freeze } : {}),
    outsideWindows,
    summary,
  };
}
