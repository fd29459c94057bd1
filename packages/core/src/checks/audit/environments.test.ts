import { describe, expect, it } from '@jest/globals';
import { makeEnvironment, makePolicy } from '../../testing/policies.js';
import { listApprovalGates } from '../promote/plan.js';
import { listPolicyEnvironments } from './environments.js';

describe('listPolicyEnvironments', () => {
  it("reads the default policy's environments: staging needs one approval, production two", () => {
    expect(listPolicyEnvironments(makePolicy())).toEqual([
      { name: 'dev', approvals: 0 },
      { name: 'test', approvals: 0 },
      { name: 'staging', approvals: 1 },
      { name: 'production', approvals: 2 },
    ]);
  });

  it('keeps the order and the approvals a policy gives', () => {
    const policy = makePolicy({
      environments: [
        makeEnvironment('qa', undefined),
        makeEnvironment('prod', 'qa', { approvals: { required: 2, from: [], allowSelf: false } }),
      ],
    });
    expect(listPolicyEnvironments(policy)).toEqual([
      { name: 'qa', approvals: 0 },
      { name: 'prod', approvals: 2 },
    ]);
  });
});

describe('listApprovalGates', () => {
  it.each<[number, string[]]>([
    [0, []],
    [1, []],
    [3, ['prod-approval-2', 'prod-approval-3']],
  ])('gives %j approvals the gates %j', (approvals, gates) => {
    expect(listApprovalGates('prod', approvals)).toEqual(gates);
  });
});
