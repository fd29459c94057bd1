import {
  compareVersions,
  describeVersionSource,
  formatPrecedenceVersion,
  inspectVersionFacts,
  isPrerelease,
  isSameCore,
  locateVersionSource,
  quoteVersionText,
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

/** The pre-release after `v`: its last numeric identifier plus one (`rc.10` -> `rc.11`), else `.1` appended. */
function nextPrerelease(v: ReleaseTag): string {
  const ids = [...v.prerelease];
  const last = ids[ids.length - 1];
  if (typeof last === 'number') ids[ids.length - 1] = last + 1;
  else ids.push(1);
  return `${v.major}.${v.minor}.${v.patch}-${ids.join('.')}`;
}

/** A pre-release comes after earlier pre-releases of its version, and before the release itself. */
export const versionPrerelease: Rule = {
  id: 'version-prerelease',
  check: 'version',
  description:
    'A pre-release sorts after every earlier pre-release of the same version (by SemVer precedence, rc.10 > rc.2) and its version is not released yet.',
  defaultSeverity: 'error',
  applies: (ctx) => ctx.facts.version !== undefined,
  evaluate({ facts, policy }) {
    const { declared, releases } = inspectVersionFacts(facts, policy);
    if (!declared || !isPrerelease(declared.version)) return [];
    const version = declared.version;
    const core = `${version.major}.${version.minor}.${version.patch}`;
    const where = describeVersionSource(declared.source);
    const at = locateVersionSource(declared.source);
    const sameCore = releases.filter((r) => isSameCore(r, version));
    const findings: RuleFinding[] = [];
    const released = sameCore.find((r) => !isPrerelease(r));
    if (released) {
      const next = `${version.major}.${version.minor}.${version.patch + 1}-${version.prerelease.join('.')}`;
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
          `Expected a pre-release after ${quoteVersionText(formatPrecedenceVersion(newest))}, e.g. ${quoteVersionText(nextPrerelease(newest))}.`,
        hint: 'Count pre-releases with a separate numeric identifier (rc.1, rc.2, ... rc.10) and always go up.',
      });
    }
    return findings;
  },
};
