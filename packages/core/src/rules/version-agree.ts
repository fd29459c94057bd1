import type { VersionSource } from '../facts.js';
import {
  inspectVersionFacts,
  locateVersionSource,
  placeVersionSource,
  quoteVersionText,
  selectReleaseTagPrefix,
  type InspectedSource,
} from '../version.js';
import type { Rule, RuleFinding } from './types.js';

/** The version a valid source declares, without the tag prefix (build metadata kept). */
function declaredBy(s: InspectedSource): string | undefined {
  return s.parsed.ok ? s.parsed.version : undefined;
}

function hintFor(sources: readonly InspectedSource[]): string {
  const tag = sources.find((s) => s.source.kind === 'tag');
  const file =
    tag && sources.find((s) => s.source.kind === 'file' && declaredBy(s) !== declaredBy(tag));
  if (tag && file) {
    return (
      `The pushed tag ${quoteVersionText(tag.source.value)} does not match ${file.source.label}: ` +
      'set the version in the files first, then tag that commit (delete and re-create a wrong tag).'
    );
  }
  return 'Set the same version everywhere: in every version file, the branch name and the input.';
}

/** Every valid source declares the same version. */
export const versionAgree: Rule = {
  id: 'version-agree',
  check: 'version',
  description:
    'Every place that declares the version (input, version files, branch name, pushed tag) declares the same one.',
  defaultSeverity: 'error',
  applies: (ctx) => (ctx.facts.version?.sources.length ?? 0) > 1,
  evaluate({ facts, policy }) {
    const valid = inspectVersionFacts(facts, policy).sources.filter((s) => s.parsed.ok);
    const versions = [...new Set(valid.map((s) => declaredBy(s) as string))];
    if (versions.length <= 1) return [];
    const first = versions[0] as string;
    const listed = valid.map(
      (s) =>
        `  - ${placeVersionSource(s.source)} declares ${quoteVersionText(declaredBy(s) as string)}`,
    );
    const at: VersionSource | undefined =
      valid.find((s) => s.source.file && declaredBy(s) !== first)?.source ??
      valid.find((s) => s.source.file)?.source;
    const finding: RuleFinding = {
      ...(at ? locateVersionSource(at) : {}),
      message: [
        `The version sources disagree: ${versions.length} different versions (${versions.map((v) => quoteVersionText(v)).join(', ')}) are declared. Every source must declare the same version, e.g. "1.4.0" in the files and "${selectReleaseTagPrefix(policy)}1.4.0" as the tag:`,
        ...listed,
      ].join('\n'),
      hint: hintFor(valid),
    };
    return [finding];
  },
};
