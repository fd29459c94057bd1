import {
  analyzeVersion,
  applyBump,
  compareVersions,
  parseStrictVersion,
  describeVersionSource,
  formatVersionLine,
  inspectVersionFacts,
  isPrerelease,
  isSameCore,
  locateVersionSource,
  quoteVersionText,
  type ReleaseTag,
  type SemVerParts,
  type VersionInspection,
} from '../version.js';
import type { Facts } from '../facts.js';
import type { Policy } from '../config/schema.js';
import type { Rule, RuleFinding } from './types.js';

/**
 * A version to suggest: the analysis' recommendation when it is above every
 * conflicting release, else the release after the highest of them.
 */
function suggestNext(
  facts: Facts,
  policy: Policy,
  inspection: VersionInspection,
  conflicts: ReleaseTag[],
): string {
  const recommended = parseStrictVersion(analyzeVersion(facts, policy).recommended, {
    allowBuild: true,
  });
  const taken = (v: SemVerParts) => inspection.releases.some((r) => compareVersions(r, v) === 0);
  if (
    recommended.ok &&
    !taken(recommended) &&
    conflicts.every((c) => compareVersions(recommended, c) > 0)
  ) {
    return recommended.version;
  }
  const top = [...conflicts].sort((a, b) => compareVersions(b, a))[0] as ReleaseTag;
  return isPrerelease(top) ? `${top.major}.${top.minor}.${top.patch}` : applyBump(top, 'patch');
}

/** The declared version is new and above the latest release on its line. */
export const versionIncrement: Rule = {
  id: 'version-increment',
  check: 'version',
  description:
    'The declared version is not tagged yet and is greater than the latest release tag on its line (the pushed tag itself does not count).',
  defaultSeverity: 'error',
  applies: (ctx) => ctx.facts.version !== undefined,
  evaluate({ facts, policy }) {
    const inspection = inspectVersionFacts(facts, policy);
    const { declared, releases, lineReleases, line } = inspection;
    if (!declared) return [];
    const version = declared.version;
    const where = describeVersionSource(declared.source);
    const at = locateVersionSource(declared.source);
    const tagged = releases.find((r) => compareVersions(r, version) === 0);
    const latest = lineReleases[0];
    if (tagged) {
      const next = quoteVersionText(
        suggestNext(facts, policy, inspection, latest ? [tagged, latest] : [tagged]),
      );
      const finding: RuleFinding = {
        ...at,
        message:
          `${where} is already released: the tag ${quoteVersionText(tagged.tag)} exists. ` +
          `Every release needs a version that was never tagged; the next one would be ${next}.`,
        hint: `Bump the version, e.g. to ${next}.`,
      };
      return [finding];
    }
    if (!latest || compareVersions(version, latest) > 0) return [];
    // A pre-release behind an earlier pre-release of the same version is version-prerelease's finding.
    if (isPrerelease(version) && isPrerelease(latest) && isSameCore(version, latest)) return [];
    const next = quoteVersionText(suggestNext(facts, policy, inspection, [latest]));
    const scope = line ? `on the ${formatVersionLine(line)} line` : 'in the repository';
    return [
      {
        ...at,
        message:
          `${where} is not greater than ${quoteVersionText(latest.tag)}, the latest release ${scope}. ` +
          `Versions only go up (by SemVer precedence); expected a version above ${quoteVersionText(latest.version)}, e.g. ${next}.`,
        hint: `Set the version to ${next} or higher.`,
      },
    ];
  },
};
