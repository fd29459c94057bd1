import type { Finding } from './findings.js';
import { anchorFor } from './config/messages.js';
import { POLICY_DOCS } from './config/schema.js';

/** Base class of every error this project throws on purpose. */
export class ReleasePolicyError extends Error {
  /**
   * The public name of this kind of error: its `name`, and `error.type` in
   * the CLI's `--json`. Each subclass declares its own as a string literal,
   * equal to its class name: a bundler renames classes (`errors_GitError`),
   * so the class's own name is never what is printed. docs/cli.md lists them.
   */
  static readonly type: string = 'ReleasePolicyError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.type;
  }
}

/** One problem in a policy file, pointing at the exact place. */
export interface ConfigIssue {
  /** The file the policy came from, as given by the caller. */
  file: string;
  line: number;
  column: number;
  /** Dotted path of the offending key, e.g. `branches.kinds.feature.patterns[0]`. */
  path: string;
  /** What is wrong, the offending value, and the expected form with an example. */
  message: string;
}

/**
 * The policy cannot be used. Carries every issue found, not only the first.
 * `message` lists them as `file:line:col: message`.
 */
export class ConfigError extends ReleasePolicyError {
  /** Printed as `error.type` and `name`; see {@link ReleasePolicyError.type}. */
  static override readonly type = 'ConfigError';
  readonly issues: readonly ConfigIssue[];
  constructor(issues: readonly ConfigIssue[], options?: { cause?: unknown }) {
    super(formatConfigIssues(issues), options);
    this.issues = issues;
  }
}

/** Formats issues one per line as `file:line:col: message`. */
export function formatConfigIssues(issues: readonly ConfigIssue[]): string {
  const head =
    issues.length === 1 ? 'The policy has 1 problem:' : `The policy has ${issues.length} problems:`;
  return [head, ...issues.map((i) => `${i.file}:${i.line}:${i.column}: ${i.message}`)].join('\n');
}

/** The command line was used wrongly (exit code 2). */
export class UsageError extends ReleasePolicyError {
  /** Printed as `error.type` and `name`; see {@link ReleasePolicyError.type}. */
  static override readonly type = 'UsageError';
}

/**
 * A malformed policy as findings (rule `policy-file`), one per issue, at its
 * position. Each links the section of `docs/policy.md` that its message
 * links ({@link anchorFor}): the issue's top-level key (`branches.kinds.x`
 * links `#branches`), `#reserved-sections`, or `#sections` for a key the
 * policy does not have.
 */
export function convertConfigIssuesToFindings(issues: readonly ConfigIssue[]): Finding[] {
  return issues.map((i) => {
    const top = i.path.split(/[.[]/, 1)[0] ?? '';
    const section = anchorFor([top]);
    return {
      rule: 'policy-file',
      severity: 'error',
      message: i.message,
      file: i.file,
      line: i.line,
      column: i.column,
      hint: 'Correct the policy file at this position; the message names the expected form.',
      docs: `${POLICY_DOCS}#${section}`,
    };
  });
}

/** The code of a failed system call (`ENOENT`, `ENOTDIR`…), if `error` has one. */
export function readErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
