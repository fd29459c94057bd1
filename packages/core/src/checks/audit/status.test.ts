import { describe, expect, it } from '@jest/globals';
import type { DeployedVersion } from '../../audit-facts.js';
import { makeAuditFacts } from '../../testing/audit-facts.js';
import { makePolicy } from '../../testing/policies.js';
import { computeReleaseStatus, OTHER_LINE } from './status.js';

const now = new Date('2026-06-01T12:00:00Z');

function deployed(environment: string, ref: string, at = '2026-05-30T10:00:00Z'): DeployedVersion {
  return { environment, ref, sha: 'a'.repeat(40), at, by: 'mia' };
}

function statusOf(tagNames: string[], deployments: DeployedVersion[]) {
  const facts = { audit: makeAuditFacts({ tagNames, deployed: deployments }) };
  return computeReleaseStatus(facts, makePolicy(), now);
}

describe('computeReleaseStatus', () => {
  it('is undefined without audit facts', () => {
    expect(computeReleaseStatus({}, makePolicy(), now)).toBeUndefined();
  });

  it('gives each line its newest tag and what each environment holds, in the policy order', () => {
    const status = statusOf(
      ['v1.3.0', 'v1.4.0', 'v1.4.1', 'latest'],
      [deployed('production', 'v1.3.0'), deployed('staging', 'v1.4.1'), deployed('test', 'v1.4.1')],
    );
    expect(status?.environments).toEqual(['dev', 'test', 'staging', 'production']);
    expect(
      status?.lines.map((l) => [
        l.line,
        l.latestTag,
        l.deployed.map((d) => d.deployment?.ref ?? '-'),
        l.pending.map((p) => `${p.version}: ${p.from} → ${p.to}`),
      ]),
    ).toEqual([
      ['1.4', 'v1.4.1', ['-', 'v1.4.1', 'v1.4.1', '-'], ['v1.4.1: staging → production']],
      ['1.3', 'v1.3.0', ['-', '-', '-', 'v1.3.0'], []],
    ]);
  });

  it('puts deployments of a branch or a sha under other refs', () => {
    const status = statusOf([], [deployed('dev', 'main')]);
    expect(status?.lines.map((l) => [l.line, l.latestTag, l.pending])).toEqual([
      [OTHER_LINE, undefined, [{ version: 'main', from: 'dev', to: 'test' }]],
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
      { line: '1.3.x', missing: 1 },
    ]);
  });
});
