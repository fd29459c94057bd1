import { describe, expect, it } from '@jest/globals';
import type { AuditWorkflow } from '../audit-facts.js';
import { makeAuditFacts } from '../testing/audit-facts.js';
import { makePolicy } from '../testing/policies.js';
import { auditWorkflowPin, isPinnedRef } from './audit-workflow-pin.js';

const now = new Date('2026-06-01T12:00:00Z');
const action = 'release-policy/release-policy/actions/version';

function run(workflows: AuditWorkflow[]) {
  const facts = { audit: makeAuditFacts({ workflows }) };
  return auditWorkflowPin
    .evaluate({ facts, policy: makePolicy(), now })
    .map((f) => [f.file, f.line, f.message]);
}

describe('audit-workflow-pin', () => {
  it.each<[string, boolean]>([
    ['v1', true],
    ['v1.4.0', true],
    ['1.4', true],
    ['a'.repeat(40), true],
    ['main', false],
    ['v1-beta', false],
    ['', false],
  ])('treats the ref %j as pinned: %j', (ref, pinned) => {
    expect(isPinnedRef(ref)).toBe(pinned);
  });

  it.each<[string, AuditWorkflow[], unknown]>([
    [
      'pinned uses',
      [{ path: '.github/workflows/a.yml', uses: [{ uses: `${action}@v1`, ref: 'v1', line: 3 }] }],
      [],
    ],
    [
      'a use on a branch',
      [
        {
          path: '.github/workflows/a.yml',
          uses: [{ uses: `${action}@main`, ref: 'main', line: 9 }],
        },
      ],
      [
        [
          '.github/workflows/a.yml',
          9,
          `"${action}@main" is pinned to "main", which is not a version, so the checks that run can change without a change to this repository.`,
        ],
      ],
    ],
    [
      'no workflow running the actions',
      [{ path: '.github/workflows/ci.yml', uses: [] }],
      [
        [
          undefined,
          undefined,
          'No workflow in .github/workflows uses the actions of "release-policy/release-policy" (1 workflow files read), so nothing checks pull requests and releases against the policy.',
        ],
      ],
    ],
  ])('%s', (_name, workflows, expected) => {
    expect(run(workflows)).toEqual(expected);
  });
});
