import { describe, it, expect } from '@jest/globals';
import { ConfigError } from '../errors.js';
import { defaultPolicy } from './load.js';
import { loadPolicy, parsePolicy, resolvePolicy } from './load.js';
import { getPolicySchema, type Policy } from './schema.js';
import { makeEnvironment, makePolicy } from '../testing/policies.js';

const FILE = '.github/release-policy.yml';

/** Parses `text`, failing the test with the issues when it does not parse. */
function policyOf(text: string): Policy {
  const result = parsePolicy(text, FILE);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.policy;
}

const FULL = `
mainline: trunk
branches:
  ticket-keys: [CHG, OPS]
  kinds:
    feature:
      patterns: ['feature/{ticket}-{slug}']
      into: [mainline]
      description: Work merged into trunk
    release:
      patterns: ['release/{major}.{minor}']
      into: [mainline]
    hotfix:
      patterns: ['hotfix/{version}']
      into: [mainline, release]
      same-line: true
versioning:
  tag-prefix: ''
  files:
    - VERSION
    - { path: pyproject.toml, format: toml, optional: true }
  prerelease: [rc]
  build-metadata: true
  initial: 1.0.0-rc.1
commits:
  types: { feat: minor, fix: patch, chore: none }
  breaking: minor
rules:
  version-bump: warning
  branch-name: off
environments:
  - name: dev
    after: none
  - name: prod
    soak: 30m
change-request: {}
`;

describe('parsePolicy with valid files', () => {
  it('reads a full file into the effective policy', () => {
    const policy = policyOf(FULL);
    expect(policy).toEqual({
      mainline: 'trunk',
      branches: {
        ticketKeys: ['CHG', 'OPS'],
        kinds: {
          feature: {
            patterns: ['feature/{ticket}-{slug}'],
            into: ['mainline'],
            'same-line': false,
            description: 'Work merged into trunk',
          },
          release: {
            patterns: ['release/{major}.{minor}'],
            into: ['mainline'],
            'same-line': false,
          },
          hotfix: {
            patterns: ['hotfix/{version}'],
            into: ['mainline', 'release'],
            'same-line': true,
          },
        },
      },
      versioning: {
        tagPrefix: [''],
        files: [
          { path: 'VERSION', format: 'auto', optional: false },
          { path: 'pyproject.toml', format: 'toml', optional: true },
        ],
        prerelease: ['rc'],
        buildMetadata: true,
        initial: '1.0.0-rc.1',
      },
      commits: { types: { feat: 'minor', fix: 'patch', chore: 'none' }, breaking: 'minor' },
      rules: { 'version-bump': 'warning', 'branch-name': 'off' },
      documents: defaultPolicy().documents,
      changeRequest: {
        sections: defaultPolicy().changeRequest.sections,
        ticketKeys: ['CHG'],
        requireTicket: true,
        exemptLabels: ['dependencies'],
        exemptAuthors: ['dependabot[bot]', 'renovate[bot]'],
        placeholders: ['TODO', 'TBD', '<…>', '…'],
      },
      patches: defaultPolicy().patches,
      changelog: makePolicy().changelog,
      environments: [
        makeEnvironment('dev', undefined),
        makeEnvironment('prod', 'dev', { soak: '30m', soakMs: 30 * 60 * 1000 }),
      ],
      audit: makePolicy().audit,
      source: FILE,
    });
  });

  it('takes the default for every section a minimal file leaves out', () => {
    const policy = policyOf('mainline: trunk\n');
    const defaults = defaultPolicy();
    expect(policy).toEqual({ ...defaults, mainline: 'trunk', source: FILE });
  });

  it.each([
    ['an empty file', ''],
    ['only comments', '# nothing configured yet\n# see docs/policy.md\n'],
    ['an empty document marker', '---\n'],
  ])('reads %s as the default policy', (_name, text) => {
    expect(policyOf(text)).toEqual({ ...defaultPolicy(), source: FILE });
  });

  it('replaces a section present in the file wholesale', () => {
    const policy = policyOf(
      "versioning:\n  tag-prefix: release-\nbranches:\n  kinds:\n    work:\n      patterns: ['work/{slug}']\n",
    );
    // files is not inherited from the default section: the section is replaced.
    expect(policy.versioning).toEqual({
      tagPrefix: ['release-'],
      files: [],
      prerelease: ['alpha', 'beta', 'rc'],
      buildMetadata: false,
      initial: '0.1.0',
    });
    expect(Object.keys(policy.branches.kinds)).toEqual(['work']);
    expect(policy.branches.kinds['work']).toEqual({
      patterns: ['work/{slug}'],
      into: [],
      'same-line': false,
    });
    expect(policy.commits).toEqual(defaultPolicy().commits);
  });

  it('keeps YAML 1.2 strings such as NO and yes as strings', () => {
    const policy = policyOf(
      "branches:\n  ticket-keys: [NO, ON]\n  kinds:\n    yes:\n      patterns: ['yes/{slug}']\n      description: no\n",
    );
    expect(policy.branches.ticketKeys).toEqual(['NO', 'ON']);
    expect(policy.branches.kinds['yes']?.description).toBe('no');
  });

  it('accepts anchors and aliases', () => {
    const policy = policyOf(
      [
        'branches:',
        '  kinds:',
        '    release:',
        "      patterns: ['release/{major}.{minor}']",
        '      into: &targets [mainline, release]',
        '    fix:',
        "      patterns: ['fix/{slug}']",
        '      into: *targets',
        '    chore: &plain',
        "      patterns: ['chore/{slug}']",
        '    docs: *plain',
        '',
      ].join('\n'),
    );
    expect(policy.branches.kinds['fix']?.into).toEqual(['mainline', 'release']);
    expect(policy.branches.kinds['docs']?.patterns).toEqual(['chore/{slug}']);
  });

  it('reads a quoted "<<" as an ordinary key, not a merge', () => {
    const result = parsePolicy('commits:\n  types:\n    "<<": minor\n', FILE);
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual([
      'commits.types["<<"]',
    ]);
  });

  it('returns a policy that shares nothing with the default', () => {
    const policy = policyOf('');
    policy.branches.kinds['feature']!.patterns.push('mutated/{slug}');
    policy.commits.types['feat'] = 'major';
    expect(defaultPolicy().branches.kinds['feature']!.patterns).not.toContain('mutated/{slug}');
    expect(defaultPolicy().commits.types['feat']).toBe('minor');
  });
});

describe('loadPolicy', () => {
  it('returns the policy when the file is valid', () => {
    expect(loadPolicy('mainline: develop\n', FILE).mainline).toBe('develop');
  });

  it('throws a ConfigError carrying every issue, formatted file:line:col', () => {
    let caught: unknown;
    try {
      loadPolicy('mainlin: main\nrules:\n  nope: off\n', FILE);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.issues.map((i) => i.path)).toEqual(['mainlin', 'rules.nope']);
    expect(error.message.split('\n')).toEqual([
      'The policy has 2 problems:',
      expect.stringMatching(/^\.github\/release-policy\.yml:1:1: Unknown key "mainlin"/),
      expect.stringMatching(/^\.github\/release-policy\.yml:3:3: Unknown rule id "nope"/),
    ]);
  });
});

describe('resolvePolicy', () => {
  it('normalises version files and converts keys to camelCase', () => {
    const parsed = getPolicySchema().parse({
      versioning: {
        files: ['VERSION', { path: 'Cargo.toml', format: 'toml' }],
        'build-metadata': true,
      },
    });
    const policy = resolvePolicy(parsed, 'inline');
    expect(policy.versioning.files).toEqual([
      { path: 'VERSION', format: 'auto', optional: false },
      { path: 'Cargo.toml', format: 'toml', optional: false },
    ]);
    expect(policy.versioning.buildMetadata).toBe(true);
    expect(policy.source).toBe('inline');
  });

  it('takes default sections for absent ones and {} for rules', () => {
    const policy = resolvePolicy(getPolicySchema().parse({}), 'empty');
    const defaults = defaultPolicy();
    expect(policy.branches).toEqual(defaults.branches);
    expect(policy.versioning).toEqual(defaults.versioning);
    expect(policy.commits).toEqual(defaults.commits);
    expect(policy.rules).toEqual({});
    expect(policy.mainline).toBe(defaults.mainline);
  });

  it('resolves an environments list, each after the one before it unless it says', () => {
    const policy = resolvePolicy(
      getPolicySchema().parse({
        environments: [{ name: 'a' }, { name: 'b' }, { name: 'c', after: 'a' }],
      }),
      'x',
    );
    expect(policy.patches).toEqual(defaultPolicy().patches);
    expect(policy.environments.map((e) => [e.name, e.after])).toEqual([
      ['a', undefined],
      ['b', 'a'],
      ['c', 'a'],
    ]);
    expect(policy.changeRequest).toEqual(defaultPolicy().changeRequest);
    expect(policy.documents).toEqual(defaultPolicy().documents);
  });
});
