/**
 * The version check: the declared version is strict SemVer, the same in
 * every source, on the branch's release line, above the latest release, and
 * bumped at least as much as the Conventional Commits since then imply.
 */
import { analyzeVersion } from '../../version.js';
import { versionAgree } from '../../rules/version-agree.js';
import { versionBump } from '../../rules/version-bump.js';
import { versionFiles } from '../../rules/version-files.js';
import { versionFormat } from '../../rules/version-format.js';
import { versionIncrement } from '../../rules/version-increment.js';
import { versionLine } from '../../rules/version-line.js';
import { versionPrerelease } from '../../rules/version-prerelease.js';
import { versionTagPrefix } from '../../rules/version-tag-prefix.js';
import { defineCheck, type CheckValues } from '../types.js';
import { commitsSection, versioningSection } from './section.js';

/** The version check. */
export const versionCheck = defineCheck({
  name: 'version',
  title: 'Version',
  action: 'version',
  command: {
    name: 'version',
    summary: 'check the declared version against tags, branch line and commits',
    usage: '[VERSION] [--branch NAME]',
    positional: 'version',
    example: 'release-policy version 1.4.0',
  },
  sections: [versioningSection, commitsSection],
  rules: [
    versionFiles,
    versionFormat,
    versionTagPrefix,
    versionAgree,
    versionLine,
    versionIncrement,
    versionPrerelease,
    versionBump,
  ],
  needs: ['branch', 'version'],
  outputs: [
    {
      name: 'version',
      description: 'The declared version, without the tag prefix; empty when none was declared.',
    },
    {
      name: 'previous',
      description: 'The previous release on the same line; empty when there is none.',
    },
    {
      name: 'bump',
      description:
        'The step from the previous release to the declared version: major, minor, patch, prerelease, none (not above the previous release, or already tagged), or unknown (no valid version declared).',
    },
    {
      name: 'recommended',
      description: 'The version the commits since the previous release call for.',
    },
    {
      name: 'prerelease',
      description: "'true' when the declared version is a pre-release, else 'false'.",
    },
    {
      name: 'tag',
      description:
        'The tag the release will have, prefix included (e.g. v1.4.0); empty without a version.',
    },
  ],
  summarize(facts, policy): CheckValues {
    if (!facts.version) return {};
    const analysis = analyzeVersion(facts, policy);
    return {
      version: analysis.version,
      previous: analysis.previous,
      bump: analysis.bump,
      recommended: analysis.recommended,
      prerelease: analysis.prerelease,
      tag: analysis.tag,
    };
  },
  describe(values) {
    if (values.recommended === undefined) return {};
    return {
      version: values.version === undefined ? '(none declared)' : String(values.version),
      previous: values.previous === undefined ? '(no release yet)' : String(values.previous),
      bump: String(values.bump),
      recommended: String(values.recommended),
      ...(values.tag !== undefined ? { tag: String(values.tag) } : {}),
    };
  },
});
