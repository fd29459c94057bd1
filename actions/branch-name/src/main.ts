import { branchCheck } from '@release-policy/core';
import {
  gatherRunFacts,
  runPolicyAction,
  type GatherInput,
  type Gathered,
} from '@release-policy/github';

/**
 * The branch-name action: classifies the head branch into a kind of the
 * policy and, on a pull request, checks that it may merge into its base.
 */
export async function run(): Promise<void> {
  await runPolicyAction({ check: branchCheck, gather: gatherBranch });
}

async function gatherBranch({ context, inputs }: GatherInput): Promise<Gathered> {
  return {
    facts: gatherRunFacts(context, { branch: inputs.get('branch'), base: inputs.get('base') }),
  };
}
