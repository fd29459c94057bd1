import type { Policy } from '../config/schema.js';
import {
  classifyBranch,
  compileBranchKinds,
  describeBranchKind,
  MAINLINE_KIND,
  quoteBranchName,
  type BranchClass,
} from '../branches.js';
import { renderPatternExample } from '../patterns.js';
import type { Rule, RuleFinding } from './types.js';

type Line = NonNullable<BranchClass['line']>;

function formatLine(line: Line): string {
  return line.minor === undefined ? `${line.major}.x` : `${line.major}.${line.minor}`;
}

function isOnLine(head: Line, base: Line): boolean {
  return head.major === base.major && (base.minor === undefined || head.minor === base.minor);
}

/** An example name of `kind`, placed on `line` when given. */
function exampleOf(kind: string, policy: Policy, line?: Line): string | undefined {
  if (kind === MAINLINE_KIND) return policy.mainline;
  const found = compileBranchKinds(policy).kinds.find((k) => k.name === kind);
  const pattern = found?.patterns[0];
  if (!pattern) return undefined;
  if (!line) return pattern.example;
  return renderPatternExample(pattern, line, { ticketKeys: policy.branches.ticketKeys });
}

/**
 * `the mainline "main"`, or `release branches (e.g. "release/1.4")`; with
 * `described`, the kind's description too:
 * `release branches (Release lines, cut from main; e.g. "release/1.4")`.
 */
function describeTarget(kind: string, policy: Policy, described = false): string {
  if (kind === MAINLINE_KIND) return `the mainline ${JSON.stringify(policy.mainline)}`;
  const example = exampleOf(kind, policy);
  if (described) {
    return describeBranchKind(kind, policy, {
      noun: 'branches',
      ...(example === undefined ? {} : { example }),
    });
  }
  return example === undefined
    ? `${kind} branches`
    : `${kind} branches (e.g. ${JSON.stringify(example)})`;
}

/** Where `kind` may be merged; `described` names the kind with its description. */
function describeAllowed(
  kind: string,
  into: readonly string[],
  policy: Policy,
  described = false,
): string {
  const subject = described
    ? describeBranchKind(kind, policy, { noun: 'branches' })
    : `${kind} branches`;
  if (into.length === 0) {
    return `${subject} may not be merged anywhere (their kind has an empty "into" list)`;
  }
  return `${subject} may be merged into ${into.map((k) => describeTarget(k, policy)).join(', ')}`;
}

/** A kind whose branches may be merged into `baseKind`, with an example on the base's line. */
function exampleHeadFor(baseKind: string, base: BranchClass, policy: Policy): string | undefined {
  for (const { name, kind } of compileBranchKinds(policy).kinds) {
    if (!kind.into.includes(baseKind)) continue;
    const example = exampleOf(name, policy, kind['same-line'] ? base.line : undefined);
    if (example !== undefined) return example;
  }
  return undefined;
}

function checkFromMainline(head: BranchClass, base: BranchClass, policy: Policy): RuleFinding {
  const branchOff = base.kind ? exampleHeadFor(base.kind, base, policy) : undefined;
  const how =
    branchOff === undefined
      ? `create a branch from ${quoteBranchName(base.name)}`
      : `create a branch from ${quoteBranchName(base.name)}, e.g. ${JSON.stringify(branchOff)}`;
  return {
    message:
      `Pull request from the mainline ${quoteBranchName(head.name)} into ` +
      `${quoteBranchName(base.name)}: the mainline is not merged into other branches. ` +
      `Branch off instead: ${how}, cherry-pick the commits it needs, and open the pull ` +
      `request from that branch.`,
    hint: 'Close this pull request and open one from a branch made off the target.',
  };
}

/** A pull request's base must be a place the head's kind may be merged into. */
export const branchTarget: Rule = {
  id: 'branch-target',
  check: 'branch',
  description:
    "A pull request targets a branch the head's kind may be merged into, on the same version line when required.",
  defaultSeverity: 'error',
  applies: (ctx) => ctx.facts.branch?.base !== undefined,
  evaluate({ facts, policy }) {
    const findings: RuleFinding[] = [];
    const head = classifyBranch(facts.branch?.name ?? '', policy);
    const base = classifyBranch(facts.branch?.base ?? '', policy);
    if (head.kind === MAINLINE_KIND) findings.push(checkFromMainline(head, base, policy));
    const headKind =
      head.kind === undefined || head.kind === MAINLINE_KIND
        ? undefined
        : policy.branches.kinds[head.kind];
    const pr = `Pull request from ${quoteBranchName(head.name)} into ${quoteBranchName(base.name)}`;
    if (base.kind === undefined) {
      const allowed = headKind
        ? ` ${describeAllowed(head.kind as string, headKind.into, policy, true)}.`
        : '';
      findings.push({
        message:
          `${pr}: the target ${quoteBranchName(base.name)} is not a known line: it is neither ` +
          `the mainline ${JSON.stringify(policy.mainline)} nor a name of any branch kind of ` +
          `the policy.${allowed}`,
        hint: `Retarget the pull request, e.g. to ${JSON.stringify(policy.mainline)}.`,
      });
      return findings;
    }
    // An unknown head is reported by branch-name; its targets cannot be judged.
    if (!headKind || head.kind === undefined) return findings;
    if (!headKind.into.includes(base.kind)) {
      const first = headKind.into[0];
      const retarget = first === undefined ? undefined : exampleOf(first, policy, head.line);
      findings.push({
        message:
          `${pr}: a ${describeBranchKind(head.kind, policy)} may not be merged into ` +
          `${describeTarget(base.kind, policy, true)}; ` +
          `${describeAllowed(head.kind, headKind.into, policy)}.`,
        hint:
          retarget === undefined
            ? `Change the branch kind, or allow ${base.kind} in the into list of ${head.kind}.`
            : `Retarget the pull request to an allowed branch, e.g. ${JSON.stringify(retarget)}.`,
      });
      return findings;
    }
    if (headKind['same-line'] && base.line && head.line && !isOnLine(head.line, base.line)) {
      const onLine = exampleOf(head.kind, policy, base.line);
      const example = onLine === undefined ? '' : ` (e.g. ${JSON.stringify(onLine)})`;
      findings.push({
        message:
          `${pr}: ${describeBranchKind(head.kind, policy, { noun: 'branches' })} must stay on the ` +
          `target's version line, but ` +
          `${quoteBranchName(head.name)} is on line ${formatLine(head.line)} and ` +
          `${quoteBranchName(base.name)} is line ${formatLine(base.line)}. Only ` +
          `${head.kind} branches of ${formatLine(base.line)}${example} may target it.`,
        hint: `Retarget the pull request to the ${formatLine(head.line)} line, or rename the branch to a version on ${formatLine(base.line)}.`,
      });
    }
    return findings;
  },
};
