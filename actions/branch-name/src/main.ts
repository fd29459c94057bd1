import { classifyBranch, type Facts, type Policy } from '@release-policy/core';
import {
  resolveRunBranch,
  runPolicyAction,
  type GatherInput,
  type Gathered,
  type OutputValue,
} from '@release-policy/github';

/**
 * The branch-name action: classifies the head branch into a kind of the
 * policy and, on a pull request, checks that it may merge into its base.
 */
export async function run(): Promise<void> {
  await runPolicyAction({
    check: 'branch-name',
    title: 'Branch name',
    checks: ['branch'],
    gather: gatherBranch,
    outputs: computeBranchOutputs,
  });
}

async function gatherBranch({ context, policy, inputs }: GatherInput): Promise<Gathered> {
  const facts = resolveRunBranch(context, {
    branch: inputs.get('branch'),
    base: inputs.get('base'),
  });
  if (!facts) {
    // A tag push or a manual run without a branch: nothing to check, said plainly.
    return {
      facts: {},
      fields: { branch: '(none)' },
      findings: [
        {
          rule: 'branch-name',
          severity: 'notice',
          message: `This ${context.eventName || 'run'} is not for a branch (ref ${JSON.stringify(context.ref)}), so no branch name was checked. Give the branch input to check one.`,
        },
      ],
    };
  }
  const { name, base } = facts;
  const branch = classifyBranch(name, policy);
  return {
    facts: { branch: facts },
    fields: {
      branch: name,
      ...(base ? { base } : {}),
      kind: branch.kind ?? '(none)',
      ...(branch.ticket ? { ticket: branch.ticket } : {}),
    },
  };
}

/** The branch's kind, ticket and version as outputs; empty when no branch was checked. */
function computeBranchOutputs(facts: Facts, policy: Policy): Record<string, OutputValue> {
  const branch = facts.branch ? classifyBranch(facts.branch.name, policy) : undefined;
  return {
    kind: branch?.kind ?? '',
    ticket: branch?.ticket ?? '',
    version: branch?.version ?? '',
  };
}
