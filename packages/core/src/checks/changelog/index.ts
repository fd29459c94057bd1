/**
 * The changelog check: the release notes of a version, from the Conventional
 * Commits since the previous release of its line. It has no rules of its
 * own; its action writes the notes, and publishes them as the GitHub Release.
 */
import { analyzeVersion } from '../../version.js';
import { defineCheck, type CheckValues } from '../types.js';
import { changelogSection } from './section.js';

/** The changelog check. */
export const changelogCheck = defineCheck({
  name: 'changelog',
  title: 'Changelog',
  action: 'changelog',
  command: {
    name: 'changelog',
    summary: 'write the release notes from the Conventional Commits since the previous release',
    usage: '[--from REF] [--to REF] [--version V] [--json] [--write FILE] [--all] [--package NAME]',
    example: 'release-policy changelog --version 1.4.0 --write CHANGELOG.md',
    standalone: true,
  },
  sections: [changelogSection],
  rules: [],
  needs: ['branch', 'version'],
  outputs: [
    { name: 'version', description: 'The version the notes are for, without the tag prefix.' },
    { name: 'notes', description: 'The path of the Markdown file holding the notes.' },
    {
      name: 'release-id',
      description:
        'The id of the GitHub Release that was created or updated; empty without publish.',
    },
    { name: 'url', description: 'The URL of that GitHub Release; empty without publish.' },
  ],
  summarize(facts, policy): CheckValues {
    if (!facts.version) return {};
    const analysis = analyzeVersion(facts, policy);
    return { version: analysis.version ?? analysis.recommended };
  },
  describe(values): Record<string, string> {
    return values.version === undefined ? {} : { version: String(values.version) };
  },
});
