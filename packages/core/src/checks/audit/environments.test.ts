import { describe, expect, it } from '@jest/globals';
import type { Policy } from '../../config/schema.js';
import { makePolicy } from '../../testing/policies.js';
import { listApprovalGates, listPolicyEnvironments } from './environments.js';

/** A policy whose `environments` is `section` as the loader keeps it (unchecked data). */
function withEnvironments(section: unknown): Policy {
  const policy = makePolicy();
  return Object.assign(policy, { environments: section });
}

describe('listPolicyEnvironments', () => {
  it.each<[string, unknown, unknown]>([
    [
      'no section: the procedure’s environments',
      undefined,
      [
        { name: 'dev', approvals: 0 },
        { name: 'test', approvals: 0 },
        { name: 'staging', approvals: 0 },
        { name: 'production', approvals: 1 },
      ],
    ],
    [
      'an ordered list with names',
      [{ name: 'qa' }, { name: 'prod', approvals: { required: 2, from: ['octo-org/ops'] } }, 7],
      [
        { name: 'qa', approvals: 0 },
        { name: 'prod', approvals: 2 },
      ],
    ],
    [
      'a mapping keyed by name',
      { qa: {}, prod: { approvals: { required: 0 } } },
      [
        { name: 'qa', approvals: 0 },
        { name: 'prod', approvals: 0 },
      ],
    ],
  ])('%s', (_name, section, expected) => {
    expect(listPolicyEnvironments(withEnvironments(section))).toEqual(expected);
  });
});

describe('listApprovalGates', () => {
  it.each<[number, string[]]>([
    [0, []],
    [1, []],
    [3, ['prod-approval-2', 'prod-approval-3']],
  ])('gives %j approvals the gates %j', (approvals, gates) => {
    expect(listApprovalGates({ name: 'prod', approvals })).toEqual(gates);
  });
});
