import {
  bumpPrerelease,
  compareVersions,
  describeVersionSource,
  formatPrecedenceVersion,
  inspectVersionFacts,
  isPrerelease,
  isSameCore,
  locateVersionSource,
  quoteVersionText,
  recommendNextVersion,
  suggestPrereleaseOf,
  type ReleaseTag,
} from '../version.js';
import type { Rule, RuleFinding } from './types.js';

/** Why `newer` sorts after the declared version. */
function explainOrder(newer: ReleaseTag, declared: string): string {
  return (
    `By SemVer precedence ${quoteVersionText(formatPrecedenceVersion(newer))} comes after ${quoteVersionText(declared)}: ` +
    'identifiers are compared left to right, numbers as numbers (rc.10 > rc.2) and text by ASCII order (beta < rc).'
  );
}

/** A pre-release comes after earlier pre-releases of its version, and before the release itself. */
export const versionPrerelease: Rule = {
  id: 'version-prerelease',
  check: 'version',
  description:
    'A pre-release sorts after every earlier pre-release of the same version (by SemVer precedence, rc.10 > rc.2) and its version is not released yet (a tagged pre-release on a run that does not release it is not checked).',
  defaultSeverity: 'error',
  applies: (ctx) => ctx.facts.version !== undefined,
  evaluate({ facts, policy }) {
    const { declared, releases, pending } = inspectVersionFacts(facts, policy);
    if (!declared || !pending || !isPrerelease(declared.version)) return [];
    const version = declared.version;
    const core = `${version.major}.${version.minor}.${version.patch}`;
    const where = describeVersionSource(declared.source);
    const at = locateVersionSource(declared.source);
    const sameCore = releases.filter((r) => isSameCore(r, version));
    const findings: RuleFinding[] = [];
    const released = sameCore.find((r) => !isPrerelease(r));
    if (released) {
      const next = suggestPrereleaseOf(
        recommendNextVersion(facts, policy),
        version.prerelease,
        releases,
      );
      findings.push({
        ...at,
        message:
          `${where} is a pre-release of ${quoteVersionText(core)}, which is already released as ${quoteVersionText(released.tag)}. ` +
          `Pre-releases come before their release; a pre-release now must be of a later version, e.g. ${quoteVersionText(next)}.`,
        hint: `Pre-release a later version, e.g. ${quoteVersionText(next)}.`,
      });
      return findings;
    }
    const newer = sameCore.filter((r) => compareVersions(r, version) > 0);
    const newest = newer[0];
    if (newest) {
      findings.push({
        ...at,
        message:
          `${where} sorts before the pre-release ${quoteVersionText(newest.tag)} that is already tagged` +
          `${newer.length > 1 ? ` (and ${newer.length - 1} more of ${quoteVersionText(core)})` : ''}. ` +
          `${explainOrder(newest, formatPrecedenceVersion(version))} ` +
          `Expected a pre-release after ${quoteVersionText(formatPrecedenceVersion(newest))}, e.g. ${quoteVersionText(bumpPrerelease(newest))}.`,
        hint: 'Count pre-releases with a separate numeric identifier (rc.1, rc.2, ... rc.10) and always go up.',
      });
    }
    return findings;
  },
};
