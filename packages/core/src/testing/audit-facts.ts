/**
 * Test helper: audit facts of a repository that enforces the default policy
 * everywhere, to be spoiled one setting at a time.
 */
import type { AuditBranch, AuditEnvironment, AuditFacts } from '../audit-facts.js';

/** An environment with one reviewer, self-review prevented, protected branches only. */
export function makeAuditEnvironment(
  name: string,
  overrides: Partial<AuditEnvironment> = {},
): AuditEnvironment {
  return {
    name,
    reviewers: 1,
    preventSelfReview: true,
    branches: { kind: 'protected' },
    ...overrides,
  };
}

/** A line protected by one ruleset with everything the default policy needs. */
export function makeAuditBranch(name: string, overrides: Partial<AuditBranch> = {}): AuditBranch {
  return {
    name,
    kind: name === 'main' ? 'mainline' : 'release',
    sources: ['ruleset 7'],
    pullRequests: true,
    requiredChecks: ['release-policy / release policy'],
    forcePushesBlocked: true,
    deletionBlocked: true,
    ...overrides,
  };
}

/** Audit facts with nothing to find under the default policy; `overrides` replace parts. */
export function makeAuditFacts(overrides: Partial<AuditFacts> = {}): AuditFacts {
  return {
    repository: 'octo-org/app',
    webUrl: 'https://github.com/octo-org/app',
    environments: ['dev', 'test', 'staging', 'production'].map((name) =>
      makeAuditEnvironment(name),
    ),
    branches: [makeAuditBranch('main'), makeAuditBranch('release/1.4')],
    tags: {
      sample: 'refs/tags/v1.4.0',
      rulesets: ['release tags'],
      updateBlocked: true,
      deletionBlocked: true,
    },
    workflows: [
      {
        path: '.github/workflows/release-policy.yml',
        uses: [
          {
            uses: 'release-policy/release-policy/actions/version@v1',
            ref: 'v1',
            line: 12,
          },
        ],
      },
    ],
    tagNames: ['v1.4.0', 'v1.3.2'],
    deployments: [],
    unreadable: [],
    ...overrides,
  };
}
