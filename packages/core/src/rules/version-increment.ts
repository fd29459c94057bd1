import {
  compareVersions,
  describeVersionSource,
  formatVersionLine,
  inspectVersionFacts,
  isPrerelease,
  isSameCore,
  locateVersionSource,
  quoteVersionText,
  recommendNextVersion,
  type VersionInspection,
} from '../version.js';
import { quoteBranchName } from '../branches.js';
import type { Facts } from '../facts.js';
import type { Rule } from './types.js';

/** Why the run releases the declared version (see `VersionInspection.releasing`). */
function explainReleasing(facts: Facts, inspection: VersionInspection): string {
  const pushed = facts.version?.pushedTag;
  if (pushed !== undefined)
    return `the tag ${quoteVersionText(pushed)} is being pushed to release it`;
  if (inspection.declared?.source.kind === 'input') return 'the version input asks to release it';
  const branch = inspection.branch;
  const name = quoteBranchName(branch?.name ?? '');
  if (branch?.version !== undefined) return `branch ${name} releases exactly this version`;
  const line = branch?.line ? formatVersionLine(branch.line) : 'its';
  return `branch ${name} releases ${line} versions`;
}

/**
 * The declared version is new and above the latest release on its line. A
 * version that is already tagged is an error only on a run that releases it
 * (see `VersionInspection.releasing`); elsewhere it means no release is pending.
 */
export const versionIncrement: Rule = {
  id: 'version-increment',
  check: 'version',
  description:
    'A version being released (release, maintenance or hotfix branch, tag push, version input) is not tagged yet; any declared version that is not tagged is greater than the latest release tag on its line (the pushed tag itself does not count).',
  defaultSeverity: 'error',
  applies: (ctx) => ctx.facts.version !== undefined,
  evaluate({ facts, policy }) {
    const inspection = inspectVersionFacts(facts, policy);
    const { declared, tagged, lineReleases, line, pending } = inspection;
    if (!declared || !pending) return [];
    const version = declared.version;
    const where = describeVersionSource(declared.source);
    const at = locateVersionSource(declared.source);
    const next = () => quoteVersionText(recommendNextVersion(facts, policy).version);
    if (tagged) {
      return [
        {
          ...at,
          message:
            `${where} is already released: the tag ${quoteVersionText(tagged.tag)} exists. ` +
            `Every release needs a version that was never tagged, and ${explainReleasing(facts, inspection)}; ` +
            `the next one would be ${next()}.`,
          hint: `Bump the version, e.g. to ${next()}.`,
        },
      ];
    }
    const latest = lineReleases[0];
    if (!latest || compareVersions(version, latest) > 0) return [];
    // A pre-release behind an earlier pre-release of the same version is version-prerelease's finding.
    if (isPrerelease(version) && isPrerelease(latest) && isSameCore(version, latest)) return [];
    const scope = line ? `on the ${formatVersionLine(line)} line` : 'in the repository';
    return [
      {
        ...at,
        message:
          `${where} is not greater than ${quoteVersionText(latest.tag)}, the latest release ${scope}. ` +
          `Versions only go up (by SemVer precedence); expected a version above ${quoteVersionText(latest.version)}, e.g. ${next()}.`,
        hint: `Set the version to ${next()} or higher.`,
      },
    ];
  },
};
