/**
 * The default policy as `parseDefaultPolicyYaml()` returns it: the parse of
 * DEFAULT_POLICY_YAML, written out so that a run without a policy file
 * parses no YAML and builds no schema (most of a cold command's own start).
 *
 * Generated; never edit by hand. After changing a section's default, run:
 * UPDATE_DEFAULT_POLICY=1 NODE_OPTIONS=--experimental-vm-modules npx jest packages/core/src/config/default-parsed.test.ts
 */
import type { Policy } from './schema.js';

export const DEFAULT_POLICY_PARSED: Policy = {
  mainline: 'main',
  branches: {
    ticketKeys: [],
    kinds: {
      feature: {
        patterns: ['feature/{ticket}-{slug}', 'feat/{ticket}-{slug}'],
        into: ['mainline'],
        'same-line': false,
      },
      fix: {
        patterns: ['fix/{ticket}-{slug}'],
        into: ['mainline', 'release', 'maintenance'],
        'same-line': false,
      },
      release: { patterns: ['release/{major}.{minor}'], into: ['mainline'], 'same-line': false },
      maintenance: {
        patterns: ['{major}.{minor}.x', '{major}.x'],
        into: ['mainline'],
        'same-line': false,
      },
      hotfix: {
        patterns: ['hotfix/{version}'],
        into: ['mainline', 'release', 'maintenance'],
        'same-line': true,
      },
      bot: {
        patterns: ['dependabot/{rest}', 'renovate/{rest}'],
        into: ['mainline', 'release', 'maintenance'],
        'same-line': false,
      },
    },
  },
  versioning: {
    tagPrefix: ['v'],
    files: [{ path: 'package.json', format: 'auto', optional: true }],
    prerelease: ['alpha', 'beta', 'rc'],
    buildMetadata: false,
    initial: '0.1.0',
  },
  commits: {
    types: {
      feat: 'minor',
      fix: 'patch',
      perf: 'patch',
      revert: 'patch',
      docs: 'none',
      style: 'none',
      refactor: 'none',
      test: 'none',
      build: 'none',
      ci: 'none',
      chore: 'none',
    },
    breaking: 'major',
  },
  documents: [
    {
      path: 'docs/release/release-notes.md',
      requiredFor: ['major', 'minor', 'patch'],
      sections: [
        { title: 'Changes', aliases: [] },
        { title: 'Risk', aliases: [] },
      ],
      mentionVersion: true,
      updated: false,
      placeholders: ['TODO', 'TBD', '<…>', '…'],
    },
    {
      path: 'docs/release/installation.md',
      requiredFor: ['major', 'minor'],
      sections: [
        { title: 'Environment', aliases: [] },
        { title: 'Steps', aliases: [] },
        { title: 'Verification', aliases: [] },
      ],
      mentionVersion: false,
      updated: false,
      placeholders: ['TODO', 'TBD', '<…>', '…'],
    },
    {
      path: 'docs/release/configuration.md',
      requiredFor: ['major', 'minor'],
      sections: [{ title: 'Parameters', aliases: [] }],
      mentionVersion: false,
      updated: false,
      placeholders: ['TODO', 'TBD', '<…>', '…'],
    },
    {
      path: 'docs/release/backup-restore.md',
      requiredFor: ['major', 'minor'],
      sections: [
        { title: 'Backup', aliases: [] },
        { title: 'Restore', aliases: [] },
      ],
      mentionVersion: false,
      updated: false,
      placeholders: ['TODO', 'TBD', '<…>', '…'],
    },
    {
      path: 'docs/release/rollback.md',
      requiredFor: ['major', 'minor', 'patch'],
      sections: [
        { title: 'Triggers', aliases: [] },
        { title: 'Rollback', aliases: ['回滚'] },
        { title: 'Verification', aliases: [] },
      ],
      mentionVersion: false,
      updated: false,
      placeholders: ['TODO', 'TBD', '<…>', '…'],
    },
  ],
  changeRequest: {
    sections: [
      { title: 'Reason', aliases: ['变更原因'] },
      { title: 'Impact analysis', aliases: ['影响分析'] },
      { title: 'Verification plan', aliases: ['验证计划'] },
      { title: 'Risk', aliases: ['风险'] },
    ],
    ticketKeys: ['CHG'],
    requireTicket: true,
    exemptLabels: ['dependencies'],
    exemptAuthors: ['dependabot[bot]', 'renovate[bot]'],
    placeholders: ['TODO', 'TBD', '<…>', '…'],
  },
  patches: {
    kinds: ['release', 'maintenance', 'hotfix'],
    exempt: ['chore(release):', 'release:', 'Next development version', '[maven-release-plugin]'],
    waivers: [],
    missing: 'error',
  },
  changelog: {
    file: 'CHANGELOG.md',
    sections: [
      { type: 'feat', title: 'Features', hidden: false },
      { type: 'fix', title: 'Bug Fixes', hidden: false },
      { type: 'perf', title: 'Performance Improvements', hidden: false },
      { type: 'revert', title: 'Reverts', hidden: false },
    ],
    breakingTitle: '⚠ BREAKING CHANGES',
    other: false,
    ticketPrefixes: [],
    packages: [],
    contributors: true,
    draft: false,
  },
  environments: [
    {
      name: 'dev',
      after: undefined,
      soak: '0s',
      soakMs: 0,
      approvals: { required: 0, from: [], allowSelf: false },
      timezone: 'UTC',
      windows: [],
      freeze: [],
      emergency: { allowed: true, extraApprovals: 1 },
      automatic: false,
    },
    {
      name: 'test',
      after: undefined,
      soak: '0s',
      soakMs: 0,
      approvals: { required: 0, from: [], allowSelf: false },
      timezone: 'UTC',
      windows: [],
      freeze: [],
      emergency: { allowed: true, extraApprovals: 1 },
      automatic: true,
    },
    {
      name: 'staging',
      after: 'test',
      soak: '0s',
      soakMs: 0,
      approvals: { required: 1, from: [], allowSelf: false },
      timezone: 'UTC',
      windows: [],
      freeze: [],
      emergency: { allowed: true, extraApprovals: 1 },
      automatic: false,
    },
    {
      name: 'production',
      after: 'staging',
      soak: '0s',
      soakMs: 0,
      approvals: { required: 2, from: [], allowSelf: false },
      timezone: 'UTC',
      windows: [],
      freeze: [],
      emergency: { allowed: true, extraApprovals: 1 },
      automatic: false,
    },
  ],
  audit: {
    statusIssueTitle: 'Release status',
    failOn: ['drift', 'missing-patches'],
    requiredChecks: ['release-policy / release policy'],
    actionRepository: 'release-policy/release-policy',
  },
  rules: {},
  source: '(default policy)',
};
