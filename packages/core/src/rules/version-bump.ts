import { compareBumps, computeImpliedBump, maxBump, type ImpliedBumpReason } from '../commits.js';
import {
  applyBump,
  capBumpForLine,
  compareVersions,
  computeLineFloor,
  describeVersionSource,
  diffVersionCores,
  formatVersionLine,
  inspectVersionFacts,
  locateVersionSource,
  quoteVersionText,
  recommendNextVersion,
} from '../version.js';
import type { FindingData } from '../findings.js';
import type { VersionHistory } from '../facts.js';
import type { Rule, RuleFinding } from './types.js';

/** At most this many commits are named in a message; the finding's data holds them all. */
const MAX_LISTED = 10;

/** Names the first {@link MAX_LISTED} commits, one per line, and says where the rest are. */
function listCommits(reasons: readonly ImpliedBumpReason[]): string {
  const lines = reasons
    .slice(0, MAX_LISTED)
    .map(
      (r) =>
        `  - ${r.sha.slice(0, 7)} ${quoteVersionText(r.subject, 100)} (${r.breaking ? 'breaking change' : r.type} -> ${r.bump})`,
    );
  if (reasons.length > MAX_LISTED) {
    lines.push(
      `  - ... and ${reasons.length - MAX_LISTED} more (all ${reasons.length} in the finding's data)`,
    );
  }
  return lines.join('\n');
}

/** Every commit in full (sha, subject, type, bump, breaking), for the finding's data. */
function convertToCommitData(reasons: readonly ImpliedBumpReason[]): FindingData {
  return {
    kind: 'commits',
    commits: reasons.map(({ sha, subject, type, bump, breaking }) => ({
      sha,
      subject,
      type,
      bump,
      breaking,
    })),
  };
}

/**
 * Notices when the commit list is not the whole range: an empty repository,
 * or a list cut at the gatherer's limit. They say why the implied bump may
 * be incomplete, so they belong to this rule (and follow its override).
 */
function describeIncompleteHistory(history: VersionHistory | undefined): RuleFinding[] {
  const fetched: RuleFinding[] =
    history?.fetchedFrom === undefined
      ? []
      : [
          {
            severity: 'notice',
            message: `The clone was shallow, so its whole history and every tag were fetched from ${JSON.stringify(history.fetchedFrom)} before checking. Check out with fetch-depth: 0 to save the fetch.`,
            docs: 'docs/git.md#shallow-clone',
          },
        ];
  return [...fetched, ...describeCutHistory(history)];
}

/** The notices of an empty repository or a commit list cut at the gatherer's limit. */
function describeCutHistory(history: VersionHistory | undefined): RuleFinding[] {
  if (history?.empty) {
    return [
      {
        severity: 'notice',
        message: 'The repository has no commits yet, so there are no commits to check.',
      },
    ];
  }
  if (history?.limit === undefined) return [];
  const since =
    history.since === undefined
      ? 'in the history (no previous release tag)'
      : `since ${JSON.stringify(history.since)}`;
  return [
    {
      severity: 'notice',
      message: `Only the newest ${history.limit} commits ${since} were read; older ones were not checked. Tag a release to start a new range.`,
    },
  ];
}

/**
 * The declared bump is at least what the Conventional Commits since the
 * previous release imply. On a release line the bump is capped at the line's
 * step (a warning says when the commits imply more), except for the line's
 * first release, which takes the mainline's bump: the step to the line's
 * first version (17.0.0 after 16.2.9 may be major).
 */
export const versionBump: Rule = {
  id: 'version-bump',
  check: 'version',
  description:
    'The step from the previous release to the declared version is at least what the commits since then imply (breaking -> major, feat -> minor, fix -> patch).',
  defaultSeverity: 'error',
  applies: (ctx) =>
    ctx.facts.version?.commits !== undefined || ctx.facts.version?.history?.empty === true,
  evaluate({ facts, policy }) {
    const findings: RuleFinding[] = describeIncompleteHistory(facts.version?.history);
    const commits = facts.version?.commits;
    if (!commits) return findings;
    if (facts.version?.shallow) {
      findings.push({
        severity: 'warning',
        message:
          'The history is shallow, so tags and commits since the previous release may be missing and the implied bump may be too low. ' +
          'Fetch the full history before checking, e.g. actions/checkout with fetch-depth: 0.',
        hint: 'Set fetch-depth: 0 on actions/checkout.',
      });
    }
    const { declared, previous, branch, pending } = inspectVersionFacts(facts, policy);
    if (!declared || !pending || !previous || compareVersions(declared.version, previous) <= 0) {
      return findings;
    }
    const implied = computeImpliedBump(commits, policy);
    // The first release of a line (X.Y.0 cut from X.Y.x, also after X.Y.0-rc tags) is the
    // mainline's next version: it takes the step to the line's first version (17.0.0 after
    // 16.2.9 is a major one), not the line's patch cap.
    const floor = branch?.line ? computeLineFloor(branch.line) : undefined;
    const firstOfLine = floor !== undefined && compareVersions(previous, floor) < 0;
    const cap = firstOfLine
      ? maxBump(diffVersionCores(previous, floor), 'patch')
      : capBumpForLine(branch?.line);
    let needed = implied.bump;
    const where = describeVersionSource(declared.source);
    const one = commits.length === 1;
    const since = `the ${commits.length} commit${one ? '' : 's'} since ${quoteVersionText(previous.tag)}`;
    const imply = one ? 'implies' : 'imply';
    if (compareBumps(needed, cap) > 0 && branch?.line) {
      findings.push({
        severity: 'warning',
        ...locateVersionSource(declared.source),
        message:
          `T${since.slice(1)} ${imply} a ${needed} release, but branch ${quoteVersionText(branch.name)} ` +
          `releases ${formatVersionLine(branch.line)} versions, ${firstOfLine && floor ? `whose first release ${quoteVersionText(floor.version)} is at most a ${cap} step after ${quoteVersionText(previous.version)}` : `which take at most a ${cap} step`}:\n${listCommits(implied.reasons)}\n` +
          `Ship these changes from the mainline, or keep the line's releases to ${cap} changes.`,
        hint: 'Release features and breaking changes from the mainline.',
        data: convertToCommitData(implied.reasons),
      });
      needed = cap;
    }
    const step = diffVersionCores(previous, declared.version);
    if (compareBumps(step, needed) >= 0) return findings;
    const expected = applyBump(previous, needed);
    // The suggestion is the recommended version: it also clears tags above `expected` (`v2.0.0-rc.1`).
    const next = recommendNextVersion(facts, policy).version;
    const example = next === expected ? '' : `, e.g. ${quoteVersionText(next)}`;
    const above = implied.reasons.filter((r) => compareBumps(r.bump, step) > 0);
    findings.push({
      ...locateVersionSource(declared.source),
      message:
        `${where} is a ${step} step after ${quoteVersionText(previous.version)}, but ${since} ${imply} a ${needed} release:\n` +
        `${listCommits(above)}\n` +
        `Expected at least ${quoteVersionText(expected)}${example}; commits.types and commits.breaking in the policy say what each commit implies.`,
      hint: `Set the version to ${quoteVersionText(next)}, or fix the commit types if they overstate the change.`,
      data: convertToCommitData(above),
    });
    return findings;
  },
};
