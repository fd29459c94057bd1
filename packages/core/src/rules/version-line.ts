import { quoteBranchName } from '../branches.js';
import {
  compareVersions,
  describeVersionSource,
  formatVersionLine,
  inspectVersionFacts,
  isVersionOnLine,
  locateVersionSource,
  parseStrictVersion,
  quoteVersionText,
  recommendNextVersion,
} from '../version.js';
import type { Rule, RuleFinding } from './types.js';

/** The declared version is on the branch's release line, or exactly the branch's version. */
export const versionLine: Rule = {
  id: 'version-line',
  check: 'version',
  description:
    "The declared version is on the branch's release line (release/1.4 -> 1.4.x, 1.x -> 1.y.z) and equals the version a hotfix branch names (hotfix/1.4.3 -> 1.4.3).",
  defaultSeverity: 'error',
  applies: (ctx) => ctx.facts.version !== undefined && ctx.facts.branch !== undefined,
  evaluate({ facts, policy }) {
    const { sources, branch } = inspectVersionFacts(facts, policy);
    if (!branch?.line) return [];
    const line = branch.line;
    const named =
      branch.version === undefined
        ? undefined
        : parseStrictVersion(branch.version, { allowBuild: true });
    const findings: RuleFinding[] = [];
    let example: string | undefined;
    for (const { source, parsed } of sources) {
      if (!parsed.ok || source.kind === 'branch') continue;
      const where = describeVersionSource(source);
      const name = quoteBranchName(branch.name);
      if (named?.ok) {
        if (compareVersions(parsed, named) === 0) continue;
        findings.push({
          ...locateVersionSource(source),
          message:
            `${where} does not match branch ${name}, which names the version ${quoteVersionText(named.version)}: ` +
            `a ${branch.kind ?? 'versioned'} branch releases exactly the version in its name. Expected ${quoteVersionText(named.version)}.`,
          hint: `Set the version to ${quoteVersionText(named.version)}, or rename the branch after the version you release.`,
        });
        continue;
      }
      if (isVersionOnLine(parsed, line)) continue;
      example ??= recommendNextVersion(facts, policy).version;
      findings.push({
        ...locateVersionSource(source),
        message:
          `${where} is not on the release line of branch ${name}: ${branch.kind ?? 'this'} branch releases ` +
          `${formatVersionLine(line)} versions only. Expected a ${formatVersionLine(line)} version, e.g. ${JSON.stringify(example)}.`,
        hint: `Release ${quoteVersionText(parsed.version)} from the mainline or its own line, or set a ${formatVersionLine(line)} version here.`,
      });
    }
    return findings;
  },
};
