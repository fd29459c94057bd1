import { describe, expect, it } from '@jest/globals';
import {
  AUDIT_RULES,
  auditActionManifest,
  auditWorkflow,
  describeUnpinned,
  listEvents,
  type AuditFinding,
} from './workflow-audit.js';

const CHECKOUT = 'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8';

/** A workflow that passes every rule; each case below breaks exactly one. */
const GOOD = `
on:
  pull_request:
permissions:
  contents: read
jobs:
  check:
    runs-on: ubuntu-24.04
    permissions:
      contents: read
      pull-requests: write
    steps:
      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
      - uses: release-policy/release-policy/actions/version@v1
      - env:
          TITLE: \${{ github.event.pull_request.title }}
        run: printf '%s\\n' "$TITLE" "\${{ runner.temp }}"
`;

function rulesOf(findings: AuditFinding[]): string[] {
  return findings.map((f) => `${f.rule}@${f.where}`);
}

describe('auditWorkflow', () => {
  it('passes a workflow that follows every rule', () => {
    expect(auditWorkflow(GOOD)).toEqual([]);
  });

  it.each([
    [
      'top-level-permissions',
      'write permissions at the top level',
      GOOD.replace('permissions:\n  contents: read\njobs', 'permissions:\n  contents: write\njobs'),
      ['top-level-permissions@permissions'],
    ],
    [
      'top-level-permissions',
      'no top-level permissions at all',
      GOOD.replace('permissions:\n  contents: read\njobs', 'jobs'),
      ['top-level-permissions@permissions'],
    ],
    [
      'job-permissions',
      'a job without its own permissions',
      GOOD.replace('    permissions:\n      contents: read\n      pull-requests: write\n', ''),
      ['job-permissions@jobs.check'],
    ],
    [
      'job-permissions',
      'a job with read-all',
      GOOD.replace(
        '    permissions:\n      contents: read\n      pull-requests: write\n',
        '    permissions: read-all\n',
      ),
      ['job-permissions@jobs.check'],
    ],
    [
      'untrusted-expression-in-run',
      'a pull request title expanded inside run:',
      GOOD.replace('"$TITLE"', '"${{ github.event.pull_request.title }}"'),
      ['untrusted-expression-in-run@jobs.check.steps[2]'],
    ],
    [
      'untrusted-expression-in-run',
      'a workflow input expanded inside run:',
      GOOD.replace('"$TITLE"', '"${{ inputs.version }}"'),
      ['untrusted-expression-in-run@jobs.check.steps[2]'],
    ],
    [
      'untrusted-expression-in-run',
      'the head branch expanded inside a github-script script',
      GOOD.replace(
        '      - uses: release-policy/release-policy/actions/version@v1\n',
        '      - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea\n        with:\n          script: console.log("${{ github.head_ref }}")\n',
      ),
      ['untrusted-expression-in-run@jobs.check.steps[1]'],
    ],
    [
      'pull-request-target-checkout',
      'pull_request_target checking out the head commit',
      GOOD.replace('  pull_request:', '  pull_request_target:').replace(
        'persist-credentials: false',
        'persist-credentials: false\n          ref: ${{ github.event.pull_request.head.sha }}',
      ),
      ['pull-request-target-checkout@jobs.check.steps[0]'],
    ],
    [
      'missing-concurrency',
      'a job bound to an environment without a concurrency group',
      GOOD.replace(
        '    permissions:\n      contents: read\n      pull-requests',
        '    environment: production\n    permissions:\n      contents: read\n      pull-requests',
      ),
      ['missing-concurrency@jobs.check'],
    ],
    [
      'missing-concurrency',
      'a promotion whose group is not per environment',
      GOOD.replace(
        '    permissions:\n      contents: read\n      pull-requests',
        '    environment: ${{ inputs.environment }}\n    concurrency:\n      group: promote\n    permissions:\n      contents: read\n      pull-requests',
      ),
      ['missing-concurrency@jobs.check'],
    ],
    [
      'missing-concurrency',
      'a job that writes issues (the status issue) without a group',
      GOOD.replace('pull-requests: write', 'issues: write'),
      ['missing-concurrency@jobs.check'],
    ],
    [
      'checkout-persists-credentials',
      'a checkout that keeps its token though nothing pushes',
      GOOD.replace('        with:\n          persist-credentials: false\n', ''),
      ['checkout-persists-credentials@jobs.check.steps[0]'],
    ],
    [
      'unpinned-action',
      'a third-party action by tag',
      GOOD.replace(CHECKOUT, 'actions/checkout@v5'),
      ['unpinned-action@jobs.check.steps[0]'],
    ],
    [
      'unpinned-action',
      'our action by branch',
      GOOD.replace('actions/version@v1', 'actions/version@main'),
      ['unpinned-action@jobs.check.steps[1]'],
    ],
  ])('%s: catches %s', (rule, _what, workflow, expected) => {
    const findings = auditWorkflow(workflow);
    expect(rulesOf(findings)).toEqual(expected);
    expect(findings.every((f) => f.rule === rule)).toBe(true);
  });

  it('has a case above for every rule', () => {
    expect([...AUDIT_RULES].sort()).toEqual(
      [
        'checkout-persists-credentials',
        'job-permissions',
        'missing-concurrency',
        'pull-request-target-checkout',
        'top-level-permissions',
        'unpinned-action',
        'untrusted-expression-in-run',
      ].sort(),
    );
  });

  it('lets a checkout keep its credentials when a step of the job pushes', () => {
    const pushing = GOOD.replace(
      '        with:\n          persist-credentials: false\n',
      '',
    ).replace("run: printf '%s\\n'", 'run: git push origin HEAD && printf');
    expect(auditWorkflow(pushing)).toEqual([]);
  });

  it.each([
    ["'true'", []],
    ["'false'", ['checkout-persists-credentials@jobs.check.steps[0]']],
  ])(
    'lets a checkout keep its credentials for patch-merge with open-forward-ports: %s only when true',
    (value, expected) => {
      const forwardPorts = GOOD.replace(
        '        with:\n          persist-credentials: false\n',
        '',
      ).replace(
        'actions/version@v1\n',
        `actions/patch-merge@v1\n        with:\n          open-forward-ports: ${value}\n`,
      );
      expect(rulesOf(auditWorkflow(forwardPorts))).toEqual(expected);
    },
  );

  it('accepts a per-environment group on a promotion job', () => {
    const promotion = GOOD.replace(
      '    permissions:\n      contents: read\n      pull-requests',
      '    environment:\n      name: ${{ inputs.environment }}\n    concurrency:\n      group: promote-${{ inputs.environment }}\n    permissions:\n      contents: read\n      pull-requests',
    );
    expect(auditWorkflow(promotion)).toEqual([]);
  });

  it('pull_request (not _target) may check out the head commit', () => {
    const head = GOOD.replace(
      'persist-credentials: false',
      'persist-credentials: false\n          ref: ${{ github.event.pull_request.head.sha }}',
    );
    expect(auditWorkflow(head)).toEqual([]);
  });
});

describe('describeUnpinned', () => {
  it.each([
    ['./actions/version', undefined],
    [`${CHECKOUT}`, undefined],
    ['release-policy/release-policy/actions/promote@v1.2', undefined],
    ['release-policy/release-policy/.github/workflows/x.yml@v1', undefined],
    ['actions/checkout@v5', 'a third-party action at "v5", not a full commit SHA'],
    ['actions/checkout@08c6903', 'a third-party action at "08c6903", not a full commit SHA'],
    [
      'release-policy/release-policy/actions/version@0123456789abcdef0123456789abcdef01234567',
      'our action at "0123456789abcdef0123456789abcdef01234567", not a version tag such as v1',
    ],
    ['docker://alpine:3', 'a container image not pinned by digest'],
  ])('%s → %j', (uses, expected) => {
    expect(describeUnpinned(uses)).toBe(expected);
  });
});

describe('listEvents', () => {
  it.each([
    ['push', ['push']],
    [
      ['push', 'pull_request_target'],
      ['push', 'pull_request_target'],
    ],
    [{ workflow_call: null, schedule: [] }, ['workflow_call', 'schedule']],
  ])('%j → %j', (on, events) => {
    expect(listEvents(on)).toEqual(events);
  });
});

describe('auditActionManifest', () => {
  it('finds an unpinned step of a composite action, and nothing in a node action', () => {
    const composite = 'runs:\n  using: composite\n  steps:\n    - uses: actions/cache@v4\n';
    expect(rulesOf(auditActionManifest(composite))).toEqual(['unpinned-action@runs.steps[0]']);
    expect(auditActionManifest('runs:\n  using: node24\n  main: dist/index.js\n')).toEqual([]);
  });
});
