import * as core from '@actions/core';
import { sortFindings, type Finding, type Severity } from '@release-policy/core';
import { sanitizeOutgoingText } from './secrets.js';

/** GitHub keeps at most this many annotations of one severity per step. */
export const ANNOTATIONS_PER_SEVERITY = 10;

/** Which findings become annotations, and how many are left to the job summary. */
export interface AnnotationPlan {
  /** Findings to annotate, errors first. */
  shown: Finding[];
  /** Findings not annotated; one notice points to the summary when above zero. */
  hidden: number;
}

/** Options of {@link planAnnotations}. */
export interface AnnotationPlanOptions {
  /**
   * True when the step will fail: its failure message (`core.setFailed`) is
   * one more error annotation, so one error slot is kept for it. Default:
   * true when any finding is an error, as the actions fail exactly then.
   */
  failing?: boolean;
}

/**
 * Chooses at most {@link ANNOTATIONS_PER_SEVERITY} findings per severity.
 * When the step will fail, errors get one slot less: the failure message
 * takes the last one, so GitHub never drops the reason the step failed.
 * When any finding is left over, one notice slot is kept for the "N more"
 * notice, so no severity ever goes over GitHub's limit. Pure.
 */
export function planAnnotations(
  findings: readonly Finding[],
  limit = ANNOTATIONS_PER_SEVERITY,
  options: AnnotationPlanOptions = {},
): AnnotationPlan {
  const sorted = sortFindings(findings);
  const bySeverity = (s: Severity) => sorted.filter((f) => f.severity === s);
  const errors = bySeverity('error');
  const warnings = bySeverity('warning');
  const notices = bySeverity('notice');
  const failing = options.failing ?? errors.length > 0;
  const errorLimit = failing ? Math.max(0, limit - 1) : limit;
  const overflow = errors.length > errorLimit || warnings.length > limit || notices.length > limit;
  const noticeLimit = overflow ? Math.max(0, limit - 1) : limit;
  const shown = [
    ...errors.slice(0, errorLimit),
    ...warnings.slice(0, limit),
    ...notices.slice(0, noticeLimit),
  ];
  return { shown, hidden: sorted.length - shown.length };
}

/** The annotation text: message, how to fix, and where to read more. */
export function formatAnnotationMessage(finding: Finding, docsBaseUrl?: string): string {
  const lines = [finding.message];
  if (finding.hint) lines.push(`How to fix: ${finding.hint}`);
  if (finding.docs)
    lines.push(
      `Read more: ${docsBaseUrl && !/^https?:\/\//.test(finding.docs) ? `${docsBaseUrl.replace(/\/?$/, '/')}${finding.docs}` : finding.docs}`,
    );
  return lines.join('\n');
}

/** What {@link emitAnnotations} did. */
export interface AnnotationResult {
  /** Finding annotations written (the "N more" notice not included). */
  emitted: number;
  hidden: number;
}

/**
 * Writes findings as annotations through @actions/core, which escapes the
 * message (`%`, CR, LF) and the properties (also `:` and `,`), on the exact
 * file, line and column when the finding has them. Findings beyond the
 * limits are summed up in one notice pointing at the job summary. When the
 * step will fail (`failing`, default: any error), one error slot is left for
 * the failure message.
 */
export function emitAnnotations(
  findings: readonly Finding[],
  options: { title?: string; docsBaseUrl?: string; failing?: boolean } = {},
): AnnotationResult {
  const plan = planAnnotations(findings, ANNOTATIONS_PER_SEVERITY, { failing: options.failing });
  for (const finding of plan.shown) {
    const properties: core.AnnotationProperties = {
      title: sanitizeOutgoingText(
        options.title ? `${options.title}: ${finding.rule}` : finding.rule,
        { singleLine: true },
      ),
    };
    if (finding.file) {
      properties.file = sanitizeOutgoingText(finding.file, { singleLine: true });
      if (finding.line && finding.line > 0) {
        properties.startLine = finding.line;
        if (finding.column && finding.column > 0) properties.startColumn = finding.column;
      }
    }
    // Redacted and escaped here, where the text leaves: one step for every annotation.
    const message = sanitizeOutgoingText(formatAnnotationMessage(finding, options.docsBaseUrl));
    if (finding.severity === 'error') core.error(message, properties);
    else if (finding.severity === 'warning') core.warning(message, properties);
    else core.notice(message, properties);
  }
  if (plan.hidden > 0) {
    core.notice(
      `${plan.hidden} more finding${plan.hidden === 1 ? ' is' : 's are'} not annotated: GitHub shows at most ` +
        `${ANNOTATIONS_PER_SEVERITY} annotations of each severity per step. The job summary lists every finding.`,
      { title: options.title ? `${options.title}: more findings` : 'More findings' },
    );
  }
  return { emitted: plan.shown.length, hidden: plan.hidden };
}
