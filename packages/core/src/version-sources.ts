/**
 * Version sources: how each kind is parsed, how adapters build the branch and
 * tag sources, and how messages name them. Re-exported from `version.ts`.
 */
import type { BranchClass } from './branches.js';
import type { Policy } from './config/schema.js';
import type { VersionSource } from './facts.js';
import { quoteVersionText, type ParseVersionOptions } from './version-parse.js';

/**
 * The tag prefix `text` is read with: the longest of `prefixes` it starts
 * with (`v1.2.3` with `[v, '']` -> `v`), else the first, so a tag with none of
 * them is reported against the prefix new releases get.
 */
export function selectTagPrefix(text: string, prefixes: readonly string[]): string {
  let match: string | undefined;
  for (const prefix of prefixes) {
    if (text.startsWith(prefix) && (match === undefined || prefix.length > match.length)) {
      match = prefix;
    }
  }
  return match ?? prefixes[0] ?? '';
}

/** The prefix a new release tag gets: the first of `versioning.tag-prefix`. */
export function selectReleaseTagPrefix(policy: Policy): string {
  return policy.versioning.tagPrefix[0] ?? '';
}

/** Parse options for each kind of source: files and branches bare, input and tags may carry the tag prefix. */
export function selectSourceParseOptions(
  source: VersionSource,
  policy: Policy,
): ParseVersionOptions {
  const allowBuild = policy.versioning.buildMetadata;
  const prefix = selectTagPrefix(source.value, policy.versioning.tagPrefix);
  if (source.kind === 'tag') return { allowPrefix: prefix, requirePrefix: true, allowBuild };
  if (source.kind === 'input') return { allowPrefix: prefix, allowBuild };
  return { allowBuild };
}

function placeOf(source: VersionSource): string {
  if (!source.file) return '';
  return ` (${source.file}${source.line ? `:${source.line}${source.column ? `:${source.column}` : ''}` : ''})`;
}

/** Names a source for a message: its label and where it stands, e.g. `package.json "version" (package.json:3:14)`. */
export function placeVersionSource(source: VersionSource): string {
  return `${source.label}${placeOf(source)}`;
}

/** Describes a source for a message: its label, its value JSON-quoted (unless the label shows it), and where it stands. */
export function describeVersionSource(source: VersionSource): string {
  const value = quoteVersionText(source.value);
  const label = source.label.includes(value) ? source.label : `${source.label} ${value}`;
  return `${label}${placeOf(source)}`;
}

/** The finding location of a source: its file and position, when it has them. */
export function locateVersionSource(source: VersionSource): {
  file?: string;
  line?: number;
  column?: number;
} {
  const at: { file?: string; line?: number; column?: number } = {};
  if (source.file !== undefined) at.file = source.file;
  if (source.line !== undefined) at.line = source.line;
  if (source.column !== undefined) at.column = source.column;
  return at;
}

/** The version a branch name declares (`hotfix/1.4.3` -> `1.4.3`) as a source; undefined when it declares none. */
export function collectBranchVersionSource(branch: BranchClass): VersionSource | undefined {
  if (branch.version === undefined) return undefined;
  return { kind: 'branch', value: branch.version, label: `branch ${JSON.stringify(branch.name)}` };
}

/**
 * The tag being pushed, as a source. Every pushed tag is returned, release
 * tag or not, so that `version-format` reports a tag without the prefix.
 */
export function collectTagVersionSource(tagName: string, _policy: Policy): VersionSource {
  return { kind: 'tag', value: tagName, label: `tag ${JSON.stringify(tagName)}` };
}
