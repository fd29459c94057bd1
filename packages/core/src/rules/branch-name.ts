import type { Policy } from '../config/schema.js';
import type { RunFacts } from '../facts.js';
import { POLICY_DOCS } from '../config/constants.js';
import {
  adviseBranchName,
  classifyBranch,
  compileBranchKinds,
  describeBranchKind,
  normalizeBranchName,
  quoteBranchName,
} from '../branches.js';
import {
  MAX_BRANCH_NAME_LENGTH,
  PLACEHOLDER_DESCRIPTIONS,
  type PlaceholderName,
} from '../patterns.js';
import type { Rule, RuleFinding } from './types.js';

const BRANCHES_DOCS = `${POLICY_DOCS}#branches`;

/**
 * Lists every accepted name form, one line per kind, each pattern with a
 * concrete example, followed by what the placeholders in use accept.
 */
export function describeAcceptedBranches(policy: Policy): string {
  const lines = [`  - mainline: ${JSON.stringify(policy.mainline)}`];
  const used = new Set<string>();
  for (const { name, patterns } of compileBranchKinds(policy).kinds) {
    if (patterns.length === 0) continue;
    const forms = patterns.map((p) => {
      p.placeholders.forEach((ph) => used.add(ph));
      return `${JSON.stringify(p.source)} (e.g. ${JSON.stringify(p.example)})`;
    });
    lines.push(`  - ${describeBranchKind(name, policy, { noun: 'none' })}: ${forms.join(', ')}`);
  }
  const placeholders = [...used].map((p) => `  ${PLACEHOLDER_DESCRIPTIONS[p as PlaceholderName]}`);
  const keys = policy.branches.ticketKeys;
  if (used.has('ticket') && keys.length > 0) {
    placeholders.push(`  {ticket} keys allowed by the policy: ${keys.join(', ')}`);
  }
  return ['Accepted branch names:', ...lines, ...placeholders].join('\n');
}

function describeMiss(name: string, policy: Policy): string {
  const quoted = quoteBranchName(name);
  if (name.length > MAX_BRANCH_NAME_LENGTH) {
    return (
      `Branch ${quoted} is too long to be checked: at most ${MAX_BRANCH_NAME_LENGTH} ` +
      `characters are accepted.`
    );
  }
  const advice = adviseBranchName(name, policy);
  const guesses: string[] = [];
  if (advice.mainline !== undefined) guesses.push(JSON.stringify(advice.mainline));
  for (const near of advice.near) {
    if (near.suggestion !== undefined) guesses.push(JSON.stringify(near.suggestion));
  }
  const sentences = [`Branch ${quoted} matches no branch kind of the policy.`];
  if (guesses.length > 0) sentences.push(`Did you mean ${[...new Set(guesses)].join(' or ')}?`);
  for (const near of advice.near.filter((n) => n.samePrefix)) {
    sentences.push(
      `It starts like a ${describeBranchKind(near.kind, policy)}, but the rest does not fit ` +
        `${JSON.stringify(near.pattern.source)}; example: ${JSON.stringify(near.pattern.example)}.`,
    );
  }
  if (guesses.length === 0 && !advice.near.some((n) => n.samePrefix)) {
    for (const near of advice.near) {
      sentences.push(
        `Did you mean a ${describeBranchKind(near.kind, policy)}? Those start with ` +
          `${JSON.stringify(near.pattern.prefix)}, ` +
          `e.g. ${JSON.stringify(near.pattern.example)}.`,
      );
    }
  }
  return sentences.join(' ');
}

/**
 * Why no branch name was checked, as a notice: a run for a tag or a detached
 * checkout has no branch, and that is said, never skipped in silence.
 */
function describeNoBranch(run: RunFacts): RuleFinding {
  if (run.event === 'local') {
    return {
      severity: 'notice',
      message:
        'HEAD is detached and no branch was given, so no branch name was checked. ' +
        'Give one with --branch NAME (or "release-policy branch NAME").',
      docs: 'docs/cli.md#commands',
    };
  }
  return {
    severity: 'notice',
    message: `This ${run.event || 'run'} is not for a branch (ref ${JSON.stringify(run.ref)}), so no branch name was checked. Give the branch input to check one.`,
  };
}

/** Every branch (head) name must be the mainline or match a configured kind. */
export const branchName: Rule = {
  id: 'branch-name',
  check: 'branch',
  description: 'The branch name is the mainline or matches a branch kind of the policy.',
  defaultSeverity: 'error',
  applies: (ctx) => ctx.facts.branch !== undefined || ctx.facts.run !== undefined,
  evaluate({ facts, policy }) {
    if (facts.branch === undefined) return facts.run ? [describeNoBranch(facts.run)] : [];
    const findings: RuleFinding[] = [];
    const compiled = compileBranchKinds(policy);
    for (const { kind, index, error } of compiled.problems) {
      findings.push({
        message: `Branch kind ${JSON.stringify(kind)}, pattern ${index + 1}: ${error.message}`,
        hint: 'Fix the pattern in branches.kinds of the policy.',
        docs: BRANCHES_DOCS,
      });
    }
    if (compiled.kinds.length === 0) {
      findings.push({
        message:
          `The policy defines no branch kinds, so no branch can be accepted (the check fails ` +
          `closed). Add kinds under branches.kinds, e.g. feature: { patterns: ` +
          `["feature/{ticket}-{slug}"], into: [mainline] }. See ${BRANCHES_DOCS}.`,
        hint: 'Add at least one kind to branches.kinds in the policy, or use the default policy.',
        docs: BRANCHES_DOCS,
      });
      return findings;
    }
    const name = normalizeBranchName(facts.branch?.name ?? '');
    if (classifyBranch(name, policy).kind !== undefined) return findings;
    const example = compiled.kinds.flatMap((k) => k.patterns)[0]?.example ?? policy.mainline;
    findings.push({
      message: `${describeMiss(name, policy)}\n${describeAcceptedBranches(policy)}`,
      hint:
        `Rename the branch to an accepted form (for example ${JSON.stringify(example)}) with ` +
        `git branch -m, or add a pattern to branches.kinds in the policy.`,
    });
    return findings;
  },
};
