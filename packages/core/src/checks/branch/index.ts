/**
 * The branch check: the branch under test matches a branch kind of the
 * policy and, on a pull request, may merge into its base.
 */
import { classifyBranch } from '../../branches.js';
import { branchName } from '../../rules/branch-name.js';
import { branchTarget } from '../../rules/branch-target.js';
import { defineCheck, type CheckValues } from '../types.js';
import { branchesSection } from './section.js';

/** The branch check. */
export const branchCheck = defineCheck({
  name: 'branch',
  title: 'Branch name',
  action: 'branch-name',
  command: {
    name: 'branch',
    summary: 'check a branch name and, with --base, its merge direction',
    usage: '[NAME] [--base BRANCH]',
    positional: 'branch',
    example: 'release-policy branch feature/CHG-1234-add-login --base main',
  },
  sections: [branchesSection],
  rules: [branchName, branchTarget],
  needs: ['branch'],
  outputs: [
    {
      name: 'name',
      description: 'The branch checked, short name; empty when the run is not for a branch.',
    },
    {
      name: 'base',
      description:
        'The pull request base branch it merges into; empty when there is none (a push).',
    },
    {
      name: 'kind',
      description:
        'The branch kind: a kind name of the policy (feature, fix, release, maintenance, hotfix or bot in the default policy) or mainline; empty when none matched.',
    },
    {
      name: 'ticket',
      description: 'The ticket key in the branch name, e.g. CHG-1234; empty when none.',
    },
    {
      name: 'version',
      description: 'The version in the branch name (hotfix/1.4.3 gives 1.4.3); empty when none.',
    },
  ],
  summarize(facts, policy): CheckValues {
    if (!facts.branch) return {};
    const branch = classifyBranch(facts.branch.name, policy);
    return {
      name: branch.name,
      base: facts.branch.base,
      kind: branch.kind,
      ticket: branch.ticket,
      version: branch.version,
    };
  },
  describe(values, policy) {
    if (values.name === undefined) return { branch: '(none)' };
    const kind = typeof values.kind === 'string' ? values.kind : undefined;
    const description = kind ? policy.branches.kinds[kind]?.description : undefined;
    return {
      branch: String(values.name),
      ...(values.base !== undefined ? { base: String(values.base) } : {}),
      kind: kind ? (description ? `${kind} (${description})` : kind) : '(none)',
      ...(values.ticket !== undefined ? { ticket: String(values.ticket) } : {}),
    };
  },
});
