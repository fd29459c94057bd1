/** How serious a finding is. Only `error` fails a check. */
export type Severity = 'error' | 'warning' | 'notice';

/** One commit a finding is about, e.g. a commit whose type implies a larger bump. */
export interface FindingCommit {
  /** The full commit id. */
  sha: string;
  /** The commit's first line, as written (untrusted text: escape it where it is shown). */
  subject: string;
  /** The Conventional Commits type, lower-cased, when the subject has one. */
  type?: string;
  /** The version bump the commit implies on its own. */
  bump?: 'none' | 'patch' | 'minor' | 'major';
  /** True when the commit is marked as a breaking change. */
  breaking?: boolean;
}

/**
 * Structured data a finding carries besides its message, so a list never
 * has to be cut short inside the text: `--json` shows it whole, and the
 * reports render it as a table within GitHub's size limits. One variant per
 * kind of list; a capability that reports a new kind adds a variant here.
 */
export type FindingData =
  | { kind: 'commits'; commits: readonly FindingCommit[] }
  | { kind: 'documents'; documents: readonly FindingDocument[] };

/** One required section of a document that is missing or has no content. */
export interface FindingSection {
  /** The heading required (the policy's title; untrusted text from the policy file). */
  title: string;
  /** `missing`: no heading matches it; `empty`: its heading has no content below it. */
  gap: 'missing' | 'empty';
  /** The 1-based line: the heading, or where the missing heading belongs. */
  line: number;
}

/** One required document a finding is about, with its incomplete sections. */
export interface FindingDocument {
  /** Repository-relative path, `/`-separated. */
  path: string;
  /** Its required sections that are missing or empty, in the policy's order. */
  sections: readonly FindingSection[];
}

/**
 * One thing a rule found. Findings are data: every rule returns all of its
 * findings, and the caller reports them together.
 */
export interface Finding {
  /** The rule that produced it, e.g. `branch-name`. */
  rule: string;
  severity: Severity;
  /** What happened, with the offending value and the expected form. */
  message: string;
  /** Repository-relative file the finding points at, when there is one. */
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
  /** 1-based column in `file`. */
  column?: number;
  /** How to fix it, one sentence. */
  hint?: string;
  /** Where to read more: a path into this project's documentation. */
  docs?: string;
  /** The items the finding is about (commits, …), in full; the message names the first few. */
  data?: FindingData;
}

/** True when no finding is an error. */
export function isPassing(findings: readonly Finding[]): boolean {
  return !findings.some((f) => f.severity === 'error');
}

const order: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Sorts findings: errors first, then by file, line and rule; stable for equal keys. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      order[a.severity] - order[b.severity] ||
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.rule.localeCompare(b.rule),
  );
}

/** Counts findings by severity. */
export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
