import type { Policy } from '../config/schema.js';
import type { Facts, VersionSource } from '../facts.js';
import {
  describeVersionSource,
  inspectVersionFacts,
  locateVersionSource,
  placeVersionSource,
  quoteVersionText,
  recommendNextVersion,
  selectReleaseTagPrefix,
  suggestAllowedPrerelease,
  type SemVerParts,
} from '../version.js';
import type { Rule, RuleFinding } from './types.js';

function expectedForm(kind: VersionSource['kind'], prefix: string): string {
  if (kind === 'tag')
    return `Release tags are the tag prefix "${prefix}" followed by the version, e.g. "${prefix}1.4.0".`;
  if (kind === 'input')
    return `The version input may carry the tag prefix "${prefix}" or not, e.g. "1.4.0".`;
  const where = kind === 'file' ? 'Version files' : 'Branch names';
  return `${where} hold the bare version without the tag prefix, e.g. "1.4.0".`;
}

function hintFor(source: VersionSource, policy: Policy): string {
  const prefix = selectReleaseTagPrefix(policy);
  if (source.kind === 'tag')
    return `Tag the release as "${prefix}1.4.0" (versioning.tag-prefix is "${prefix}").`;
  if (source.kind === 'file')
    return `Write the version as "1.4.0" in ${source.file ?? 'the file'}.`;
  return 'Write the version as MAJOR.MINOR.PATCH, e.g. "1.4.0".';
}

/** Renders `versioning.prerelease` with `identifier` added, as the policy line that allows it. */
function formatAllowingLine(allowed: readonly string[], identifier: string): string {
  return `prerelease: [${[...allowed, identifier].join(', ')}]`;
}

function checkPrerelease(
  source: VersionSource,
  version: SemVerParts,
  facts: Facts,
  policy: Policy,
): RuleFinding | undefined {
  const first = version.prerelease[0];
  if (first === undefined) return undefined;
  const allowed = policy.versioning.prerelease;
  if (typeof first === 'string' && allowed.includes(first)) return undefined;
  const core = `${version.major}.${version.minor}.${version.patch}`;
  const list =
    allowed.length === 0
      ? 'none (versioning.prerelease is empty)'
      : allowed.map((a) => `"${a}"`).join(', ');
  // The example sorts above every tag of the version (`rc.1` after a tagged `next.4`), else
  // of the recommended one; the recommended release itself when no pre-release fits.
  const { releases } = inspectVersionFacts(facts, policy);
  const example =
    allowed.length === 0
      ? core
      : (suggestAllowedPrerelease(version, allowed, releases) ??
        suggestAllowedPrerelease(recommendNextVersion(facts, policy), allowed, releases) ??
        recommendNextVersion(facts, policy).version);
  // A numeric first identifier (`1.0.0-1`) cannot be allowed by name.
  const allowing =
    typeof first === 'string'
      ? ` To allow ${quoteVersionText(first, 40)}, write ${formatAllowingLine(allowed, first)} under versioning in the policy.`
      : '';
  return {
    ...locateVersionSource(source),
    message:
      `${describeVersionSource(source)} uses the pre-release identifier ${quoteVersionText(String(first), 40)}, ` +
      `which the policy does not allow. Allowed first identifiers: ${list}. Expected e.g. ${quoteVersionText(example)}.${allowing}`,
    hint:
      typeof first === 'string'
        ? `Use an allowed identifier, or write ${formatAllowingLine(allowed, first)} under versioning in the policy.`
        : 'Use an allowed identifier, or add it to versioning.prerelease in the policy.',
  };
}

/** Every declared version is strict SemVer, in the form its source calls for. */
export const versionFormat: Rule = {
  id: 'version-format',
  check: 'version',
  description:
    'Every declared version is strict SemVer (no "v" in files, no leading zeros, three numbers), tags carry the tag prefix, pre-release identifiers are allowed ones.',
  defaultSeverity: 'error',
  applies: (ctx) => (ctx.facts.version?.sources.length ?? 0) > 0,
  evaluate({ facts, policy }) {
    const findings: RuleFinding[] = [];
    for (const { source, parsed } of inspectVersionFacts(facts, policy).sources) {
      if (!parsed.ok) {
        findings.push({
          ...locateVersionSource(source),
          message: `${placeVersionSource(source)}: ${parsed.problem.replace(/ See \S+$/, '')} ${expectedForm(source.kind, selectReleaseTagPrefix(policy))}`,
          hint: hintFor(source, policy),
        });
        continue;
      }
      const pre = checkPrerelease(source, parsed, facts, policy);
      if (pre) findings.push(pre);
    }
    return findings;
  },
};
