import { describe, expect, it } from '@jest/globals';
import type { DeploymentEntry } from '../../facts.js';
import { makeAuditFacts } from '../../testing/audit-facts.js';
import { makePolicy } from '../../testing/policies.js';
import { makeDeployment } from '../../testing/promotion-facts.js';
import { computeReleaseStatus, OTHER_LINE } from './status.js';

const now = new Date('2026-06-01T12:00:00Z');

/** A promotion of `version` (as its evidence record names it) that went live. */
function promoted(id: number, environment: string, version: string): DeploymentEntry {
  return makeDeployment(id, environment, { version, sha: 'a'.repeat(40) });
}

/** The deployment GitHub makes for a job bound to the environment: no record, the branch as version. */
function jobDeployment(id: number, environment: string): DeploymentEntry {
  return makeDeployment(id, environment, { version: 'main', unrecorded: true });
}

function statusOf(tagNames: string[], deployments: DeploymentEntry[]) {
  const facts = { audit: makeAuditFacts({ tagNames, deployments }) };
  return computeReleaseStatus(facts, makePolicy(), now);
}

function describeLines(status: ReturnType<typeof statusOf>) {
  return status?.lines.map((l) => [
    l.line,
    l.latestTag,
    l.deployed.map((d) => d.deployment?.version ?? '-'),
    l.pending.map((p) => `${p.version}: ${p.from} → ${p.to}`),
  ]);
}

describe('computeReleaseStatus', () => {
  it('is undefined without audit facts', () => {
    expect(computeReleaseStatus({}, makePolicy(), now)).toBeUndefined();
  });

  it('gives each line its newest tag and the release tag live in each environment, in the policy order', () => {
    const status = statusOf(
      ['v1.3.0', 'v1.4.0', 'v1.4.1', 'latest'],
      [
        promoted(3, 'production', '1.3.0'),
        promoted(2, 'staging', '1.4.1'),
        promoted(1, 'test', '1.4.1'),
      ],
    );
    expect(status?.environments).toEqual(['dev', 'test', 'staging', 'production']);
    expect(describeLines(status)).toEqual([
      ['1.4', 'v1.4.1', ['-', 'v1.4.1', 'v1.4.1', '-'], ['v1.4.1: staging → production']],
      ['1.3', 'v1.3.0', ['-', '-', '-', 'v1.3.0'], []],
    ]);
  });

  it("shows the promotion, not GitHub's own deployment of the promoting job that succeeded after it", () => {
    const status = statusOf(
      ['v1.4.0'],
      [jobDeployment(8, 'production'), promoted(7, 'production', '1.4.0')],
    );
    expect(status?.lines[0]?.deployed.at(-1)?.deployment).toEqual({
      environment: 'production',
      version: 'v1.4.0',
      sha: 'a'.repeat(40),
      at: '2026-06-01T00:05:00Z',
      by: 'github-actions[bot]',
      deployment: 7,
    });
  });

  it.each<[string, DeploymentEntry]>([
    ['a failed promotion', makeDeployment(5, 'production', { state: 'failure' })],
    ['a promotion in progress', makeDeployment(5, 'production', { state: 'in_progress' })],
    ["GitHub's job deployment alone", jobDeployment(5, 'production')],
  ])('shows nothing live for %s', (_name, deployment) => {
    const status = statusOf(['v1.4.0'], [deployment]);
    expect(describeLines(status)).toEqual([['1.4', 'v1.4.0', ['-', '-', '-', '-'], []]]);
  });

  it('puts a promotion of a branch or a sha under other refs, as recorded', () => {
    const status = statusOf(
      [],
      [promoted(1, 'dev', 'feature/x'), promoted(2, 'test', 'abc123def456')],
    );
    expect(describeLines(status)).toEqual([
      [
        OTHER_LINE,
        undefined,
        ['feature/x', 'abc123def456', '-', '-'],
        ['abc123def456: test → staging'],
      ],
    ]);
  });

  it('counts the missing patches of each compared line', () => {
    const facts = {
      audit: makeAuditFacts(),
      patches: {
        mainline: 'main',
        checkedAt: now.toISOString(),
        lines: [
          {
            line: '1.3.x',
            base: '0'.repeat(40),
            commits: [{ sha: 'b'.repeat(40), subject: 'fix: x', message: 'fix: x' }],
            mainline: [],
          },
        ],
      },
    };
    expect(computeReleaseStatus(facts, makePolicy(), now)?.patches).toEqual([
      {
        line: '1.3.x',
        commits: 1,
        missing: 1,
        missingCommits: [{ sha: 'b'.repeat(40), subject: 'fix: x' }],
      },
    ]);
  });

  it('carries why the lines were not compared', () => {
    const patchesUnread = { reason: 'no-checkout' as const, detail: 'No git repository.' };
    const facts = { audit: makeAuditFacts(), patchesUnread };
    const status = computeReleaseStatus(facts, makePolicy(), now);
    expect([status?.patches, status?.patchesUnread]).toEqual([undefined, patchesUnread]);
  });
});
