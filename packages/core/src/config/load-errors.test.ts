import { describe, it, expect } from '@jest/globals';
import {
  collectPolicyIssues,
  embedInKind,
  expectPolicyIssue,
  POLICY_FILE,
  type PolicyIssueCase,
} from '../testing/policy-issues.js';
import { ConfigError } from '../errors.js';
import { loadPolicy, parsePolicy } from './load.js';

const cases: PolicyIssueCase[] = [
  {
    name: 'unknown top-level key with did-you-mean',
    text: '# policy\n\nmainlin: main\n',
    line: 3,
    column: 1,
    path: 'mainlin',
    includes: [
      'Unknown key "mainlin" at the top level',
      'Did you mean "mainline"?',
      'Allowed keys here: mainline, branches',
    ],
  },
  {
    name: 'unknown nested key with did-you-mean',
    text: embedInKind("patterns: ['feature/{slug}']\nint0: [mainline]"),
    line: 5,
    column: 7,
    path: 'branches.kinds.feature.int0',
    includes: ['Unknown key "int0" in branches.kinds.feature', 'Did you mean "into"?', '#branches'],
  },
  {
    name: 'unknown key inside a version file entry',
    text: 'versioning:\n  files:\n    - { path: VERSION, formt: text }\n',
    line: 3,
    column: 24,
    path: 'versioning.files[0].formt',
    includes: ['Unknown key "formt"', 'Did you mean "format"?', '#versioning'],
  },
  {
    name: 'a list where a string is expected',
    text: 'mainline: [main]\n',
    line: 1,
    column: 11,
    path: 'mainline',
    includes: [
      'mainline must be a string, but it is a list ["main"]',
      'for example: mainline: main',
    ],
  },
  {
    name: 'a string where a list is expected',
    text: 'versioning:\n  prerelease: rc\n',
    line: 2,
    column: 15,
    path: 'versioning.prerelease',
    includes: [
      'must be a list, but it is the string "rc"',
      'prerelease: [alpha, beta, rc]',
      '#versioning',
    ],
  },
  {
    name: 'NO where a boolean is expected',
    text: embedInKind("patterns: ['hotfix/{version}']\nsame-line: NO"),
    line: 5,
    column: 18,
    path: 'branches.kinds.feature.same-line',
    includes: [
      'must be true or false, but it is the string "NO"',
      'YAML 1.2',
      'Write true or false',
    ],
  },
  {
    name: 'a number where a string is expected',
    text: 'mainline: 2024\n',
    line: 1,
    column: 11,
    path: 'mainline',
    includes: ['the number 2024', 'quote it', 'mainline: "2024"'],
  },
  {
    name: 'a boolean where a string is expected',
    text: 'mainline: false\n',
    line: 1,
    column: 11,
    path: 'mainline',
    includes: ['the boolean false', 'mainline: "false"'],
  },
  {
    name: 'a number as a list item keeps its source text',
    text: 'versioning:\n  prerelease: [rc, 1.10]\n',
    line: 2,
    column: 20,
    path: 'versioning.prerelease[1]',
    includes: ['YAML reads 1.10 as a number', '- "1.10"'],
  },
  {
    name: 'a pattern starting with { read as a flow mapping',
    text: embedInKind('patterns:\n  - {major}'),
    line: 5,
    column: 11,
    path: 'branches.kinds.feature.patterns[0]',
    includes: ['must be a string, but it is a mapping', 'YAML flow syntax', 'quote it'],
  },
  {
    name: 'an empty pattern string',
    text: embedInKind("patterns: ['']"),
    line: 4,
    column: 18,
    path: 'branches.kinds.feature.patterns[0]',
    includes: ['must not be empty, but it is ""', 'feature/{ticket}-{slug}'],
  },
  {
    name: 'an empty patterns list',
    text: embedInKind('patterns: []'),
    line: 4,
    column: 17,
    path: 'branches.kinds.feature.patterns',
    includes: ['is an empty list; it needs at least 1 item', 'patterns: ['],
  },
  {
    name: 'an empty kinds mapping fails closed',
    text: 'branches:\n  kinds: {}\n',
    line: 2,
    column: 10,
    path: 'branches.kinds',
    includes: ['branches.kinds is empty', 'fails closed', 'Define at least one kind'],
  },
  {
    name: 'a missing required key points at its parent',
    text: 'mainline: main\nbranches:\n  ticket-keys: [CHG]\n',
    line: 2,
    column: 1,
    path: 'branches.kinds',
    includes: ['branches is missing the required key "kinds"', 'kinds: { feature:'],
  },
  {
    name: 'an empty block list item',
    text: embedInKind("patterns: ['feature/{slug}']\ninto:\n  - mainline\n  -"),
    line: 7,
    column: 10,
    path: 'branches.kinds.feature.into[1]',
    includes: ['is empty: it has no value', 'remove the key or item'],
  },
  {
    name: 'an unknown into kind with did-you-mean',
    text:
      'branches:\n  kinds:\n    release:\n      patterns: [release/x]\n' +
      '    fix:\n      patterns: [fix/x]\n      into: [mainline, relase]\n',
    line: 7,
    column: 24,
    path: 'branches.kinds.fix.into[1]',
    includes: ['unknown merge target "relase"', 'Did you mean "release"?', '(release, fix)'],
  },
  {
    name: 'the mainline branch name used as an into target',
    text: embedInKind("patterns: ['feature/{slug}']\ninto: [main]"),
    line: 5,
    column: 14,
    path: 'branches.kinds.feature.into[0]',
    includes: ['unknown merge target "main"', 'write the keyword mainline instead'],
  },
  {
    name: 'a pattern with an unknown placeholder',
    text: embedInKind("patterns: ['feature/{tiket}-{slug}']"),
    line: 4,
    column: 18,
    path: 'branches.kinds.feature.patterns[0]',
    includes: [
      '"feature/{tiket}-{slug}" is not a valid pattern',
      '{ticket}',
      'See docs/policy.md#placeholders.',
    ],
  },
  {
    name: 'a kind named after the mainline keyword',
    text: 'branches:\n  kinds:\n    mainline:\n      patterns: [main]\n',
    line: 3,
    column: 5,
    path: 'branches.kinds.mainline',
    includes: ['The kind name "mainline" is reserved', 'Rename the kind'],
  },
  {
    name: 'an invalid kind name',
    text: 'branches:\n  kinds:\n    Feature:\n      patterns: [feature/x]\n',
    line: 3,
    column: 5,
    path: 'branches.kinds.Feature',
    includes: ['"Feature" is not a valid key in branches.kinds', 'a kind name: lower-case'],
  },
  {
    name: 'a lower-case ticket key',
    text: 'branches:\n  ticket-keys: [chg]\n  kinds: { feature: { patterns: [feature/x] } }\n',
    line: 2,
    column: 17,
    path: 'branches.ticket-keys[0]',
    includes: ['has an invalid value "chg"', 'upper-case letters and digits', 'for example: CHG'],
  },
  {
    name: 'an unknown rule id with did-you-mean',
    text: 'rules:\n  version-bumb: warning\n',
    line: 2,
    column: 3,
    path: 'rules.version-bumb',
    includes: [
      'Unknown rule id "version-bumb"',
      'Did you mean "version-bump"?',
      'Known rule ids: branch-name',
      '#rules',
    ],
  },
  {
    name: 'an unknown severity',
    text: 'rules:\n  version-bump: warn\n',
    line: 2,
    column: 17,
    path: 'rules.version-bump',
    includes: [
      'must be one of error, warning, notice, off, but it is the string "warn"',
      'Did you mean "warning"?',
    ],
  },
  {
    name: 'an unknown bump',
    text: 'commits:\n  types: { feat: big }\n',
    line: 2,
    column: 18,
    path: 'commits.types.feat',
    includes: ['must be one of none, patch, minor, major', '#commits'],
  },
  {
    name: 'an unknown version file format',
    text: 'versioning:\n  files: [{ path: VERSION, format: xml }]\n',
    line: 2,
    column: 36,
    path: 'versioning.files[0].format',
    includes: ['must be one of auto, json, text, toml, but it is the string "xml"'],
  },
  {
    name: 'a version file entry of the wrong form',
    text: 'versioning:\n  files: [[VERSION]]\n',
    line: 2,
    column: 11,
    path: 'versioning.files[0]',
    includes: [
      'has the wrong form: it is a list ["VERSION"]',
      'a repository-relative path, or a mapping',
    ],
  },
  {
    name: 'an initial version with a v',
    text: 'versioning:\n  initial: v1.0.0\n',
    line: 2,
    column: 12,
    path: 'versioning.initial',
    includes: ['"v1.0.0" is not a SemVer version', 'initial: 1.0.0', 'tag-prefix'],
  },
  {
    name: 'an initial version that is not SemVer',
    text: 'versioning:\n  initial: "1.0"\n',
    line: 2,
    column: 12,
    path: 'versioning.initial',
    includes: ['"1.0" is not a SemVer version', 'MAJOR.MINOR.PATCH'],
  },
  {
    name: 'a document path that leaves the repository',
    text: 'documents:\n  - path: ../secrets.md\n    required-for: [major]\n',
    line: 2,
    column: 11,
    path: 'documents[0].path',
    includes: [
      'documents[0].path: the path contains "..", so it could read a file outside the repository',
      'e.g. docs/release/*.md',
      'See docs/policy.md#documents.',
    ],
  },
  {
    name: 'an absolute document template',
    text: 'documents:\n  - path: docs/a.md\n    required-for: [patch]\n    template: /etc/passwd\n',
    line: 4,
    column: 15,
    path: 'documents[0].template',
    includes: ['the path is absolute, so it could read a file outside the repository'],
  },
  {
    name: 'an unknown branch kind in patches.kinds',
    text: 'patches:\n  kinds: [release, maintenace]\n',
    line: 2,
    column: 20,
    path: 'patches.kinds[1]',
    includes: [
      'patches.kinds[1] names the unknown branch kind "maintenace". Did you mean "maintenance"?',
      'Expected one of the kinds under branches.kinds (feature, fix, release, maintenance, hotfix, bot)',
      'See docs/policy.md#patches.',
    ],
  },
  {
    name: 'a waiver without until',
    text: 'patches:\n  waivers:\n    - { commit: 3f2a9c1, approved-by: alice, reason: r }\n',
    line: 3,
    column: 7,
    path: 'patches.waivers[0].until',
    includes: [
      'patches.waivers[0] is missing the required key "until". Expected a date, YYYY-MM-DD, for example: until: 2026-12-31.',
      'See docs/policy.md#patches.',
    ],
  },
  {
    name: 'a waiver until a day that is not in the calendar',
    text: 'patches:\n  waivers:\n    - { commit: 3f2a9c1, approved-by: alice, reason: r, until: 2026-02-30 }\n',
    line: 3,
    column: 64,
    path: 'patches.waivers[0].until',
    includes: ['not a day of the calendar', 'See docs/policy.md#patches.'],
  },
  {
    name: 'an unknown release type',
    text: 'documents:\n  - path: docs/a.md\n    required-for: [huge]\n',
    line: 3,
    column: 20,
    path: 'documents[0].required-for[0]',
    includes: ['must be one of major, minor, patch, prerelease', 'See docs/policy.md#documents.'],
  },
  {
    name: 'an environments mapping instead of a list',
    text: 'environments: {prod: {}}\n',
    line: 1,
    column: 15,
    path: 'environments',
    includes: [
      'environments must be a list, but it is a mapping {"prod":{}}',
      'Expected a list of environments, in promotion order',
      'See docs/policy.md#environments.',
    ],
  },
  {
    name: 'an unknown time zone',
    text: 'environments:\n  - name: prod\n    timezone: Mars/Olympus\n',
    line: 3,
    column: 15,
    path: 'environments[0].timezone',
    includes: ['not an IANA time zone; example: Asia/Shanghai', '(got "Mars/Olympus")'],
  },
  {
    name: 'canary steps that do not end at 100',
    text: 'environments:\n  - name: prod\n    canary: { steps: [5, 50] }\n',
    line: 3,
    column: 22,
    path: 'environments[0].canary.steps',
    includes: ['canary steps must rise and end at 100; example: [5, 25, 100] (got [5,50])'],
  },
  {
    name: 'an "after" that names a later environment',
    text: 'environments:\n  - name: a\n    after: b\n  - name: b\n',
    line: 3,
    column: 12,
    path: 'environments[0].after',
    includes: ['"after" must name an environment listed before this one, or none'],
  },
];

cases.push(
  {
    name: 'a version file path that climbs out of the repository',
    text: 'versioning:\n  files: [package.json, ../x]\n',
    line: 2,
    column: 25,
    path: 'versioning.files[1]',
    includes: [
      'versioning.files[1] "../x" contains "..", so it could read a file outside the repository',
      'relative to the repository root and stay inside it',
      'for example: files: [package.json, "packages/app/package.json"]',
      '#versioning',
    ],
  },
  {
    name: 'an absolute version file path in a mapping entry',
    text: 'versioning:\n  files:\n    - { path: /etc/hostname, optional: true }\n',
    line: 3,
    column: 15,
    path: 'versioning.files[0].path',
    includes: ['"/etc/hostname" is absolute', '#versioning'],
  },
  {
    name: 'a Windows drive path',
    text: 'versioning:\n  files: ["C:\\\\x\\\\VERSION"]\n',
    line: 2,
    column: 11,
    path: 'versioning.files[0]',
    includes: ['is absolute'],
  },
  {
    name: 'a backslash ".." segment',
    text: 'versioning:\n  files: ["app\\\\..\\\\..\\\\x.json"]\n',
    line: 2,
    column: 11,
    path: 'versioning.files[0]',
    includes: ['contains ".."'],
  },
);

describe('parsePolicy problems', () => {
  it.each(cases)('$name', (c) => {
    expectPolicyIssue(c);
  });

  it('ends every message with where to read more', () => {
    for (const { text } of cases) {
      for (const issue of collectPolicyIssues(text)) {
        expect(issue.message).toMatch(/ See docs\/policy\.md#[a-z-]+\.$/);
      }
    }
  });

  it('truncates long offending values to about 80 characters', () => {
    const long = 'x'.repeat(300);
    const [issue] = collectPolicyIssues(`mainline: [${long}]\n`);
    expect(issue!.message).toBe(
      `mainline must be a string, but it is a list ["${'x'.repeat(77)}…. Expected the mainline ` +
        'branch name, a string, for example: mainline: main. See docs/policy.md#mainline.',
    );
  });

  it('reports several problems together, sorted by position', () => {
    const text = [
      'mainlin: main', // 1: unknown key
      'branches:',
      '  kinds:',
      '    feature:',
      "      patterns: ['']", // 5: empty pattern
      '      into: [mainline, relase]', // 6: unknown target
      'versioning:',
      '  initial: banana', // 8: not SemVer
      'rules:',
      '  branch-nam: off', // 10: unknown rule
      'mainlin: trunk', // 11: unknown key and duplicate
      '',
    ].join('\n');
    const issues = collectPolicyIssues(text);
    expect(issues.map((i) => [i.line, i.path])).toEqual([
      [1, 'mainlin'],
      [5, 'branches.kinds.feature.patterns[0]'],
      [6, 'branches.kinds.feature.into[1]'],
      [8, 'versioning.initial'],
      [10, 'rules.branch-nam'],
      [11, 'mainlin'],
    ]);
    expect(issues[5]!.message).toBe(
      'Duplicate key "mainlin" at the top level: it is already set on line 1. Each key may ' +
        'appear once in a mapping; keep one entry and merge the values into it, for example one ' +
        '"kinds:" with every kind under it. See docs/policy.md#yaml.',
    );
  });

  it('accepts version file paths that stay inside the repository', () => {
    const text = 'versioning:\n  files: [package.json, "packages/a..b/VERSION", ./Cargo.toml]\n';
    const result = parsePolicy(text, POLICY_FILE);
    expect(result.ok).toBe(true);
  });

  it('loadPolicy throws a ConfigError at file:line:col for an escaping path', () => {
    const text = 'versioning:\n  files: [../x, /etc/hostname]\n';
    expect(() => loadPolicy(text, POLICY_FILE)).toThrow(ConfigError);
    expect(() => loadPolicy(text, POLICY_FILE)).toThrow(
      `The policy has 2 problems:\n${POLICY_FILE}:2:11: versioning.files[0] "../x" contains ".."`,
    );
  });

  it('reports semantic problems even when the schema found others', () => {
    const text = embedInKind("patterns: ['feature/{slug}']\ninto: [nowhere]\nsame-line: yes");
    const messages = collectPolicyIssues(text).map((i) => i.message);
    expect(messages).toEqual([
      'branches.kinds.feature.into[0] names the unknown merge target "nowhere". Expected ' +
        '"mainline" or one of the kinds defined here (feature), for example: into: ' +
        '[mainline, release]. See docs/policy.md#branches.',
      'branches.kinds.feature.same-line must be true or false, but it is the string "yes". ' +
        'The policy is read as YAML 1.2, where only true and false are booleans: yes, no, on, ' +
        'off, y and n are plain strings. Write true or false. For example: same-line: true. ' +
        'See docs/policy.md#branches.',
    ]);
  });
});
