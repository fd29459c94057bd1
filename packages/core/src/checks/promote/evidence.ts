/**
 * The evidence record of one promotion: what went where, on whose approval,
 * under which window decision, after which checks. Stored as JSON in the
 * deployment's payload (so the history needs nothing else) and rendered for
 * people by the adapters. Pure: built from the facts, the policy, the
 * evaluation and `now`.
 */
import type { Evaluation } from '../../engine.js';
import type { Policy } from '../../config/schema.js';
import type { DeploymentEntry, PromotionFacts } from '../../facts.js';
import {
  computeCanaryStep,
  decideWindow,
  findEnvironmentSpec,
  findLiveDeployment,
  tallyApprovals,
} from './plan.js';

/** The key of the evidence record inside a deployment's payload. */
export const EVIDENCE_PAYLOAD_KEY = 'release-policy';

/** The format of {@link EvidenceRecord}, kept in the record for readers. */
export const EVIDENCE_FORMAT = 'release-policy/evidence@1';

/** One approval as recorded. */
export interface EvidenceApproval {
  login: string;
  /** The environment (or `-approval-N` gate) reviewed. */
  environment: string;
  /** When the review was read, ISO 8601. */
  at: string;
}

/** What one promotion leaves behind. */
export interface EvidenceRecord {
  format: typeof EVIDENCE_FORMAT;
  environment: string;
  version: string;
  commit: string;
  artifact?: { name: string; digest: string };
  /** The canary percent it went live at (100 for a full deployment). */
  percent: number;
  rollback: boolean;
  /** The reason given, for an emergency. */
  emergency?: string;
  /** The version live before, when one was. */
  previousVersion?: string;
  approvals: EvidenceApproval[];
  /** The window decision, one sentence. */
  window: string;
  /** The rules that ran and found nothing, and every finding that was reported. */
  checks: { passed: string[]; findings: { rule: string; severity: string; message: string }[] };
  /** The run that promoted, when on a runner. */
  run?: { id: number; starter?: string };
  /** When the promotion was decided, ISO 8601. */
  at: string;
}

/** Builds the evidence record of a promotion that was evaluated. */
export function buildEvidenceRecord(
  promotion: PromotionFacts,
  policy: Policy,
  evaluation: Evaluation,
  now: Date,
): EvidenceRecord {
  const spec = findEnvironmentSpec(policy, promotion.environment);
  const live = findLiveDeployment(promotion.deployments, promotion.environment);
  const tally = spec ? tallyApprovals(promotion, spec) : undefined;
  const failed = new Set(evaluation.findings.map((f) => f.rule));
  return {
    format: EVIDENCE_FORMAT,
    environment: promotion.environment,
    version: promotion.version,
    commit: promotion.commit,
    ...(promotion.artifact ? { artifact: { ...promotion.artifact } } : {}),
    percent: spec ? computeCanaryStep(promotion, spec).percent : 100,
    rollback: promotion.rollback,
    ...(promotion.emergency !== undefined ? { emergency: promotion.emergency } : {}),
    ...(live ? { previousVersion: live.version } : {}),
    approvals: (tally?.counted ?? []).map((a) => ({
      login: a.login,
      environment: a.environment,
      at: a.seenAt,
    })),
    window: spec ? decideWindow(spec, now).summary : 'no policy entry',
    checks: {
      passed: evaluation.ran.filter((id) => !failed.has(id)),
      findings: evaluation.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
      })),
    },
    ...(promotion.runId !== undefined
      ? {
          run: {
            id: promotion.runId,
            ...(promotion.starter ? { starter: promotion.starter } : {}),
          },
        }
      : {}),
    at: now.toISOString(),
  };
}

function readString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * What a deployment's payload records, as far as the history and the rules
 * read it: its evidence record's version, percent, digest, rollback, run,
 * approvers and emergency. A payload without a record (a deployment made by
 * something else) gives nothing; foreign values of the wrong type are ignored.
 */
export function readEvidencePayload(
  payload: unknown,
): Partial<
  Pick<
    DeploymentEntry,
    'version' | 'percent' | 'digest' | 'rollback' | 'runId' | 'approvers' | 'emergency'
  >
> {
  const parsed: unknown = typeof payload === 'string' ? parseJson(payload) : payload;
  if (typeof parsed !== 'object' || parsed === null) return {};
  const record: unknown = (parsed as Record<string, unknown>)[EVIDENCE_PAYLOAD_KEY];
  if (typeof record !== 'object' || record === null) return {};
  const r = record as Record<string, unknown>;
  const artifact =
    typeof r.artifact === 'object' && r.artifact !== null
      ? (r.artifact as Record<string, unknown>)
      : {};
  const run = typeof r.run === 'object' && r.run !== null ? (r.run as Record<string, unknown>) : {};
  const approvals = Array.isArray(r.approvals) ? r.approvals : [];
  const version = readString(r.version);
  const digest = readString(artifact.digest);
  const emergency = readString(r.emergency);
  return {
    ...(version !== undefined ? { version } : {}),
    ...(typeof r.percent === 'number' && r.percent < 100 ? { percent: r.percent } : {}),
    ...(digest !== undefined ? { digest } : {}),
    ...(r.rollback === true ? { rollback: true } : {}),
    ...(typeof run.id === 'number' ? { runId: run.id } : {}),
    approvers: approvals.flatMap((a: unknown) => {
      const login =
        typeof a === 'object' && a !== null
          ? readString((a as Record<string, unknown>).login)
          : undefined;
      return login === undefined ? [] : [login];
    }),
    ...(emergency !== undefined ? { emergency } : {}),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A payload that is not JSON is someone else's: it records nothing of ours.
    return undefined;
  }
}
