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
import type { Policy } from '../config/schema.js';
import type { Rule, RuleFinding } from './types.js';

/** Why the run releases the declared version (see `VersionInspection.releasing`). */
function explainReleasing(facts: Facts, inspection: VersionInspection): string {
  const pushed = facts.version?.pushedTag;
  if (pushed !== undefined)
    return `the tag ${quoteVersionText(pushed)} is being pushed to release it`;
  if (inspection.declared?.source.kind === 'input') return 'the version input asks to release it';
  const branch = inspection.branch;
  const name = quoteBranchName(branch?.name ?? '');
  if (branch?.version !== undefined) return `branch ${name} releases exactly this version`;
  if (branch?.line) return `branch ${name} releases ${formatVersionLine(branch.line)} versions`;
  const latest = inspection.lineReleases[0];
  const base = quoteBranchName(facts.branch?.base ?? '');
  return latest
    ? `the pull request into ${base} changes the version from the latest release ${quoteVersionText(latest.tag)}`
    : `the pull request into ${base} releases it`;
}

/**
 * The notice for a branch that releases (a maintenance line, a hotfix branch)
 * whose version is its line's latest release: nothing to release yet, which is
 * fine between releases (a backport push), so it is said, not failed.
 */
function describeNoPendingRelease(
  facts: Facts,
  policy: Policy,
  inspection: VersionInspection,
): RuleFinding[] {
  const { declared, tagged, branch, line, lineReleases, pending } = inspection;
  const latest = lineReleases[0];
  if (pending || !declared || !tagged || !latest || compareVersions(latest, tagged) !== 0)
    return [];
  if (branch?.line === undefined && branch?.version === undefined) return [];
  const scope = line ? `the ${formatVersionLine(line)} line` : 'the repository';
  const next = quoteVersionText(recommendNextVersion(facts, policy).version);
  return [
    {
      severity: 'notice',
      ...locateVersionSource(declared.source),
      message:
        `${describeVersionSource(declared.source)} is the latest release on ${scope} (tag ${quoteVersionText(tagged.tag)}), ` +
        `so no release is pending on branch ${quoteBranchName(branch.name)}. ` +
        `To release from it, set the next version, e.g. ${next}, and tag it.`,
    },
  ];
}

/**
 * The declared version is new and above the latest release on its line. A
 * version that is already tagged is an error only on a run that releases it
 * (see `VersionInspection.releasing`); elsewhere it means no release is
 * pending, which a notice says on a branch that releases.
 */
export const versionIncrement: Rule = {
  id: 'version-increment',
  check: 'version',
  description:
    'A version being released (tag push, version input, a release, maintenance or hotfix branch or a pull request whose version is not the latest release on its line) is not tagged yet; any declared version that is not tagged is greater than the latest release tag on its line (a pushed tag is compared with the releases before it in history).',
  defaultSeverity: 'error',
  applies: (ctx) => ctx.facts.version !== undefined,
  evaluate({ facts, policy }) {
    const inspection = inspectVersionFacts(facts, policy);
    const { declared, tagged, lineReleases, line, pending } = inspection;
    if (!declared || !pending) return describeNoPendingRelease(facts, policy, inspection);
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
