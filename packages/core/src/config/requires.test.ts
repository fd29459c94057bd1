import { readFileSync } from 'node:fs';
import { describe, it, expect } from '@jest/globals';
import { collectPolicyIssues, POLICY_FILE } from '../testing/policy-issues.js';
import { RELEASE_POLICY_VERSION } from './constants.js';
import { parsePolicy } from './load.js';

const ALLOWED =
  'Allowed keys here: mainline, branches, versioning, commits, documents, change-request, patches, ' +
  'changelog, environments, audit, rules, requires. See docs/policy.md#sections.';

const needsNewer =
  'This policy needs release-policy >=0.3.0 (requires: ">=0.3.0"); this is 0.1.0. Update the ' +
  'action, e.g. uses: release-policy/release-policy/actions/version@v0.3.0, or the CLI ' +
  '(npm install --save-dev @release-policy/cli@0.3.0), to a release in that range. ' +
  'See docs/policy.md#requires.';

describe('RELEASE_POLICY_VERSION', () => {
  it("is packages/core/package.json's version", () => {
    const url = new URL('../../package.json', import.meta.url);
    const pkg = JSON.parse(readFileSync(url, 'utf8')) as { version: string };
    expect(RELEASE_POLICY_VERSION).toBe(pkg.version);
  });
});

describe('requires', () => {
  it.each(["'>=0.1.0'", '^0.1.0', "'0.1.x || >=1.0.0'"])(
    'accepts %s, which 0.1.0 satisfies',
    (range) => {
      const result = parsePolicy(`requires: ${range}\nmainline: trunk\n`, POLICY_FILE);
      expect(result.ok && result.policy.mainline).toBe('trunk');
    },
  );

  it.each([
    {
      name: 'a newer release: the requires issue first, then unknown sections named as its',
      text: "mainline: main\ndeployments: {}\nrequires: '>=0.3.0'\nmainlin: x\n",
      issues: [
        [3, 1, 'requires', needsNewer],
        [
          2,
          1,
          'deployments',
          'Unknown key "deployments" at the top level. It is probably from the newer release ' +
            'this policy requires (>=0.3.0), which release-policy 0.1.0 does not know; update ' +
            `as the "requires" problem says. ${ALLOWED}`,
        ],
        [
          4,
          1,
          'mainlin',
          `Unknown key "mainlin" at the top level. Did you mean "mainline"? ${ALLOWED}`,
        ],
      ],
    },
    {
      name: 'a range below this release',
      text: "requires: '<0.1.0'\n",
      issues: [
        [
          1,
          1,
          'requires',
          'This policy needs release-policy <0.1.0 (requires: "<0.1.0"); this is 0.1.0. This ' +
            'release is outside the range: use a release in it, or widen the range to include ' +
            "this one, for example: requires: '>=0.1.0'. See docs/policy.md#requires.",
        ],
      ],
    },
    {
      name: 'a range that is not SemVer',
      text: 'requires: newest\n',
      issues: [
        [
          1,
          1,
          'requires',
          'requires "newest" is not a SemVer range of release-policy releases. Expected a range ' +
            "such as >=0.2.0 or ^0.3.0, for example: requires: '>=0.2.0'. See docs/policy.md#requires.",
        ],
      ],
    },
    {
      name: 'no requires: an unknown section is not one of this release',
      text: 'deployments: {}\n',
      issues: [
        [
          1,
          1,
          'deployments',
          'Unknown key "deployments" at the top level. It is not a section of release-policy ' +
            '0.1.0. If it comes from a newer release, update the action to that release and add ' +
            "requires to the policy, for example requires: '>=0.2.0', so that older releases " +
            `name the release it needs. ${ALLOWED}`,
        ],
      ],
    },
    {
      name: 'a requires this release meets: an unknown section is a misspelling',
      text: "requires: '>=0.1.0'\ndeployments: {}\n",
      issues: [
        [
          2,
          1,
          'deployments',
          'Unknown key "deployments" at the top level. It is not a section of release-policy ' +
            "0.1.0, which this policy's requires (>=0.1.0) accepts; check its spelling. " +
            ALLOWED,
        ],
      ],
    },
  ])('reports $name', ({ text, issues }) => {
    expect(collectPolicyIssues(text)).toEqual(
      issues.map(([line, column, path, message]) => ({
        file: POLICY_FILE,
        line,
        column,
        path,
        message,
      })),
    );
  });
});
