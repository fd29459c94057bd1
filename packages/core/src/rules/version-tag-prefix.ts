import { plural } from '../text.js';
import {
  listReleaseTags,
  parseReleaseTag,
  parseStrictVersion,
  quoteVersionText,
} from '../version.js';
import type { Rule } from './types.js';

/** The prefixes a release tag commonly has; a SemVer tag with one the policy lacks is skipped. */
const COMMON_PREFIXES = ['v', ''] as const;

/** The common prefix `tag` has before a SemVer version (`tag` is not a release tag of the policy). */
function findSkippedPrefix(tag: string): string | undefined {
  return COMMON_PREFIXES.find(
    (prefix) =>
      tag.startsWith(prefix) &&
      parseStrictVersion(tag, { allowPrefix: prefix, requirePrefix: true, allowBuild: true }).ok,
  );
}

/** Renders a prefix as a YAML flow-sequence item: `v`, `''`, `"release/"`. */
function formatPrefixYaml(prefix: string): string {
  if (prefix === '') return "''";
  return /^[A-Za-z0-9._-]+$/.test(prefix) ? prefix : JSON.stringify(prefix);
}

/**
 * SemVer tags that `versioning.tag-prefix` does not read (`3.4.0` with the
 * default `v`) are reported, never ignored in silence: the check would
 * otherwise take a released version for a new one.
 */
export const versionTagPrefix: Rule = {
  id: 'version-tag-prefix',
  check: 'version',
  description:
    'Every tag that is a SemVer version, bare or after "v", is read as a release: versioning.tag-prefix lists its prefix.',
  defaultSeverity: 'warning',
  applies: (ctx) => (ctx.facts.version?.tags.length ?? 0) > 0,
  evaluate({ facts, policy }) {
    const skipped: { tag: string; prefix: string }[] = [];
    const tags = facts.version?.tags ?? [];
    const pushed = facts.version?.pushedTag;
    // The policy's own release tags: the listing the version check made (without the pushed tag).
    const releases = new Set(listReleaseTags(tags, policy, pushed).map((release) => release.tag));
    if (pushed !== undefined && parseReleaseTag(pushed, policy)) releases.add(pushed);
    for (const tag of tags) {
      if (releases.has(tag)) continue;
      const prefix = findSkippedPrefix(tag);
      if (prefix !== undefined) skipped.push({ tag, prefix });
    }
    const first = skipped[0];
    if (!first) return [];
    const prefixes = [...policy.versioning.tagPrefix];
    for (const { prefix } of skipped) if (!prefixes.includes(prefix)) prefixes.push(prefix);
    const line = `tag-prefix: [${prefixes.map(formatPrefixYaml).join(', ')}]`;
    const current = policy.versioning.tagPrefix.map((p) => JSON.stringify(p)).join(', ');
    const one = skipped.length === 1;
    return [
      {
        message:
          `${plural(skipped.length, 'tag')} ${one ? 'looks' : 'look'} like ${one ? 'a release' : 'releases'} but ${one ? 'is' : 'are'} not read as ${one ? 'one' : 'such'}, ` +
          `e.g. ${quoteVersionText(first.tag)}: versioning.tag-prefix is ${current}, so versions released under ${one ? 'it' : 'them'} count as unreleased. ` +
          `To read them, list their prefix too (new releases keep the first prefix): ${line} under versioning in the policy.`,
        hint: `Write ${line} under versioning in the policy.`,
      },
    ];
  },
};
