/**
 * Which branch a run checks, and its base: one answer for the actions (run
 * context) and the CLI (runner environment or local checkout).
 */
import type { BranchFacts } from './facts.js';
import { normalizeBranchName } from './branches.js';

/** What a run knows about its branch, from the most to the least explicit. */
export interface BranchSignals {
  /** A branch given explicitly (action input, `--branch`, a positional name). */
  branch?: string;
  /** A base given explicitly (action input, `--base`). */
  base?: string;
  /** The pull request the run is for: its head and base branches. */
  pullRequest?: { head: string; base: string };
  /** The pushed ref, e.g. `refs/heads/main` or `refs/tags/v1.4.0`. */
  pushedRef?: string;
  /** The branch checked out locally; undefined when HEAD is detached. */
  checkedOut?: string;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * The branch under test and its base. The branch is the explicit one, else
 * the pull request's head, else the pushed branch, else the checked-out one.
 * The base is the explicit one, else the pull request's base, but only when
 * the branch checked is that pull request's head: a base says where the
 * branch merges, and the pull request says that only for its own head.
 * Names are normalized (`refs/heads/` dropped). Undefined when the run is
 * not for a branch (a tag push, a detached HEAD). Pure.
 */
export function resolveBranchUnderTest(signals: BranchSignals): BranchFacts | undefined {
  const pr =
    signals.pullRequest && nonEmpty(signals.pullRequest.head) ? signals.pullRequest : undefined;
  const pushed = nonEmpty(signals.pushedRef);
  const name =
    nonEmpty(signals.branch) ??
    pr?.head ??
    (pushed?.startsWith('refs/heads/') ? pushed : undefined) ??
    nonEmpty(signals.checkedOut);
  if (name === undefined) return undefined;
  const branch = normalizeBranchName(name);
  const prBase = pr && normalizeBranchName(pr.head) === branch ? nonEmpty(pr.base) : undefined;
  const base = nonEmpty(signals.base) ?? prBase;
  return base === undefined ? { name: branch } : { name: branch, base: normalizeBranchName(base) };
}
